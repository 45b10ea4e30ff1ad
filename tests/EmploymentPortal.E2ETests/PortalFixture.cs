using System.Net;
using EmploymentPortal.Data;
using EmploymentPortal.Data.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.E2ETests;

/// <summary>
/// One portal and one chromium for the whole suite: the portal runs on Kestrel on a free
/// loopback port (<see cref="WebApplicationFactory{TEntryPoint}.UseKestrel(Action{Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions})"/>,
/// new in .NET 10) over a throwaway SQLite file with the demo city; every test gets a fresh
/// browser context (cookies, storage) of the shared browser.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    /// <summary>The demo accounts' password in this suite; meets the policy (≥ 10, upper, lower, digit).</summary>
    public const string DemoPassword = "E2eJiangzhou2026";

    /// <summary>An account only the lockout test uses, so the demo accounts stay usable.</summary>
    public const string LockoutUserName = "e2e-lockout";

    /// <summary>How long a step or an expectation may wait (milliseconds).</summary>
    public const int DefaultTimeoutMs = 20_000;

    private static readonly SemaphoreSlim StartGate = new(1, 1);
    private static int _started;

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"portal-e2e-{Guid.NewGuid():N}.db");
    private PortalFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Where failure screenshots, page HTML and the portal's log go: TestResults/e2e in this project.</summary>
    public static string ArtifactsDirectory { get; } = FindArtifactsDirectory();

    public Uri BaseAddress { get; private set; } = default!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture is not initialised.");

    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>
    /// The portal's <see cref="TimeProvider"/>: real time unless a test moves it (and puts it back
    /// with <see cref="TestClock.Reset"/> when done).
    /// </summary>
    public TestClock Clock { get; } = new();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ArtifactsDirectory);
        // Serilog's settings go in as environment variables: WebApplicationFactory hands UseSetting
        // values to Program together with their parent keys as empty strings, and Serilog reads
        // an empty "Serilog:WriteTo:0" as a sink named "". Warnings go to the console, everything
        // to a log file beside the failure artefacts.
        // The two collections' portals start one after the other, each with its own log file,
        // since the variables are the process's.
        await StartGate.WaitAsync();
        try
        {
            Environment.SetEnvironmentVariable("Serilog__WriteTo__0__Args__restrictedToMinimumLevel", "Warning");
            Environment.SetEnvironmentVariable("Serilog__WriteTo__1__Args__path", Path.Combine(ArtifactsDirectory, $"portal-{Interlocked.Increment(ref _started)}-.log"));
            _factory = new PortalFactory(_databasePath, Clock);
            _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            _factory.StartServer();
        }
        finally
        {
            StartGate.Release();
        }

        var address = _factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        BaseAddress = new Uri(address);

        await CreateUserAsync(LockoutUserName, "锁定测试专用账号");

        // The driver (node + the playwright package) ships in the NuGet package and is copied to
        // .playwright/ in the output; the browser is the system's chromium, never a download.
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PORTAL_TEST_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
        // Generous: a cold CI machine compiles and JITs the first pages while the browser waits.
        // A green run never waits this long; a red one fails with the page saved.
        SetDefaultExpectTimeout(DefaultTimeoutMs);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm", ".keys.json", ".anchors.jsonl" })
        {
            File.Delete(_databasePath + suffix);
        }
    }

    /// <summary>A user's display name as the header should show it.</summary>
    public async Task<string> DisplayNameAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(userName)
            ?? throw new InvalidOperationException($"No user {userName}.");
        return user.DisplayName;
    }

    /// <summary>The name of the enterprise an enterprise user acts for.</summary>
    public async Task<string> EnterpriseNameAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(userName);
        var enterpriseId = user?.EnterpriseId ?? throw new InvalidOperationException($"{userName} acts for no enterprise.");
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.Name).SingleAsync();
    }

    /// <summary>Creates an account with the suite's password, for a test that changes it (lockout, disabling).</summary>
    public async Task CreateUserAsync(string userName, string displayName, string? role = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = userName, DisplayName = displayName, CreatedAt = TimeProvider.System.GetUtcNow() };
        var result = await users.CreateAsync(user, DemoPassword);
        if (result.Succeeded && role is not null)
        {
            result = await users.AddToRoleAsync(user, role);
        }

        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Creating {userName} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    private static string FindArtifactsDirectory()
    {
        // bin/<configuration>/<tfm>/ → the project folder, where `dotnet test` puts TestResults.
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !directory.EnumerateFiles("*.csproj").Any())
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "TestResults", "e2e");
    }

    /// <summary>The portal with the suite's own database and demo password.</summary>
    private sealed class PortalFactory(string databasePath, TestClock clock) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // blazor.web.js and the packages' _content come from the build's static web assets.
            builder.UseStaticWebAssets();

            // UseSetting, not ConfigureAppConfiguration: Program reads these while building services.
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Portal", $"Data Source={databasePath}");
            builder.UseSetting("Demo:Password", DemoPassword);
            builder.UseSetting("Demo:SeedOnStartup", "true");

            // The keys are generated on first start into the suite's folder, as on a fresh machine.
            builder.UseSetting("Keys:File", databasePath + ".keys.json");
            builder.UseSetting("Audit:AnchorFile", databasePath + ".anchors.jsonl");

            // Open pages check their session every 2 seconds (30 by default), so that a test sees
            // a disabled user's page end without waiting half a minute.
            builder.UseSetting("Sessions:CircuitRevalidationSeconds", "2");

            // The test clock replaces the system clock for everything that takes TimeProvider.
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "Portal in chromium";
}

/// <summary>
/// A second portal and browser of their own for <see cref="EveryPageTests"/>, which only reads:
/// it runs beside the journeys (xunit.runner.json: two collections at once), whose portal and
/// clock it never touches, and the suite takes about half as long.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EveryPageCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "Every page in chromium";
}
