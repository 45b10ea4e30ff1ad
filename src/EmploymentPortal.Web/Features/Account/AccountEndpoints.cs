using EmploymentPortal.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace EmploymentPortal.Web.Features.Account;

internal static class AccountEndpoints
{
    /// <summary>Sign-out is a POST with an antiforgery token, so no link or image can sign a user out.</summary>
    public static IEndpointConventionBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints.MapPost("/account/logout", async (SignInManager<PortalUser> signInManager) =>
        {
            await signInManager.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        }).RequireAuthorization().ExcludeFromDescription();
    }
}
