using EmploymentPortal.Data;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Features.Residents.FollowUp;
using EmploymentPortal.Web.Features.Residents.Register;
using EmploymentPortal.Web.Features.Residents.Unemployment;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Security;
using EmploymentPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmploymentPortal.Web.Api;

/// <summary>Residents through the API, with the same scope and masking as the pages.</summary>
internal static class ResidentEndpoints
{
    public sealed record Created(Guid Id);

    public sealed record UnemploymentRegistered(string RegistrationNumber);

    public static RouteGroupBuilder MapResidentEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/residents").WithTags("Residents").RequireAuthorization(PortalPolicies.ResidentRecords);
        group.MapGet("/", ListAsync).WithSummary("Residents visible to the caller, masked, paged; filters community, status, overdue.");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One resident; ?reveal=true returns the full ID number and is audited.");
        group.MapPost("/", RegisterAsync).RequireAuthorization(PortalPolicies.Station)
            .WithSummary("Register a resident for a community in the caller's scope; 409 when the ID number is registered anywhere in the city.");
        group.MapPost("/{id:guid}/unemployment-registration", RegisterUnemploymentAsync).RequireAuthorization(PortalPolicies.Station)
            .WithSummary("失业登记; 422 names every failed condition.");
        group.MapPost("/{id:guid}/contacts", LogContactAsync).RequireAuthorization(PortalPolicies.Station)
            .WithSummary("Log a follow-up contact.");

        var followUps = api.MapGroup("/followups").WithTags("Residents").RequireAuthorization(PortalPolicies.ResidentRecords);
        followUps.MapGet("/overdue", OverdueAsync).WithSummary("Registered unemployed residents without a contact this month, in the caller's scope.");
        return group;
    }

    private static async Task<Ok<ResidentQueries.Page<ResidentQueries.ResidentRow>>> ListAsync(PortalDbContext db, CurrentUser user, TimeProvider time, Guid? community, Domain.Residents.EmploymentStatus? status, bool? overdue, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(pageSize ?? 20, 1, 200);
        var skip = (Math.Max(page ?? 1, 1) - 1) * size;
        var filter = new ResidentQueries.ResidentFilter(community, status, overdue == true ? ResidentClock.Today(time) : null);
        return TypedResults.Ok(await ResidentQueries.ListAsync(db, user.Principal, filter, skip, size, cancellationToken));
    }

    private static async Task<Results<Ok<ResidentQueries.ResidentDetail>, ProblemHttpResult>> GetAsync(Guid id, bool? reveal, PortalDbContext db, CurrentUser user, CancellationToken cancellationToken)
    {
        var resident = await ResidentQueries.FindAsync(db, user.Principal, id, reveal == true, cancellationToken);
        return resident is null ? ApiProblems.NotFound("居民") : TypedResults.Ok(resident);
    }

    private static async Task<Results<Created<Created>, ProblemHttpResult>> RegisterAsync(RegisterResident.Command command, RegisterResident.Handler handler, CancellationToken cancellationToken)
    {
        var outcome = await handler.HandleAsync(command, cancellationToken);
        return outcome.Kind switch
        {
            RegisterResident.OutcomeKind.Created => TypedResults.Created($"/api/v1/residents/{outcome.ResidentId}", new Created(outcome.ResidentId!.Value)),
            RegisterResident.OutcomeKind.Duplicate => ApiProblems.Problem(
                StatusCodes.Status409Conflict,
                "resident-already-registered",
                "重复登记",
                outcome.Result.Message,
                new Dictionary<string, object?>
                {
                    ["errors"] = ToCamelCase(outcome.Result.Errors),

                    // The way forward: ask the holding station to transfer the record (ResidentProfileEndpoints).
                    ["transferRequest"] = new { href = "/api/v1/resident-transfers/", method = "POST", fields = new[] { "idNumber", "toCommunityId", "reason" } },
                }),
            RegisterResident.OutcomeKind.OutOfScope => ApiProblems.NotFound("社区"),
            _ => ApiProblems.Validation(ToCamelCase(outcome.Result.Errors)),
        };
    }

    private static async Task<Results<Ok<UnemploymentRegistered>, ProblemHttpResult>> RegisterUnemploymentAsync(Guid id, RegisterUnemployment.Command command, RegisterUnemployment.Handler handler, CancellationToken cancellationToken)
    {
        var outcome = await handler.HandleAsync(id, command, cancellationToken);
        return outcome.Kind switch
        {
            RegisterUnemployment.OutcomeKind.Registered => TypedResults.Ok(new UnemploymentRegistered(outcome.RegistrationNumber!)),
            RegisterUnemployment.OutcomeKind.NotFound => ApiProblems.NotFound("居民"),
            RegisterUnemployment.OutcomeKind.Refused => ApiProblems.Problem(
                StatusCodes.Status422UnprocessableEntity,
                "unemployment-registration-refused",
                "不能办理失业登记",
                outcome.Result.Message,
                new Dictionary<string, object?> { ["refusals"] = outcome.Refusals }),
            _ => ApiProblems.Validation(ToCamelCase(outcome.Result.Errors)),
        };
    }

    private static async Task<Results<Created<Created>, ProblemHttpResult>> LogContactAsync(Guid id, LogContact.Command command, LogContact.Handler handler, CancellationToken cancellationToken)
    {
        var outcome = await handler.HandleAsync(id, command, cancellationToken);
        return outcome.Kind switch
        {
            LogContact.OutcomeKind.Logged => TypedResults.Created($"/api/v1/residents/{id}/contacts/{outcome.ContactId}", new Created(outcome.ContactId!.Value)),
            LogContact.OutcomeKind.NotFound => ApiProblems.NotFound("居民"),
            _ => ApiProblems.Validation(ToCamelCase(outcome.Result.Errors)),
        };
    }

    private static async Task<Ok<ResidentQueries.Page<FollowUpQueries.OverdueRow>>> OverdueAsync(PortalDbContext db, CurrentUser user, TimeProvider time, Guid? community, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(pageSize ?? 20, 1, 200);
        var skip = (Math.Max(page ?? 1, 1) - 1) * size;
        return TypedResults.Ok(await FollowUpQueries.OverdueAsync(db, user.Principal, community, ResidentClock.Today(time), skip, size, cancellationToken));
    }

    /// <summary>Field names as the JSON body spells them (camelCase).</summary>
    private static Dictionary<string, string[]> ToCamelCase(IReadOnlyDictionary<string, string[]> errors) =>
        errors.ToDictionary(e => e.Key.Length == 0 ? e.Key : char.ToLowerInvariant(e.Key[0]) + e.Key[1..], e => e.Value);
}
