using EmploymentPortal.Data;
using EmploymentPortal.Web.Features.Hires;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Security;
using EmploymentPortal.Web.Infrastructure.Commands;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmploymentPortal.Web.Api;

/// <summary>Hires (录用登记) through the same handlers and queries as the pages.</summary>
internal static class HireEndpoints
{
    public sealed record CreatedResponse(Guid Id, string Message);

    public static RouteGroupBuilder MapHireEndpoints(this RouteGroupBuilder api)
    {
        var hires = api.MapGroup("/hires").WithTags("Hires");
        hires.MapPost("/", RecordAsync).RequireAuthorization(PortalPolicies.HireRecording)
            .WithSummary("Record a hire: enterprise users for their enterprise (resident by idNumber + name), station staff for a resident of their communities (residentId + enterpriseCreditCode).");
        hires.MapGet("/", ListAsync).RequireAuthorization(PortalPolicies.HireRecords)
            .WithSummary("Hires visible to the caller (enterprise: its own; station: its residents'; bureau: all), ID numbers masked; ?resident=&page=&pageSize=.");
        hires.MapPost("/{id:guid}/social-insurance", UpdateInsuranceAsync).RequireAuthorization(PortalPolicies.HireRecording)
            .WithSummary("Update whether social insurance is paid for a hire and from which month ({\"paid\":true,\"from\":\"2026-11-01\"}).");
        hires.MapPost("/{id:guid}/end", EndAsync).RequireAuthorization(PortalPolicies.HireRecording)
            .WithSummary("Record that the person left (离职登记, {\"lastDay\":\"2026-11-20\",\"reason\":\"...\"}); the enterprise's live claims for the person are flagged for supervision.");
        return api;
    }

    private static async Task<Results<Ok<CreatedResponse>, ProblemHttpResult>> EndAsync(Guid id, EndHire.Command command, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(command with { HireId = id }, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new CreatedResponse(id, outcome.Result.Message)) : ApiProblems.For(outcome);
    }

    private static async Task<Results<Created<CreatedResponse>, ProblemHttpResult>> RecordAsync(RecordHire.Command command, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(command, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/hires/{outcome.Id}", new CreatedResponse(outcome.Id!.Value, outcome.Result.Message))
            : ApiProblems.For(outcome);
    }

    private static async Task<Ok<ResidentQueries.Page<HireQueries.HireRow>>> ListAsync(PortalDbContext db, CurrentUser user, Guid? resident, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(pageSize ?? 20, 1, 200);
        var skip = (Math.Max(page ?? 1, 1) - 1) * size;
        return TypedResults.Ok(await HireQueries.ListAsync(db, user.Principal, resident, skip, size, cancellationToken));
    }

    private static async Task<Results<Ok<CreatedResponse>, ProblemHttpResult>> UpdateInsuranceAsync(Guid id, UpdateHireInsurance.Command command, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(command with { HireId = id }, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new CreatedResponse(id, outcome.Result.Message)) : ApiProblems.For(outcome);
    }
}
