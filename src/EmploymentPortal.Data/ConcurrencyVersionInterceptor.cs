using EmploymentPortal.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EmploymentPortal.Data;

/// <summary>
/// Increments <see cref="AggregateRoot.Version"/> of every modified aggregate before it is saved.
/// The version is configured as a concurrency token, so the UPDATE carries the version that was
/// read: if another writer changed the row in between, no row matches and EF Core raises
/// <see cref="DbUpdateConcurrencyException"/>. This works the same on SQLite and PostgreSQL,
/// unlike provider-specific row versions (xmin, rowversion).
/// </summary>
public sealed class ConcurrencyVersionInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        BumpVersions(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        BumpVersions(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void BumpVersions(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        foreach (var entry in context.ChangeTracker.Entries<AggregateRoot>())
        {
            if (entry.State == EntityState.Modified)
            {
                var version = entry.Property(e => e.Version);
                version.CurrentValue = version.OriginalValue + 1;
            }
        }
    }
}
