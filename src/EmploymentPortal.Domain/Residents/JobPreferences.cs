using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Residents;

/// <summary>
/// What a jobseeker looks for (求职意向): the occupation (a major group of the national
/// classification and, optionally, a named occupation), the desired monthly wage range, and
/// the forms of work they accept (the vacancies' <see cref="WorkType"/>).
/// </summary>
public sealed record JobPreferences
{
    /// <summary>Upper bound of a desired monthly wage: 1,000,000 CNY, beyond which a figure is a typing error.</summary>
    public static Money MaximumWage { get; } = Money.FromYuan(1_000_000);

    public static JobPreferences None { get; } = new();

    public OccupationGroup? OccupationGroup { get; init; }

    /// <summary>The occupation wanted, e.g. from <see cref="CommonOccupations"/>; free text allowed.</summary>
    public string? Occupation { get; init; }

    /// <summary>Lowest desired wage per month.</summary>
    public Money? DesiredWageMin { get; init; }

    /// <summary>Highest desired wage per month.</summary>
    public Money? DesiredWageMax { get; init; }

    public IReadOnlyList<WorkType> WorkTypes { get; init; } = [];

    /// <summary>
    /// The rules between the fields, each broken one as (field, Chinese message); empty when valid.
    /// The registration validator, the edit handler and a ledger import share this one list.
    /// </summary>
    public IReadOnlyList<(string Field, string Message)> Problems()
    {
        var problems = new List<(string, string)>();
        if (OccupationGroup is { } group && !Enum.IsDefined(group))
        {
            problems.Add((nameof(OccupationGroup), "职业大类无效。"));
        }

        if (Occupation is { Length: > 50 })
        {
            problems.Add((nameof(Occupation), "求职工种不能超过 50 个字符。"));
        }

        if (DesiredWageMin is { } lowest && (lowest.IsNegative || lowest > MaximumWage))
        {
            problems.Add((nameof(DesiredWageMin), "期望月薪下限应在 0 至 1,000,000 元之间。"));
        }

        if (DesiredWageMax is { } highest && (highest.IsNegative || highest > MaximumWage))
        {
            problems.Add((nameof(DesiredWageMax), "期望月薪上限应在 0 至 1,000,000 元之间。"));
        }
        else if (DesiredWageMin is { } min && DesiredWageMax is { } max && max < min)
        {
            problems.Add((nameof(DesiredWageMax), "期望月薪上限不能低于下限。"));
        }

        if (WorkTypes.Any(w => !Enum.IsDefined(w)))
        {
            problems.Add((nameof(WorkTypes), "用工形式无效。"));
        }

        return problems;
    }

    /// <summary>The accepted work types as a bit mask (bit n = <see cref="WorkType"/> n), as stored.</summary>
    public static int ToMask(IEnumerable<WorkType> workTypes) => workTypes.Aggregate(0, (mask, w) => mask | (1 << (int)w));

    public static IReadOnlyList<WorkType> FromMask(int mask) => Enum.GetValues<WorkType>().Where(w => (mask & (1 << (int)w)) != 0).ToList();
}

/// <summary>The job-search side of the resident record (求职意向).</summary>
public sealed partial class Resident
{
    public OccupationGroup? WantedOccupationGroup { get; private set; }

    public string? WantedOccupation { get; private set; }

    public Money? DesiredWageMin { get; private set; }

    public Money? DesiredWageMax { get; private set; }

    /// <summary>Accepted work types as a bit mask (see <see cref="JobPreferences.ToMask"/>); 0 when none recorded.</summary>
    public int PreferredWorkTypes { get; private set; }

    public JobPreferences JobPreferences => new()
    {
        OccupationGroup = WantedOccupationGroup,
        Occupation = WantedOccupation,
        DesiredWageMin = DesiredWageMin,
        DesiredWageMax = DesiredWageMax,
        WorkTypes = JobPreferences.FromMask(PreferredWorkTypes),
    };

    /// <summary>Replaces the jobseeker's wishes. A listed occupation fills in its major group.</summary>
    /// <exception cref="DomainException">A rule of <see cref="JobPreferences.Problems"/> is broken (<c>resident-job-preferences-invalid</c>).</exception>
    public void SetJobPreferences(JobPreferences preferences)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        var problems = preferences.Problems();
        if (problems.Count > 0)
        {
            throw new DomainException("resident-job-preferences-invalid", string.Join(string.Empty, problems.Select(p => p.Message)));
        }

        var occupation = string.IsNullOrWhiteSpace(preferences.Occupation) ? null : preferences.Occupation.Trim();
        WantedOccupation = occupation;
        WantedOccupationGroup = preferences.OccupationGroup ?? CommonOccupations.GroupOf(occupation);
        DesiredWageMin = preferences.DesiredWageMin;
        DesiredWageMax = preferences.DesiredWageMax;
        PreferredWorkTypes = JobPreferences.ToMask(preferences.WorkTypes);
    }
}
