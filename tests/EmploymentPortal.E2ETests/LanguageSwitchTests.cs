using System.Text.RegularExpressions;

namespace EmploymentPortal.E2ETests;

/// <summary>The English switch on the login page.</summary>
public sealed class LanguageSwitchTests(PortalFixture portal) : PortalPageTest(portal)
{
    /// <summary>
    /// English texts exist only when Resources/SharedResource.en.resx is built into the English
    /// satellite assembly; until then the switch must still set the culture and render the page.
    /// </summary>
    private static bool EnglishResourcesExist =>
        File.Exists(Path.Combine(AppContext.BaseDirectory, "en", "EmploymentPortal.Web.resources.dll"));

    [Fact]
    public async Task English_link_on_the_login_page_switches_the_culture_and_the_login_page_still_works()
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
            if (EnglishResourcesExist)
            {
                await Expect(Page.Locator("h1")).ToHaveTextAsync(new Regex("^[\\x20-\\x7E]+$"));
                await Expect(Page.Locator("form button[type=submit]")).ToHaveTextAsync(new Regex("^[\\x20-\\x7E]+$"));
            }
        });
    }
}
