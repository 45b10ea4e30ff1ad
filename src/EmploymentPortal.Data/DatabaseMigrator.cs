using EmploymentPortal.Data.Auditing;
using EmploymentPortal.Data.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EmploymentPortal.Data;

/// <summary>
/// Applies migrations and reports whether the schema is current. After migrating it seals an audit
/// chain written before the chain was keyed (<see cref="AuditChainUpgrade"/>).
/// </summary>
public sealed class DatabaseMigrator
{
    private readonly IDbContextFactory<PortalDbContext> _factory;
    private readonly PortalKeyRing _keys;
    private readonly AuditAnchorFile _anchors;
    private readonly ILogger<DatabaseMigrator> _logger;

    public DatabaseMigrator(IDbContextFactory<PortalDbContext> factory, PortalKeyRing keys, AuditAnchorFile anchors, ILogger<DatabaseMigrator> logger)
    {
        _factory = factory;
        _keys = keys;
        _anchors = anchors;
        _logger = logger;
    }

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
        {
            _logger.LogInformation("Database schema is up to date");
        }
        else
        {
            _logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                // Write-ahead logging lets readers work while one writer commits; the setting is
                // stored in the database file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }

        await AuditChainUpgrade.SealUnkeyedChainAsync(db, _keys, _anchors, _logger, cancellationToken);
    }

    /// <summary>Migrations the code has and the database has not applied.</summary>
    public async Task<IReadOnlyList<string>> GetPendingAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        return (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
    }
}
