using System.Text.RegularExpressions;

namespace EmploymentPortal.E2ETests;

/// <summary>The English switch on the login page.</summary>
public sealed class LanguageSwitchTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task English_link_on_the_login_page_switches_the_culture_and_shows_the_login_page_in_English()
    {
        await RunAsync(async () =>
        {
            await Page.GotoAsync("/account/login");

            await Page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

            await Expect(Page).ToHaveURLAsync(PathIs("/account/login"));
            await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            var cookies = await Page.Context.CookiesAsync();
            Assert.Contains(cookies, c => c.Name == ".AspNetCore.Culture" && Uri.UnescapeDataString(c.Value) == "c=en|uic=en");
            await Expect(Page.Locator("#userName")).ToBeVisibleAsync();
            await Expect(Page.Locator("#password")).ToBeVisibleAsync();
            await Expect(Page.Locator("h1")).ToHaveTextAsync("Sign in");
            await Expect(Page.Locator("form button[type=submit]")).ToHaveTextAsync("Sign in");
            await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "中文" })).ToBeVisibleAsync();
        });
    }
}
