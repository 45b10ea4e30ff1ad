using EmploymentPortal.Data;
using EmploymentPortal.Web.Features.Enterprises.Colleagues;
using EmploymentPortal.Web.Features.Enterprises.Suspension;
using EmploymentPortal.Web.Features.Hires;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Security;
using EmploymentPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmploymentPortal.Web.Api;

/// <summary>
/// Enterprise users manage their own enterprise's accounts; bureau officers suspend and reinstate
/// enterprises. Same handlers as the pages.
/// </summary>
internal static class EnterpriseAccountEndpoints
{
    public sealed record MessageResponse(string Message);

    public sealed record CreatedUser(string Id, string UserName, string Message, string? Password);

    public sealed record PasswordResponse(string Message, string Password);

    public sealed record EnabledRequest(bool? Enabled);

    public sealed record SuspendRequest(string? Reason);

    public static RouteGroupBuilder MapEnterpriseAccountEndpoints(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/enterprise-users").WithTags("Enterprises").RequireAuthorization(PortalPolicies.Enterprise);
        users.MapGet("/", ListAsync).WithSummary("The accounts of the caller's enterprise.");
        users.MapPost("/", CreateAsync).WithSummary("Create an account of the caller's enterprise; without a password one is generated and returned once.");
        users.MapPost("/{userId}/enabled", SetEnabledAsync).WithSummary("Disable ({\"enabled\":false}) or enable an account of the caller's enterprise.");
        users.MapPost("/{userId}/reset-password", ResetPasswordAsync).WithSummary("Reset the password of an account of the caller's enterprise; the generated password is returned once.");

        var enterprises = api.MapGroup("/enterprises").WithTags("Enterprises").RequireAuthorization(PortalPolicies.Bureau);
        enterprises.MapPost("/{id:guid}/suspend", SuspendAsync).WithSummary("Suspend a verified enterprise with a reason ({\"reason\"}).");
        enterprises.MapPost("/{id:guid}/reinstate", ReinstateAsync).WithSummary("Reinstate a suspended enterprise.");
        return api;
    }

    private static async Task<Ok<List<ManageColleagues.ColleagueRow>>> ListAsync(PortalDbContext db, CurrentUser user, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ManageColleagues.ListAsync(db, user.Principal, cancellationToken));

    private static async Task<Results<Created<CreatedUser>, ProblemHttpResult>> CreateAsync(ManageColleagues.CreateCommand command, ManageColleagues.Handler handler, CancellationToken cancellationToken)
    {
        var outcome = await handler.CreateAsync(command, cancellationToken);
        return outcome.Result.Succeeded
            ? TypedResults.Created($"/api/v1/enterprise-users/{outcome.UserId}", new CreatedUser(outcome.UserId!, command.UserName.Trim(), outcome.Result.Result.Message, outcome.Password))
            : Problem(outcome.Result);
    }

    private static async Task<Results<Ok<MessageResponse>, ProblemHttpResult>> SetEnabledAsync(string userId, EnabledRequest request, ManageColleagues.Handler handler, CancellationToken cancellationToken)
    {
        if (request.Enabled is null)
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["enabled"] = ["请说明启用（true）还是停用（false）。"] });
        }

        var outcome = await handler.SetEnabledAsync(userId, request.Enabled.Value, cancellationToken);
        return outcome.Result.Succeeded ? TypedResults.Ok(new MessageResponse(outcome.Result.Result.Message)) : Problem(outcome.Result);
    }

    private static async Task<Results<Ok<PasswordResponse>, ProblemHttpResult>> ResetPasswordAsync(string userId, ManageColleagues.Handler handler, CancellationToken cancellationToken)
    {
        var outcome = await handler.ResetPasswordAsync(userId, cancellationToken);
        return outcome.Result.Succeeded ? TypedResults.Ok(new PasswordResponse(outcome.Result.Result.Message, outcome.Password!)) : Problem(outcome.Result);
    }

    private static async Task<Results<Ok<MessageResponse>, ProblemHttpResult>> SuspendAsync(Guid id, SuspendRequest? request, SuspendEnterprise.Handler handler, CancellationToken cancellationToken)
    {
        var outcome = await handler.HandleAsync(new SuspendEnterprise.Command(id, true, request?.Reason), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new MessageResponse(outcome.Result.Message)) : Problem(outcome);
    }

    private static async Task<Results<Ok<MessageResponse>, ProblemHttpResult>> ReinstateAsync(Guid id, SuspendEnterprise.Handler handler, CancellationToken cancellationToken)
    {
        var outcome = await handler.HandleAsync(new SuspendEnterprise.Command(id, false, null), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new MessageResponse(outcome.Result.Message)) : Problem(outcome);
    }

    private static ProblemHttpResult Problem(FeatureOutcome outcome) => outcome.Code switch
    {
        RecordHire.EnterpriseNotVerifiedCode => ApiProblems.Problem(StatusCodes.Status403Forbidden, outcome.Code, "企业未认证", outcome.Result.Message),
        _ => ApiProblems.For(outcome),
    };
}
