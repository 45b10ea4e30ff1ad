namespace EmploymentPortal.Policies.Indicators;

/// <summary>On track, at risk, achieved, missed (docs/indicators.md, "Status").</summary>
public enum ProgressStatus
{
    /// <summary>无数据: no figure for the window (not computed, not entered).</summary>
    NoFigure,

    /// <summary>未开始: the window starts after the day of the report.</summary>
    NotStarted,

    /// <summary>进度正常: running, at or ahead of the expected figure to date.</summary>
    OnTrack,

    /// <summary>存在风险: running, behind the expected figure to date (≥), or over the limit (≤).</summary>
    AtRisk,

    /// <summary>已完成: the window has ended with the target met, or a ≥ flow has reached its target early.</summary>
    Achieved,

    /// <summary>未完成: the window has ended and the target is not met.</summary>
    Missed,
}

/// <summary>
/// The window a target is compared in: a calendar year for a yearly target, the whole span for a
/// total (a five-year total is compared with its five years, cumulated to the day of the report,
/// never with one year).
/// </summary>
public sealed record TargetWindow(DateOnly Start, DateOnly End)
{
    public static TargetWindow OfYear(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public static TargetWindow OfYears(int from, int to) => new(new DateOnly(from, 1, 1), new DateOnly(to, 12, 31));

    /// <summary>
    /// The windows of <paramref name="target"/> within the years <paramref name="fromYear"/>..<paramref name="toYear"/>
    /// of a report: its year; each of its years in the range; or its whole span once, when the span meets the range.
    /// </summary>
    public static IReadOnlyList<TargetWindow> Within(IndicatorTarget target, int fromYear, int toYear)
    {
        ArgumentNullException.ThrowIfNull(target);
        var period = target.Period;
        var last = period.To ?? toYear;
        return period.Kind switch
        {
            TargetPeriodKind.Total when period.From <= toYear && last >= fromYear => [OfYears(period.From, last)],
            TargetPeriodKind.Total => [],
            _ => Enumerable.Range(Math.Max(fromYear, period.From), Math.Max(0, Math.Min(toYear, last) - Math.Max(fromYear, period.From) + 1))
                .Select(OfYear).ToList(),
        };
    }

    /// <summary>The last day a report on <paramref name="today"/> can count: the window's end, or today while it runs.</summary>
    public DateOnly AsOf(DateOnly today) => today < End ? today : End;

    /// <summary>The same window one year earlier (a trend compares with it).</summary>
    public TargetWindow PreviousYear() => new(Start.AddYears(-1), End.AddYears(-1));

    public string Label => Start.Year == End.Year ? $"{Start.Year}年" : $"{Start.Year}—{End.Year}年（{End.Year - Start.Year + 1}年累计）";
}

/// <summary>The comparison of an actual figure with a target in its window.</summary>
/// <param name="Expected">The figure due by the day of the report: a flow's target pro rata of the days elapsed, a level's target itself.</param>
/// <param name="PercentAchieved">Actual ÷ target × 100, one decimal; null without a figure or with a target of 0.</param>
/// <param name="YearlyPace">For a total: the target ÷ its years, shown beside it as a reference (年均进度（参考）), never as a target.</param>
/// <param name="Status">The status rule's verdict.</param>
public sealed record TargetComparison(decimal? Expected, decimal? PercentAchieved, decimal? YearlyPace, ProgressStatus Status)
{
    /// <summary>
    /// Compares <paramref name="actual"/> (in the target's unit, counted from the window's start to
    /// <see cref="TargetWindow.AsOf"/>) with <paramref name="target"/> in <paramref name="window"/> on
    /// <paramref name="today"/>. Arithmetic on <see cref="decimal"/> throws rather than overflows.
    /// </summary>
    public static TargetComparison Of(IndicatorTarget target, TargetWindow window, decimal? actual, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(window);
        var yearlyPace = target.Period.Kind == TargetPeriodKind.Total ? Math.Round(target.Value / target.Period.Years, 4) : (decimal?)null;
        if (today < window.Start)
        {
            return new TargetComparison(null, null, yearlyPace, ProgressStatus.NotStarted);
        }

        var asOf = window.AsOf(today);
        var ended = today >= window.End;
        var expected = target.MeasuredAs == MeasuredAs.Flow && !ended
            ? Math.Round(target.Value * ElapsedShare(window, asOf), 4)
            : target.Value;
        if (actual is not { } value)
        {
            return new TargetComparison(expected, null, yearlyPace, ProgressStatus.NoFigure);
        }

        var percent = target.Value == 0 ? (decimal?)null : Math.Round(value * 100m / target.Value, 1, MidpointRounding.AwayFromZero);
        var status = Meets(target.Direction, value, target.Value)
            ? (ended || (target.Direction == TargetDirection.AtLeast && target.MeasuredAs == MeasuredAs.Flow) ? ProgressStatus.Achieved : ProgressStatus.OnTrack)
            : ended ? ProgressStatus.Missed
            : Meets(target.Direction, value, expected) ? ProgressStatus.OnTrack
            : ProgressStatus.AtRisk;
        return new TargetComparison(expected, percent, yearlyPace, status);
    }

    /// <summary>Days from the window's start through <paramref name="asOf"/> over the window's days.</summary>
    public static decimal ElapsedShare(TargetWindow window, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(window);
        var total = checked(window.End.DayNumber - window.Start.DayNumber + 1);
        var elapsed = Math.Clamp(checked(asOf.DayNumber - window.Start.DayNumber + 1), 0, total);
        return (decimal)elapsed / total;
    }

    private static bool Meets(TargetDirection direction, decimal value, decimal threshold) =>
        direction == TargetDirection.AtLeast ? value >= threshold : value <= threshold;
}
