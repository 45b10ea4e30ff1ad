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
            await Page.GetByTestId("user-search").PressAsync("Enter");
            await Expect(Page.GetByTestId($"reset-{userName}")).ToHaveCountAsync(1);
            await ClickUntilShownAsync(Page.GetByTestId($"reset-{userName}"), Page.GetByTestId("generate"));
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
}
