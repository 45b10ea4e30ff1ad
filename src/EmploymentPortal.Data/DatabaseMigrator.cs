using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EmploymentPortal.Data;

/// <summary>
/// Applies migrations and reports whether the schema is current. It only ever migrates forward to
/// the latest migration (never to a target, which would revert what sorts after it), and refuses a
/// database that has applied migrations the code does not know while some are pending: such a
/// database was created by migrations that were since squashed (docs/operations.md, "Migrations").
/// </summary>
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
        var unknown = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Except(db.Database.GetMigrations(), StringComparer.Ordinal).ToList();
        if (pending.Count == 0)
        {
            if (unknown.Count > 0)
            {
                _logger.LogWarning("The database has applied {Count} migration(s) this version does not know: {Migrations}", unknown.Count, string.Join(", ", unknown));
            }

            _logger.LogInformation("Database schema is up to date");
            return;
        }

        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database has applied migrations this version does not know ({string.Join(", ", unknown)}) and lacks {string.Join(", ", pending)}: "
                + "it was created by migrations that were since squashed (2026-12-07) or by another version of the portal. Nothing was changed. "
                + "Recreate a demo or development database (delete the SQLite file, or drop the PostgreSQL database); see docs/operations.md, \"Migrations\".");
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
