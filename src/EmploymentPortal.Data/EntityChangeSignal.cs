using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EmploymentPortal.Data;

/// <summary>
/// Counts the saves that changed each entity type in this process, and remembers the keys of the
/// entities they changed, so that in-memory read models (the vacancy board of the circles,
/// docs/circles.md) know when to refresh and what. A save is counted when it starts and again when
/// it has finished, with its keys each time, so a reader that refreshes in between sees a new count
/// afterwards and refreshes those entities again. Changes made by another instance are not seen:
/// readers also reload by age.
/// </summary>
public sealed class EntityChangeSignal
{
    /// <summary>How many changed keys are remembered per entity type; older ones are forgotten.</summary>
    public const int KeysKept = 4096;

    private readonly ConcurrentDictionary<Type, TypeLog> _logs = new();
    private readonly ConcurrentDictionary<Type, bool> _tracked = new();

    /// <summary>
    /// Keeps the changed keys of <paramref name="type"/> from now on (a reader that refreshes by key
    /// calls it before reading a version); the keys of other types are not kept, only counted.
    /// </summary>
    public void Track(Type type) => _tracked.TryAdd(type, true);

    /// <summary>A number that changes whenever an entity of <paramref name="type"/> is saved here.</summary>
    public long VersionOf(Type type) => _logs.TryGetValue(type, out var log) ? log.Version : 0;

    /// <summary>
    /// The keys of the entities of <paramref name="type"/> saved after <paramref name="version"/>
    /// (<see cref="VersionOf"/> as read before); false when some of them are forgotten (more than
    /// <see cref="KeysKept"/>), and the reader must reload everything.
    /// </summary>
    public bool TryChangedSince(Type type, long version, out IReadOnlySet<object> keys)
    {
        if (!_logs.TryGetValue(type, out var log))
        {
            keys = new HashSet<object>();
            return version == 0;
        }

        return log.TryChangedSince(version, out keys);
    }

    /// <summary>Counts every type seen so far as changed, keys unknown (a node that missed other nodes' changes reloads).</summary>
    internal void ChangedEverything()
    {
        foreach (var log in _logs.Values)
        {
            log.Add([null]);
        }
    }

    internal void Changed(IEnumerable<(Type Type, object? Key)> changes)
    {
        foreach (var group in changes.GroupBy(c => c.Type))
        {
            _logs.GetOrAdd(group.Key, static _ => new TypeLog()).Add(_tracked.ContainsKey(group.Key) ? group.Select(c => c.Key) : [null]);
        }
    }

    private sealed class TypeLog
    {
        private readonly Lock _lock = new();
        private readonly Queue<(long Version, object Key)> _keys = new();
        private long _version;

        // The highest version whose keys are no longer all in the queue.
        private long _forgottenUpTo;

        public long Version
        {
            get
            {
                lock (_lock)
                {
                    return _version;
                }
            }
        }

        public void Add(IEnumerable<object?> keys)
        {
            lock (_lock)
            {
                _version++;
                foreach (var key in keys)
                {
                    if (key is null)
                    {
                        // A key unknown (a composite or missing one): nobody can refresh by key past here.
                        _forgottenUpTo = _version;
                        continue;
                    }

                    _keys.Enqueue((_version, key));
                }

                while (_keys.Count > KeysKept)
                {
                    _forgottenUpTo = Math.Max(_forgottenUpTo, _keys.Dequeue().Version);
                }
            }
        }

        public bool TryChangedSince(long version, out IReadOnlySet<object> keys)
        {
            lock (_lock)
            {
                var set = new HashSet<object>();
                keys = set;
                if (version < _forgottenUpTo)
                {
                    return false;
                }

                foreach (var (v, key) in _keys)
                {
                    if (v > version)
                    {
                        set.Add(key);
                    }
                }

                return true;
            }
        }
    }
}

/// <summary>
/// Feeds <see cref="EntityChangeSignal"/> from every save of the portal's contexts and, on
/// PostgreSQL, tells the other web nodes (<see cref="EntityChangeFeed"/>).
/// </summary>
public sealed class EntityChangeInterceptor(EntityChangeSignal signal, EntityChangeFeed? feed = null) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<(Type Type, object? Key)>> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Release(eventData.Context) is { } changes && Notification(eventData.Context, changes) is { } payload)
        {
            eventData.Context!.Database.ExecuteSql($"SELECT pg_notify({EntityChangeFeed.Channel}, {payload})");
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Release(eventData.Context) is { } changes && Notification(eventData.Context, changes) is { } payload)
        {
            // Inside the caller's transaction when there is one: PostgreSQL delivers it at commit, and not at all on a rollback.
            await eventData.Context!.Database.ExecuteSqlAsync($"SELECT pg_notify({EntityChangeFeed.Channel}, {payload})", cancellationToken);
        }

        return result;
    }

    private string? Notification(DbContext? context, List<(Type Type, object? Key)> changes) =>
        feed is not null && context is not null && context.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL"
            ? feed.Payload(changes)
            : null;

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => _ = Release(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var changes = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => (e.Metadata.ClrType, SingleKey(e)))
            .ToList();
        if (changes.Count > 0)
        {
            signal.Changed(changes);
            _pending.AddOrUpdate(context, changes);
        }
    }

    private static object? SingleKey(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) =>
        entry.Metadata.FindPrimaryKey() is { Properties: [var property] } ? entry.Property(property.Name).CurrentValue : null;

    private List<(Type Type, object? Key)>? Release(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var changes))
        {
            _pending.Remove(context);
            signal.Changed(changes);
            return changes;
        }

        return null;
    }
}
