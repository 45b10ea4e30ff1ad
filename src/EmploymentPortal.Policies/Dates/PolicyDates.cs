using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Policies.Dates;

/// <summary>
/// The date arithmetic the policy documents need, on top of the domain's DatePeriods (the one
/// definition of month arithmetic in the portal). Every period rule
/// ("登记失业半年以上", "离校2年内", "正常经营6个月以上") goes through these methods, so a boundary
/// day means the same thing in every rule. See docs/policies/dates-and-thresholds.md.
/// </summary>
public static class PolicyDates
{
    /// <summary>
    /// The same day <paramref name="months"/> months later, clamped to the last day of the target
    /// month (31 January + 1 month = 28 or 29 February).
    /// </summary>
    public static DateOnly AddMonths(DateOnly date, int months) => DatePeriods.AddMonthsClamped(date, months);

    /// <summary>The same day <paramref name="years"/> years later; 29 February clamps to 28 February.</summary>
    public static DateOnly AddYears(DateOnly date, int years) => DatePeriods.AddMonthsClamped(date, checked(years * 12));

    /// <summary>
    /// Whole months from <paramref name="start"/> to <paramref name="end"/>: the largest n such
    /// that <c>AddMonths(start, n) &lt;= end</c>. Negative when <paramref name="end"/> is earlier.
    /// </summary>
    public static int WholeMonthsBetween(DateOnly start, DateOnly end) =>
        end < start ? -DatePeriods.CompletedMonthsBetween(end, start) : DatePeriods.CompletedMonthsBetween(start, end);

    /// <summary>
    /// Completed years of age on <paramref name="on"/> for someone born on
    /// <paramref name="birthDate"/> (a person born on 29 February turns one year older on
    /// 28 February in common years, by the same clamping as <see cref="AddYears"/>).
    /// </summary>
    public static int AgeOn(DateOnly birthDate, DateOnly on) => WholeMonthsBetween(birthDate, on) / 12;

    /// <summary>
    /// True when <paramref name="end"/> is at least <paramref name="months"/> months after
    /// <paramref name="start"/> (N个月以上: exactly N months counts).
    /// </summary>
    public static bool AtLeastMonthsAfter(DateOnly start, DateOnly end, int months) =>
        end >= AddMonths(start, months);

    /// <summary>
    /// True when <paramref name="date"/> lies within <paramref name="months"/> months after
    /// <paramref name="start"/>, both ends included (N个月内/以内: the day N months later counts).
    /// </summary>
    public static bool WithinMonthsAfter(DateOnly start, DateOnly date, int months) =>
        date >= start && date <= AddMonths(start, months);
}
