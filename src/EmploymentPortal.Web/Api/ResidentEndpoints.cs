using EmploymentPortal.Data;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmploymentPortal.Web.Api;

/// <summary>Residents through the API, with the same scope and masking as the pages.</summary>
internal static class ResidentEndpoints
{
    public static RouteGroupBuilder MapResidentEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/residents").WithTags("Residents").RequireAuthorization(PortalPolicies.ResidentRecords);
        group.MapGet("/", ListAsync).WithSummary("Residents visible to the caller, masked, paged.");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One resident; ?reveal=true returns the full ID number and is audited.");
        return group;
    }

    private static async Task<Ok<ResidentQueries.Page<ResidentQueries.ResidentRow>>> ListAsync(PortalDbContext db, CurrentUser user, Guid? community, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(pageSize ?? 20, 1, 200);
        var skip = (Math.Max(page ?? 1, 1) - 1) * size;
        return TypedResults.Ok(await ResidentQueries.ListAsync(db, user.Principal, community, skip, size, cancellationToken));
    }

    private static async Task<Results<Ok<ResidentQueries.ResidentDetail>, ProblemHttpResult>> GetAsync(Guid id, bool? reveal, PortalDbContext db, CurrentUser user, CancellationToken cancellationToken)
    {
        var resident = await ResidentQueries.FindAsync(db, user.Principal, id, reveal == true, cancellationToken);
        return resident is null ? ApiProblems.NotFound("居民") : TypedResults.Ok(resident);
    }
}
