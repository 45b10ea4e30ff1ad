using System.Collections.Concurrent;
using EmploymentPortal.Data;
using EmploymentPortal.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.IntegrationTests.Infrastructure;

/// <summary>
/// One started, migrated and seeded portal per provider, shared by the test classes of its
/// collection (<see cref="SqliteAppCollection"/>, <see cref="PostgresAppCollection"/>). Tests that
/// share it must not change what others read: no sign-out of a shared client, no lockout of a
/// demo account (those tests create their own user or client).
/// </summary>
public abstract class PortalApp : IAsyncLifetime
{
    private readonly DatabaseProvider _provider;
    private readonly string _environment;
    private readonly ConcurrentDictionary<string, Task<HttpClient>> _signedIn = new(StringComparer.Ordinal);
    private TestDatabase? _database;
    private PortalAppFactory? _factory;

    protected PortalApp(DatabaseProvider provider, string environment = PortalAppFactory.TestingEnvironment)
    {
        _provider = provider;
        _environment = environment;
    }

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The app has not started.");

    public PortalAppFactory Factory => _factory ?? throw new InvalidOperationException("The app has not started.");

    /// <summary>A client signed in as a demo account, created once and shared: never sign it out.</summary>
    public Task<HttpClient> SignedInClientAsync(string userName) =>
        _signedIn.GetOrAdd(userName, name => Factory.CreateSignedInClientAsync(name));

    /// <summary>
    /// Creates a user of its own for a test that changes the account (failed attempts, lockout,
    /// disabling), so that the demo accounts other tests sign in with stay usable.
    /// </summary>
    public async Task<string> CreateUserAsync(string role, bool disabled = false)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser
        {
            UserName = $"itest-{Guid.NewGuid():N}"[..20],
            DisplayName = "测试用户",
            IsDisabled = disabled,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var created = await users.CreateAsync(user, PortalAppFactory.DemoPassword);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var inRole = await users.AddToRoleAsync(user, role);
        Assert.True(inRole.Succeeded, string.Join("; ", inRole.Errors.Select(e => e.Description)));
        return user.UserName;
    }

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(_provider);
        _factory = new PortalAppFactory(_database, environment: _environment);

        // Starting the server runs Program.cs, which migrates and seeds.
        _ = _factory.Server;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _signedIn.Values.Where(t => t.IsCompletedSuccessfully))
        {
            client.Result.Dispose();
        }

        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

public sealed class SqlitePortalApp : PortalApp
{
    public SqlitePortalApp()
        : base(DatabaseProvider.Sqlite)
    {
    }
}

public sealed class PostgresPortalApp : PortalApp
{
    public PostgresPortalApp()
        : base(DatabaseProvider.Postgres)
    {
    }
}

/// <summary>The portal as a developer runs it (Development: developer exception page, validated scopes) on SQLite.</summary>
public sealed class DevelopmentSqlitePortalApp : PortalApp
{
    public DevelopmentSqlitePortalApp()
        : base(DatabaseProvider.Sqlite, "Development")
    {
    }
}

/// <summary>The portal as it is deployed (Production) on PostgreSQL.</summary>
public sealed class ProductionPostgresPortalApp : PortalApp
{
    public ProductionPostgresPortalApp()
        : base(DatabaseProvider.Postgres, "Production")
    {
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteAppCollection : ICollectionFixture<SqlitePortalApp>
{
    public const string Name = "Portal on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresAppCollection : ICollectionFixture<PostgresPortalApp>
{
    public const string Name = "Portal on PostgreSQL";
}

[CollectionDefinition(Name)]
public sealed class DevelopmentSqliteAppCollection : ICollectionFixture<DevelopmentSqlitePortalApp>
{
    public const string Name = "Portal in Development on SQLite";
}

[CollectionDefinition(Name)]
public sealed class ProductionPostgresAppCollection : ICollectionFixture<ProductionPostgresPortalApp>
{
    public const string Name = "Portal in Production on PostgreSQL";
}
