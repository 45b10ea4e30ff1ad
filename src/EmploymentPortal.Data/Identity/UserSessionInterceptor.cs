using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EmploymentPortal.Data.Identity;

/// <summary>
/// Ends every open session of a user whose security stamp changes, in the same save: Identity
/// renews the stamp when a password is changed or reset, and the portal renews it when an account
/// is disabled or its roles or scope change. So no handler has to remember to end sessions, and
/// the ends commit (and are audited) together with the change or not at all. Registered before the
/// audit interceptor, so the ended sessions are in the audit entries of the save.
/// <para>
/// After a save that ended or started sessions, and again when the transaction around it commits,
/// it tells <see cref="UserSessionSignal"/> whose sessions changed, so that this process's session
/// check stops trusting what it has cached for them.
/// </para>
/// </summary>
public sealed class UserSessionInterceptor : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly TimeProvider _time;
    private readonly UserSessionSignal _signal;
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> _pending = [];

    public UserSessionInterceptor(TimeProvider time, UserSessionSignal signal)
    {
        _time = time;
        _signal = signal;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is PortalDbContext db)
        {
            EndSessionsAsync(db, sync: true, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PortalDbContext db)
        {
            await EndSessionsAsync(db, sync: false, cancellationToken);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private async Task EndSessionsAsync(PortalDbContext db, bool sync, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        var now = _time.GetUtcNow();
        var changedUsers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in db.ChangeTracker.Entries<PortalUser>().ToList())
        {
            if (entry.State == EntityState.Deleted)
            {
                changedUsers.Add(entry.Entity.Id);
                continue;
            }

            var stamp = entry.Property(u => u.SecurityStamp);
            if (entry.State != EntityState.Modified || string.Equals(stamp.OriginalValue, stamp.CurrentValue, StringComparison.Ordinal))
            {
                continue;
            }

            var reason = entry.Property(u => u.PasswordHash) is { IsModified: true } password && !Equals(password.OriginalValue, password.CurrentValue)
                ? SessionEndReason.PasswordChanged
                : entry.Entity.IsDisabled && !entry.Property(u => u.IsDisabled).OriginalValue
                    ? SessionEndReason.Disabled
                    : SessionEndReason.AccessChanged;
            var userId = entry.Entity.Id;
            var query = db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null && s.ExpiresAt > now);
            var open = sync ? query.ToList() : await query.ToListAsync(cancellationToken);
            foreach (var session in open)
            {
                session.End(now, reason);
            }

            changedUsers.Add(userId);
        }

        foreach (var entry in db.ChangeTracker.Entries<UserSession>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                changedUsers.Add(entry.Entity.UserId);
            }
        }

        if (changedUsers.Count > 0)
        {
            _pending.AddOrUpdate(db, changedUsers);
        }
    }

    /// <summary>
    /// Signals at once (a cached "open" is dropped early rather than late) and, when a transaction
    /// is still open, again at its commit: a check that reloaded in between read the old rows.
    /// </summary>
    private void Saved(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var users))
        {
            return;
        }

        _signal.Changed(users);
        if (context.Database.CurrentTransaction is null)
        {
            _pending.Remove(context);
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var users))
        {
            _pending.Remove(context);
            _signal.Changed(users);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }
}

/// <summary>
/// Tells this process's session check whose sessions were just ended or started here. Other
/// instances learn of it from the database within their check interval.
/// </summary>
public sealed class UserSessionSignal
{
    public event Action<IReadOnlyCollection<string>>? SessionsChanged;

    internal void Changed(IReadOnlyCollection<string> userIds) => SessionsChanged?.Invoke(userIds);
}
