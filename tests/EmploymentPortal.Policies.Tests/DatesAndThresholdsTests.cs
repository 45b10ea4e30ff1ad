using EmploymentPortal.Policies.Dates;

namespace EmploymentPortal.Policies.Tests;

public class PolicyDatesTests
{
    [Theory]
    [InlineData("2020-01-15", 6, "2020-07-15")]
    [InlineData("2019-08-31", 6, "2020-02-29")]
    [InlineData("2020-08-31", 6, "2021-02-28")]
    [InlineData("2020-01-31", 1, "2020-02-29")]
    [InlineData("2020-03-31", -1, "2020-02-29")]
    public void AddMonths_KeepsTheDayOrClampsToMonthEnd(string start, int months, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), PolicyDates.AddMonths(DateOnly.Parse(start), months));
    }

    [Fact]
    public void AddYears_From29February_ClampsTo28February()
    {
        Assert.Equal(new DateOnly(2022, 2, 28), PolicyDates.AddYears(new DateOnly(2020, 2, 29), 2));
    }

    [Fact]
    public void AtLeastMonthsAfter_ExactlySixMonths_Counts()
    {
        Assert.True(PolicyDates.AtLeastMonthsAfter(new DateOnly(2020, 1, 15), new DateOnly(2020, 7, 15), 6));
    }

    [Fact]
    public void AtLeastMonthsAfter_FiveMonthsAndTwentyNineDays_DoesNotCount()
    {
        Assert.False(PolicyDates.AtLeastMonthsAfter(new DateOnly(2020, 1, 16), new DateOnly(2020, 7, 15), 6));
    }

    [Fact]
    public void WithinMonthsAfter_TheBoundaryDay_IsWithin()
    {
        Assert.True(PolicyDates.WithinMonthsAfter(new DateOnly(2018, 7, 1), new DateOnly(2020, 7, 1), 24));
    }

    [Fact]
    public void WithinMonthsAfter_TheDayAfterTheBoundary_IsNotWithin()
    {
        Assert.False(PolicyDates.WithinMonthsAfter(new DateOnly(2018, 7, 1), new DateOnly(2020, 7, 2), 24));
    }

    [Theory]
    [InlineData("2020-01-15", "2020-07-14", 5)]
    [InlineData("2020-01-15", "2020-07-15", 6)]
    [InlineData("2019-08-31", "2020-02-29", 6)]
    [InlineData("2020-07-15", "2020-01-15", -6)]
    public void WholeMonthsBetween_CountsCompletedMonths(string start, string end, int expected)
    {
        Assert.Equal(expected, PolicyDates.WholeMonthsBetween(DateOnly.Parse(start), DateOnly.Parse(end)));
    }

    [Theory]
    [InlineData("2000-09-01", "2020-09-01", 20)]
    [InlineData("2000-09-02", "2020-09-01", 19)]
    [InlineData("2000-02-29", "2021-02-28", 21)]
    public void AgeOn_IsCompletedYears(string birth, string on, int expected)
    {
        Assert.Equal(expected, PolicyDates.AgeOn(DateOnly.Parse(birth), DateOnly.Parse(on)));
    }
}

public class ThresholdTests
{
    [Theory]
    [InlineData(ThresholdKind.AtLeast, 6, 6, true)]    // 6个月以上: six counts
    [InlineData(ThresholdKind.AtLeast, 5.99, 6, false)]
    [InlineData(ThresholdKind.AtMost, 20, 20, true)]   // 20岁以下 / 不超过20%: twenty counts
    [InlineData(ThresholdKind.AtMost, 20.01, 20, false)]
    [InlineData(ThresholdKind.MoreThan, 100, 100, false)] // 超过100人: one hundred does not
    [InlineData(ThresholdKind.MoreThan, 101, 100, true)]
    [InlineData(ThresholdKind.LessThan, 1, 1, false)]  // 不足1年: a full year does not
    [InlineData(ThresholdKind.LessThan, 0.99, 1, true)]
    public void Satisfies_FollowsTheChineseWord(ThresholdKind kind, double value, double limit, bool expected)
    {
        Assert.Equal(expected, Threshold.Satisfies(kind, (decimal)value, (decimal)limit));
    }

    [Fact]
    public void Parse_UnknownWord_Throws()
    {
        Assert.Throws<FormatException>(() => Threshold.Parse("atleast"));
    }
}
