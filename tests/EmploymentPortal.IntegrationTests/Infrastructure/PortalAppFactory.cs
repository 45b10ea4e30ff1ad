using System.Net;
using System.Net.Http.Json;
using EmploymentPortal.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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

        // Production's sign-in cookie is __Host- and Secure: a browser sends it only over HTTPS,
        // as it reaches the portal behind its TLS proxy.
        if (environment == Environments.Production)
        {
            ClientOptions.BaseAddress = new Uri("https://localhost");
        }
    }

    public DatabaseProvider Provider => _database.Provider;

    /// <summary>The host's private work folder for uploads and workbooks.</summary>
    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), "portal-itests", $"work-{Guid.NewGuid():N}");

    /// <summary>
    /// A request header naming the client's address for this test host, as the forwarded-headers
    /// middleware behind a trusted proxy would set <c>Connection.RemoteIpAddress</c>.
    /// </summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    /// <summary>The origin the test clients of a Testing host talk to: what a browser on the portal's own pages sends as <c>Origin</c>.</summary>
    public static readonly Uri PortalOrigin = new("http://localhost");

    /// <summary>
    /// A client without cookies of a signed-in user; it keeps cookies, does not follow redirects
    /// and, like a browser on the portal's pages, sends the portal's <c>Origin</c> (writes with the
    /// sign-in cookie need it; docs/security.md, section 5). A request may set its own. The address
    /// is the factory's (<see cref="PortalOrigin"/>, HTTPS in Production, a real port with Kestrel).
    /// </summary>
    public HttpClient CreateAnonymousClient()
    {
        var origin = ClientOptions.BaseAddress;
        var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = origin, AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add("Origin", origin.GetLeftPart(UriPartial.Authority));
        return client;
    }

    /// <summary>
    /// Serves the portal on a real Kestrel on a free port of 127.0.0.1 (the in-memory test server
    /// has no request body limit and no address another process can reach); the clients talk to it.
    /// </summary>
    public void StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        ClientOptions.BaseAddress = new Uri(address);
    }

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

    /// <summary>
    /// A host of its own on the same database, with other settings and, when given, a clock the
    /// test sets (it replaces the system clock for everything that takes TimeProvider: cookies,
    /// sessions, sign-in limits, the audit log).
    /// </summary>
    public WebApplicationFactory<Program> With(TimeProvider? clock, Action<IServiceCollection>? services, params (string Key, string Value)[] settings) =>
        WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(s =>
            {
                if (clock is not null)
                {
                    s.AddSingleton(clock);
                }

                services?.Invoke(s);
            });
        });

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

        // Every test host its own owner-only work folder, outside the source tree.
        builder.UseSetting("Uploads:WorkDirectory", WorkDirectory);

        // No Quartz scheduler in tests: they run the jobs themselves, with the clock they choose.
        builder.UseSetting("Scheduler:Enabled", "false");
        // Tests sign up many enterprises from one address; SignUpRateLimitTests sets its own limit.
        builder.UseSetting("RateLimiting:EnterpriseSignUp:PermitLimit", "100000");
        builder.UseSetting("RateLimiting:PublicMap:PermitLimit", "100000");

        // All tests sign in from one address, some of them failing on purpose; the sign-in tests
        // set their own limits and addresses (ClientAddressHeader).
        builder.UseSetting("SignIn:AddressFailures", "100000");
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());

        // Quiet console; the file sink goes to the test output, never into the source tree.
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(AppContext.BaseDirectory, "logs", "portal-.log"));
    }
}

/// <summary>Sets the connection's remote address from <see cref="PortalAppFactory.ClientAddressHeader"/>, before the portal's own middleware.</summary>
internal sealed class ClientAddressFromHeader : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[PortalAppFactory.ClientAddressHeader].ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
