using EmploymentPortal.Testing;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.E2ETests;

/// <summary>零就业家庭 at the station: a household is flagged when recorded and cleared by a placement.</summary>
public sealed class HouseholdTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task Station_worker_records_a_zero_employment_family_and_clears_it_by_a_placement()
    {
        var name = TestData.Name("户主");
        var idNumber = TestData.IdNumber(new DateOnly(1981, 10, 12), Sex.Male);

        await RunAsync(async () =>
        {
            await LogInAsync("station1");
            await Page.GotoAsync("/households/new");
            await WaitForCircuitAsync();

            var form = Page.GetByTestId("household-form");
            await Expect(form.GetByTestId("member-name")).ToBeVisibleAsync();
            await Page.SetViewportSizeAsync(1366, 768);
            await SelectAsync(form, "household-community", "东湖社区");
            await form.GetByTestId("member-id-number").FillAsync("12345");
            await form.GetByTestId("save-household").ClickAsync();
            await Expect(FieldOf(form, "member-name")).ToContainTextAsync("请输入成员姓名");
            await Expect(form.GetByTestId("member-id-number")).ToHaveValueAsync("12345");
            await form.GetByTestId("member-name").FillAsync(name);
            await form.GetByTestId("member-id-number").FillAsync(idNumber);
            await form.GetByTestId("save-household").ClickAsync();

            await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/households/[0-9a-f-]{36}$"));
            await Expect(Page.GetByTestId("zero-employment-state")).ToContainTextAsync("零就业家庭");
            await Expect(Page.GetByTestId("zero-employment-state")).Not.ToContainTextAsync("已清零");

            await AssertFitsAndAccessibleAsync(Page.GetByTestId("record-placement"));
            await Page.SetViewportSizeAsync(1366, 768);
            await Page.GetByTestId("record-placement").ClickAsync();
            await ConfirmAsync("记录安置就业", name);
            await Expect(Page.GetByTestId("zero-employment-state")).ToContainTextAsync("零就业家庭已清零");
            await Expect(Page.GetByTestId("zero-employment-state")).ToContainTextAsync(name);

            await Page.GotoAsync("/households");
            await WaitForCircuitAsync();
            await Expect(Page.GetByTestId("households")).ToContainTextAsync("零就业家庭");
            await Expect(Page.GetByTestId("households")).Not.ToContainTextAsync(name);

            // A cleared family is still on the list of all families, its clearing date kept.
            await Page.GetByRole(AriaRole.Checkbox, new() { Name = "只看零就业家庭" }).UncheckAsync();
            var cleared = Page.GetByTestId("household-link").Filter(new() { HasText = name });
            await Expect(cleared).ToBeVisibleAsync();

        });
    }
}
