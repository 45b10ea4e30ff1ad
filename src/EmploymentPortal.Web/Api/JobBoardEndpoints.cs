using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Features.Geography;
using EmploymentPortal.Web.Features.Jobs;
using EmploymentPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmploymentPortal.Web.Api;

/// <summary>
/// What the public job board shows without an account: one vacancy on the board, and the city's
/// boundaries its map draws when no tile server is configured. No personal data in either.
/// </summary>
internal static class JobBoardEndpoints
{
    public static RouteGroupBuilder MapJobBoardEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/vacancies/{id:guid}", DetailAsync).AllowAnonymous().WithTags("Vacancies")
            .WithSummary("A vacancy on the public board: enterprise, place, wage, work type and how to apply; 404 when it is not published or has expired.");
        api.MapGet("/geography/boundaries", BoundariesAsync).AllowAnonymous().WithTags("Geography")
            .RequireRateLimiting(PortalRateLimiting.PublicMapPolicyName)
            .Produces<CityBoundaries.FeatureCollection>(StatusCodes.Status200OK, "application/geo+json")
            .WithSummary("GeoJSON of the city's outline, its districts and its communities' service areas (nearest station), the maps' base layer without tiles.");
        return api;
    }

    private static async Task<Results<Ok<JobBoardQueries.JobDetail>, ProblemHttpResult>> DetailAsync(Guid id, PortalDbContext db, PortalCalendar calendar, CancellationToken cancellationToken) =>
        await JobBoardQueries.DetailAsync(db, id, calendar.Today, cancellationToken) is { } detail
            ? TypedResults.Ok(detail)
            : ApiProblems.NotFound("岗位");

    private static async Task<IResult> BoundariesAsync(PortalDbContext db, CityBoundaries boundaries, CancellationToken cancellationToken)
    {
        var (features, _) = await boundaries.GetAsync(db, cancellationToken);
        return TypedResults.Json(features, contentType: "application/geo+json");
    }
}
