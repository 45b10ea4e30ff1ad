using EmploymentPortal.Data;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Web.Features.Households;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Features.Residents.Profile;
using EmploymentPortal.Web.Features.Residents.Transfers;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Security;
using EmploymentPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmploymentPortal.Web.Api;

/// <summary>
/// The rest of the resident record through the API: job-search wishes, status changes,
/// 就业困难人员认定, households (零就业家庭) and record transfers between stations. Same handlers,
/// scope and Chinese refusals as the pages.
/// </summary>
internal static class ResidentProfileEndpoints
{
    public sealed record Done(Guid Id, string Message);

    public static RouteGroupBuilder MapResidentProfileEndpoints(this RouteGroupBuilder api)
    {
        var residents = api.MapGroup("/residents").WithTags("Residents");
        residents.MapGet("/{id:guid}/profile", async Task<Results<Ok<ResidentProfileQueries.ProfileView>, ProblemHttpResult>> (Guid id, PortalDbContext db, CurrentUser user, CancellationToken ct) =>
                await ResidentProfileQueries.FindAsync(db, user.Principal, id, ct) is { } view ? TypedResults.Ok(view) : ApiProblems.NotFound("居民"))
            .RequireAuthorization(PortalPolicies.ResidentRecords)
            .WithSummary("Job-search wishes (wages in yuan), 就业困难人员 certification, households and record moves of a resident in scope.");
        residents.MapPut("/{id:guid}/job-preferences", async (Guid id, UpdateJobPreferences.Command command, CommandPipeline pipeline, CancellationToken ct) =>
                ToResult(await pipeline.SendAsync(command with { ResidentId = id }, ct)))
            .RequireAuthorization(PortalPolicies.Station).WithSummary("Replace the job-search wishes (occupation, desired wage in yuan/month, work types).");
        residents.MapPut("/{id:guid}/home", async (Guid id, UpdateResidentHome.Command command, CommandPipeline pipeline, CancellationToken ct) =>
                ToResult(await pipeline.SendAsync(command with { ResidentId = id }, ct)))
            .RequireAuthorization(PortalPolicies.Station).WithSummary("Set the home location (\"latitude,longitude\"; empty for the community's service station), the centre of the resident's three-kilometre circle.");
        residents.MapPost("/{id:guid}/status", async (Guid id, ChangeResidentStatus.Command command, CommandPipeline pipeline, CancellationToken ct) =>
                ToResult(await pipeline.SendAsync(command with { ResidentId = id }, ct)))
            .RequireAuthorization(PortalPolicies.Station).WithSummary("Change the employment status (flexible, self-employed, training, public-welfare post, back to unemployed) or deregister with a reason; 422 says why not.");
        residents.MapPost("/{id:guid}/employment-difficulty", async (Guid id, CertifyEmploymentDifficulty.Command command, CommandPipeline pipeline, CancellationToken ct) =>
                ToResult(await pipeline.SendAsync(command with { ResidentId = id }, ct)))
            .RequireAuthorization(PortalPolicies.Bureau).WithSummary("就业困难人员认定 by a bureau officer (category, date).");
        residents.MapPost("/{id:guid}/employment-difficulty/revoke", async (Guid id, CertifyEmploymentDifficulty.RevokeCommand command, CommandPipeline pipeline, CancellationToken ct) =>
                ToResult(await pipeline.SendAsync(command with { ResidentId = id }, ct)))
            .RequireAuthorization(PortalPolicies.Bureau).WithSummary("Revoke a 就业困难人员 certification with a reason.");

        api.MapGet("/occupations", (string? q, OccupationGroup? group) => TypedResults.Ok(CommonOccupations.Search(q, group)))
            .WithTags("Residents").RequireAuthorization(PortalPolicies.Staff).WithSummary("The searchable list of common occupations with their major group.");

        var households = api.MapGroup("/households").WithTags("Households").RequireAuthorization(PortalPolicies.ResidentRecords);
        households.MapGet("/", async (PortalDbContext db, CurrentUser user, Guid? community, bool? zeroEmployment, int? page, int? pageSize, CancellationToken ct) =>
            {
                var size = Math.Clamp(pageSize ?? 20, 1, 200);
                return TypedResults.Ok(await HouseholdQueries.ListAsync(db, user.Principal, community, zeroEmployment, (Math.Max(page ?? 1, 1) - 1) * size, size, ct));
            })
            .WithSummary("Households in the caller's scope; zeroEmployment=true lists the zero-employment families.");
        households.MapGet("/{id:guid}", async Task<Results<Ok<HouseholdQueries.HouseholdDetail>, ProblemHttpResult>> (Guid id, PortalDbContext db, CurrentUser user, CancellationToken ct) =>
                await HouseholdQueries.FindAsync(db, user.Principal, id, ct) is { } household ? TypedResults.Ok(household) : ApiProblems.NotFound("家庭"))
            .WithSummary("One household with masked member ID numbers.");
        households.MapPost("/", async (SaveHousehold.Command command, CommandPipeline pipeline, CancellationToken ct) =>
                ToResult(await pipeline.SendAsync(command with { HouseholdId = null }, ct), created: true))
            .RequireAuthorization(PortalPolicies.Station).WithSummary("Record a household and its members; it is flagged as a zero-employment family when the members' facts say so.");
        households.MapPut("/{id:guid}", async (Guid id, SaveHousehold.Command command, CommandPipeline pipeline, CancellationToken ct) =>
                ToResult(await pipeline.SendAsync(command with { HouseholdId = id }, ct)))
            .RequireAuthorization(PortalPolicies.Station).WithSummary("Replace a household's address and members.");
        households.MapPost("/{id:guid}/members/{memberId:guid}/placement", async (Guid id, Guid memberId, RecordPlacement.Command command, CommandPipeline pipeline, CancellationToken ct) =>
                ToResult(await pipeline.SendAsync(command with { HouseholdId = id, MemberId = memberId }, ct)))
            .RequireAuthorization(PortalPolicies.Station).WithSummary("A member took up work: a zero-employment family is cleared with the date.");

        var transfers = api.MapGroup("/resident-transfers").WithTags("Residents").RequireAuthorization(PortalPolicies.Station);
        transfers.MapGet("/", async (PortalDbContext db, CurrentUser user, CancellationToken ct) => TypedResults.Ok(await TransferQueries.ListAsync(db, user.Principal, ct)))
            .WithSummary("Transfer requests to and from the caller's communities.");
        transfers.MapPost("/", async (RequestTransfer.Command command, CommandPipeline pipeline, CancellationToken ct) =>
                ToResult(await pipeline.SendAsync(command, ct), created: true))
            .WithSummary("Ask the station holding a record (by ID number) to transfer it to the caller's community.");
        transfers.MapPost("/{id:guid}/accept", async (Guid id, CommandPipeline pipeline, CancellationToken ct) =>
                ToResult(await pipeline.SendAsync(new DecideTransfer.AcceptCommand { RequestId = id }, ct)))
            .WithSummary("The holding station accepts: the resident's community changes.");
        transfers.MapPost("/{id:guid}/decline", async (Guid id, DecideTransfer.DeclineCommand command, CommandPipeline pipeline, CancellationToken ct) =>
                ToResult(await pipeline.SendAsync(command with { RequestId = id }, ct)))
            .WithSummary("The holding station declines with a reason.");
        return residents;
    }

    private static Results<Ok<Done>, Created<Done>, ProblemHttpResult> ToResult(FeatureOutcome outcome, bool created = false)
    {
        if (outcome.Succeeded)
        {
            var done = new Done(outcome.Id ?? Guid.Empty, outcome.Result.Message);
            return created ? TypedResults.Created((string?)null, done) : TypedResults.Ok(done);
        }

        return ApiProblems.For(outcome);
    }
}
