using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Indicators;

/// <summary>
/// A figure an officer enters for a target the portal's records do not measure (录入的指标数据),
/// e.g. the arbitration closure rate or the training attendances, with its source and date. One
/// figure covers one calendar year of one scope; the years of a five-year total add up. Figures
/// are only ever added: the latest entered for a target, year and scope is in force, the earlier
/// ones stay as its history (and in the audit log, like every saved entity).
/// </summary>
public sealed class IndicatorFigure : Entity
{
    /// <summary>The city as a whole (the scope of every target the documents set).</summary>
    public const string CityScope = "city";

    private IndicatorFigure()
    {
        TargetId = string.Empty;
        Scope = CityScope;
        Source = string.Empty;
        EnteredByName = string.Empty;
    }

    /// <exception cref="DomainException"><c>indicator-figure-range</c> for a negative value or a year outside 2000–2100.</exception>
    public IndicatorFigure(string targetId, int year, string scope, decimal value, string source, DateOnly sourceDate, string? enteredByUserId, string enteredByName, DateTimeOffset enteredAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(targetId);
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        ArgumentException.ThrowIfNullOrWhiteSpace(enteredByName);
        if (value < 0 || year is < 2000 or > 2100)
        {
            throw new DomainException("indicator-figure-range", "指标数值不能为负数，年度应在 2000~2100 之间。");
        }

        if (string.IsNullOrWhiteSpace(source))
        {
            throw new DomainException("indicator-figure-source", "录入指标数据须注明数据来源。");
        }

        TargetId = targetId;
        Year = year;
        Scope = scope;
        Value = value;
        Source = source.Trim();
        SourceDate = sourceDate;
        EnteredByUserId = enteredByUserId;
        EnteredByName = enteredByName;
        EnteredAt = enteredAt;
    }

    /// <summary>The target's id in the targets catalogue, e.g. <c>tongren-2022.vocational-training</c>.</summary>
    public string TargetId { get; private set; }

    /// <summary>The calendar year the figure is for.</summary>
    public int Year { get; private set; }

    /// <summary><c>city</c>, <c>district:&lt;code&gt;</c> or <c>community:&lt;id&gt;</c>.</summary>
    public string Scope { get; private set; }

    /// <summary>In the target's unit (万人次, %, 个 …); for a rate computed from the records, the denominator it names.</summary>
    public decimal Value { get; private set; }

    /// <summary>Where the figure comes from: the statistical report, the office that supplied it.</summary>
    public string Source { get; private set; }

    /// <summary>The date of the source (the report's date, or the day the figure was taken).</summary>
    public DateOnly SourceDate { get; private set; }

    public string? EnteredByUserId { get; private set; }

    public string EnteredByName { get; private set; }

    public DateTimeOffset EnteredAt { get; private set; }
}
