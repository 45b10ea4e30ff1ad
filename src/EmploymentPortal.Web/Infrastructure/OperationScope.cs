using EmploymentPortal.Web.Infrastructure.Security;

namespace EmploymentPortal.Web.Infrastructure;

/// <summary>
/// Runs one unit of work in its own DI scope, as the current user. In a Blazor circuit the
/// scoped services (the scoped <c>PortalDbContext</c>, <c>UserManager</c> over it) live as long as
/// the circuit, so their change tracker would go stale and one failed save would poison the
/// next; a fresh scope per command avoids both. The new scope's <see cref="CurrentUser"/> is set
/// to the caller's, so the audit log names the right actor.
/// </summary>
public sealed class OperationScope
{
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly CurrentUser _currentUser;

    public OperationScope(IServiceScopeFactory scopeFactory, CurrentUser currentUser)
    {
        _scopeFactory = scopeFactory;
        _currentUser = currentUser;
    }

    /// <summary>The user the work is done for.</summary>
    public PortalPrincipal Principal => _currentUser.Principal;

    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _scopeFactory.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(_currentUser.Principal);
        return await work(scope.ServiceProvider);
    }
}
