namespace EmploymentPortal.E2ETests;

/// <summary>
/// Screenshots for the README at 1400×900: the login page and the officer's home and geography
/// pages. With <c>PORTAL_SCREENSHOTS_DIR</c> set (relative paths are taken from the repository
/// root, e.g. <c>PORTAL_SCREENSHOTS_DIR=docs/images</c>) they are written there; otherwise into
/// a temporary folder, so the test always runs the same steps.
/// </summary>
public sealed class ScreenshotTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task Login_home_and_geography_pages_are_captured_for_the_readme()
    {
        var directory = ScreenshotDirectory();
        Directory.CreateDirectory(directory);
        var login = Path.Combine(directory, "login.png");
        var home = Path.Combine(directory, "home.png");
        var geography = Path.Combine(directory, "geography.png");

        await RunAsync(async () =>
        {
            await Page.GotoAsync("/account/login");
            await Expect(Page.Locator("h1")).ToHaveTextAsync("用户登录");
            await CaptureAsync(login);

            await SubmitLoginAsync("officer1", PortalFixture.DemoPassword);
            await Expect(Page.GetByTestId("home-title")).ToHaveTextAsync("人社局经办工作台");
            await WaitForCircuitAsync();
            await CaptureAsync(home);

            await Page.GotoAsync("/geography");
            await WaitForCircuitAsync();
            await Expect(Page.GetByTestId("community-grid").Locator("tbody tr")).ToHaveCountAsync(15);
            await CaptureAsync(geography);
        });

        foreach (var file in new[] { login, home, geography })
        {
            Assert.True(new FileInfo(file).Length > 10_000, $"{file} is missing or nearly empty.");
        }

        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("PORTAL_SCREENSHOTS_DIR")))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private async Task CaptureAsync(string path)
    {
        // Web fonts and the CJK system fonts must be in place before the picture is taken.
        await Page.EvaluateAsync("() => document.fonts.ready");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Animations = ScreenshotAnimations.Disabled, Caret = ScreenshotCaret.Hide });
    }

    private static string ScreenshotDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("PORTAL_SCREENSHOTS_DIR");
        if (string.IsNullOrWhiteSpace(configured))
        {
            return Path.Combine(Path.GetTempPath(), $"portal-screenshots-{Guid.NewGuid():N}");
        }

        return Path.IsPathRooted(configured) ? configured : Path.Combine(RepositoryRoot(), configured);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EmploymentPortal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("EmploymentPortal.sln not found above " + AppContext.BaseDirectory);
    }
}
