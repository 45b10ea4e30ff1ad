using EmploymentPortal.Data.Identity;
using Microsoft.AspNetCore.Authorization;

namespace EmploymentPortal.Web.Infrastructure.Security;

/// <summary>
/// The authorization policies every page and endpoint names. Roles decide the area; the scope
/// (communities, enterprise) is then checked in the queries themselves (<see cref="PortalPrincipal"/>).
/// </summary>
public static class PortalPolicies
{
    /// <summary>Community service-station work (社区服务站).</summary>
    public const string Station = nameof(Station);

    /// <summary>Enterprise self-service (企业服务).</summary>
    public const string Enterprise = nameof(Enterprise);

    /// <summary>Bureau review and approval (人社局经办).</summary>
    public const string Bureau = nameof(Bureau);

    /// <summary>System administration (系统管理).</summary>
    public const string Administration = nameof(Administration);

    /// <summary>Any signed-in staff member of the bureau or a station (internal reference data).</summary>
    public const string Staff = nameof(Staff);

    /// <summary>Residents' records: station staff within their scope, bureau officers city-wide.</summary>
    public const string ResidentRecords = nameof(ResidentRecords);

    /// <summary>Recording hires: enterprise users for their enterprise, station staff for their residents.</summary>
    public const string HireRecording = nameof(HireRecording);

    /// <summary>Reading hires: enterprise users (own), station staff (their residents'), bureau officers (all).</summary>
    public const string HireRecords = nameof(HireRecords);
    /// <summary>Who files subsidy claims: station staff for residents, enterprises for themselves, the bureau's counter.</summary>
    public const string Claimants = nameof(Claimants);

    /// <summary>Who reads claims: claimants (their own scope) and bureau officers.</summary>
    public const string ClaimRecords = nameof(ClaimRecords);

    /// <summary>Reading monitoring reports and layoff plans: enterprise users (own) and bureau officers (all).</summary>
    public const string MonitoringRecords = nameof(MonitoringRecords);

    /// <summary>
    /// Training classes (职业技能培训): bureau officers (all), training institutions (their own
    /// classes), station staff (approved classes, to enrol their residents).
    /// </summary>
    public const string Training = nameof(Training);

    /// <summary>Running a class (attendance, completion, certificates): its institution and bureau officers.</summary>
    public const string TrainingDelivery = nameof(TrainingDelivery);

    public static AuthorizationBuilder AddPortalPolicies(this AuthorizationBuilder builder)
    {
        return builder
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Station, p => p.RequireRole(PortalRoles.StationStaff))
            .AddPolicy(Enterprise, p => p.RequireRole(PortalRoles.EnterpriseUser).RequireClaim(PortalClaimTypes.Enterprise))
            .AddPolicy(Bureau, p => p.RequireRole(PortalRoles.BureauOfficer))
            .AddPolicy(Administration, p => p.RequireRole(PortalRoles.Administrator))
            .AddPolicy(Staff, p => p.RequireRole(PortalRoles.StationStaff, PortalRoles.BureauOfficer, PortalRoles.Administrator))
            .AddPolicy(ResidentRecords, p => p.RequireRole(PortalRoles.StationStaff, PortalRoles.BureauOfficer))
            .AddPolicy(HireRecording, p => p.RequireRole(PortalRoles.EnterpriseUser, PortalRoles.StationStaff))
            .AddPolicy(HireRecords, p => p.RequireRole(PortalRoles.EnterpriseUser, PortalRoles.StationStaff, PortalRoles.BureauOfficer))
            .AddPolicy(Claimants, p => p.RequireRole(PortalRoles.StationStaff, PortalRoles.EnterpriseUser, PortalRoles.BureauOfficer))
            .AddPolicy(MonitoringRecords, p => p.RequireRole(PortalRoles.EnterpriseUser, PortalRoles.BureauOfficer))
            .AddPolicy(ClaimRecords, p => p.RequireRole(PortalRoles.StationStaff, PortalRoles.EnterpriseUser, PortalRoles.BureauOfficer))
            .AddPolicy(Training, p => p.RequireAssertion(c => c.User.IsInRole(PortalRoles.StationStaff) || c.User.IsInRole(PortalRoles.BureauOfficer) || IsInstitutionUser(c.User)))
            .AddPolicy(TrainingDelivery, p => p.RequireAssertion(c => c.User.IsInRole(PortalRoles.BureauOfficer) || IsInstitutionUser(c.User)));
    }

    private static bool IsInstitutionUser(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(PortalRoles.TrainingInstitution) && user.HasClaim(c => c.Type == PortalClaimTypes.TrainingInstitution);

}

/// <summary>Claims the portal adds to a signed-in user's principal.</summary>
public static class PortalClaimTypes
{
    /// <summary>One claim per community a station-staff user works for (community id).</summary>
    public const string Community = "portal:community";

    /// <summary>The enterprise an enterprise user acts for (enterprise id).</summary>
    public const string Enterprise = "portal:enterprise";

    /// <summary>The training institution an institution user acts for (institution id).</summary>
    public const string TrainingInstitution = "portal:training-institution";

    public const string DisplayName = "portal:display-name";

    /// <summary>The server-side session of this sign-in (<see cref="Data.Identity.UserSession"/> id).</summary>
    public const string Session = "portal:session";
}
