using EmploymentPortal.Policies.Model;

namespace EmploymentPortal.Policies.Dates;

/// <summary>
/// The months an amount pays for, counted by the rules service from dates it holds instead of a
/// number a caller states (docs/policies/dates-and-thresholds.md, "Months an amount pays for").
/// One definition, used by the evaluator and the batch path alike.
/// </summary>
public static class MonthsCounter
{
    /// <summary>
    /// The calendar months from the month of <paramref name="from"/> to the month of
    /// <paramref name="to"/> that lie in one of <paramref name="periods"/> (a month counts from the
    /// month a period starts through the month it ends: social insurance and benefits are monthly,
    /// so the month in which a rule takes effect or ends is paid), not before the month of
    /// <paramref name="notBefore"/>, after the month of <paramref name="after"/> and not after the
    /// month of <paramref name="notAfter"/>. <paramref name="first"/> and <paramref name="last"/>
    /// are the first and last month counted (undefined when none is).
    /// </summary>
    public static int Within(IReadOnlyList<RulePeriod> periods, DateOnly from, DateOnly to, DateOnly? notBefore, DateOnly? after, DateOnly? notAfter, out DateOnly first, out DateOnly last)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var low = Index(from);
        var high = Index(to);
        if (notBefore is { } nb)
        {
            low = Math.Max(low, Index(nb));
        }

        if (after is { } af)
        {
            low = Math.Max(low, Index(af) + 1);
        }

        if (notAfter is { } na)
        {
            high = Math.Min(high, Index(na));
        }

        var count = 0;
        var firstIndex = int.MaxValue;
        var lastIndex = int.MinValue;
        foreach (var period in periods)
        {
            // Periods are sorted and do not overlap; two may still share a month (one ends on the
            // 10th, the next starts on the 11th): that month counts once.
            var start = Math.Max(Math.Max(low, Index(period.From)), lastIndex == int.MinValue ? int.MinValue : lastIndex + 1);
            var end = period.Until is { } until ? Math.Min(high, Index(until)) : high;
            if (end >= start)
            {
                count += end - start + 1;
                firstIndex = Math.Min(firstIndex, start);
                lastIndex = Math.Max(lastIndex, end);
            }
        }

        first = count == 0 ? from : Month(firstIndex);
        last = count == 0 ? to : Month(lastIndex);
        return count;
    }

    /// <summary>
    /// The whole months after <paramref name="from"/> through <paramref name="through"/>: from the
    /// next day to the day after <paramref name="through"/> (leaving an internship on 15 September
    /// that was planned to 31 December leaves 3 whole months, 16 September to 15 December; the
    /// rest is not a month). Never negative.
    /// </summary>
    public static int Between(DateOnly from, DateOnly through) =>
        through <= from ? 0 : PolicyDates.WholeMonthsBetween(from.AddDays(1), through.AddDays(1));

    private static int Index(DateOnly date) => (date.Year * 12) + date.Month - 1;

    private static DateOnly Month(int index) => new(index / 12, (index % 12) + 1, 1);
}
