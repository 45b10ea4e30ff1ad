using System.Globalization;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Features.Circles;
using EmploymentPortal.Web.Features.Circles.Dashboard;
using EmploymentPortal.Web.Features.Claims;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Infrastructure.Security;
using EmploymentPortal.Web.Infrastructure.Xlsx;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace EmploymentPortal.Web.Api;

/// <summary>
/// The employment-circle dashboard's figures (per community, per district, the recognised share by
/// month) within the caller's scope, as JSON and as xlsx. Station staff get their communities,
/// bureau officers the city.
/// </summary>
internal static class CircleDashboardEndpoints
{
    public static RouteGroupBuilder MapCircleDashboardEndpoints(this RouteGroupBuilder api)
    {
        var dashboard = api.MapGroup("/circles/dashboard").WithTags("Circles").RequireAuthorization(PortalPolicies.ResidentRecords);
        dashboard.MapGet("/", GetAsync).WithSummary("Per community and district: registered unemployed, placed this month, overdue follow-ups, openings within the circle, standing; the recognised share by month against the target.");
        dashboard.MapGet("/export", ExportAsync).WithSummary("The dashboard's tables as xlsx (sheets 社区, 区县, 达标率).");
        return api;
    }

    private static async Task<Ok<CircleDashboard.Figures>> GetAsync(PortalDbContext db, CurrentUser user, IOptions<CircleOptions> options, PortalCalendar calendar, CancellationToken cancellationToken) =>
        TypedResults.Ok(await CircleDashboard.ForAsync(db, options.Value, user.Principal, calendar.Today, cancellationToken));

    private static async Task<FileContentHttpResult> ExportAsync(PortalDbContext db, CurrentUser user, IOptions<CircleOptions> options, PortalCalendar calendar, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var figures = await CircleDashboard.ForAsync(db, options.Value, user.Principal, today, cancellationToken);
        return TypedResults.File(CircleDashboard.Xlsx(figures), XlsxExport.ContentType, $"三公里就业圈-{today.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.xlsx");
    }
}
