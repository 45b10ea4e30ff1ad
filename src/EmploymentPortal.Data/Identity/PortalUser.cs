using Microsoft.AspNetCore.Identity;

namespace EmploymentPortal.Data.Identity;

/// <summary>
/// A person who signs in to the portal. Roles are in <see cref="PortalRoles"/>; what a user may
/// see is further limited by scope: station staff by <see cref="CommunityScopes"/>, enterprise
/// users by <see cref="EnterpriseId"/>.
/// </summary>
public sealed class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Disabled users cannot sign in; their history stays.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>The enterprise an <see cref="PortalRoles.EnterpriseUser"/> acts for.</summary>
    public Guid? EnterpriseId { get; set; }

    /// <summary>The training institution a <see cref="PortalRoles.TrainingInstitution"/> user acts for.</summary>
    public Guid? TrainingInstitutionId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<UserCommunityScope> CommunityScopes { get; set; } = [];
}

/// <summary>One community a station-staff user works for.</summary>
public sealed class UserCommunityScope
{
    public string UserId { get; set; } = string.Empty;

    public Guid CommunityId { get; set; }
}

/// <summary>The roles of the portal. Names are stable identifiers stored in the database.</summary>
public static class PortalRoles
{
    /// <summary>社区服务站工作人员, scoped to one or more communities.</summary>
    public const string StationStaff = "StationStaff";

    /// <summary>企业用户, scoped to one enterprise.</summary>
    public const string EnterpriseUser = "EnterpriseUser";

    /// <summary>人社局经办人员.</summary>
    public const string BureauOfficer = "BureauOfficer";

    /// <summary>系统管理员.</summary>
    public const string Administrator = "Administrator";

    /// <summary>培训机构用户, scoped to one designated training institution.</summary>
    public const string TrainingInstitution = "TrainingInstitution";

    public static IReadOnlyList<string> All { get; } = [StationStaff, EnterpriseUser, BureauOfficer, Administrator, TrainingInstitution];
}
