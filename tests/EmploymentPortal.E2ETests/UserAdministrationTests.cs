using EmploymentPortal.Testing;
using System.Text.RegularExpressions;
using EmploymentPortal.Data.Identity;

namespace EmploymentPortal.E2ETests;

/// <summary>
/// User administration (系统管理) through the command pipeline: the reset-password dialog shows the
/// generated password the outcome carries (ADR 007), once, and it is the user's password from then on.
/// </summary>
public sealed class UserAdministrationTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task Administrator_resets_a_password_sees_the_generated_one_and_the_user_signs_in_with_it()
    {
        var userName = TestData.UserName("e2e-reset");
        await Portal.CreateUserAsync(userName, "重置密码测试专用账号", PortalRoles.BureauOfficer);

        await RunAsync(async () =>
        {
            await LogInAsync("admin");
            await Page.GotoAsync("/admin/users");
            await WaitForCircuitAsync();
            await Page.GetByTestId("user-search").FillAsync(userName);
            await Expect(Page.GetByTestId($"reset-{userName}")).ToHaveCountAsync(1);
            await ClickUntilShownAsync(Page.GetByTestId($"reset-{userName}"), Page.GetByTestId("generate"));
            await Expect(Page.GetByRole(AriaRole.Dialog)).ToContainTextAsync(userName);
            await AssertAccessibleAsync();
            await Page.GetByTestId("generate").ClickAsync();
            await Page.GetByTestId("submit").ClickAsync();

            var shown = Page.GetByTestId("generated-password");
            await Expect(shown).ToHaveTextAsync(new Regex("^[A-Za-z2-9]{14}$"));
            var password = (await shown.TextContentAsync())!.Trim();
            await Page.GetByTestId("close").ClickAsync();

            await using var user = await Portal.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Portal.BaseAddress.ToString(), Locale = "zh-CN" });
            var page = await user.NewPageAsync();
            await page.GotoAsync("/account/login");
            await page.Locator("#userName").FillAsync(userName);
            await page.Locator("#password").FillAsync(password);
            await page.Locator("form button[type=submit]").ClickAsync();
            await Expect(page.GetByTestId("home-title")).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task Administrator_creates_a_station_user_keeps_the_input_on_a_refused_password_then_edits_the_name()
    {
        var userName = TestData.UserName("e2e-create");

        await RunAsync(async () =>
        {
            await LogInAsync("admin");
            await Page.GotoAsync("/admin/users");
            await WaitForCircuitAsync();
            await Expect(Page.GetByTestId("edit-admin")).ToBeVisibleAsync();
            await Page.SetViewportSizeAsync(1366, 768);

            await ClickUntilShownAsync(Page.GetByTestId("create-user"), Page.GetByTestId("username"));
            var dialog = Page.GetByRole(AriaRole.Dialog);
            await dialog.GetByTestId("username").FillAsync(userName);
            await dialog.GetByTestId("display-name").FillAsync("新建用户测试");
            await SelectAsync(dialog, "role", "社区服务站工作人员");
            await dialog.GetByTestId("communities").FillAsync("东湖");
            await Page.Locator(".mud-popover-open [role=option], .mud-popover-open .mud-list-item").Filter(new() { HasTextString = "东湖社区" }).First.ClickAsync();
            await Expect(dialog.GetByTestId("chosen-communities")).ToContainTextAsync("东湖社区");
            await dialog.GetByTestId("password").FillAsync("weakpassword");
            await dialog.GetByTestId("submit").ClickAsync();

            await Expect(FieldOf(dialog, "password")).ToContainTextAsync("密码");
            await Expect(dialog.GetByTestId("username")).ToHaveValueAsync(userName);
            await Expect(dialog.GetByTestId("chosen-communities")).ToContainTextAsync("东湖社区");
            await AssertAccessibleAsync();

            await dialog.GetByTestId("password").FillAsync("Station2026Pass");
            await dialog.GetByTestId("submit").ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);
            await Page.GetByTestId("user-search").FillAsync(userName);
            var row = Page.GetByTestId("user-grid").GetByRole(AriaRole.Row).Filter(new() { HasTextString = userName });
            await Expect(row).ToContainTextAsync("东湖社区");
            await Expect(row).ToContainTextAsync("社区服务站工作人员");

            await ClickUntilShownAsync(row.GetByTestId($"edit-{userName}"), Page.GetByTestId("edit-user-form"));
            var edit = Page.GetByRole(AriaRole.Dialog);
            await Expect(edit.GetByTestId("display-name")).ToHaveValueAsync("新建用户测试");
            await AssertAccessibleAsync();
            await edit.GetByTestId("display-name").FillAsync("改名后的用户");
            await edit.GetByTestId("submit").ClickAsync();
            await Expect(edit).ToHaveCountAsync(0);
            await Expect(row).ToContainTextAsync("改名后的用户");
        });
    }
}
