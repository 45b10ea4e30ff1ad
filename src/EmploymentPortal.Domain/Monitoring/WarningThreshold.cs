using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Monitoring;

/// <summary>The three early-warning rules of the bureau (规模性失业风险预警).</summary>
public enum WarningKind
{
    /// <summary>A monitored enterprise cutting staff in a month by a share or a number (重点企业减员).</summary>
    EnterpriseCut,

    /// <summary>A sector losing jobs across its monitored enterprises in a month (行业减员).</summary>
    SectorLoss,

    /// <summary>A district's registered unemployment rising over the average of its previous 3 months (区县登记失业人数上升).</summary>
    DistrictUnemploymentRise,
}

/// <summary>
/// A warning threshold the bureau configures (预警阈值), one per <see cref="WarningKind"/>, with
/// its basis: the document and clause, or the bureau decision, it rests on. The documents ask for
/// the mechanism (Jieshou 二、(四)2: 批发零售、住宿餐饮等行业规模性失业风险预警机制; Tongren 十四五
/// 健全失业监测预警机制, 完善企业规模裁员减员及突发事件报告制度) but set no figures, so the figures
/// are the bureau's and the basis says whose.
/// </summary>
/// <remarks>
/// <see cref="WarningKind.EnterpriseCut"/>: a warning when the net reduction is at least
/// <see cref="SharePercent"/> of the start-of-month headcount or at least <see cref="Count"/>
/// people (either set suffices). <see cref="WarningKind.SectorLoss"/>: when the net jobs lost
/// across the sector's monitored enterprises reach <see cref="Count"/>.
/// <see cref="WarningKind.DistrictUnemploymentRise"/>: when the month-end registered unemployed
/// exceed the average of the previous 3 month-ends by at least <see cref="SharePercent"/>, and,
/// when <see cref="Count"/> is set, by at least that many people (so 2 → 3 is not a 50 % alarm).
/// </remarks>
public sealed class WarningThreshold : AggregateRoot
{
    public const int MaxBasisLength = 500;

    private WarningThreshold()
    {
        Basis = string.Empty;
        ConfiguredBy = string.Empty;
    }

    /// <exception cref="DomainException"><c>monitoring-threshold</c> when the figures do not fit the kind; <c>monitoring-threshold-basis</c> without a basis.</exception>
    public WarningThreshold(WarningKind kind, decimal? sharePercent, int? count, string basis, string configuredBy, DateTimeOffset configuredAt)
    {
        Kind = kind;
        Basis = string.Empty;
        ConfiguredBy = string.Empty;
        Configure(sharePercent, count, basis, true, configuredBy, configuredAt);
    }

    public WarningKind Kind { get; private set; }

    /// <summary>A share in percent (10 = 10 %), above 0 and at most 100 (a district's rise may exceed 100 %, up to 1000).</summary>
    public decimal? SharePercent { get; private set; }

    /// <summary>A number of people, at least 1.</summary>
    public int? Count { get; private set; }

    /// <summary>The document and clause, or the bureau decision, the threshold rests on (依据).</summary>
    public string Basis { get; private set; }

    /// <summary>False: the rule raises no warnings until switched on again.</summary>
    public bool Enabled { get; private set; }

    public string ConfiguredBy { get; private set; }

    public DateTimeOffset ConfiguredAt { get; private set; }

    /// <summary>Sets the figures and the basis.</summary>
    /// <exception cref="DomainException"><c>monitoring-threshold</c>, <c>monitoring-threshold-basis</c>.</exception>
    public void Configure(decimal? sharePercent, int? count, string basis, bool enabled, string configuredBy, DateTimeOffset configuredAt)
    {
        var maxShare = Kind == WarningKind.DistrictUnemploymentRise ? 1000m : 100m;
        if (sharePercent is { } share && (share <= 0 || share > maxShare))
        {
            throw new DomainException("monitoring-threshold", $"比例阈值应大于 0%、不超过 {maxShare}%。");
        }

        if (count is < 1)
        {
            throw new DomainException("monitoring-threshold", "人数阈值应至少为 1 人。");
        }

        switch (Kind)
        {
            case WarningKind.EnterpriseCut when sharePercent is null && count is null:
                throw new DomainException("monitoring-threshold", "企业减员预警须设置减员比例或减员人数（至少一项）。");
            case WarningKind.SectorLoss when count is null:
                throw new DomainException("monitoring-threshold", "行业减员预警须设置减员人数。");
            case WarningKind.SectorLoss when sharePercent is not null:
                throw new DomainException("monitoring-threshold", "行业减员预警按人数设置，不设比例。");
            case WarningKind.DistrictUnemploymentRise when sharePercent is null:
                throw new DomainException("monitoring-threshold", "区县登记失业上升预警须设置上升比例。");
        }

        var text = (basis ?? string.Empty).Trim();
        if (text.Length is 0 or > MaxBasisLength)
        {
            throw new DomainException("monitoring-threshold-basis", $"请填写阈值的依据：文件及条款，或局务会议决定（不超过 {MaxBasisLength} 个字符）。");
        }

        SharePercent = sharePercent;
        Count = count;
        Basis = text;
        Enabled = enabled;
        ConfiguredBy = configuredBy;
        ConfiguredAt = configuredAt;
    }

    /// <summary>The threshold in words, for the warning's figures and the pages.</summary>
    public string Describe() => Kind switch
    {
        WarningKind.EnterpriseCut => string.Join(" 或 ", new[]
        {
            SharePercent is { } s ? $"月减员 ≥ {s:0.##}%" : null,
            Count is { } c ? $"月减员 ≥ {c} 人" : null,
        }.Where(p => p is not null)),
        WarningKind.SectorLoss => $"行业月净减员 ≥ {Count} 人",
        _ => $"月末登记失业人数比前 3 个月平均上升 ≥ {SharePercent:0.##}%" + (Count is { } n ? $" 且 ≥ {n} 人" : string.Empty),
    };
}
