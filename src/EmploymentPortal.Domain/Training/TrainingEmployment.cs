namespace EmploymentPortal.Domain.Training;

/// <summary>Whether a trainee is employed after training (培训后就业), computed from hire records.</summary>
public enum TrainingEmploymentOutcome
{
    /// <summary>Did not complete: not a graduate.</summary>
    NotGraduated,

    /// <summary>Hired between the start of the class and the end of the window.</summary>
    Employed,

    /// <summary>Employed before the class and still at completion (in-work training, e.g. 技能提升).</summary>
    InWork,

    /// <summary>Not hired yet, and the window is still open.</summary>
    Pending,

    /// <summary>Not hired within the window.</summary>
    NotEmployed,
}

/// <summary>A hire as the employment-after-training rule needs it.</summary>
public sealed record HirePeriod(DateOnly StartDate, DateOnly? EndedOn);

/// <summary>
/// Employment after training: never typed, always taken from the resident's hires. A graduate is
/// employed after training when a hire started between the first day of the class and
/// <see cref="TrainingRules.EmploymentWindowMonths"/> months after completion (inclusive).
/// </summary>
public static class TrainingEmployment
{
    /// <summary>The last day of the window of a graduate who completed on <paramref name="completedOn"/>.</summary>
    public static DateOnly WindowEnd(DateOnly completedOn, TrainingRules rules) => completedOn.AddMonths(rules.EmploymentWindowMonths);

    public static TrainingEmploymentOutcome Outcome(DateOnly classStart, DateOnly? completedOn, IEnumerable<HirePeriod> hires, TrainingRules rules, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(hires);
        ArgumentNullException.ThrowIfNull(rules);
        if (completedOn is not { } completed)
        {
            return TrainingEmploymentOutcome.NotGraduated;
        }

        var windowEnd = WindowEnd(completed, rules);
        var list = hires.ToList();
        if (list.Any(h => h.StartDate >= classStart && h.StartDate <= windowEnd))
        {
            return TrainingEmploymentOutcome.Employed;
        }

        if (list.Any(h => h.StartDate < classStart && (h.EndedOn is null || h.EndedOn >= completed)))
        {
            return TrainingEmploymentOutcome.InWork;
        }

        return today <= windowEnd ? TrainingEmploymentOutcome.Pending : TrainingEmploymentOutcome.NotEmployed;
    }
}
