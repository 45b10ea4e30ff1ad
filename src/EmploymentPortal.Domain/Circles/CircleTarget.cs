using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Circles;

/// <summary>
/// A year's target share of communities recognised as “three-kilometre fully-employed communities”
/// set by the bureau (年度目标), replacing the portal's reading of the draft for that year
/// (<see cref="CircleStanding.TargetSharePercent(int)"/>). Setting a year again adds a version; the
/// latest applies, the history stays.
/// </summary>
public sealed class CircleTarget : AggregateRoot
{
    public const int FirstYear = 2022;
    public const int LastYear = 2100;

    private CircleTarget()
    {
        SetBy = string.Empty;
        Reason = string.Empty;
    }

    /// <exception cref="DomainException"><c>circle-target-range</c>.</exception>
    public CircleTarget(int year, decimal sharePercent, string setBy, string reason, DateTimeOffset setAt)
    {
        if (year is < FirstYear or > LastYear || sharePercent is < 0 or > 100)
        {
            throw new DomainException("circle-target-range", $"年度应在 {FirstYear}~{LastYear} 之间，目标比例应在 0~100% 之间。");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(setBy);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Year = year;
        SharePercent = sharePercent;
        SetBy = setBy;
        Reason = reason.Trim();
        SetAt = setAt;
    }

    public int Year { get; private set; }

    /// <summary>The version of <paramref name="year"/> that applies: the latest set; null when the bureau set none.</summary>
    public static CircleTarget? Latest(int year, IEnumerable<CircleTarget> set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return set.Where(t => t.Year == year).OrderByDescending(t => t.SetAt).ThenByDescending(t => t.Id).FirstOrDefault();
    }

    /// <summary>Recognised communities as a share of all communities, percent.</summary>
    public decimal SharePercent { get; private set; }

    public string SetBy { get; private set; }

    public string Reason { get; private set; }

    public DateTimeOffset SetAt { get; private set; }
}
