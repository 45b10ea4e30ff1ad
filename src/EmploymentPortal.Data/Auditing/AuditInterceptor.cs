using System.Text.Json;
using System.Text.Json.Nodes;
using EmploymentPortal.Data.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace EmploymentPortal.Data.Auditing;

/// <summary>
/// Writes one <see cref="AuditEntry"/> for every inserted, updated or deleted entity, in the same
/// transaction as the change. When the caller has not started a transaction, the interceptor
/// starts one and commits it after the save.
/// <para>
/// The hash chain must not fork when two writers save at once. On PostgreSQL the interceptor takes
/// a transaction-scoped advisory lock before it reads the chain head, so writers append one after
/// the other. On SQLite, EF Core's transactions are BEGIN IMMEDIATE, which already admits one
/// writer at a time. The gapless primary key on <see cref="AuditEntry.Sequence"/> is the last
/// line of defence: a forked append fails instead of being stored.
/// </para>
/// <para>
/// Each row is sealed with HMAC-SHA256 under the current audit key (<see cref="KeyPurpose.AuditChain"/>)
/// and names that key's id, so keys can rotate while old rows stay verifiable.
/// </para>
/// </summary>
public sealed class AuditInterceptor : SaveChangesInterceptor
{
    /// <summary>Advisory-lock key of the audit chain (any constant unique to this use).</summary>
    internal const long ChainLockKey = 7_262_001_000_001;

