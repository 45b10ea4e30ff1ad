using System.Net;
using System.Net.Http.Json;
using EmploymentPortal.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EmploymentPortal.IntegrationTests.Infrastructure;

/// <summary>
/// The portal in-process on a <see cref="TestDatabase"/>. Program.cs prepares the database at
/// start (<c>PortalCommands.PrepareDatabaseAsync</c>): by default it migrates and seeds the demo
/// city with <see cref="DemoPassword"/>. The environment is "Testing" unless a test names
/// another, so nothing that only Development turns on colours the results.
/// </summary>
public sealed class PortalAppFactory : WebApplicationFactory<Program>
{
    /// <summary>The demo accounts' password: meets the policy (≥ 10 characters, upper, lower, digit).</summary>
    public const string DemoPassword = "Itest2026Portal";

    /// <summary>The environment of most tests: neither Development nor Production.</summary>
    public const string TestingEnvironment = "Testing";

    private readonly TestDatabase _database;
    private readonly bool _prepareDatabase;
    private readonly string _environment;

    /// <param name="database">The database the portal uses.</param>
    /// <param name="prepareDatabase">Migrate and seed on start (false: leave the database as it is; PostgreSQL only, SQLite always migrates).</param>
    /// <param name="environment">The hosting environment: "Development" and "Production" for the tests that must hold in both (ErrorMappingTests).</param>
    public PortalAppFactory(TestDatabase database, bool prepareDatabase = true, string environment = TestingEnvironment)
    {
        _database = database;
        _prepareDatabase = prepareDatabase;
        _environment = environment;
    }

    public DatabaseProvider Provider => _database.Provider;

    /// <summary>A client without cookies of a signed-in user; it keeps cookies and does not follow redirects.</summary>
    public HttpClient CreateAnonymousClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = ClientOptions.BaseAddress });

    /// <summary>A client signed in through <c>POST /api/v1/auth/login</c>; it keeps the auth cookie.</summary>
    public async Task<HttpClient> CreateSignedInClientAsync(string userName, string password = DemoPassword)
    {
        var client = CreateAnonymousClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password });
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, not ConfigureAppConfiguration: Program.cs reads the database settings while
        // it registers services, before the app configuration callbacks would apply.
        builder.UseEnvironment(_environment);

        // The framework's and packages' static assets (blazor.web.js, _content/...) are served from
        // the build's static web assets manifest, as `dotnet run` does; a published portal has them on disk.
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", _database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Portal", _database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", _prepareDatabase ? "true" : "false");
        builder.UseSetting("Demo:SeedOnStartup", _prepareDatabase ? "true" : "false");
        builder.UseSetting("Demo:Password", DemoPassword);
        TestKeys.Apply(builder);
        builder.UseSetting("Audit:AnchorFile", _database.AnchorFile);

        // No Quartz scheduler in tests: they run the jobs themselves, with the clock they choose.
        builder.UseSetting("Scheduler:Enabled", "false");
        // Tests sign up many enterprises from one address; SignUpRateLimitTests sets its own limit.
        builder.UseSetting("RateLimiting:EnterpriseSignUp:PermitLimit", "100000");

        // Quiet console; the file sink goes to the test output, never into the source tree.
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(AppContext.BaseDirectory, "logs", "portal-.log"));
    }
}
