using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Features.Claims;
using EmploymentPortal.Web.Features.Reports;
using EmploymentPortal.Web.Features.ServiceStandards;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Security;
using EmploymentPortal.Web.Infrastructure.Xlsx;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmploymentPortal.Web.Api;

/// <summary>
/// The bureau's monthly and quarterly report (issue 17, docs/indicators.md): bureau officers only.
/// The report holds counts and sums, no personal data, so its export is not written to the audit
/// log (as the claim report and the circle dashboard exports; only exports of personal data are).
/// </summary>
internal static class ReportEndpoints
{
    public static RouteGroupBuilder MapReportEndpoints(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports").RequireAuthorization(PortalPolicies.Bureau);
        reports.MapGet("/", GetAsync)
            .WithSummary("The monthly or quarterly report: ?period=2026-03 or 2026-Q1 (default: this month), ?scope=city | district:<code> | community:<id>; per district and community, each figure beside the same period last year.");
        reports.MapGet("/export", ExportAsync)
            .WithSummary("The same report as xlsx (sheets 汇总, 区县, 社区, 补贴类别, 月度), each with a header block: bureau, period, scope, the same period last year, generated at.");

        // Service standards (issue 17): station staff see their communities, officers all; the
        // breaches name people masked, so they are for staff only.
        api.MapGet("/service-standards", ServiceStandardsAsync).WithTags("Reports").RequireAuthorization(PortalPolicies.ResidentRecords)
            .WithSummary("The service standards measured for ?month=yyyy-MM (default: this month) per community and per staff member, with the people who breach them (names masked).");
        return api;
    }

    private static async Task<Results<Ok<ServiceStandardQueries.Report>, ProblemHttpResult>> ServiceStandardsAsync(
        PortalDbContext db, CurrentUser user, PortalCalendar calendar, string? month, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var (parsed, refusal) = ServiceStandardQueries.ParseMonth(month, today);
        return parsed is { } m
            ? TypedResults.Ok(await ServiceStandardQueries.MeasureAsync(db, user.Principal, m, today, cancellationToken))
            : ApiProblems.For(refusal!);
    }

    private static async Task<Results<Ok<BureauReport.Report>, ProblemHttpResult>> GetAsync(
        PortalDbContext db, ClaimAmounts amounts, RuleFunds funds, PortalCalendar calendar, string? period, string? scope, CancellationToken cancellationToken)
    {
        var (report, refusal) = await BuildAsync(db, amounts, funds, calendar, period, scope, cancellationToken);
        return report is null ? ApiProblems.For(refusal!) : TypedResults.Ok(report);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        PortalDbContext db, ClaimAmounts amounts, RuleFunds funds, PortalCalendar calendar, string? period, string? scope, CancellationToken cancellationToken)
    {
        var (report, refusal) = await BuildAsync(db, amounts, funds, calendar, period, scope, cancellationToken);
        return report is null
            ? ApiProblems.For(refusal!)
            : TypedResults.File(BureauReportLayout.Xlsx(report), XlsxExport.ContentType, BureauReportLayout.FileName(report));
    }

    private static async Task<(BureauReport.Report? Report, Infrastructure.Validation.FeatureOutcome? Refusal)> BuildAsync(
        PortalDbContext db, ClaimAmounts amounts, RuleFunds funds, PortalCalendar calendar, string? period, string? scope, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var (request, refusal) = await BureauReport.ParseAsync(db, period, scope, today, cancellationToken);
        return request is null ? (null, refusal) : (await BureauReport.BuildAsync(db, amounts, funds, request, today, calendar.Now, cancellationToken), null);
    }
}
