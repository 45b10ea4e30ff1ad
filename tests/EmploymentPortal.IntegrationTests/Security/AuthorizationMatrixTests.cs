using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using EmploymentPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace EmploymentPortal.IntegrationTests.Security;

/// <summary>
/// Who may reach what: every endpoint of the portal (Razor component pages, minimal APIs, health,
/// OpenAPI, Blazor's own endpoints) × anonymous and each role. The table below is the contract;
/// an endpoint that is not in it fails the build, and so does an entry whose endpoint is gone.
/// Static assets from MapStaticAssets are public by design and left out (recognised by their
/// <see cref="StaticAssetDescriptor"/>).
/// </summary>
[Collection(SqliteAppCollection.Name)]
public sealed partial class AuthorizationMatrixTests
{
    private const string Get = "GET";
    private const string Post = "POST";
    private const string Head = "HEAD";

    /// <summary>Endpoints without HTTP method metadata answer every method.</summary>
    private const string AnyMethod = "*";

    private static readonly Who[] Everyone = [Who.Anonymous, Who.StationStaff, Who.EnterpriseUser, Who.BureauOfficer, Who.Administrator];
    private static readonly Who[] SignedIn = [Who.StationStaff, Who.EnterpriseUser, Who.BureauOfficer, Who.Administrator];
    private static readonly Who[] Staff = [Who.StationStaff, Who.BureauOfficer, Who.Administrator];
    private static readonly Who[] ResidentRecords = [Who.StationStaff, Who.BureauOfficer];
    private static readonly Who[] Station = [Who.StationStaff];
    private static readonly Who[] Bureau = [Who.BureauOfficer];
    private static readonly Who[] Enterprise = [Who.EnterpriseUser];
    private static readonly Who[] Administration = [Who.Administrator];
    private static readonly Who[] HireRecording = [Who.StationStaff, Who.EnterpriseUser];
    private static readonly Who[] HireRecords = [Who.StationStaff, Who.EnterpriseUser, Who.BureauOfficer];
    private static readonly Who[] Claimants = [Who.StationStaff, Who.EnterpriseUser, Who.BureauOfficer];
    private static readonly Who[] MonitoringRecords = [Who.EnterpriseUser, Who.BureauOfficer];

