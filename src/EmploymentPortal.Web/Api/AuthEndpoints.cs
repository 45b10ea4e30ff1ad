using EmploymentPortal.Data.Identity;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace EmploymentPortal.Web.Api;

/// <summary>
/// Sign-in for other systems and scripts: the same accounts, password rules, throttling and
/// lockout as the login page (<see cref="LoginFlow"/>), answering with the portal's auth cookie.
/// </summary>
internal static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/auth").WithTags("Auth");
        group.MapPost("/login", LoginAsync).AllowAnonymous().DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Signs in with user name and password; sets the auth cookie.");
        group.MapPost("/logout", LogoutAsync).RequireAuthorization()
            .WithSummary("Signs out and clears the auth cookie.");
        group.MapGet("/me", Me).RequireAuthorization()
            .WithSummary("The signed-in user, their roles and scope.");
        group.MapGet("/antiforgery", Antiforgery).RequireAuthorization()
            .WithSummary("An antiforgery request token for the signed-in user (and its cookie): send it in the X-XSRF-TOKEN header of uploads.");
        return group;
    }

    public sealed record LoginRequest(string? UserName, string? Password);

    /// <summary>The request token and where to send it; the matching cookie comes with the response.</summary>
    public sealed record AntiforgeryToken(string HeaderName, string FormFieldName, string Token);

    public sealed record UserInfo(string UserId, string UserName, string DisplayName, IReadOnlyCollection<string> Roles, IReadOnlyCollection<Guid> CommunityIds, Guid? EnterpriseId);

    private static async Task<Results<Ok<UserInfo>, ProblemHttpResult>> LoginAsync(LoginRequest request, LoginFlow loginFlow, SignInManager<PortalUser> signInManager, HttpContext context)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName))
        {
            errors["userName"] = ["请输入用户名。"];
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors["password"] = ["请输入密码。"];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var outcome = await loginFlow.SignInAsync(request.UserName!.Trim(), request.Password!);
        if (outcome.Succeeded)
        {
            var user = outcome.User!;
            var principal = await signInManager.CreateUserPrincipalAsync(user);
            var p = PortalPrincipal.From(principal);
            return TypedResults.Ok(new UserInfo(user.Id, user.UserName!, user.DisplayName, p.Roles, p.CommunityIds, p.EnterpriseId));
        }

        if (outcome.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = LoginFlow.RetryAfterSeconds(retryAfter);
            return ApiProblems.Problem(StatusCodes.Status429TooManyRequests, outcome.Code, "请求过于频繁", outcome.Message);
        }

        return ApiProblems.Problem(StatusCodes.Status401Unauthorized, outcome.Code, "登录失败", outcome.Message);
    }

    private static async Task<NoContent> LogoutAsync(SignInManager<PortalUser> signInManager)
    {
        await signInManager.SignOutAsync();
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The login endpoint takes no antiforgery token (a client has no session to forge yet):
    /// its body is JSON only, which another origin's page can post only after a CORS preflight the
    /// portal never grants, and SameOriginWrites refuses a foreign Origin outright. Uploads, which
    /// a plain HTML form could post, need the token this endpoint hands out.
    /// </summary>
    private static Ok<AntiforgeryToken> Antiforgery(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return TypedResults.Ok(new AntiforgeryToken(tokens.HeaderName!, tokens.FormFieldName, tokens.RequestToken!));
    }

    private static Ok<UserInfo> Me(CurrentUser currentUser)
    {
        var p = currentUser.Principal;
        return TypedResults.Ok(new UserInfo(p.UserId!, p.UserName, p.DisplayName, p.Roles, p.CommunityIds, p.EnterpriseId));
    }
}
