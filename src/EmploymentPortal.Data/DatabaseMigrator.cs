using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EmploymentPortal.Data;

/// <summary>Applies migrations and reports whether the schema is current.</summary>
public sealed class DatabaseMigrator
{
    private readonly IDbContextFactory<PortalDbContext> _factory;
    private readonly ILogger<DatabaseMigrator> _logger;

    public DatabaseMigrator(IDbContextFactory<PortalDbContext> factory, ILogger<DatabaseMigrator> logger)
    {
        _factory = factory;
        _logger = logger;
    }

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
        {
            _logger.LogInformation("Database schema is up to date");
            return;
        }

        _logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers work while one writer commits; the setting is
            // stored in the database file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>Migrations the code has and the database has not applied.</summary>
    public async Task<IReadOnlyList<string>> GetPendingAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        return (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
    }
}
