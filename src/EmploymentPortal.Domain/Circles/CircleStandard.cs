using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Circles;

/// <summary>
/// The thresholds of the “three-kilometre fully-employed community” standard (“三公里”充分就业社区
/// 标准, 002 一(一), 二(一)1, 三(一)). The draft names the standard but does not define it, so the
/// portal ships documented defaults (<see cref="CircleThresholds.Defaults"/>, docs/circles.md) and the bureau sets
/// new thresholds with the date from which they apply. Versions are only added, never changed:
/// the history stays, and every version is in the audit log.
/// </summary>
public sealed class CircleStandard : AggregateRoot
{
    private CircleStandard()
    {
        SetBy = string.Empty;
        Reason = string.Empty;
    }

    public CircleStandard(CircleThresholds thresholds, DateOnly effectiveFrom, string setBy, string reason)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        thresholds.EnsureValid();
        ArgumentException.ThrowIfNullOrWhiteSpace(setBy);
        MaxUnemploymentRatePercent = thresholds.MaxUnemploymentRatePercent;
        RequireZeroEmploymentFamiliesCleared = thresholds.RequireZeroEmploymentFamiliesCleared;
        MinFollowUpCoveragePercent = thresholds.MinFollowUpCoveragePercent;
        MinOpeningsPerUnemployed = thresholds.MinOpeningsPerUnemployed;
        EffectiveFrom = effectiveFrom;
        SetBy = setBy;
        Reason = string.IsNullOrWhiteSpace(reason) ? "—" : reason.Trim();
    }

    /// <summary>登记失业率 at most, percent.</summary>
    public decimal MaxUnemploymentRatePercent { get; private set; }

    /// <summary>零就业家庭动态清零.</summary>
    public bool RequireZeroEmploymentFamiliesCleared { get; private set; }

    /// <summary>每月跟踪服务覆盖率 at least, percent of the registered unemployed.</summary>
    public decimal MinFollowUpCoveragePercent { get; private set; }

    /// <summary>三公里内岗位数/登记失业人数 at least.</summary>
    public decimal MinOpeningsPerUnemployed { get; private set; }

    /// <summary>The first day the thresholds apply.</summary>
    public DateOnly EffectiveFrom { get; private set; }

    public string SetBy { get; private set; }

    public string Reason { get; private set; }

    public CircleThresholds Thresholds => new(MaxUnemploymentRatePercent, RequireZeroEmploymentFamiliesCleared, MinFollowUpCoveragePercent, MinOpeningsPerUnemployed);

    /// <summary>The version in force on <paramref name="date"/>: the latest effective on or before it; the defaults before any.</summary>
    public static CircleThresholds InForce(IEnumerable<CircleStandard> versions, DateOnly date) =>
        versions.Where(v => v.EffectiveFrom <= date).OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Id).FirstOrDefault()?.Thresholds
        ?? CircleThresholds.Defaults;
}

/// <summary>The four thresholds of the standard.</summary>
public sealed record CircleThresholds(
    decimal MaxUnemploymentRatePercent,
    bool RequireZeroEmploymentFamiliesCleared,
    decimal MinFollowUpCoveragePercent,
    decimal MinOpeningsPerUnemployed)
{
    /// <summary>
    /// Defaults (docs/circles.md): registered unemployment rate ≤ 4 %, zero-employment families
    /// cleared, ≥ 90 % of the registered unemployed contacted in the month (001 (二十) asks for
    /// services to every registered unemployed person, 002 二(一)3 for regular contact), and at
    /// least one opening within the circle per registered unemployed person.
    /// </summary>
    public static CircleThresholds Defaults { get; } = new(4.0m, true, 90m, 1.0m);

    /// <exception cref="DomainException"><c>circle-threshold-range</c>.</exception>
    public void EnsureValid()
    {
        if (MaxUnemploymentRatePercent is < 0 or > 100 || MinFollowUpCoveragePercent is < 0 or > 100 || MinOpeningsPerUnemployed is < 0 or > 1000)
        {
            throw new DomainException("circle-threshold-range", "标准阈值超出范围：比率应在 0~100% 之间，岗位比应在 0~1000 之间。");
        }
    }
}

/// <summary>The figures of one community in one month.</summary>
/// <param name="WorkingAgeResidents">Residents of working age in the registry (the rate's denominator).</param>
/// <param name="RegisteredUnemployed">Residents registered unemployed at the end of the assessed day.</param>
/// <param name="FollowedUpThisMonth">Of those, contacted in the month.</param>
/// <param name="ZeroEmploymentFamilies">Open zero-employment families; null when household data is not recorded.</param>
/// <param name="OpeningsWithinRadius">Openings (招聘人数) of published vacancies within the circle.</param>
public sealed record CircleIndicators(int WorkingAgeResidents, int RegisteredUnemployed, int FollowedUpThisMonth, int? ZeroEmploymentFamilies, int OpeningsWithinRadius)
{
    public decimal UnemploymentRatePercent => WorkingAgeResidents == 0 ? 0 : Math.Round(100m * RegisteredUnemployed / WorkingAgeResidents, 2);

