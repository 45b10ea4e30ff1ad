using System.Security.Claims;
using EmploymentPortal.Data.Identity;

namespace EmploymentPortal.Web.Infrastructure.Security;

/// <summary>
/// The signed-in user as the portal's queries need them: who, which roles, and which scope.
/// Queries filter with it (<see cref="CanSeeCommunity"/>), so a user outside the scope gets
/// "not found" rather than the data.
/// </summary>
public sealed record PortalPrincipal(string? UserId, string UserName, string DisplayName, IReadOnlySet<string> Roles, IReadOnlySet<Guid> CommunityIds, Guid? EnterpriseId)
{
    public static PortalPrincipal Anonymous { get; } = new(null, "anonymous", "匿名用户", new HashSet<string>(), new HashSet<Guid>(), null);

    public bool IsAuthenticated => UserId is not null;

    public bool IsStationStaff => Roles.Contains(PortalRoles.StationStaff);

    public bool IsBureauOfficer => Roles.Contains(PortalRoles.BureauOfficer);

    public bool IsAdministrator => Roles.Contains(PortalRoles.Administrator);

    public bool IsEnterpriseUser => Roles.Contains(PortalRoles.EnterpriseUser);

    /// <summary>The designated training institution a <see cref="PortalRoles.TrainingInstitution"/> user acts for.</summary>
    public Guid? TrainingInstitutionId { get; init; }

    /// <summary>A training institution's user with the institution it acts for.</summary>
    public bool IsTrainingInstitution => Roles.Contains(PortalRoles.TrainingInstitution) && TrainingInstitutionId is not null;

    /// <summary>Bureau officers see every community; station staff only their own.</summary>
    public bool SeesAllCommunities => IsBureauOfficer;

    public bool CanSeeCommunity(Guid communityId) => SeesAllCommunities || (IsStationStaff && CommunityIds.Contains(communityId));

    public static PortalPrincipal From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }

        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var communities = user.FindAll(PortalClaimTypes.Community)
            .Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty)
            .ToHashSet();
        Guid? enterprise = Guid.TryParse(user.FindFirstValue(PortalClaimTypes.Enterprise), out var e) ? e : null;
        Guid? institution = Guid.TryParse(user.FindFirstValue(PortalClaimTypes.TrainingInstitution), out var t) ? t : null;
        var userName = user.Identity.Name ?? string.Empty;
        return new PortalPrincipal(
            user.FindFirstValue(ClaimTypes.NameIdentifier),
            userName,
            user.FindFirstValue(PortalClaimTypes.DisplayName) ?? userName,
            roles,
            communities,
            enterprise)
        {
            TrainingInstitutionId = institution,
        };
    }
}
