using System.Text.RegularExpressions;

namespace EmploymentPortal.E2ETests;

/// <summary>Where anonymous users are sent, where a user lands after signing in, and signing out.</summary>
public sealed class NavigationTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task Anonymous_visit_to_the_home_page_is_sent_to_the_login_page()
    {
        await RunAsync(async () =>
        {
            await Page.GotoAsync("/");

            await Expect(Page).ToHaveURLAsync(new Regex("/account/login\\?ReturnUrl=%2F$", RegexOptions.IgnoreCase));
            await Expect(Page.Locator("h1")).ToHaveTextAsync("用户登录");
        });
    }

    [Fact]
    public async Task After_signing_in_the_user_lands_on_the_page_they_asked_for()
    {
        await RunAsync(async () =>
        {
            await Page.GotoAsync("/geography");
            await Expect(Page).ToHaveURLAsync(new Regex("/account/login\\?ReturnUrl=%2Fgeography$", RegexOptions.IgnoreCase));

            await SubmitLoginAsync("officer1", PortalFixture.DemoPassword);

            await Expect(Page).ToHaveURLAsync(PathIs("/geography"));
            await Expect(Page.Locator("h1")).ToHaveTextAsync("区划与服务站");
        });
    }

    [Fact]
    public async Task Logout_button_in_the_header_signs_out_and_the_home_page_asks_for_login_again()
    {
        await RunAsync(async () =>
        {
            await LogInAsync("officer2");
            await WaitForCircuitAsync();

            await Page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();

            // The sign-out redirect lands on the login page; the home page's circuit, seeing the
            // user gone first, may send it there with the way back to "/" (seen in CI under load).
            await Expect(Page).ToHaveURLAsync(new Regex("^" + Regex.Escape(new Uri(Portal.BaseAddress, "/account/login").ToString()) + "(\\?returnUrl=(/|%2F))?$", RegexOptions.IgnoreCase));
            await Expect(Page.Locator("h1")).ToHaveTextAsync("用户登录");
            await Page.GotoAsync("/");
            await Expect(Page).ToHaveURLAsync(new Regex("/account/login\\?ReturnUrl=%2F$", RegexOptions.IgnoreCase));
        });
    }

    [Fact]
    public async Task Enterprise_user_opening_a_staff_page_is_refused_in_Chinese()
    {
        await RunAsync(async () =>
        {
            await LogInAsync("enterprise1");

            await Page.GotoAsync("/geography");

            await Expect(Page.Locator("h1")).ToHaveTextAsync("无权访问");
            await Expect(Page.GetByTestId("community-count")).ToHaveCountAsync(0);
        });
    }
}
