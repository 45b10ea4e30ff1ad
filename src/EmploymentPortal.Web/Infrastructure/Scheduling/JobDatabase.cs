using EmploymentPortal.Data;
using EmploymentPortal.Data.Auditing;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Infrastructure.Scheduling;

/// <summary>
/// Contexts for scheduled jobs: the portal's options (provider, interceptors) with the audit
/// actor "system". A job's scope has no request or circuit, so the scoped factory would name the
/// anonymous user in the audit log.
/// </summary>
public static class JobDatabase
{
    /// <summary>A context factory for a job running in <paramref name="scope"/>.</summary>
    public static IDbContextFactory<PortalDbContext> Contexts(IServiceProvider scope) =>
        new SystemContextFactory(scope.GetRequiredService<DbContextOptions<PortalDbContext>>());

    /// <summary>
    /// A context factory that outlives any scope (the vacancy board's background reload): the
    /// portal's options, built in a scope of their own and then bound to <paramref name="root"/>,
    /// since the options of a scope resolve EF Core's services from that scope and fail once it
    /// is disposed.
    /// </summary>
    public static IDbContextFactory<PortalDbContext> Lasting(IServiceProvider root)
    {
        using var scope = root.CreateScope();
        var options = new DbContextOptionsBuilder<PortalDbContext>(scope.ServiceProvider.GetRequiredService<DbContextOptions<PortalDbContext>>())
            .UseApplicationServiceProvider(root)
            .Options;
        return new SystemContextFactory(options);
    }

    private sealed class SystemContextFactory(DbContextOptions<PortalDbContext> options) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => new(options, SystemAuditActor.Instance);
    }
}
