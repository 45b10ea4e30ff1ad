namespace EmploymentPortal.Domain.Monitoring;

/// <summary>What a rule found for one subject and month: the figures that crossed its threshold.</summary>
public sealed record WarningFinding(WarningKind Kind, string SubjectKey, string SubjectName, DateOnly Month, decimal Before, decimal After, decimal Change, decimal? ChangePercent, string Figures);

/// <summary>
/// The early-warning rules as pure functions of the figures (规模性失业风险预警): each returns a
/// finding when the threshold is crossed, null otherwise. The service that reads the reports and
/// the register calls them and saves the findings as <see cref="EmploymentWarning"/>s.
/// </summary>
public static class WarningRules
{
    public static string EnterpriseKey(Guid enterpriseId) => $"enterprise:{enterpriseId}";

    public static string SectorKey(string section) => $"sector:{section}";

    public static string DistrictKey(string districtCode) => $"district:{districtCode}";

    /// <summary>
    /// (a) A monitored enterprise's net reduction in the month (separations − hires) against its
    /// start-of-month headcount: at least the share, or at least the number.
    /// </summary>
    public static WarningFinding? EnterpriseCut(WarningThreshold threshold, Guid enterpriseId, string enterpriseName, DateOnly month, EmploymentFigures figures)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        if (!threshold.Enabled || threshold.Kind != WarningKind.EnterpriseCut || figures.NetReduction <= 0)
        {
            return null;
        }

        var start = figures.StartHeadcount;
        var share = start > 0 ? Math.Round(100m * figures.NetReduction / start, 1) : (decimal?)null;
        var byShare = threshold.SharePercent is { } limit && start > 0 && 100m * figures.NetReduction >= limit * start;
        var byCount = threshold.Count is { } count && figures.NetReduction >= count;
        if (!byShare && !byCount)
        {
            return null;
        }

        var text = $"{month:yyyy年M月}：月初 {start} 人，新增录用 {figures.Hires} 人，减员 {figures.Separations} 人（其中经济性裁员 {figures.EconomicLayoffs} 人），月末 {figures.Headcount} 人，净减少 {figures.NetReduction} 人"
            + (share is { } s ? $"（{s:0.#}%）" : string.Empty) + "。";
        return new WarningFinding(WarningKind.EnterpriseCut, EnterpriseKey(enterpriseId), enterpriseName, month, start, figures.Headcount, figures.NetReduction, share, text);
    }

    /// <summary>(b) A sector's net jobs lost across its monitored enterprises that reported for the month.</summary>
    public static WarningFinding? SectorLoss(WarningThreshold threshold, string section, string sectorName, DateOnly month, IReadOnlyCollection<EmploymentFigures> reports)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        ArgumentNullException.ThrowIfNull(reports);
        if (!threshold.Enabled || threshold.Kind != WarningKind.SectorLoss || threshold.Count is not { } count || reports.Count == 0)
        {
            return null;
        }

        var start = reports.Sum(r => (long)r.StartHeadcount);
        var end = reports.Sum(r => (long)r.Headcount);
        var lost = start - end;
        if (lost < count)
        {
            return null;
        }

        var share = start > 0 ? Math.Round(100m * lost / start, 1) : (decimal?)null;
        var text = $"{month:yyyy年M月}：{sectorName}行业 {reports.Count} 家重点监测企业月初合计 {start} 人，月末 {end} 人，净减少 {lost} 人"
            + (share is { } s ? $"（{s:0.#}%）" : string.Empty) + "。";
        return new WarningFinding(WarningKind.SectorLoss, SectorKey(section), sectorName, month, start, end, lost, share, text);
    }

    /// <summary>
    /// (c) A district's registered unemployed at the month's end against the average of the
    /// previous 3 month-ends (<paramref name="previousThree"/>, oldest first). With an average of
    /// 0 there is no share to compare: no warning (the count condition alone would alarm on the
    /// first registrations of a new district).
    /// </summary>
    public static WarningFinding? DistrictUnemploymentRise(WarningThreshold threshold, string districtCode, string districtName, DateOnly month, int registered, IReadOnlyList<int> previousThree)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        ArgumentNullException.ThrowIfNull(previousThree);
        if (!threshold.Enabled || threshold.Kind != WarningKind.DistrictUnemploymentRise || threshold.SharePercent is not { } limit || previousThree.Count != 3)
        {
            return null;
        }

        var average = previousThree.Sum(p => (decimal)p) / 3m;
        if (average <= 0)
        {
            return null;
        }

        var rise = registered - average;
        if (rise <= 0 || 100m * rise < limit * average || (threshold.Count is { } n && rise < n))
        {
            return null;
        }

        var share = Math.Round(100m * rise / average, 1);
        var text = $"{month:yyyy年M月}末：{districtName}登记失业 {registered} 人，前 3 个月末分别为 {string.Join("、", previousThree)} 人（平均 {average:0.#} 人），上升 {rise:0.#} 人（{share:0.#}%）。";
        return new WarningFinding(WarningKind.DistrictUnemploymentRise, DistrictKey(districtCode), districtName, month, Math.Round(average, 2), registered, Math.Round(rise, 2), share, text);
    }
}
