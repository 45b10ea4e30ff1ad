using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Monitoring;
using EmploymentPortal.Web.Features.Claims;
using EmploymentPortal.Web.Features.Indicators;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Monitoring;

/// <summary>
/// Applies the bureau's warning thresholds (<see cref="WarningRules"/>) to the stored figures and
/// saves what crosses them as <see cref="EmploymentWarning"/>s: after a report, for its
/// enterprise and sector in that month; from the scheduled job, for every rule and the last
/// month. A warning already raised for the rule, subject and month is left as it is, so running
/// again (or on two instances at once: the unique index) never raises it twice.
/// </summary>
public static class WarningEvaluator
{
    /// <summary>Rules (a) and (b) for one enterprise's report of <paramref name="month"/>.</summary>
    /// <returns>The warnings raised now.</returns>
    public static async Task<int> AfterReportAsync(PortalDbContext db, Guid enterpriseId, DateOnly month, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var thresholds = await ThresholdsAsync(db, cancellationToken);
        var enterprise = await db.Enterprises.AsNoTracking().Where(e => e.Id == enterpriseId).Select(e => new { e.Name, e.Industry }).SingleAsync(cancellationToken);
        var findings = new List<(WarningFinding, WarningThreshold)>();
        if (thresholds.TryGetValue(WarningKind.EnterpriseCut, out var cut)
            && await db.MonthlyEmploymentReports.AsNoTracking().SingleOrDefaultAsync(r => r.EnterpriseId == enterpriseId && r.Month == month, cancellationToken) is { } report
            && WarningRules.EnterpriseCut(cut, enterpriseId, enterprise.Name, month, report.Figures) is { } finding)
        {
            findings.Add((finding, cut));
        }

        if (thresholds.TryGetValue(WarningKind.SectorLoss, out var sector) && enterprise.Industry is { } industry
            && await SectorFindingAsync(db, sector, industry, month, cancellationToken) is { } sectorFinding)
        {
            findings.Add((sectorFinding, sector));
        }

        return await RaiseAsync(db, findings, now, cancellationToken);
    }

    /// <summary>Every rule for <paramref name="month"/>: each reporting enterprise, each sector, each district.</summary>
    public static async Task<int> MonthAsync(PortalDbContext db, DateOnly month, DateTimeOffset now, CancellationToken cancellationToken)
    {
        month = PortalCalendar.MonthOf(month);
        var thresholds = await ThresholdsAsync(db, cancellationToken);
        var findings = new List<(WarningFinding, WarningThreshold)>();
        var reports = await (from r in db.MonthlyEmploymentReports.AsNoTracking()
                             join e in db.Enterprises on r.EnterpriseId equals e.Id
                             where r.Month == month
                             select new { Report = r, e.Name, e.Industry }).ToListAsync(cancellationToken);
        if (thresholds.TryGetValue(WarningKind.EnterpriseCut, out var cut))
        {
            findings.AddRange(reports.Select(r => WarningRules.EnterpriseCut(cut, r.Report.EnterpriseId, r.Name, month, r.Report.Figures))
                .OfType<WarningFinding>().Select(f => (f, cut)));
        }

        if (thresholds.TryGetValue(WarningKind.SectorLoss, out var sector))
        {
            foreach (var group in reports.Where(r => r.Industry is not null).GroupBy(r => r.Industry!.Value))
            {
                if (WarningRules.SectorLoss(sector, group.Key.ToString(), group.Key.ChineseName(), month, group.Select(r => r.Report.Figures).ToList()) is { } finding)
                {
                    findings.Add((finding, sector));
                }
            }
        }

        if (thresholds.TryGetValue(WarningKind.DistrictUnemploymentRise, out var rise))
        {
            findings.AddRange((await DistrictFindingsAsync(db, rise, month, cancellationToken)).Select(f => (f, rise)));
        }

        return await RaiseAsync(db, findings, now, cancellationToken);
    }

    /// <summary>Registered unemployed per district at the end of <paramref name="month"/> and of the 3 months before (oldest first).</summary>
    public static async Task<IReadOnlyList<DistrictSeries>> DistrictSeriesAsync(PortalDbContext db, DateOnly month, CancellationToken cancellationToken)
    {
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.Code).Select(d => new { d.Id, d.Code, d.Name }).ToListAsync(cancellationToken);
        var counts = new List<Dictionary<Guid, int>>();
        for (var back = 3; back >= 0; back--)
        {
            var end = month.AddMonths(1 - back).AddDays(-1);
            var byDistrict = await (from r in IndicatorMeasures.RegisteredUnemployedOn(db.Residents.AsNoTracking(), end)
                                    join c in db.Communities on r.CommunityId equals c.Id
                                    join s in db.Streets on c.StreetId equals s.Id
                                    group r by s.DistrictId into g
                                    select new { DistrictId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            counts.Add(byDistrict.ToDictionary(x => x.DistrictId, x => x.Count));
        }

        return districts.Select(d => new DistrictSeries(d.Code, d.Name, counts.Select(c => c.GetValueOrDefault(d.Id)).ToList())).ToList();
    }

    /// <summary>A district's month-end registered unemployed: the 3 months before, then the month itself.</summary>
    public sealed record DistrictSeries(string Code, string Name, IReadOnlyList<int> MonthEnds);

    private static async Task<IEnumerable<WarningFinding>> DistrictFindingsAsync(PortalDbContext db, WarningThreshold rise, DateOnly month, CancellationToken cancellationToken) =>
        (await DistrictSeriesAsync(db, month, cancellationToken))
            .Select(d => WarningRules.DistrictUnemploymentRise(rise, d.Code, d.Name, month, d.MonthEnds[3], d.MonthEnds.Take(3).ToList()))
            .OfType<WarningFinding>();

    private static async Task<WarningFinding?> SectorFindingAsync(PortalDbContext db, WarningThreshold threshold, IndustrySection industry, DateOnly month, CancellationToken cancellationToken)
    {
        var reports = await (from r in db.MonthlyEmploymentReports.AsNoTracking()
                             join e in db.Enterprises on r.EnterpriseId equals e.Id
                             where r.Month == month && e.Industry == industry
                             select r).ToListAsync(cancellationToken);
        return WarningRules.SectorLoss(threshold, industry.ToString(), industry.ChineseName(), month, reports.Select(r => r.Figures).ToList());
    }

    private static async Task<Dictionary<WarningKind, WarningThreshold>> ThresholdsAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        (await db.WarningThresholds.AsNoTracking().Where(t => t.Enabled).ToListAsync(cancellationToken)).ToDictionary(t => t.Kind);

    private static async Task<int> RaiseAsync(PortalDbContext db, List<(WarningFinding Finding, WarningThreshold Threshold)> findings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var raised = 0;
        foreach (var (finding, threshold) in findings)
        {
            if (await db.EmploymentWarnings.AnyAsync(w => w.Kind == finding.Kind && w.SubjectKey == finding.SubjectKey && w.Month == finding.Month, cancellationToken))
            {
                continue;
            }

            var warning = new EmploymentWarning(finding, threshold, now);
            db.EmploymentWarnings.Add(warning);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                raised++;
            }
            catch (DbUpdateException e) when (ClaimCommandSupport.IsUniqueViolation(e))
            {
                // Raised at the same moment by another evaluation: once is enough.
                db.Entry(warning).State = EntityState.Detached;
            }
        }

        return raised;
    }
}
