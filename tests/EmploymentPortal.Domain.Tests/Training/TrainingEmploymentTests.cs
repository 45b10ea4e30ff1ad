using EmploymentPortal.Domain.Training;

namespace EmploymentPortal.Domain.Tests.Training;

public class TrainingEmploymentTests
{
    private static readonly DateOnly ClassStart = new(2026, 3, 1);
    private static readonly DateOnly Completed = new(2026, 3, 31);

    [Fact]
    public void Outcome_HiredOnTheLastDayOfTheWindow_IsEmployed()
    {
        var outcome = TrainingEmployment.Outcome(ClassStart, Completed, [new HirePeriod(new DateOnly(2026, 9, 30), null)], TrainingRules.Default, new DateOnly(2026, 12, 1));

        Assert.Equal(TrainingEmploymentOutcome.Employed, outcome);
    }

    [Fact]
    public void Outcome_HiredTheDayAfterTheWindow_IsNotEmployed()
    {
        var outcome = TrainingEmployment.Outcome(ClassStart, Completed, [new HirePeriod(new DateOnly(2026, 10, 1), null)], TrainingRules.Default, new DateOnly(2026, 12, 1));

        Assert.Equal(TrainingEmploymentOutcome.NotEmployed, outcome);
    }

    [Fact]
    public void Outcome_NoHireWindowOpen_IsPending()
    {
        var outcome = TrainingEmployment.Outcome(ClassStart, Completed, [], TrainingRules.Default, new DateOnly(2026, 9, 30));

        Assert.Equal(TrainingEmploymentOutcome.Pending, outcome);
    }

    [Fact]
    public void Outcome_EmployedBeforeAndThrough_IsInWork()
    {
        var outcome = TrainingEmployment.Outcome(ClassStart, Completed, [new HirePeriod(new DateOnly(2025, 1, 1), null)], TrainingRules.Default, new DateOnly(2026, 12, 1));

        Assert.Equal(TrainingEmploymentOutcome.InWork, outcome);
    }

    [Fact]
    public void Outcome_NotCompleted_IsNotGraduated()
    {
        var outcome = TrainingEmployment.Outcome(ClassStart, null, [new HirePeriod(new DateOnly(2026, 4, 1), null)], TrainingRules.Default, new DateOnly(2026, 12, 1));

        Assert.Equal(TrainingEmploymentOutcome.NotGraduated, outcome);
    }
}
