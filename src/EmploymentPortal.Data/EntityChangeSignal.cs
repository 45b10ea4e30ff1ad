using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EmploymentPortal.Data;

/// <summary>
/// Counts the saves that changed each entity type in this process, so that in-memory read models
/// (the vacancy board of the circles, docs/circles.md) know when to reload. A save is counted
/// when it starts and again when it has finished, so a reader that reloads in between sees a new
/// count afterwards. Changes made by another instance are not seen: readers also reload by age.
/// </summary>
public sealed class EntityChangeSignal
{
    private readonly ConcurrentDictionary<Type, long> _versions = new();

    /// <summary>A number that changes whenever an entity of <paramref name="type"/> is saved here.</summary>
    public long VersionOf(Type type) => _versions.GetValueOrDefault(type);

    internal void Changed(IEnumerable<Type> types)
    {
        foreach (var type in types)
        {
            _versions.AddOrUpdate(type, 1, (_, version) => version + 1);
        }
    }
}

/// <summary>Feeds <see cref="EntityChangeSignal"/> from every save of the portal's contexts.</summary>
public sealed class EntityChangeInterceptor(EntityChangeSignal signal) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<Type>> _pending = [];

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
        Release(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

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

        var types = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Metadata.ClrType)
            .ToHashSet();
        if (types.Count > 0)
        {
            signal.Changed(types);
            _pending.AddOrUpdate(context, types);
        }
    }

    private void Release(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var types))
        {
            _pending.Remove(context);
            signal.Changed(types);
        }
    }
}
