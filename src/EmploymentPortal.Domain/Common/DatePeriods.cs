namespace EmploymentPortal.Domain.Common;

/// <summary>
/// The one definition of calendar-period arithmetic in the domain. Policy periods such as
/// “离校2年内” (within 2 years of leaving school), “失业6个月以上” (unemployed 6 months or more)
/// and ages in completed years (周岁) are all computed here, so that every rule counts the
/// boundary day the same way. Pure functions of their arguments: no clock.
/// </summary>
/// <remarks>
/// The convention throughout: “N months after D” is the same day of the month N months later;
/// when that month is shorter, it is the last day of that month (Jan 31 + 1 month = Feb 28, or
/// Feb 29 in a leap year). Years are 12 months, so Feb 29 + 1 year = Feb 28 of the next year.
/// A period of N months/years from D is complete on the day “N months/years after D”.
/// </remarks>
public static class DatePeriods
{
    /// <summary>
    /// The same day of the month <paramref name="months"/> months later (or earlier, when
    /// negative), clamped to the last day of the target month: Jan 31 + 1 month = Feb 28 (Feb 29
    /// in a leap year); Mar 31 − 1 month = Feb 28/29; Aug 31 + 1 month = Sep 30.
    /// </summary>
    public static DateOnly AddMonthsClamped(DateOnly date, int months) =>
        // DateOnly.AddMonths already clamps to the end of the month; this method exists so the
        // rule has a name and a test, not a second implementation.
        date.AddMonths(months);

    /// <summary>
    /// True when <paramref name="date"/> lies in the closed interval from
    /// <paramref name="start"/> to the day <paramref name="years"/> years after it, both ends
    /// included. With a start of 2023-07-01 and 2 years: 2023-07-01 and 2025-07-01 are within,
    /// 2025-07-02 is not, and neither is any day before the start. From Feb 29 the end is
    /// Feb 28 of the target year when that year is not a leap year.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="years"/> is negative.</exception>
    public static bool IsWithinYearsAfter(DateOnly start, int years, DateOnly date)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(years);

        return date >= start && date <= AddMonthsClamped(start, checked(years * 12));
    }

    /// <summary>
    /// The number of whole months from <paramref name="from"/> to <paramref name="to"/>: the
    /// largest n with <c>AddMonthsClamped(from, n) &lt;= to</c>. From 2024-01-15, 2024-07-15 is
    /// 6 completed months and 2024-07-14 (5 months 29 days) is 5. From Jan 31, Feb 28 of a
    /// non-leap year is 1 completed month, because that is the day one month after Jan 31.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public static int CompletedMonthsBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"The end {to:O} is before the start {from:O}.");
        }

        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        return AddMonthsClamped(from, months) <= to ? months : months - 1;
    }

    /// <summary>
    /// The number of whole years from <paramref name="from"/> to <paramref name="to"/>
    /// (周岁 when <paramref name="from"/> is a birth date): completed months divided by 12, so a
    /// person born on Feb 29 completes a year on Feb 28 of a non-leap year.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public static int CompletedYearsBetween(DateOnly from, DateOnly to) => CompletedMonthsBetween(from, to) / 12;
}
