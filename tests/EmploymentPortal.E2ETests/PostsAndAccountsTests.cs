namespace EmploymentPortal.E2ETests;

/// <summary>The bureau's posts and job-fair pages with the demo data, and an enterprise adding a colleague.</summary>
public sealed class PostsAndAccountsTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task Officer_sees_the_demo_programmes_the_relocated_share_and_the_job_fairs_against_the_targets()
    {
        await RunAsync(async () =>
        {
            await LogInAsync("officer1");
            await Page.GotoAsync("/bureau/posts");
            await WaitForCircuitAsync();
            await Expect(Page.GetByTestId("programmes")).ToContainTextAsync("社区公益性岗位");
            await Expect(Page.GetByTestId("programmes")).ToContainTextAsync("高校毕业生就业见习");
            await Expect(Page.GetByTestId("relocated-share")).ToContainTextAsync("搬迁群众占公益性岗位比例");
            await Expect(Page.GetByTestId("retention")).ToContainTextAsync("%");

            await Page.GotoAsync("/bureau/job-fairs");
            await WaitForCircuitAsync();
            await Expect(Page.GetByTestId("job-fair-targets")).ToContainTextAsync("/ 72");
            await Expect(Page.GetByTestId("job-fair-targets")).ToContainTextAsync("/ 810");
            await Expect(Page.GetByTestId("job-fairs")).ToContainTextAsync("春风行动专场招聘会");
        });
    }

    [Fact]
    public async Task Enterprise_user_adds_a_colleague_and_sees_the_generated_password_once()
    {
        var colleague = $"e2e{Guid.NewGuid():N}"[..14];

        await RunAsync(async () =>
        {
            await LogInAsync("enterprise1");
            await Page.GotoAsync("/enterprise/users");
            await WaitForCircuitAsync();
            await Expect(Page.GetByTestId("colleagues")).ToContainTextAsync("enterprise1");

            await Page.GetByTestId("create-colleague").ClickAsync();
            var form = Page.GetByTestId("colleague-form");
            await form.GetByTestId("colleague-user-name-input").FillAsync(colleague);
            await form.GetByTestId("colleague-display-name").FillAsync("人事专员乙");
            await form.GetByTestId("colleague-submit").ClickAsync();

            await Expect(Page.GetByTestId("colleague-password")).ToContainTextAsync(colleague);
            await Expect(Page.GetByTestId("colleagues")).ToContainTextAsync(colleague);
        });
    }
}
