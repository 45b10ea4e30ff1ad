using EmploymentPortal.Data;
using EmploymentPortal.Domain.Posts;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Infrastructure.Security;
using EmploymentPortal.Web.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Posts;

/// <summary>Who may run the post programmes and place residents on them, shared by their commands.</summary>
internal static class PostCommandSupport
{
    /// <summary>Programmes are the bureau's.</summary>
    public static FeatureOutcome? ProgrammeDenied(PortalPrincipal principal) =>
        principal.IsBureauOfficer ? null : FeatureOutcome.Denied("只有人社局经办人员可以管理公益性岗位和见习岗位。");

    /// <summary>Placements: the bureau, or the station of the resident's community.</summary>
    public static FeatureOutcome? PlacementDenied(PortalPrincipal principal) =>
        principal.IsBureauOfficer || principal.IsStationStaff ? null : FeatureOutcome.Denied("只有社区服务站或人社局经办人员可以办理岗位安置。");

    /// <summary>A placement the caller may change: one of a resident the caller sees (the bureau all, station staff their communities').</summary>
    public static Task<PostPlacement?> PlacementInScopeAsync(PortalDbContext db, PortalPrincipal principal, Guid placementId, CancellationToken cancellationToken) =>
        (from p in db.PostPlacements
         join r in db.Residents.VisibleTo(principal) on p.ResidentId equals r.Id
         where p.Id == placementId
         select p).FirstOrDefaultAsync(cancellationToken);
}
