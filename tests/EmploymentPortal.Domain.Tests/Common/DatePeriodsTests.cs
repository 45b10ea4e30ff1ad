using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Tests.Common;

public class DatePeriodsTests
{
    [Theory]
    [InlineData("2023-01-31", 1, "2023-02-28")]
    [InlineData("2024-01-31", 1, "2024-02-29")]
    [InlineData("2024-08-31", 1, "2024-09-30")]
    [InlineData("2024-03-31", -1, "2024-02-29")]
    [InlineData("2024-01-15", 6, "2024-07-15")]
    [InlineData("2024-02-29", 12, "2025-02-28")]
    [InlineData("2024-11-30", 3, "2025-02-28")]
    public void AddMonthsClamped_ClampsToTheEndOfShortMonths(string date, int months, string expected)
    {
        var start = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        var result = DatePeriods.AddMonthsClamped(start, months);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result);
    }

    [Theory]
    [InlineData("2023-07-01", true)] // the start day itself
    [InlineData("2025-07-01", true)] // exactly 2 years after
    [InlineData("2025-07-02", false)] // 2 years and 1 day
    [InlineData("2023-06-30", false)] // before the start
    public void IsWithinYearsAfter_TwoYears_IncludesTheAnniversaryOnly(string date, bool expected)
    {
        var leftSchool = new DateOnly(2023, 7, 1);

        var within = DatePeriods.IsWithinYearsAfter(leftSchool, 2, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, within);
    }

    [Theory]
    [InlineData("2026-02-28", true)]
    [InlineData("2026-03-01", false)]
    public void IsWithinYearsAfter_StartOnFebruary29_EndsOnFebruary28(string date, bool expected)
    {
        var start = new DateOnly(2024, 2, 29);

        var within = DatePeriods.IsWithinYearsAfter(start, 2, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, within);
    }

    [Fact]
    public void IsWithinYearsAfter_NegativeYears_Throws()
    {
        var start = new DateOnly(2024, 1, 1);

        Assert.Throws<ArgumentOutOfRangeException>(() => DatePeriods.IsWithinYearsAfter(start, -1, start));
    }

    [Theory]
    [InlineData("2024-07-15", 6)] // exactly 6 months
    [InlineData("2024-07-14", 5)] // 5 months and 29 days
    [InlineData("2024-01-15", 0)]
    [InlineData("2025-01-15", 12)]
    public void CompletedMonthsBetween_CountsWholeMonths(string to, int expected)
    {
        var registered = new DateOnly(2024, 1, 15);

        var months = DatePeriods.CompletedMonthsBetween(registered, DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, months);
    }

    [Theory]
    [InlineData("2023-02-27", 0)]
    [InlineData("2023-02-28", 1)] // the day one month after Jan 31
    [InlineData("2023-03-30", 1)]
    [InlineData("2023-03-31", 2)]
    [InlineData("2023-07-31", 6)]
    [InlineData("2023-07-30", 5)]
    public void CompletedMonthsBetween_FromMonthEnd_AgreesWithAddMonthsClamped(string to, int expected)
    {
        var from = new DateOnly(2023, 1, 31);

        var months = DatePeriods.CompletedMonthsBetween(from, DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, months);
    }

    [Fact]
    public void CompletedMonthsBetween_EndBeforeStart_Throws()
    {
        var from = new DateOnly(2024, 1, 15);

        Assert.Throws<ArgumentOutOfRangeException>(() => DatePeriods.CompletedMonthsBetween(from, from.AddDays(-1)));
    }

    [Theory]
    [InlineData("2024-03-06", 33)]
    [InlineData("2024-03-07", 34)]
    public void CompletedYearsBetween_CountsTheBirthdayAsComplete(string to, int expected)
    {
        var born = new DateOnly(1990, 3, 7);

        var years = DatePeriods.CompletedYearsBetween(born, DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, years);
    }
}
