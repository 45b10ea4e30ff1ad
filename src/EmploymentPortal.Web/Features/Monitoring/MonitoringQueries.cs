using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Monitoring;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Monitoring;

/// <summary>
/// The reads of key-enterprise monitoring, for the pages and the API alike: bureau officers see
/// every enterprise, an enterprise user only their own (others are not found, or not listed).
/// </summary>
public static class MonitoringQueries
{
    /// <summary>How far back missing reports are chased: the last 12 ended months.</summary>
    public const int ChaseMonths = 12;

    public sealed record MonitoredRow(Guid DesignationId, Guid EnterpriseId, string EnterpriseName, string? Industry, DateOnly Since, DateOnly? Until, string Reason, string DesignatedBy, DateOnly? LastReported, IReadOnlyList<DateOnly> MissingMonths);

    public sealed record ReportRow(Guid Id, Guid EnterpriseId, string EnterpriseName, DateOnly Month, int Headcount, int Hires, int Separations, int EconomicLayoffs, string SubmittedBy, DateTimeOffset SubmittedAt, string? CorrectedBy, DateTimeOffset? CorrectedAt, string? CorrectionNote);

    public sealed record ThresholdRow(Guid Id, WarningKind Kind, decimal? SharePercent, int? Count, string Basis, bool Enabled, string Description, string ConfiguredBy, DateTimeOffset ConfiguredAt);

    public sealed record WarningRow(Guid Id, WarningKind Kind, string SubjectKey, string SubjectName, DateOnly Month, decimal Before, decimal After, decimal Change, decimal? ChangePercent, string Figures, string Threshold, string Basis, DateTimeOffset RaisedAt, string? AcknowledgedBy, DateTimeOffset? AcknowledgedAt, string? AcknowledgementNote);

    public sealed record LayoffPlanRow(Guid Id, Guid EnterpriseId, string EnterpriseName, int People, DateOnly PlannedDate, DateOnly NoticeDate, string Reasons, string PlacementScheme, string RecordedBy, DateTimeOffset RecordedAt);

    /// <summary>What an enterprise's home page says about monitoring: whether it is monitored, and the ended months it owes.</summary>
    public sealed record EnterpriseChase(bool Monitored, DateOnly LastMonth, bool LastMonthMissing, IReadOnlyList<DateOnly> MissingMonths);

    /// <summary>The months from the designation's start (at most <see cref="ChaseMonths"/> back) through the month before <paramref name="today"/> that it covers.</summary>
    public static IEnumerable<DateOnly> OwedMonths(MonitoredEnterprise designation, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(designation);
        var last = PortalCalendar.MonthOf(today).AddMonths(-1);
        for (var month = last.AddMonths(1 - ChaseMonths); month <= last; month = month.AddMonths(1))
        {
            if (designation.CoversMonth(month))
            {
                yield return month;
            }
        }
    }

