using EmploymentPortal.Data;
using EmploymentPortal.Web.Features.Enterprises.Colleagues;
using EmploymentPortal.Web.Features.Enterprises.Suspension;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Security;
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

    private static async Task<Results<Created<CreatedUser>, ProblemHttpResult>> CreateAsync(ManageColleagues.CreateCommand command, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(command, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/enterprise-users/{outcome.Id}", new CreatedUser(outcome.Id!.Value.ToString(), command.UserName.Trim(), outcome.Result.Message, outcome.Get(ManageColleagues.GeneratedPassword)))
            : ApiProblems.For(outcome);
    }

    private static async Task<Results<Ok<MessageResponse>, ProblemHttpResult>> SetEnabledAsync(string userId, EnabledRequest request, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(new ManageColleagues.SetEnabledCommand(userId, request.Enabled), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new MessageResponse(outcome.Result.Message)) : ApiProblems.For(outcome);
    }

    private static async Task<Results<Ok<PasswordResponse>, ProblemHttpResult>> ResetPasswordAsync(string userId, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(new ManageColleagues.ResetPasswordCommand(userId), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new PasswordResponse(outcome.Result.Message, outcome.Get(ManageColleagues.GeneratedPassword)!)) : ApiProblems.For(outcome);
    }

    private static async Task<Results<Ok<MessageResponse>, ProblemHttpResult>> SuspendAsync(Guid id, SuspendRequest? request, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(new SuspendEnterprise.Command(id, true, request?.Reason), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new MessageResponse(outcome.Result.Message)) : ApiProblems.For(outcome);
    }

    private static async Task<Results<Ok<MessageResponse>, ProblemHttpResult>> ReinstateAsync(Guid id, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(new SuspendEnterprise.Command(id, false, null), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new MessageResponse(outcome.Result.Message)) : ApiProblems.For(outcome);
    }
}
