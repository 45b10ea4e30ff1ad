using EmploymentPortal.Data;
using EmploymentPortal.Data.Auditing;
using EmploymentPortal.Data.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EmploymentPortal.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh, uniquely named, empty database for one test class (or one test): a temporary SQLite
/// file, or <c>portal_test_&lt;guid&gt;</c> on the PostgreSQL server named by
/// <see cref="PostgresServer.EnvironmentVariable"/>. Disposing deletes the file or drops the
/// database.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqlitePath;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqlitePath, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqlitePath = sqlitePath;
        _postgresName = postgresName;
        AnchorFile = Path.Combine(Path.GetTempPath(), "portal-itests", $"{Path.GetFileNameWithoutExtension(sqlitePath) ?? postgresName ?? Guid.NewGuid().ToString("N")}.anchors.jsonl");
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The connection string to give the portal as <c>ConnectionStrings:Portal</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// The audit anchor file of the portal on this database (<c>Audit:AnchorFile</c>): one per
    /// database, as one per installation, deleted with it.
    /// </summary>
    public string AnchorFile { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), "portal-itests", $"portal_test_{Guid.NewGuid():N}.db");

            // The same resolution as the portal's (pooling, busy timeout), so tests see what it sees.
            var connectionString = DatabaseServiceCollectionExtensions.ResolveConnectionString(DatabaseProvider.Sqlite, $"Data Source={path}", Path.GetTempPath());
            return new TestDatabase(provider, connectionString, path, null);
        }

        var name = $"portal_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { Database = name };
        return new TestDatabase(provider, builder.ConnectionString, null, name);
    }

    /// <summary>
    /// A context configured as the portal configures its own: the provider, the migrations
    /// assembly, and the concurrency and audit interceptors. Audit rows name <paramref name="actor"/>
    /// and are sealed with the current audit key of <paramref name="keys"/> (default <see cref="TestKeys.Ring"/>).
    /// </summary>
    /// <param name="actor">Who the audit rows name.</param>
    /// <param name="keys">Keys other than the test hosts' <see cref="TestKeys.Ring"/> (key rotation tests): personal data and audit.</param>
    public PortalDbContext CreateContext(IAuditActor? actor = null, PortalKeyRing? keys = null)
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseServiceCollectionExtensions.Configure(builder, Provider, ConnectionString)
            .UsePersonalDataKeys(keys ?? TestKeys.Ring)
            .AddInterceptors(new ConcurrencyVersionInterceptor(), new AuditInterceptor(TimeProvider.System, keys ?? TestKeys.Ring));
        return new PortalDbContext(builder.Options, actor);
    }

    /// <summary>Verifies the audit chain as the portal on this database does: the test keys, this database's anchor file.</summary>
    public AuditVerifier Verifier => new(TestKeys.Ring, new AuditAnchorFile(AnchorFile));

    public async Task MigrateAsync()
    {
        await using var db = CreateContext();
        await db.Database.MigrateAsync();
    }

    /// <summary>Runs raw SQL against the database, bypassing EF Core and its interceptors.</summary>
    public async Task<int> ExecuteSqlAsync(string sql)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            await using var connection = new SqliteConnection(ConnectionString);
            await connection.OpenAsync();
            await using var command = new SqliteCommand(sql, connection);
            return await command.ExecuteNonQueryAsync();
        }

        await using var pg = new NpgsqlConnection(ConnectionString);
        await pg.OpenAsync();
        await using var pgCommand = new NpgsqlCommand(sql, pg);
        return await pgCommand.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// A PostgreSQL database that cannot be reached: the connection string names a port on the
    /// loopback where nothing listens (found free, then closed), as while the server restarts.
    /// </summary>
    public static TestDatabase UnreachablePostgres()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Database = "portal_unreachable",
            Username = "portal",
            Password = "portal",
            Timeout = 3,
        };
        return new TestDatabase(DatabaseProvider.Postgres, builder.ConnectionString, null, null);
    }

    /// <summary>
    /// Makes the SQLite file unreadable to the portal as a failed disk would: the pooled
    /// connections are closed and a directory takes the file's place. Returns the step that
    /// puts the file back.
    /// </summary>
    public Func<Task> BreakSqliteFile()
    {
        var path = _sqlitePath ?? throw new InvalidOperationException("Only a SQLite database has a file to break.");
        SqliteConnection.ClearAllPools();
        var aside = path + ".aside";
        File.Move(path, aside);
        Directory.CreateDirectory(path);
        return () =>
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(path);
            File.Move(aside, path);
            return Task.CompletedTask;
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(AnchorFile))
        {
            File.Delete(AnchorFile);
        }

        if (_sqlitePath is null && _postgresName is null)
        {
            return;
        }

        if (_sqlitePath is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-journal" })
            {
                File.Delete(_sqlitePath + suffix);
            }

            return;
        }

        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await using var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>The PostgreSQL server the tests may create databases on.</summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "PORTAL_TEST_PG";

    /// <summary>
    /// The Npgsql connection string from <see cref="EnvironmentVariable"/>. The PostgreSQL tests
    /// fail, never skip, when it is missing: a green run must mean both providers were tested.
    /// </summary>
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"The PostgreSQL tests need a server: set {EnvironmentVariable} to an Npgsql connection string of a role that may CREATE DATABASE, " +
                $"e.g. {EnvironmentVariable}=\"Host=127.0.0.1;Port=55500;Username=portal;Password=portal;Database=postgres\". " +
                "The repository's test command starts a throwaway PostgreSQL 15 and sets it.");
}
