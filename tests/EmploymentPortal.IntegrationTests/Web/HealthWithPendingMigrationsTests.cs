using System.Net;
using EmploymentPortal.Data;
using EmploymentPortal.IntegrationTests.Infrastructure;

namespace EmploymentPortal.IntegrationTests.Web;

/// <summary>
/// A portal whose database lacks migrations is alive but not ready: a load balancer must not
/// route to it. PostgreSQL, because only there the portal starts without migrating
/// (Database:MigrateOnStartup=false).
/// </summary>
public sealed class HealthWithPendingMigrationsTests : IAsyncLifetime
{
    private TestDatabase? _database;
    private PortalAppFactory? _factory;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        _factory = new PortalAppFactory(_database, prepareDatabase: false);
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
    public async Task Health_ready_is_503_while_migrations_are_pending_and_live_stays_200()
    {
        using var client = _factory!.CreateAnonymousClient();

        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
