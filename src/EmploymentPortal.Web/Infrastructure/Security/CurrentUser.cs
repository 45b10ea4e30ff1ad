using System.Security.Claims;
using EmploymentPortal.Data.Auditing;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace EmploymentPortal.Web.Infrastructure.Security;

/// <summary>
/// The user of the current HTTP request or Blazor circuit, for services that cannot take the
/// user as an argument, above all the audit log (<see cref="IAuditActor"/>). HttpContext is not
/// available inside a circuit, so the request middleware and <see cref="CurrentUserCircuitHandler"/>
/// both keep it current.
/// </summary>
public sealed class CurrentUser : IAuditActor
{
    public PortalPrincipal Principal { get; private set; } = PortalPrincipal.Anonymous;

    public string? UserId => Principal.UserId;

    public string UserName => Principal.UserId is null ? "anonymous" : Principal.UserName;

    public void Set(ClaimsPrincipal? user) => Principal = PortalPrincipal.From(user);

    /// <summary>Acts for a user already known, e.g. in a scope a circuit opens for one command.</summary>
    public void Set(PortalPrincipal principal) => Principal = principal;

    public static IApplicationBuilder UseCurrentUser(IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.RequestServices.GetRequiredService<CurrentUser>().Set(context.User);
            await next();
        });
}

/// <summary>Keeps <see cref="CurrentUser"/> in step with the circuit's authentication state.</summary>
internal sealed class CurrentUserCircuitHandler : CircuitHandler, IDisposable
{
    private readonly AuthenticationStateProvider _authenticationStateProvider;
    private readonly CurrentUser _currentUser;

    public CurrentUserCircuitHandler(AuthenticationStateProvider authenticationStateProvider, CurrentUser currentUser)
    {
        _authenticationStateProvider = authenticationStateProvider;
        _currentUser = currentUser;
    }

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _authenticationStateProvider.AuthenticationStateChanged += OnAuthenticationChanged;
        var state = await _authenticationStateProvider.GetAuthenticationStateAsync();
        _currentUser.Set(state.User);
    }

    public void Dispose() => _authenticationStateProvider.AuthenticationStateChanged -= OnAuthenticationChanged;

    private void OnAuthenticationChanged(Task<AuthenticationState> task)
    {
        _ = UpdateAsync(task);
    }

    private async Task UpdateAsync(Task<AuthenticationState> task)
    {
        var state = await task;
        _currentUser.Set(state.User);
    }
}
