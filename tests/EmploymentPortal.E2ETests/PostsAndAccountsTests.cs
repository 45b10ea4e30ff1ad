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
            await Expect(Page.GetByTestId("job-fair-form")).ToBeVisibleAsync();

            await Page.SetViewportSizeAsync(1366, 768);
            await Page.GotoAsync("/bureau/posts");
            await WaitForCircuitAsync();
            await Expect(Page.GetByTestId("programmes")).ToBeVisibleAsync();
            await Page.SetViewportSizeAsync(1366, 768);
            await AssertInsideWindowAsync(Page.GetByTestId("placements").Locator("tbody tr").First.Locator("td").Last);
        });
    }

    [Fact]
    public async Task Officer_creates_a_programme_with_a_monthly_subsidy_typed_as_an_amount()
    {
        var name = $"补贴项目{Guid.NewGuid():N}"[..12];

        await RunAsync(async () =>
        {
            await LogInAsync("officer1");
            await Page.GotoAsync("/bureau/posts");
            await WaitForCircuitAsync();
            var form = Page.GetByTestId("programme-form");
            await ClickUntilShownAsync(Page.GetByTestId("create-programme"), form);
            // A new form carries no error (the dialogs once showed an alert reading "_error").
            await Expect(form.GetByTestId("form-error")).ToHaveCountAsync(0);
            await form.GetByTestId("programme-name-input").FillAsync(name);
            await form.GetByTestId("programme-owner-input").FillAsync("东湖街道办事处");
            await form.GetByTestId("programme-posts-input").FillAsync("2");
            await form.GetByTestId("programme-posts-input").PressAsync("Tab");

            // A bad amount is named under the field in Chinese; the rest of the form stays.
            var subsidy = form.GetByTestId("programme-monthly-subsidy");
            await subsidy.FillAsync("1800.505");
            await subsidy.PressAsync("Tab");
            var subsidyField = FieldOf(form, "programme-monthly-subsidy");
            await Expect(subsidyField).ToContainTextAsync("金额1800.505元不能精确到分，最多两位小数。");
            await Expect(form.GetByTestId("programme-name-input")).ToHaveValueAsync(name);
            await form.GetByTestId("dialog-save").ClickAsync();
            await Expect(form).ToBeVisibleAsync();

            await FillMoneyAsync(subsidy, "1,800.50", "1800.50");
            await Expect(subsidyField).Not.ToContainTextAsync("不能精确到分");
            await form.GetByTestId("dialog-save").ClickAsync();
            await Expect(form).ToBeHiddenAsync();
            await Expect(Page.Locator("tr", new() { HasText = name })).ToContainTextAsync("¥1,800.50");
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
            await Expect(Page.GetByTestId("create-colleague")).ToBeVisibleAsync();

            await Page.GetByTestId("create-colleague").ClickAsync();
            var form = Page.GetByTestId("colleague-form");
            await form.GetByTestId("colleague-user-name-input").FillAsync(colleague);
            await form.GetByTestId("colleague-display-name").FillAsync("人事专员乙");
            await form.GetByTestId("colleague-submit").ClickAsync();

            await Expect(Page.GetByTestId("colleague-password")).ToContainTextAsync(colleague);
            await Expect(Page.GetByTestId("colleagues")).ToContainTextAsync(colleague);

            // Disabling asks first and names the person.
            var row = Page.GetByTestId("colleagues").Locator("tr").Filter(new() { HasTextString = colleague });
            await row.GetByTestId("toggle-colleague").ClickAsync();
            await ConfirmAsync("停用", colleague, "人事专员乙");
            await Expect(row).ToContainTextAsync("已停用");
        });
    }
}
