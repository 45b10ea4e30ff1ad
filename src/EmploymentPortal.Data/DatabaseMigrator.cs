using EmploymentPortal.Data.Auditing;
using EmploymentPortal.Data.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
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
        IReadOnlyDictionary<string, int> protectedRows = new Dictionary<string, int>();
        if (pending.Count == 0)
        {
            _logger.LogInformation("Database schema is up to date");
        }
        else
        {
            _logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            protectedRows = await ProtectPersonalDataAsync(db, pending, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                // Write-ahead logging lets readers work while one writer commits; the setting is
                // stored in the database file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }

        // Sealing acts only on a chain that holds no keyed row: before the first keyed entry.
        await AuditChainUpgrade.SealUnkeyedChainAsync(db, _keys, _anchors, _logger, cancellationToken);
        await PersonalDataMigration.AuditAsync(db, PersonalDataMigration.ColumnsMigration, protectedRows, cancellationToken);
    }

    /// <summary>
    /// Encrypting the existing personal data needs the keys, which the database does not have:
    /// when the plain columns are still to be dropped, migrate up to the migration that adds the
    /// encrypted columns, encrypt every row, and only then let the rest run (docs/personal-data.md).
    /// </summary>
    private async Task<IReadOnlyDictionary<string, int>> ProtectPersonalDataAsync(PortalDbContext db, List<string> pending, CancellationToken cancellationToken)
    {
        if (!pending.Any(m => m.EndsWith("_" + PersonalDataMigration.PlainColumnsDroppedMigration, StringComparison.Ordinal)))
        {
            return new Dictionary<string, int>();
        }

        if (pending.FirstOrDefault(m => m.EndsWith("_" + PersonalDataMigration.ColumnsMigration, StringComparison.Ordinal)) is { } columns)
        {
            // Migrating to a target reverts every applied migration that sorts after it: never do
            // that to a database (it would drop what those migrations hold).
            var applied = await db.Database.GetAppliedMigrationsAsync(cancellationToken);
            if (applied.FirstOrDefault(m => string.CompareOrdinal(m, columns) > 0) is { } later)
            {
                throw new InvalidOperationException($"The database has applied {later}, which sorts after {columns}: migrating to {columns} would revert it. The personal-data migrations must sort after every migration a released database may hold.");
            }

            await db.GetService<IMigrator>().MigrateAsync(columns, cancellationToken);
        }

        var counts = await PersonalDataMigration.ProtectPlainRowsAsync(db, cancellationToken);
        foreach (var (column, count) in counts)
        {
            _logger.LogInformation("Encrypted {Count} plain value(s) of {Column}", count, column);
        }

        return counts;
    }

    /// <summary>Migrations the code has and the database has not applied.</summary>
    public async Task<IReadOnlyList<string>> GetPendingAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        return (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
    }
}
