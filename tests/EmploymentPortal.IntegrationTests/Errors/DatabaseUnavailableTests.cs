using System.Net;
using System.Net.Http.Json;
using EmploymentPortal.Data;
using EmploymentPortal.IntegrationTests.Infrastructure;

namespace EmploymentPortal.IntegrationTests.Errors;

/// <summary>
/// While the database cannot be reached (PostgreSQL restarting, a SQLite file that cannot be
/// opened) requests that need it are a 503 problem with Retry-After, not a 500, and the
/// readiness check says unhealthy.
/// </summary>
public sealed class PostgresUnreachableTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.UnreachablePostgres();
    private PortalAppFactory? _factory;

    public Task InitializeAsync()
    {
        // Production: the environment where the 500 was found; nothing is migrated or seeded.
        _factory = new PortalAppFactory(_database, prepareDatabase: false, environment: "Production");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Login_is_a_503_problem_with_retry_after()
    {
        using var client = ErrorAssert.WithOwnOrigin(_factory!.CreateAnonymousClient());

        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "station1", password = PortalAppFactory.DemoPassword });

        await DatabaseDown.AssertAsync(response);
    }

    [Fact]
    public async Task Readiness_is_unhealthy()
    {
        using var client = _factory!.CreateAnonymousClient();

        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
    }
}

/// <summary>The SQLite file turns unreadable under a running portal (Development settings), and comes back.</summary>
public sealed class SqliteUnreadableTests : IAsyncLifetime
{
    private TestDatabase? _database;
    private PortalAppFactory? _factory;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _factory = new PortalAppFactory(_database, environment: "Development");
        _ = _factory.Server;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Requests_are_503_with_retry_after_while_the_file_is_unreadable_and_work_again_after()
    {
        var client = ErrorAssert.WithOwnOrigin(await _factory!.CreateSignedInClientAsync("station1"));
        var restore = _database!.BreakSqliteFile();

        var list = await client.GetAsync("/api/v1/residents?pageSize=1");
        var login = await ErrorAssert.WithOwnOrigin(_factory.CreateAnonymousClient()).PostAsJsonAsync("/api/v1/auth/login", new { userName = "station2", password = PortalAppFactory.DemoPassword });
        var ready = await client.GetAsync("/health/ready");
        var page = await client.GetAsync("/residents");
        await restore();
        var again = await client.GetAsync("/api/v1/residents?pageSize=1");

        await DatabaseDown.AssertAsync(list);
        await DatabaseDown.AssertAsync(login);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.ServiceUnavailable, $"page: {(int)page.StatusCode} {html[..Math.Min(html.Length, 300)]}");
        Assert.Contains("服务暂时不可用", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }
}

internal static class DatabaseDown
{
    public static async Task AssertAsync(HttpResponseMessage response)
    {
        var problem = await ErrorAssert.ProblemAsync(response, HttpStatusCode.ServiceUnavailable, "database-unavailable");
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter is { TotalSeconds: > 0 }, $"no Retry-After in seconds: {problem}");
    }
}