    /// <summary>Designations in force on <paramref name="today"/> (or, with <paramref name="includeEnded"/>, all), with the months each still owes.</summary>
    public static async Task<IReadOnlyList<MonitoredRow>> MonitoredAsync(PortalDbContext db, DateOnly today, bool includeEnded, CancellationToken cancellationToken)
    {
        var rows = await (from m in db.MonitoredEnterprises.AsNoTracking()
                          join e in db.Enterprises on m.EnterpriseId equals e.Id
                          where includeEnded || m.Until == null || m.Until >= today
                          orderby e.Name, m.Since
                          select new { Designation = m, e.Name, e.Industry }).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Designation.EnterpriseId).Distinct().ToList();
        var from = PortalCalendar.MonthOf(today).AddMonths(-ChaseMonths);
        var reported = (await db.MonthlyEmploymentReports.AsNoTracking().Where(r => ids.Contains(r.EnterpriseId) && r.Month >= from)
                .Select(r => new { r.EnterpriseId, r.Month }).ToListAsync(cancellationToken))
            .ToLookup(r => r.EnterpriseId, r => r.Month);
        var last = await db.MonthlyEmploymentReports.AsNoTracking().Where(r => ids.Contains(r.EnterpriseId))
            .GroupBy(r => r.EnterpriseId).Select(g => new { g.Key, Last = g.Max(r => r.Month) }).ToDictionaryAsync(g => g.Key, g => g.Last, cancellationToken);
        return rows.Select(r =>
        {
            var done = reported[r.Designation.EnterpriseId].ToHashSet();
            var missing = OwedMonths(r.Designation, today).Where(m => !done.Contains(m)).ToList();
            return new MonitoredRow(r.Designation.Id, r.Designation.EnterpriseId, r.Name, r.Industry is { } i ? $"{i} {i.ChineseName()}" : null, r.Designation.Since, r.Designation.Until, r.Designation.Reason, r.Designation.DesignatedBy,
                last.TryGetValue(r.Designation.EnterpriseId, out var l) ? l : null, missing);
        }).ToList();
    }

    /// <summary>Reports the caller may see, newest month first; an enterprise user sees only their enterprise's.</summary>
    public static async Task<IReadOnlyList<ReportRow>> ReportsAsync(PortalDbContext db, PortalPrincipal principal, Guid? enterpriseId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var reports = db.MonthlyEmploymentReports.AsNoTracking();
        if (!principal.IsBureauOfficer)
        {
            var own = principal.IsEnterpriseUser ? principal.EnterpriseId : null;
            if (own is null || (enterpriseId is { } asked && asked != own))
            {
                return [];
            }

            enterpriseId = own;
        }

        if (enterpriseId is { } id)
        {
            reports = reports.Where(r => r.EnterpriseId == id);
        }

        if (from is { } start)
        {
            var first = PortalCalendar.MonthOf(start);
            reports = reports.Where(r => r.Month >= first);
        }

        if (to is { } end)
        {
            reports = reports.Where(r => r.Month <= end);
        }

        return await (from r in reports
                      join e in db.Enterprises on r.EnterpriseId equals e.Id
                      orderby r.Month descending, e.Name
                      select new ReportRow(r.Id, r.EnterpriseId, e.Name, r.Month, r.Headcount, r.Hires, r.Separations, r.EconomicLayoffs, r.SubmittedBy, r.SubmittedAt, r.CorrectedBy, r.CorrectedAt, r.CorrectionNote))
            .Take(2000).ToListAsync(cancellationToken);
    }

    public static async Task<IReadOnlyList<ThresholdRow>> ThresholdsAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        (await db.WarningThresholds.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(t => t.Kind)
            .Select(t => new ThresholdRow(t.Id, t.Kind, t.SharePercent, t.Count, t.Basis, t.Enabled, t.Describe(), t.ConfiguredBy, t.ConfiguredAt)).ToList();

    /// <summary>Warnings newest first; <paramref name="openOnly"/>: those not yet acknowledged.</summary>
    public static async Task<IReadOnlyList<WarningRow>> WarningsAsync(PortalDbContext db, bool openOnly, int take, CancellationToken cancellationToken)
    {
        var warnings = db.EmploymentWarnings.AsNoTracking();
        if (openOnly)
        {
            warnings = warnings.Where(w => w.AcknowledgedAt == null);
        }

        var rows = await warnings.OrderByDescending(w => w.Month).ThenBy(w => w.Kind).ThenBy(w => w.SubjectName).Take(take)
            .Select(w => new WarningRow(w.Id, w.Kind, w.SubjectKey, w.SubjectName, w.Month, w.Before, w.After, w.Change, w.ChangePercent, w.Figures, w.Threshold, w.Basis, w.RaisedAt, w.AcknowledgedBy, w.AcknowledgedAt, w.AcknowledgementNote))
            .ToListAsync(cancellationToken);
        return rows;
    }

    public static Task<int> OpenWarningCountAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        db.EmploymentWarnings.CountAsync(w => w.AcknowledgedAt == null, cancellationToken);

    /// <summary>Layoff plans, latest planned date first; an enterprise user sees only their own.</summary>
    public static async Task<IReadOnlyList<LayoffPlanRow>> LayoffPlansAsync(PortalDbContext db, PortalPrincipal principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var plans = db.LayoffPlans.AsNoTracking();
        if (!principal.IsBureauOfficer)
        {
            var own = principal.IsEnterpriseUser ? principal.EnterpriseId : null;
            if (own is null)
            {
                return [];
            }

            plans = plans.Where(p => p.EnterpriseId == own);
        }

        return await (from p in plans
                      join e in db.Enterprises on p.EnterpriseId equals e.Id
                      orderby p.PlannedDate descending
                      select new LayoffPlanRow(p.Id, p.EnterpriseId, e.Name, p.People, p.PlannedDate, p.NoticeDate, p.Reasons, p.PlacementScheme, p.RecordedBy, p.RecordedAt))
            .Take(500).ToListAsync(cancellationToken);
    }

    /// <summary>The ended months an enterprise owes (its home page's chase); not monitored: nothing owed.</summary>
    public static async Task<EnterpriseChase> ChaseAsync(PortalDbContext db, Guid enterpriseId, DateOnly today, CancellationToken cancellationToken = default)
    {
        var lastMonth = PortalCalendar.MonthOf(today).AddMonths(-1);
        var designations = await db.MonitoredEnterprises.AsNoTracking().Where(m => m.EnterpriseId == enterpriseId).ToListAsync(cancellationToken);
        if (designations.Count == 0)
        {
            return new EnterpriseChase(false, lastMonth, false, []);
        }

        var owed = designations.SelectMany(d => OwedMonths(d, today)).Distinct().ToList();
        var from = lastMonth.AddMonths(1 - ChaseMonths);
        var reported = (await db.MonthlyEmploymentReports.AsNoTracking().Where(r => r.EnterpriseId == enterpriseId && r.Month >= from).Select(r => r.Month).ToListAsync(cancellationToken)).ToHashSet();
        var missing = owed.Where(m => !reported.Contains(m)).OrderBy(m => m).ToList();
        return new EnterpriseChase(designations.Any(d => d.IsActiveOn(today) || d.CoversMonth(lastMonth)), lastMonth, missing.Contains(lastMonth), missing);
    }

    /// <summary>Names of the warning kinds (the pages' labels).</summary>
    public static string KindName(WarningKind kind) => kind switch
    {
        WarningKind.EnterpriseCut => "重点企业减员",
        WarningKind.SectorLoss => "行业减员",
        _ => "区县登记失业人数上升",
    };
}
