using System.Globalization;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Infrastructure.Xlsx;

namespace EmploymentPortal.Web.Features.Reports;

/// <summary>
/// What the report shows and in which order, once for the page, the print view and the xlsx:
/// the figures with their Chinese labels, the header block, the file name.
/// </summary>
public static class BureauReportLayout
{
    /// <summary>A figure of <see cref="BureauReport.Figures"/>: a count, a percentage or an amount.</summary>
    public sealed record Measure(string Key, string Label, Func<BureauReport.Figures, object?> Value);

    /// <summary>Every figure, for the summary table (本期 / 上年同期 / 增减).</summary>
    public static IReadOnlyList<Measure> Summary { get; } =
    [
        new("registeredAtEnd", "期末登记失业人数（人）", f => f.RegisteredAtEnd),
        new("newlyRegistered", "新增登记失业（人次）", f => f.NewlyRegistered),
        new("leftRegister", "退出失业登记（人次）", f => f.LeftRegister),
        new("newEmployment", "城镇新增就业（录用登记，人）", f => f.NewEmployment),
        new("hardToEmployPlaced", "就业困难人员实现就业（人）", f => f.HardToEmployPlaced),
        new("followUpRegistered", "跟踪服务：登记失业（人·月）", f => f.FollowUpRegistered),
        new("followUpContacted", "跟踪服务：已跟踪（人·月）", f => f.FollowUpContacted),
        new("coveragePercent", "跟踪服务覆盖率（%）", f => f.CoveragePercent),
        new("claimsApproved", "补贴批准（笔）", f => f.ClaimsApproved),
        new("approvedAmount", "补贴批准金额（元）", f => f.ApprovedAmount),
        new("claimsPaid", "补贴支付（笔）", f => f.ClaimsPaid),
        new("paidAmount", "补贴支付金额（元）", f => f.PaidAmount),
    ];

    /// <summary>The figures of the district and community tables, each beside its value a year before.</summary>
    public static IReadOnlyList<Measure> AreaColumns { get; } =
        Summary.Where(m => m.Key is not ("followUpRegistered" or "followUpContacted" or "claimsApproved" or "approvedAmount")).ToList();

    /// <summary>A value as the page and the print view show it: — for none, thousands separators for counts.</summary>
    public static string Text(object? value) => value switch
    {
        null => "—",
        int n => n.ToString("#,0", CultureInfo.InvariantCulture),
        decimal d => d.ToString("0.0", CultureInfo.InvariantCulture),
        Money m => m.ToString(),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>This period minus last year's, for counts and amounts (checked); none for a percentage without both.</summary>
    public static object? Change(object? current, object? lastYear) => (current, lastYear) switch
    {
        (int c, int l) => checked(c - l),
        (decimal c, decimal l) => c - l,
        (Money c, Money l) => c - l,
        _ => null,
    };

    public static string Title(BureauReport.Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Period.Contains('Q', StringComparison.Ordinal) ? "就业统计季报" : "就业统计月报";
    }

    /// <summary>The header block: bureau, period (with the day counted to), scope, the same period last year, when it was generated (China time).</summary>
    public static IReadOnlyList<(string Label, string Value)> Header(BureauReport.Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return
        [
            ("填报单位", report.Bureau),
            ("统计期间", $"{report.PeriodLabel}（{Day(report.Start)} 至 {Day(report.End)}{(report.AsOf < report.End ? $"，截至 {Day(report.AsOf)}" : string.Empty)}）"),
            ("统计范围", report.ScopeLabel),
            ("上年同期", $"{Day(report.LastYearStart)} 至 {Day(report.LastYearAsOf)}"),
            ("生成时间", PortalCalendar.ToChinaTime(report.GeneratedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "（北京时间）"),
        ];
    }

    public static string FileName(BureauReport.Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"{Title(report)}-{report.Period}-{report.ScopeLabel}.xlsx";
    }

    /// <summary>The workbook: 汇总 (header block, every figure with last year and the change, notes), 区县, 社区, 补贴类别, 月度.</summary>
    public static byte[] Xlsx(BureauReport.Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        IReadOnlyList<IReadOnlyList<object?>> preamble =
        [
            [$"{report.Bureau}{Title(report)}"],
            .. Header(report).Select(h => (IReadOnlyList<object?>)[h.Label, h.Value]),
            [],
        ];
        var summary = Summary.Select(m =>
        {
            var current = m.Value(report.Total.Current);
            var lastYear = m.Value(report.Total.LastYear);
            return (IReadOnlyList<object?>)[m.Label, current, lastYear, Change(current, lastYear)];
        }).Concat([[], ["说明"], .. report.Notes.Select(n => (IReadOnlyList<object?>)[n])]);
        if (report.AnomalousAmounts > 0)
        {
            summary = summary.Append([$"含 {report.AnomalousAmounts} 笔金额异常的申请，已排除出合计。"]);
        }

        var areaHeader = AreaColumns.SelectMany(m => new[] { m.Label, $"{m.Label}·上年同期" }).ToList();
        IReadOnlyList<object?> AreaCells(BureauReport.AreaRow row) => [.. AreaColumns.SelectMany(m => new[] { m.Value(row.Current), m.Value(row.LastYear) })];
        var totalRow = (IReadOnlyList<object?>)["合计", .. AreaCells(report.Total)];

        return XlsxExport.Write(
        [
            new XlsxExport.Sheet("汇总", ["项目", "本期", "上年同期", "增减"], summary, preamble),
            new XlsxExport.Sheet("区县", ["区县", .. areaHeader], report.Districts.Select(r => (IReadOnlyList<object?>)[r.Name, .. AreaCells(r)]).Append(totalRow), preamble),
            new XlsxExport.Sheet("社区", ["区县", "社区", .. areaHeader], report.Communities.Select(r => (IReadOnlyList<object?>)[r.District, r.Name, .. AreaCells(r)]).Append(["合计", null, .. AreaCells(report.Total)]), preamble),
            new XlsxExport.Sheet(
                "补贴类别",
                ["补贴类别", "批准笔数", "批准金额（元）", "支付笔数", "支付金额（元）", "上年同期批准笔数", "上年同期批准金额（元）", "上年同期支付笔数", "上年同期支付金额（元）"],
                report.Families.Select(f => (IReadOnlyList<object?>)[f.Label, f.ClaimsApproved, f.Approved, f.ClaimsPaid, f.Paid, f.LastYearClaimsApproved, f.LastYearApproved, f.LastYearClaimsPaid, f.LastYearPaid]),
                preamble),
            new XlsxExport.Sheet(
                "资金来源",
                ["资金来源", "批准笔数", "批准金额（元）", "支付笔数", "支付金额（元）", "上年同期批准笔数", "上年同期批准金额（元）", "上年同期支付笔数", "上年同期支付金额（元）"],
                report.Funds.Select(f => (IReadOnlyList<object?>)[f.Label, f.ClaimsApproved, f.Approved, f.ClaimsPaid, f.Paid, f.LastYearClaimsApproved, f.LastYearApproved, f.LastYearClaimsPaid, f.LastYearPaid]),
                preamble),
            new XlsxExport.Sheet(
                "月度",
                ["月份", "期末登记失业人数（人）", "城镇新增就业（人）", "就业困难人员实现就业（人）"],
                report.Months.Select(m => (IReadOnlyList<object?>)[m.Month, m.RegisteredAtEnd, m.NewEmployment, m.HardToEmployPlaced]),
                preamble),
        ]);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