    /// <summary>
    /// The contract. <c>Probe</c> is the request sent (route parameters filled in); without it
    /// the route's parameters are replaced by <see cref="SampleValuesAsync"/> by name.
    /// <c>AlsoAllowed</c> lists error statuses that still prove the request got past
    /// authorization to the endpoint (e.g. 400 for a deliberately empty form).
    /// </summary>
    private static readonly Entry[] Table =
    [
        // Pages (Razor components). A POST without a form name reaches the page, which answers 400.
        new(Get, "/", SignedIn),
        new(Post, "/", SignedIn, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/geography", Staff),
        new(Post, "/geography", Staff, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/residents", ResidentRecords),
        new(Post, "/residents", ResidentRecords, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/residents/new", Station),
        new(Post, "/residents/new", Station, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/residents/{Id:guid}", ResidentRecords),
        new(Get, "/residents/{Id:guid}/recommendations", ResidentRecords),
        new(Post, "/residents/{Id:guid}/recommendations", ResidentRecords, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Post, "/residents/{Id:guid}", ResidentRecords, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/households", ResidentRecords),
        new(Post, "/households", ResidentRecords, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/households/new", ResidentRecords),
        new(Post, "/households/new", ResidentRecords, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/households/{Id:guid}", ResidentRecords),
        new(Post, "/households/{Id:guid}", ResidentRecords, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/service-standards", ResidentRecords),
        new(Post, "/service-standards", ResidentRecords, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/residents/transfers", Station),
        new(Post, "/residents/transfers", Station, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/residents/ledger", ResidentRecords),
        new(Post, "/residents/ledger", ResidentRecords, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/policies", Bureau),
        new(Post, "/policies", Bureau, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/policies/sandbox", Bureau),
        new(Post, "/policies/sandbox", Bureau, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/policies/what-if", Bureau),
        new(Post, "/policies/what-if", Bureau, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/admin/users", Administration),
        new(Post, "/admin/users", Administration, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/admin/audit", Administration),
        new(Post, "/admin/audit", Administration, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/enterprise/vacancies", Enterprise),
        new(Post, "/enterprise/vacancies", Enterprise, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/enterprise/hires", Enterprise),
        new(Get, "/enterprise/referrals", Enterprise),
        new(Post, "/enterprise/referrals", Enterprise, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Post, "/enterprise/hires", Enterprise, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/enterprise/users", Enterprise),
        new(Post, "/enterprise/users", Enterprise, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/bureau/enterprises", Bureau),
        new(Post, "/bureau/enterprises", Bureau, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/bureau/posts", Bureau),
        new(Post, "/bureau/posts", Bureau, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/bureau/job-fairs", Bureau),
        new(Post, "/bureau/job-fairs", Bureau, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/bureau/loans", Bureau),
        new(Post, "/bureau/loans", Bureau, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/bureau/loans/{Id:guid}", Bureau),
        new(Post, "/bureau/loans/{Id:guid}", Bureau, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/bureau/training/institutions", Bureau),
        new(Post, "/bureau/training/institutions", Bureau, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/training/classes", ResidentRecords),
        new(Post, "/training/classes", ResidentRecords, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/training/classes/{Id:guid}", ResidentRecords),
        new(Post, "/training/classes/{Id:guid}", ResidentRecords, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/bureau/vacancies", Bureau),
        new(Post, "/bureau/vacancies", Bureau, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/bureau/follow-up-coverage", Bureau),
        new(Post, "/bureau/follow-up-coverage", Bureau, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/bureau/indicators", Bureau),
        new(Post, "/bureau/indicators", Bureau, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/bureau/reports", Bureau),
        new(Post, "/bureau/reports", Bureau, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/bureau/reports/print", Bureau),
        new(Post, "/bureau/reports/print", Bureau, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/jobs", Everyone),
        new(Post, "/jobs", Everyone, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/jobs/{Id:guid}", Everyone, AlsoAllowed: [404]),
        new(Post, "/jobs/{Id:guid}", Everyone, WithAntiforgeryToken: true, AlsoAllowed: [400, 404]),
        new(Get, "/account/register-enterprise", Everyone),
        new(Post, "/account/register-enterprise", Everyone, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/account/login", Everyone),
        new(Post, "/account/login", Everyone, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/claims", Claimants),
        new(Post, "/claims", Claimants, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/claims/new", Claimants),
        new(Post, "/claims/new", Claimants, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/claims/new/placement", Claimants),
        new(Post, "/claims/new/placement", Claimants, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/claims/{Id:guid}", Claimants),
        new(Post, "/claims/{Id:guid}", Claimants, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/bureau/payment-batches", Bureau),
        new(Post, "/bureau/payment-batches", Bureau, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/bureau/claim-reports", Bureau),
        new(Get, "/bureau/community-awards", Bureau),
        new(Post, "/bureau/claim-reports", Bureau, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Post, "/bureau/community-awards", Bureau, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/bureau/benefit-ceilings", Bureau),
        new(Post, "/bureau/benefit-ceilings", Bureau, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/notifications", SignedIn),
        new(Post, "/notifications", SignedIn, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        // Print views (static pages): a sample id that is no claim or batch answers 404 past authorization.
        new(Get, "/claims/{Id:guid}/print", Claimants, AlsoAllowed: [404]),
        new(Post, "/claims/{Id:guid}/print", Claimants, WithAntiforgeryToken: true, AlsoAllowed: [400, 404]),
        new(Get, "/bureau/payment-batches/{Id:guid}/print", Bureau, AlsoAllowed: [404]),
        new(Post, "/bureau/payment-batches/{Id:guid}/print", Bureau, WithAntiforgeryToken: true, AlsoAllowed: [400, 404]),
        new(Get, "/residents/{Id:guid}/card", ResidentRecords),
        new(Post, "/residents/{Id:guid}/card", ResidentRecords, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/notice", Everyone),
        new(Post, "/notice", Everyone, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/circles/map", ResidentRecords),
        new(Post, "/circles/map", ResidentRecords, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/circles/list", ResidentRecords),
        new(Post, "/circles/list", ResidentRecords, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/circles/communities/{Id:guid}", ResidentRecords),
        new(Post, "/circles/communities/{Id:guid}", ResidentRecords, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/circles/dashboard", ResidentRecords),
        new(Post, "/circles/dashboard", ResidentRecords, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/circles/standard", Bureau),
        new(Post, "/circles/standard", Bureau, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/account/access-denied", Everyone),
        new(Post, "/account/access-denied", Everyone, WithAntiforgeryToken: true, AlsoAllowed: [400]),

        // Account and culture endpoints. Signing out and switching language change the
        // client's cookies, so they run on a client of their own.
        new(Post, "/account/logout", SignedIn, WithAntiforgeryToken: true, OwnClient: true),
        new(Get, "/culture/set", Everyone, Probe: "/culture/set?culture=en&redirectUri=/", OwnClient: true),

        // API.
        new(Post, "/api/v1/auth/login", Everyone, Body: "{}", AlsoAllowed: [400]),
        new(Post, "/api/v1/auth/logout", SignedIn, Body: "{}", OwnClient: true),
        new(Get, "/api/v1/auth/me", SignedIn),
        new(Get, "/api/v1/auth/antiforgery", SignedIn),
        new(Get, "/api/v1/residents/", ResidentRecords),
        new(Get, "/api/v1/residents/{id:guid}", ResidentRecords),
        new(Post, "/api/v1/residents/", Station, Body: "{}", AlsoAllowed: [400]),
        new(Post, "/api/v1/residents/{id:guid}/unemployment-registration", Station, Body: "{}", AlsoAllowed: [422]),
        new(Get, "/api/v1/residents/{id:guid}/unemployment-registration/conditions", Station),
        new(Post, "/api/v1/residents/{id:guid}/contacts", Station, Body: "{}", AlsoAllowed: [400]),
        new(Get, "/api/v1/followups/overdue", ResidentRecords),
        new(Get, "/api/v1/residents/{id:guid}/profile", ResidentRecords),
        new("PUT", "/api/v1/residents/{id:guid}/job-preferences", Station, Body: "{\"desiredWageMin\":-1}", AlsoAllowed: [400]),
        new("PUT", "/api/v1/residents/{id:guid}/home", Station, Body: "{\"homeLocation\":\"x\"}", AlsoAllowed: [400]),
        new(Post, "/api/v1/residents/{id:guid}/status", Station, Body: "{}", AlsoAllowed: [400]),
        new(Post, "/api/v1/residents/{id:guid}/employment-difficulty", Bureau, Body: "{}", AlsoAllowed: [400]),
        new(Post, "/api/v1/residents/{id:guid}/employment-difficulty/revoke", Bureau, Body: "{}", AlsoAllowed: [400]),
        new(Get, "/api/v1/occupations", Staff),
        new(Get, "/api/v1/households/", ResidentRecords),
        new(Get, "/api/v1/households/{id:guid}", ResidentRecords, AlsoAllowed: [404]),
        new(Post, "/api/v1/households/", Station, Body: "{}", AlsoAllowed: [400]),
        new("PUT", "/api/v1/households/{id:guid}", Station, Body: "{}", AlsoAllowed: [400]),
        new(Post, "/api/v1/households/{id:guid}/members/{memberId:guid}/placement", Station, Probe: "/api/v1/households/00000000-0000-0000-0000-000000000001/members/00000000-0000-0000-0000-000000000002/placement", Body: "{}", AlsoAllowed: [404]),
        new(Get, "/api/v1/resident-transfers/", Station),
        new(Post, "/api/v1/resident-transfers/", Station, Body: "{}", AlsoAllowed: [400]),
        new(Post, "/api/v1/resident-transfers/{id:guid}/accept", Station, Body: "{}", AlsoAllowed: [404]),
        new(Post, "/api/v1/resident-transfers/{id:guid}/decline", Station, Body: "{}", AlsoAllowed: [400]),
        new(Get, "/api/v1/followups/coverage", Bureau),
        new(Get, "/api/v1/circles/", Staff),
        new(Get, "/api/v1/circles/{communityId:guid}", Staff, AlsoAllowed: [404]),
        new(Get, "/api/v1/circles/{communityId:guid}/vacancies", Staff, AlsoAllowed: [404]),
        new(Get, "/api/v1/circles/standard", Staff),
        new(Post, "/api/v1/circles/standard", Bureau, Body: "{}", AlsoAllowed: [400]),
        new(Get, "/api/v1/circles/targets", Staff),
        new(Post, "/api/v1/circles/targets", Bureau, Body: "{}", AlsoAllowed: [400]),
        new(Post, "/api/v1/circles/assessments", Bureau, Body: "{}"),
        new(Get, "/api/v1/circles/share", Staff),
        new(Get, "/api/v1/circles/dashboard/", ResidentRecords),
        new(Get, "/api/v1/circles/dashboard/export", ResidentRecords),
        new(Get, "/api/v1/residents/{id:guid}/recommendations", ResidentRecords, AlsoAllowed: [404]),
        new(Get, "/api/v1/residents/{id:guid}/referrals", ResidentRecords, AlsoAllowed: [404]),
        new(Get, "/api/v1/vacancies/{id:guid}/candidates", Station, AlsoAllowed: [404]),
        new(Post, "/api/v1/referrals/", Station, Body: "{}", AlsoAllowed: [400]),
        new(Get, "/api/v1/referrals/", Enterprise),
        new(Post, "/api/v1/referrals/{id:guid}/answer", Enterprise, Body: "{}", AlsoAllowed: [400, 404]),
        new(Post, "/api/v1/referrals/{id:guid}/phone", Enterprise, Body: "{}", AlsoAllowed: [404]),
        new(Get, "/api/v1/residents/import-template", Station),
        new(Get, "/api/v1/residents/import-sample", Station),
        new(Post, "/api/v1/residents/import", Station, Body: "{}", AlsoAllowed: [400]),
        new(Get, "/api/v1/residents/imports/{id:guid}", Station, AlsoAllowed: [404]),
        new(Get, "/api/v1/residents/imports/{id:guid}/error-report", Station, AlsoAllowed: [404]),
        new(Get, "/api/v1/residents/export", ResidentRecords),
        new(Get, "/api/v1/policies/", SignedIn),
        new(Get, "/api/v1/policies/{id}/rules", SignedIn, Probe: "/api/v1/policies/nanhe-2020-1/rules"),
        new(Post, "/api/v1/eligibility/evaluate", SignedIn, Body: "{}", AlsoAllowed: [400]),
        new(Get, "/api/v1/policies/rules/{ruleId}/ends", Bureau, Probe: "/api/v1/policies/rules/nanhe-2020-1.job-retention-refund-sme/ends"),
        new(Post, "/api/v1/policies/rules/{ruleId}/end", Bureau, Probe: "/api/v1/policies/rules/nanhe-2020-1.job-retention-refund-sme/end", Body: "{}", AlsoAllowed: [400]),
        new(Post, "/api/v1/enterprises/", Everyone, Body: "{}", AlsoAllowed: [400]),
        new(Post, "/api/v1/enterprises/{id:guid}/verify", Bureau, Body: "{}", AlsoAllowed: [404]),
        new(Post, "/api/v1/vacancies/", Enterprise, Body: "{}", AlsoAllowed: [400]),
        new(Post, "/api/v1/vacancies/{id:guid}/review", Bureau, Body: "{}", AlsoAllowed: [400]),
        new(Get, "/api/v1/vacancies/", Everyone),
        new(Get, "/api/v1/vacancies/{id:guid}", Everyone, AlsoAllowed: [404]),
        new(Get, "/api/v1/geography/boundaries", Everyone),
        new(Post, "/api/v1/hires/", HireRecording, Body: "{}", AlsoAllowed: [400]),
        new(Get, "/api/v1/hires/", HireRecords),
        new(Post, "/api/v1/hires/{id:guid}/social-insurance", HireRecording, Body: "{}", AlsoAllowed: [404]),
        new(Post, "/api/v1/hires/{id:guid}/end", HireRecording, Body: "{}", AlsoAllowed: [400]),
        new(Get, "/api/v1/enterprise-users/", Enterprise),
        new(Post, "/api/v1/enterprise-users/", Enterprise, Body: "{}", AlsoAllowed: [400]),
        new(Post, "/api/v1/enterprise-users/{userId}/enabled", Enterprise, Body: "{}", AlsoAllowed: [400]),
        new(Post, "/api/v1/enterprise-users/{userId}/reset-password", Enterprise, Body: "{}", AlsoAllowed: [404]),
        new(Post, "/api/v1/enterprises/{id:guid}/suspend", Bureau, Body: "{}", AlsoAllowed: [400]),
        new(Post, "/api/v1/enterprises/{id:guid}/reinstate", Bureau, Body: "{}", AlsoAllowed: [404]),
        new(Post, "/api/v1/post-programmes/", Bureau, Body: "{}", AlsoAllowed: [400]),
        new(Post, "/api/v1/post-programmes/{id:guid}/placements", ResidentRecords, Body: "{}", AlsoAllowed: [400]),
        new(Get, "/api/v1/post-programmes/open", ResidentRecords),
        new(Get, "/api/v1/post-programmes/summary", Bureau),
        new(Post, "/api/v1/post-placements/{id:guid}/extend", ResidentRecords, Body: "{}", AlsoAllowed: [400]),
        new(Post, "/api/v1/post-placements/{id:guid}/exit", ResidentRecords, Body: "{}", AlsoAllowed: [400]),
        new(Post, "/api/v1/job-fairs/", Bureau, Body: "{}", AlsoAllowed: [400]),
        new(Post, "/api/v1/entrepreneurship/business-starts", Station, Body: "{}", AlsoAllowed: [400]),
        new(Get, "/api/v1/entrepreneurship/business-starts", ResidentRecords, AlsoAllowed: [400, 404]),
        new(Post, "/api/v1/entrepreneurship/loans", Bureau, Body: "{}", AlsoAllowed: [400]),
        new(Get, "/api/v1/entrepreneurship/loans", Bureau),
        new(Get, "/api/v1/entrepreneurship/loans/{id:guid}", Bureau, AlsoAllowed: [404]),
        new(Post, "/api/v1/entrepreneurship/loans/{id:guid}/guarantee-decision", Bureau, Body: "{}", AlsoAllowed: [400]),
        new(Post, "/api/v1/entrepreneurship/loans/{id:guid}/bank-decision", Bureau, Body: "{}", AlsoAllowed: [400]),
        new(Post, "/api/v1/entrepreneurship/loans/{id:guid}/disbursement", Bureau, Body: "{}", AlsoAllowed: [400]),
        new(Post, "/api/v1/entrepreneurship/loans/{id:guid}/repayments", Bureau, Body: "{}", AlsoAllowed: [400]),
        new(Post, "/api/v1/entrepreneurship/loans/{id:guid}/extension", Bureau, Body: "{}", AlsoAllowed: [400]),
        new(Post, "/api/v1/entrepreneurship/loans/{id:guid}/overdue", Bureau, AlsoAllowed: [404]),
        new(Post, "/api/v1/entrepreneurship/loans/{id:guid}/default", Bureau, Body: "{}", AlsoAllowed: [400]),
        new(Get, "/api/v1/job-fairs/summary", Bureau),
        new(Post, "/api/v1/job-fairs/{id:guid}/intentions", ResidentRecords, Body: "{}", AlsoAllowed: [400]),
        new(Get, "/api/v1/job-fairs/recent", ResidentRecords),
        new(Get, "/api/v1/residents/{id:guid}/job-fair-intentions", ResidentRecords, AlsoAllowed: [404]),
        new(Get, "/api/v1/training/institutions/", Bureau),
        new(Post, "/api/v1/training/institutions/", Bureau, Body: "{}", AlsoAllowed: [400]),
        new(Post, "/api/v1/training/institutions/{id:guid}", Bureau, Body: "{}", AlsoAllowed: [400]),
        new(Get, "/api/v1/training/classes/", ResidentRecords),
        new(Post, "/api/v1/training/classes/", Bureau, Body: "{}", AlsoAllowed: [400]),
        new(Get, "/api/v1/training/classes/{id:guid}", ResidentRecords, AlsoAllowed: [404]),
        new(Get, "/api/v1/training/classes/{id:guid}/roster", ResidentRecords, AlsoAllowed: [404]),
        new(Post, "/api/v1/training/classes/{id:guid}/approve", Bureau, AlsoAllowed: [404]),
        new(Post, "/api/v1/training/classes/{id:guid}/enrolments", ResidentRecords, Body: "{}", AlsoAllowed: [400]),
        new(Post, "/api/v1/training/classes/{id:guid}/attendance", Bureau, Body: "{}", AlsoAllowed: [400]),
        new(Post, "/api/v1/training/classes/{id:guid}/enrolments/{enrolmentId:guid}/complete", Bureau, AlsoAllowed: [404]),
        new(Post, "/api/v1/training/classes/{id:guid}/enrolments/{enrolmentId:guid}/certificate", Bureau, Body: "{}", AlsoAllowed: [400]),
        new(Post, "/api/v1/training/classes/{id:guid}/finish", Bureau, AlsoAllowed: [404]),
        new(Get, "/api/v1/residents/{id:guid}/training", ResidentRecords, AlsoAllowed: [404]),
        new(Get, "/api/v1/indicators/", Bureau),
        new(Post, "/api/v1/indicators/figures", Bureau, Body: "{}", AlsoAllowed: [400]),
        new(Get, "/api/v1/reports/", Bureau),
        new(Get, "/api/v1/reports/export", Bureau),
        new(Get, "/api/v1/service-standards", ResidentRecords),
        new(Post, "/api/v1/claims/", Claimants, Body: "{}", AlsoAllowed: [400]),
        new(Get, "/api/v1/claims/{id:guid}", Claimants, AlsoAllowed: [404]),
        new(Post, "/api/v1/claims/community-awards", Bureau, Body: "{}", AlsoAllowed: [400]),
        new(Post, "/api/v1/claims/{id:guid}/attachments", Claimants, Body: "{}", AlsoAllowed: [400, 404]),
        new(Get, "/api/v1/claims/{id:guid}/attachments", Claimants, AlsoAllowed: [404]),
        new(Get, "/api/v1/claims/{id:guid}/attachments/{attachmentId:guid}", Claimants, Probe: "/api/v1/claims/00000000-0000-0000-0000-000000000001/attachments/00000000-0000-0000-0000-000000000002", AlsoAllowed: [404]),
        new(Post, "/api/v1/claims/{id:guid}/submit", Claimants, Body: "{}", AlsoAllowed: [404]),
        new(Post, "/api/v1/claims/{id:guid}/withdraw", Claimants, AlsoAllowed: [404]),
        new(Post, "/api/v1/claims/{id:guid}/approve", Bureau, Body: "{}", AlsoAllowed: [404]),
        new(Post, "/api/v1/claims/{id:guid}/accept-list-member", Bureau, Body: "{}", AlsoAllowed: [400]),
        new(Post, "/api/v1/claims/{id:guid}/reject", Bureau, Body: "{}", AlsoAllowed: [400]),
        new(Post, "/api/v1/claims/{id:guid}/return", Bureau, Body: "{}", AlsoAllowed: [400]),
        new(Post, "/api/v1/payment-batches/", Bureau, Body: "{}", AlsoAllowed: [400]),
        new(Get, "/api/v1/payment-batches/{id:guid}/export", Bureau, AlsoAllowed: [404]),
        new(Post, "/api/v1/payment-batches/{id:guid}/settle", Bureau, Body: "{}", AlsoAllowed: [404]),
        new(Get, "/api/v1/claim-reports/export", Bureau),
        new(Get, "/api/v1/benefit-ceilings/", Bureau),
        new(Get, "/bureau/monitoring", Bureau),
        new(Post, "/bureau/monitoring", Bureau, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/enterprise/monitoring", Enterprise),
        new(Post, "/enterprise/monitoring", Enterprise, WithAntiforgeryToken: true, AlsoAllowed: [400]),
        new(Get, "/api/v1/monitoring/enterprises", Bureau),
        new(Post, "/api/v1/monitoring/enterprises", Bureau, Body: "{}", AlsoAllowed: [400]),
        new(Post, "/api/v1/monitoring/enterprises/{id:guid}/end", Bureau, Body: "{}", AlsoAllowed: [400]),
        new(Get, "/api/v1/monitoring/reports", MonitoringRecords),
        new(Post, "/api/v1/monitoring/reports", Enterprise, Body: "{}", AlsoAllowed: [400]),
        new(Get, "/api/v1/monitoring/reports/template", Enterprise),
        new(Post, "/api/v1/monitoring/reports/import", Enterprise, Body: "{}", AlsoAllowed: [400]),
        new(Get, "/api/v1/monitoring/thresholds", Bureau),
        new("PUT", "/api/v1/monitoring/thresholds/{kind}", Bureau, Probe: "/api/v1/monitoring/thresholds/EnterpriseCut", Body: "{}", AlsoAllowed: [400]),
        new(Get, "/api/v1/monitoring/warnings", Bureau),
        new(Post, "/api/v1/monitoring/warnings/{id:guid}/acknowledge", Bureau, Body: "{}", AlsoAllowed: [400]),
        new(Get, "/api/v1/monitoring/layoff-plans", MonitoringRecords),
        new(Post, "/api/v1/monitoring/layoff-plans", Enterprise, Body: "{}", AlsoAllowed: [400]),
        new(Post, "/api/v1/benefit-ceilings/", Bureau, Body: "{}", AlsoAllowed: [400]),

        // Operations: public by design.
        new(AnyMethod, "/health/live", Everyone),
        new(AnyMethod, "/health/ready", Everyone),
        new(Get, "/openapi/{documentName}.json", Everyone, Probe: "/openapi/v1.json"),

        // MapStaticAssets' fallback for file-like paths that are no asset: 404 for the signed in.
        new(Get, "{**path:file}", SignedIn, Probe: "/no-such-file.txt", AlsoAllowed: [404]),
        new(Head, "{**path:file}", SignedIn, Probe: "/no-such-file.txt", AlsoAllowed: [404]),

        // Blazor's own endpoints: the circuit is for signed-in users only (the login page is
        // static server rendering and needs none). Probed without a real circuit, so the hub
        // answers 400 once authorization has passed.
        new(AnyMethod, "/_blazor", SignedIn, AlsoAllowed: [400]),
        new(AnyMethod, "/_blazor/negotiate", SignedIn, Method: Post, Probe: "/_blazor/negotiate?negotiateVersion=1"),
        new(AnyMethod, "/_blazor/initializers/", SignedIn),
        new(AnyMethod, "/_blazor/disconnect/", SignedIn, Method: Post, Body: string.Empty, AlsoAllowed: [400]),
        new(Get, "/_framework/opaque-redirect", SignedIn, AlsoAllowed: [400]),
    ];

    private static readonly Dictionary<Who, string> DemoUsers = new()
    {
        [Who.StationStaff] = "station1",
        [Who.EnterpriseUser] = "enterprise1",
        [Who.BureauOfficer] = "officer1",
        [Who.Administrator] = "admin",
    };

    private readonly SqlitePortalApp _app;
    private readonly ITestOutputHelper _output;

    public AuthorizationMatrixTests(SqlitePortalApp app, ITestOutputHelper output)
    {
        _app = app;
        _output = output;
    }

    public enum Who
    {
        Anonymous,
        StationStaff,
        EnterpriseUser,
        BureauOfficer,
        Administrator,
    }

    [Fact]
    public void Every_endpoint_of_the_portal_has_an_entry_in_the_matrix()
    {
        var listed = Table.Select(e => e.Key).ToHashSet();

        var missing = EndpointKeys().Where(key => !listed.Contains(key)).ToList();

        Assert.True(missing.Count == 0, "Endpoints without an entry in the authorization matrix (add one to AuthorizationMatrixTests.Table):" + Environment.NewLine + string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public void Every_entry_of_the_matrix_names_an_existing_endpoint()
    {
        var existing = EndpointKeys().ToHashSet();

        var stale = Table.Select(e => e.Key).Where(key => !existing.Contains(key)).ToList();

        Assert.True(stale.Count == 0, "Matrix entries whose endpoint no longer exists (remove them):" + Environment.NewLine + string.Join(Environment.NewLine, stale));
    }

    [Fact]
    public void Matrix_lists_every_endpoint_once()
    {
        var duplicates = Table.GroupBy(e => e.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.Empty(duplicates);
    }

    [Fact]
    public async Task Every_endpoint_allows_exactly_the_identities_in_the_matrix()
    {
        var samples = await SampleValuesAsync();
        var failures = new List<string>();

        foreach (var entry in Table)
        {
            foreach (var who in Everyone)
            {
                var expectedAllowed = entry.Allowed.Contains(who);
                var (outcome, detail) = await ProbeAsync(entry, who, samples);
                var ok = expectedAllowed ? outcome == Outcome.Allowed : outcome == Outcome.Denied;
                _output.WriteLine($"{entry.Key,-40} {who,-15} {outcome,-10} {detail}");
                if (!ok)
                {
                    failures.Add($"{entry.Key,-40} as {who,-15} expected {(expectedAllowed ? "allowed" : "denied")}, got {outcome}: {detail}");
                }
            }
        }

        Assert.True(failures.Count == 0, "Authorization matrix mismatches:" + Environment.NewLine + string.Join(Environment.NewLine, failures));
    }

    private IEnumerable<string> EndpointKeys()
    {
        var endpoints = _app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null);
        foreach (var endpoint in endpoints)
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            foreach (var method in methods is { Count: > 0 } ? methods : [AnyMethod])
            {
                yield return Entry.MakeKey(method, endpoint.RoutePattern.RawText ?? string.Empty);
            }
        }
    }

    private async Task<(Outcome Outcome, string Detail)> ProbeAsync(Entry entry, Who who, IReadOnlyDictionary<string, string> samples, Action<HttpResponseMessage>? inspect = null)
    {
        HttpClient? own = null;
        try
        {
            HttpClient client;
            if (entry.OwnClient || who == Who.Anonymous)
            {
                own = who == Who.Anonymous ? _app.Factory.CreateAnonymousClient() : await _app.Factory.CreateSignedInClientAsync(DemoUsers[who]);
                client = own;
            }
            else
            {
                client = await _app.SignedInClientAsync(DemoUsers[who]);
            }

            using var request = new HttpRequestMessage(new HttpMethod(entry.RequestMethod), entry.Probe ?? FillRoute(entry.Route, samples));
            if (entry.WithAntiforgeryToken)
            {
                request.Content = new FormUrlEncodedContent([new("__RequestVerificationToken", await AntiforgeryTokenAsync(client))]);
            }
            else if (entry.Body is not null)
            {
                request.Content = new StringContent(entry.Body, Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(request);
            inspect?.Invoke(response);
            var body = response.Content.Headers.ContentType?.MediaType == "text/html" ? await response.Content.ReadAsStringAsync() : string.Empty;
            var status = (int)response.StatusCode;
            var location = response.Headers.Location?.OriginalString ?? string.Empty;
            var detail = $"{status}{(location.Length > 0 ? " → " + location : string.Empty)}";

            if (IsDenial(status, location, body))
            {
                return (Outcome.Denied, detail);
            }

            return status < 400 || entry.AlsoAllowed.Contains(status)
                ? (Outcome.Allowed, detail)
                : (Outcome.Unexpected, detail);
        }
        finally
        {
            own?.Dispose();
        }
    }

    /// <summary>
    /// A denial: 401/403 (API, Blazor hub), a challenge or forbid redirect (the cookie handler adds
    /// a ReturnUrl, unlike a page that merely links to the login page), or a page that rendered
    /// the router's NotAuthorized block.
    /// </summary>
    private static bool IsDenial(int status, string location, string html)
    {
        if (status is 401 or 403)
        {
            return true;
        }

        if (status is 301 or 302 or 303 or 307 or 308
            && (location.Contains("/account/login", StringComparison.OrdinalIgnoreCase) || location.Contains("/account/access-denied", StringComparison.OrdinalIgnoreCase))
            && location.Contains("returnurl=", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return status == 200 && html.Contains("portal-denied", StringComparison.Ordinal) && html.Contains("无权访问", StringComparison.Ordinal);
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/account/login");
        var match = AntiforgeryField().Match(html);
        Assert.True(match.Success, "the login page has no antiforgery field");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Ids from the seeded demo city, by the route parameter names the portal uses.</summary>
    private async Task<IReadOnlyDictionary<string, string>> SampleValuesAsync()
    {
        await using var db = _app.Database.CreateContext();
        var community = await db.Communities.AsNoTracking().FirstAsync(c => c.Name == "东湖社区");
        var enterprise = await db.Enterprises.AsNoTracking().OrderBy(e => e.CreditCode).FirstAsync();
        var resident = await db.Residents.AsNoTracking().OrderBy(r => r.Id).FirstAsync(r => r.CommunityId == community.Id);
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.UserName == "station1");
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["communityId"] = community.Id.ToString(),
            ["enterpriseId"] = enterprise.Id.ToString(),
            ["residentId"] = resident.Id.ToString(),
            ["userId"] = user.Id,
            ["id"] = resident.Id.ToString(),
            ["enrolmentId"] = resident.Id.ToString(),
        };
    }

    private static string FillRoute(string route, IReadOnlyDictionary<string, string> samples) =>
        RouteParameter().Replace(route, match =>
        {
            var name = match.Groups[1].Value;
            return samples.TryGetValue(name, out var value)
                ? value
                : throw new InvalidOperationException($"No sample value for route parameter '{name}' of {route}: add one to SampleValuesAsync or give the entry a Probe.");
        });

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex(@"\{\**([A-Za-z]+)[^}]*\}")]
    private static partial Regex RouteParameter();

    private enum Outcome
    {
        Allowed,
        Denied,
        Unexpected,
    }

    private sealed record Entry(
        string EndpointMethod,
        string Route,
        Who[] Allowed,
        string? Probe = null,
        string? Method = null,
        string? Body = null,
        bool WithAntiforgeryToken = false,
        bool OwnClient = false,
        int[]? AlsoAllowed = null)
    {
        public int[] AlsoAllowed { get; } = AlsoAllowed ?? [];

        public string Key => MakeKey(EndpointMethod, Route);

        /// <summary>The method of the probe: the endpoint's own, or for "any method" endpoints GET unless given.</summary>
        public string RequestMethod => Method ?? (EndpointMethod == AnyMethod ? Get : EndpointMethod);

        public static string MakeKey(string method, string route) => $"{method} {route}";
    }
}
