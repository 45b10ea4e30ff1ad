using EmploymentPortal.Data.Identity;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace EmploymentPortal.Web.Features.Account;

internal static class AccountEndpoints
{
    /// <summary>
    /// Sign-out is a POST with an antiforgery token, so no link, image or other site's form can
    /// sign a user out. The token is checked by <see cref="AntiforgeryCheck"/>: the antiforgery
    /// middleware validates minimal API endpoints only when they bind form data, which this one
    /// does not.
    /// </summary>
    public static IEndpointConventionBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints.MapPost("/account/logout", async (SignInManager<PortalUser> signInManager) =>
        {
            await signInManager.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        }).RequireAuthorization().RequireAntiforgeryToken().ExcludeFromDescription();
    }
}