    /// <summary>Properties whose values are never written to the log, only that they changed.</summary>
    private static readonly HashSet<string> SecretProperties = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp",
    };

    private static readonly HashSet<string> IgnoredProperties = new(StringComparer.Ordinal)
    {
        "Version",

        // A data-protection key's XML (encrypted key material): its row is audited, the material is not copied into the trail.
        nameof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey.Xml),
    };

    private readonly TimeProvider _time;
    private readonly PortalKey _key;

    public AuditInterceptor(TimeProvider time, PortalKeyRing keys)
    {
        _time = time;
        _key = keys.Current(KeyPurpose.AuditChain);
        if (_key.Id.Length > AuditChain.MaxKeyIdLength)
        {
            throw new InvalidOperationException($"The audit key id '{_key.Id}' is longer than {AuditChain.MaxKeyIdLength} characters.");
        }
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is PortalDbContext db)
        {
            AppendAsync(db, sync: true, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PortalDbContext db)
        {
            await AppendAsync(db, sync: false, cancellationToken);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is PortalDbContext db && db.AuditTransaction is { } transaction)
        {
            db.AuditTransaction = null;
            transaction.Commit();
            transaction.Dispose();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PortalDbContext db && db.AuditTransaction is { } transaction)
        {
            db.AuditTransaction = null;
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is PortalDbContext db)
        {
            Abandon(db);
        }
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PortalDbContext db)
        {
            Abandon(db);
        }

        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData)
    {
        if (eventData.Context is PortalDbContext db)
        {
            Abandon(db);
        }
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesCanceled(eventData);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Rolls back the transaction the interceptor started and forgets the audit rows it added, so
    /// that a retried save appends them afresh at the chain's new head.
    /// </summary>
    private static void Abandon(PortalDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList())
        {
            entry.State = EntityState.Detached;
        }

        if (db.AuditTransaction is { } transaction)
        {
            db.AuditTransaction = null;
            transaction.Rollback();
            transaction.Dispose();
        }
    }

    private async Task AppendAsync(PortalDbContext db, bool sync, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();

        // The log is append-only: no code path may change or remove an entry through EF Core.
        if (db.ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit entries are append-only: they cannot be changed or deleted.");
        }

        var drafts = db.ChangeTracker.Entries()
            .Where(e => e.Entity is not AuditEntry && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(Describe)
            .Where(d => d is not null)
            .Select(d => d!)
            .ToList();
        drafts.AddRange(db.TakePendingReads());
        if (drafts.Count == 0)
        {
            return;
        }

        if (db.Database.CurrentTransaction is null)
        {
            db.AuditTransaction = sync
                ? db.Database.BeginTransaction()
                : await db.Database.BeginTransactionAsync(cancellationToken);
        }

        if (db.Database.IsNpgsql())
        {
            FormattableString lockSql = $"SELECT pg_advisory_xact_lock({ChainLockKey})";
            if (sync)
            {
                db.Database.ExecuteSql(lockSql);
            }
            else
            {
                await db.Database.ExecuteSqlAsync(lockSql, cancellationToken);
            }
        }

        var headQuery = db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash });
        var head = sync ? headQuery.FirstOrDefault() : await headQuery.FirstOrDefaultAsync(cancellationToken);
        var sequence = head?.Sequence ?? 0;
        var previousHash = head?.Hash ?? AuditChain.GenesisHash;

        var now = TruncateToMicroseconds(_time.GetUtcNow());
        var actor = db.Actor;
        foreach (var draft in drafts)
        {
            var entry = new AuditEntry
            {
                Sequence = ++sequence,
                Timestamp = now,
                ActorId = actor.UserId,
                ActorName = actor.UserName,
                EntityType = draft.EntityType,
                EntityId = draft.EntityId,
                Action = draft.Action,
                Changes = draft.Changes,
                PreviousHash = previousHash,
                KeyId = _key.Id,
            };
            entry.Hash = AuditChain.ComputeHash(entry, _key);
            previousHash = entry.Hash;
            db.AuditEntries.Add(entry);
        }
    }

    private static DateTimeOffset TruncateToMicroseconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);

    private static AuditDraft? Describe(EntityEntry entry)
    {
        var action = entry.State switch
        {
            EntityState.Added => AuditAction.Insert,
            EntityState.Modified => AuditAction.Update,
            _ => AuditAction.Delete,
        };
        var changes = new JsonObject();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (IgnoredProperties.Contains(name) || PersonalDataMapping.IsHash(property.Metadata))
            {
                continue;
            }

            object? oldValue = action == AuditAction.Insert ? null : property.OriginalValue;
            object? newValue = action == AuditAction.Delete ? null : property.CurrentValue;
            if (action == AuditAction.Update && (!property.IsModified || Equals(oldValue, newValue)))
            {
                continue;
            }

            if (action != AuditAction.Update && property.Metadata.IsPrimaryKey())
            {
                continue;
            }

            // Personal data (ID and phone numbers) is logged masked, as lists show it.
            if (PersonalDataMapping.KindOf(property.Metadata) is { } kind)
            {
                oldValue = oldValue is string oldText ? PersonalDataProtector.Mask(kind, oldText) : oldValue;
                newValue = newValue is string newText ? PersonalDataProtector.Mask(kind, newText) : newValue;
            }

            changes[name] = SecretProperties.Contains(name)
                ? new JsonArray(oldValue is null ? null : "***", newValue is null ? null : "***")
                : new JsonArray(ToNode(oldValue), ToNode(newValue));
        }

        if (action == AuditAction.Update && changes.Count == 0)
        {
            return null;
        }

        var key = entry.Metadata.FindPrimaryKey();
        var id = key is null
            ? string.Empty
            : string.Join(",", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
        return new AuditDraft(entry.Metadata.ClrType.Name, id, action, changes.ToJsonString());
    }

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => JsonValue.Create(d.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
        DateOnly d => JsonValue.Create(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        Enum e => JsonValue.Create(e.ToString()),

        // File contents (claim attachments): their size, not the bytes; the entity records a hash.
        byte[] bytes => JsonValue.Create(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"({bytes.Length} bytes)")),
        _ => JsonSerializer.SerializeToNode(value),
    };
}

/// <summary>An audit row before it takes its place in the chain.</summary>
public sealed record AuditDraft(string EntityType, string EntityId, AuditAction Action, string Changes);