    public decimal FollowUpCoveragePercent => RegisteredUnemployed == 0 ? 100 : Math.Round(100m * FollowedUpThisMonth / RegisteredUnemployed, 2);

    /// <summary>Openings per registered unemployed person; with nobody unemployed, the openings themselves.</summary>
    public decimal OpeningsPerUnemployed => RegisteredUnemployed == 0 ? OpeningsWithinRadius : Math.Round((decimal)OpeningsWithinRadius / RegisteredUnemployed, 2);
}

/// <summary>Met, not met, or not assessable (no data).</summary>
public enum CheckResult
{
    Met,
    NotMet,
    NotAssessed,
}

/// <summary>One threshold's outcome with a Chinese explanation.</summary>
public sealed record ThresholdCheck(string Code, string Name, CheckResult Result, string Explanation);

/// <summary>The assessment of a community: each threshold and whether the standard is reached.</summary>
public sealed record CircleAssessment(CircleIndicators Indicators, CircleThresholds Thresholds, IReadOnlyList<ThresholdCheck> Checks)
{
    /// <summary>
    /// Reached when no threshold is <see cref="CheckResult.NotMet"/>. A threshold without data
    /// (zero-employment families before households are recorded) does not block, and is shown.
    /// </summary>
    public bool MeetsStandard => Checks.All(c => c.Result != CheckResult.NotMet);
}

/// <summary>The standing calculation, threshold by threshold.</summary>
public static class CircleStanding
{
    public static CircleAssessment Assess(CircleIndicators indicators, CircleThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(thresholds);
        var checks = new List<ThresholdCheck>
        {
            Check("unemployment-rate", "登记失业率", indicators.UnemploymentRatePercent <= thresholds.MaxUnemploymentRatePercent,
                $"登记失业率 {indicators.UnemploymentRatePercent:0.##}%（{indicators.RegisteredUnemployed}/{indicators.WorkingAgeResidents}），标准 ≤ {thresholds.MaxUnemploymentRatePercent:0.##}%"),
            !thresholds.RequireZeroEmploymentFamiliesCleared
                ? new ThresholdCheck("zero-employment-families", "零就业家庭清零", CheckResult.Met, "本标准版本不要求零就业家庭清零")
                : indicators.ZeroEmploymentFamilies is { } families
                    ? Check("zero-employment-families", "零就业家庭清零", families == 0, $"现有零就业家庭 {families} 户，标准为 0 户")
                    : new ThresholdCheck("zero-employment-families", "零就业家庭清零", CheckResult.NotAssessed, "尚未采集家庭成员信息，暂不评估"),
            Check("follow-up-coverage", "每月跟踪服务覆盖率", indicators.FollowUpCoveragePercent >= thresholds.MinFollowUpCoveragePercent,
                $"本月已跟踪 {indicators.FollowedUpThisMonth}/{indicators.RegisteredUnemployed} 人（{indicators.FollowUpCoveragePercent:0.##}%），标准 ≥ {thresholds.MinFollowUpCoveragePercent:0.##}%"),
            Check("openings-per-unemployed", "三公里内岗位/登记失业人数", indicators.OpeningsPerUnemployed >= thresholds.MinOpeningsPerUnemployed,
                $"三公里内岗位 {indicators.OpeningsWithinRadius} 个，人均 {indicators.OpeningsPerUnemployed:0.##} 个，标准 ≥ {thresholds.MinOpeningsPerUnemployed:0.##} 个"),
        };
        return new CircleAssessment(indicators, thresholds, checks);
    }

    /// <summary>
    /// The city's target share of fully-employed communities for a year (002 一(一) and 重点工作任务
    /// 1): 40 % in 2022, 70 % by 2025; the years between on a straight line (50 %, 60 %), the
    /// portal's reading; 70 % after 2025. Before 2022 there is no target (null).
    /// </summary>
    public static decimal? TargetSharePercent(int year) => year switch
    {
        < 2022 => null,
        >= 2025 => 70m,
        _ => 40m + ((year - 2022) * 10m),
    };

    /// <summary>
    /// The target of <paramref name="year"/>: the latest the bureau set for it (<see cref="CircleTarget"/>),
    /// otherwise <see cref="TargetSharePercent(int)"/>.
    /// </summary>
    public static decimal? TargetSharePercent(int year, IEnumerable<CircleTarget> set)
    {
        return CircleTarget.Latest(year, set)?.SharePercent ?? TargetSharePercent(year);
    }

    private static ThresholdCheck Check(string code, string name, bool met, string explanation) =>
        new(code, name, met ? CheckResult.Met : CheckResult.NotMet, explanation);
}
