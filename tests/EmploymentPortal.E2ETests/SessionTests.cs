using EmploymentPortal.Testing;
using System.Text.RegularExpressions;
using EmploymentPortal.Data.Identity;

namespace EmploymentPortal.E2ETests;

/// <summary>
/// An open page (a live Blazor circuit) ends with its session: an administrator disables the
/// user in another browser, and the user's page goes to the login page within the circuit
/// revalidation interval (2 seconds in this suite, 30 by default; docs/operations.md#sessions).
/// The administrator's browser has Playwright's default 1280x720 window.
/// </summary>
public sealed class SessionTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task An_open_page_goes_to_the_login_page_when_an_administrator_disables_its_user()
    {
        var userName = TestData.UserName("e2e-session");
        await Portal.CreateUserAsync(userName, "会话测试专用账号", PortalRoles.BureauOfficer);

        await RunAsync(async () =>
        {
            await LogInAsync(userName);
            await Page.GotoAsync("/geography");
            await WaitForCircuitAsync();
            await Expect(Page.GetByTestId("community-count")).ToBeVisibleAsync();

            await using (var administrator = await Portal.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Portal.BaseAddress.ToString(), Locale = "zh-CN" }))
            {
                var admin = await administrator.NewPageAsync();
                await admin.GotoAsync("/account/login");
                await admin.Locator("#userName").FillAsync("admin");
                await admin.Locator("#password").FillAsync(PortalFixture.DemoPassword);
                await admin.Locator("form button[type=submit]").ClickAsync();
                await Expect(admin.GetByTestId("home-title")).ToBeVisibleAsync();
                await admin.GotoAsync("/admin/users");
                await Expect(admin.Locator("[data-interactive=true]")).ToHaveCountAsync(1);
                await admin.GetByTestId("user-search").FillAsync(userName);
                await Expect(admin.GetByTestId($"disable-{userName}")).ToHaveCountAsync(1);
                var confirm = admin.GetByRole(AriaRole.Dialog);
                await ClickUntilShownAsync(admin.GetByTestId($"disable-{userName}"), confirm);
                await Expect(confirm).ToContainTextAsync(userName);
                await confirm.GetByRole(AriaRole.Button, new() { Name = "停用", Exact = true }).ClickAsync();
                await Expect(admin.GetByTestId($"enable-{userName}")).ToBeVisibleAsync();
            }

            await Expect(Page).ToHaveURLAsync(new Regex("/account/login"));
        });
    }
}
