using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Tests.Common;

/// <summary>
/// The portal's one calendar counts days in China (UTC+8): between 00:00 and 08:00 China time the
/// UTC date is still yesterday, and the calendar must not be.
/// </summary>
public sealed class PortalCalendarTests
{
    [Fact]
    public void Today_at_one_in_the_morning_in_China_is_the_China_date_not_the_UTC_date()
    {
        var calendar = new PortalCalendar(new FixedClock(new DateTimeOffset(2026, 3, 1, 17, 0, 0, TimeSpan.Zero)));

        var today = calendar.Today;

        Assert.Equal(new DateOnly(2026, 3, 2), today);
    }

    [Fact]
    public void Today_one_second_before_midnight_in_China_is_still_that_day()
    {
        var calendar = new PortalCalendar(new FixedClock(new DateTimeOffset(2026, 3, 2, 15, 59, 59, TimeSpan.Zero)));

        Assert.Equal(new DateOnly(2026, 3, 2), calendar.Today);
    }

    [Fact]
    public void CurrentMonth_turns_at_midnight_China_time_on_the_first()
    {
        var lastEvening = new PortalCalendar(new FixedClock(new DateTimeOffset(2026, 3, 31, 15, 59, 0, TimeSpan.Zero)));
        var firstMorning = new PortalCalendar(new FixedClock(new DateTimeOffset(2026, 3, 31, 16, 0, 0, TimeSpan.Zero)));

        Assert.Equal(new DateOnly(2026, 3, 1), lastEvening.CurrentMonth);
        Assert.Equal(new DateOnly(2026, 4, 1), firstMorning.CurrentMonth);
    }

    [Fact]
    public void Now_is_the_injected_clock_s_instant()
    {
        var instant = new DateTimeOffset(2026, 5, 4, 3, 2, 1, TimeSpan.Zero);

        Assert.Equal(instant, new PortalCalendar(new FixedClock(instant)).Now);
    }

    [Fact]
    public void DateOf_an_instant_is_its_date_in_China()
    {
        Assert.Equal(new DateOnly(2026, 3, 1), PortalCalendar.DateOf(new DateTimeOffset(2026, 3, 1, 15, 59, 59, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 3, 2), PortalCalendar.DateOf(new DateTimeOffset(2026, 3, 1, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 3, 2), PortalCalendar.DateOf(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.FromHours(9))));
    }

    [Fact]
    public void StartOf_and_EndOf_a_China_date_are_16_00_UTC_the_day_before_and_on_the_day()
    {
        var day = new DateOnly(2026, 3, 2);

        var start = PortalCalendar.StartOf(day);
        var end = PortalCalendar.EndOf(day);

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 16, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(TimeSpan.Zero, start.Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 16, 0, 0, TimeSpan.Zero), end);
        Assert.Equal(day, PortalCalendar.DateOf(start));
        Assert.Equal(day, PortalCalendar.DateOf(end.AddTicks(-1)));
        Assert.Equal(day.AddDays(1), PortalCalendar.DateOf(end));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(11)]
    public void China_time_is_eight_hours_ahead_of_UTC_all_year(int month)
    {
        var instant = new DateTimeOffset(2026, month, 15, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromHours(8), PortalCalendar.ToChinaTime(instant).Offset);
        Assert.Equal(20, PortalCalendar.ToChinaTime(instant).Hour);
    }

    [Fact]
    public void MonthOf_a_day_is_the_first_of_its_month()
    {
        Assert.Equal(new DateOnly(2024, 2, 1), PortalCalendar.MonthOf(new DateOnly(2024, 2, 29)));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
