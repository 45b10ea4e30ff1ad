using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Monitoring;

/// <summary>
/// Files monthly reports of one enterprise (the form, the API and the xlsx upload share it): a
/// month without a report gets one, a month with one is corrected (with the note), each checked
/// against the previous month's headcount, whether that is stored or in the same batch. Every
/// entry is checked before any is filed, and the problems name their entries; nothing is saved
/// here: the caller saves the whole batch at once, so an upload is all or nothing.
/// </summary>
public static class MonthlyReportFiling
{
    /// <summary>One month's figures as entered; <paramref name="Row"/> names it in messages (the spreadsheet row, or 0 for the form).</summary>
    public sealed record Entry(int Row, DateOnly Month, EmploymentFigures Figures, string? CorrectionNote);

    /// <summary>What refuses an entry: the domain code (the form maps it to a field) and the Chinese message.</summary>
    public sealed record Problem(int Row, string Code, string Message);

    /// <summary>The reports filed (added or corrected in <paramref name="db"/>'s change tracker), or the problems of the entries, none filed.</summary>
    public static async Task<(List<MonthlyEmploymentReport> Filed, List<Problem> Problems)> FileAsync(PortalDbContext db, Guid enterpriseId, IReadOnlyList<Entry> entries, DateOnly today, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var designations = await db.MonitoredEnterprises.AsNoTracking().Where(m => m.EnterpriseId == enterpriseId).ToListAsync(cancellationToken);
        var months = entries.Select(e => PortalCalendar.MonthOf(e.Month)).ToList();
        var earliest = months.Min().AddMonths(-1);
        var latest = months.Max();
        var stored = await db.MonthlyEmploymentReports.Where(r => r.EnterpriseId == enterpriseId && r.Month >= earliest && r.Month <= latest).ToDictionaryAsync(r => r.Month, cancellationToken);
        var headcounts = stored.ToDictionary(r => r.Key, r => r.Value.Headcount);
        var problems = new List<Problem>();
        var plan = new List<(Entry Entry, DateOnly Month, MonitoredEnterprise? Designation, MonthlyEmploymentReport? Existing, int? Previous)>();
        foreach (var entry in entries.OrderBy(e => e.Month))
        {
            var month = PortalCalendar.MonthOf(entry.Month);
            int? previous = headcounts.TryGetValue(month.AddMonths(-1), out var before) ? before : null;
            stored.TryGetValue(month, out var existing);
            var designation = designations.FirstOrDefault(d => d.CoversMonth(month));
            var problem = existing is null && designation is null ? ("monitoring-not-monitored", $"本企业在 {month:yyyy年M月} 不是重点监测企业，无需报送该月用工情况。")
                : month >= PortalCalendar.MonthOf(today) ? ("monitoring-report-month", "只能报送已经结束的月份（月末用工人数要在月末之后才能确定）。")
                : existing is not null && string.IsNullOrWhiteSpace(entry.CorrectionNote) ? ("monitoring-correction-note", $"{month:yyyy年M月}的月报已于 {PortalCalendar.ToChinaTime(existing.SubmittedAt):yyyy-MM-dd} 报送；如需更正，请填写更正原因。")
                : entry.Figures.Problem(previous) is { } figures ? ("monitoring-report-figures", figures)
                : default((string, string)?);
            if (problem is { } p)
            {
                problems.Add(new Problem(entry.Row, p.Item1, p.Item2));
                continue;
            }

            headcounts[month] = entry.Figures.Headcount;
            plan.Add((entry, month, designation, existing, previous));
        }

        if (problems.Count > 0)
        {
            return ([], problems);
        }

        var filed = new List<MonthlyEmploymentReport>();
        foreach (var (entry, month, designation, existing, previous) in plan)
        {
            if (existing is not null)
            {
                existing.Correct(entry.Figures, previous, entry.CorrectionNote!, by, at);
                filed.Add(existing);
                continue;
            }

            var report = MonthlyEmploymentReport.Submit(designation!, month, entry.Figures, previous, today, by, at);
            db.MonthlyEmploymentReports.Add(report);
            filed.Add(report);
        }

        return (filed, []);
    }
}
