namespace EmploymentPortal.Domain.Common;

/// <summary>
/// The portal's one calendar: China Standard Time (Asia/Shanghai, 北京时间). The bureau, its
/// policies and its users count days in China, so “today”, “this month”, the day a vacancy
/// expires and the day a claim was approved are China dates, whatever the server's zone. The
/// portal stores instants in UTC; this class is the only place that turns them into dates and
/// back. Registered once as a singleton over the injected <see cref="TimeProvider"/>, so a test
/// sets the date by giving the host a fake clock.
/// </summary>
/// <remarks>China has kept UTC+8 without daylight saving since 1991: the tz database zone is used
/// when the machine has one, a fixed +08:00 zone otherwise (a slim container without tzdata).</remarks>
public sealed class PortalCalendar
{
    /// <summary>The tz database id of the portal's zone.</summary>
    public const string ZoneId = "Asia/Shanghai";

    private readonly TimeProvider _time;

    public PortalCalendar(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>China Standard Time, from the tz database or fixed at +08:00.</summary>
    public static TimeZoneInfo ChinaTime { get; } = FindChinaTime();

    /// <summary>The current instant (UTC), from the injected clock.</summary>
    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Today's date in China.</summary>
    public DateOnly Today => DateOf(_time.GetUtcNow());

    /// <summary>The first day of the current month in China.</summary>
    public DateOnly CurrentMonth => MonthOf(Today);

    /// <summary>The instant as a China wall-clock time (offset +08:00), for display.</summary>
    public static DateTimeOffset ToChinaTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, ChinaTime);

    /// <summary>The China date of an instant: 2026-03-01T17:00Z is 2026-03-02.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToChinaTime(instant).DateTime);

    /// <summary>The first day of the month of <paramref name="day"/>.</summary>
    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>The instant (UTC) at which the China date begins: 2026-03-02 begins at 2026-03-01T16:00Z.</summary>
    public static DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, ChinaTime.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The instant (UTC) at which the China date ends, exclusive: the start of the next day.</summary>
    public static DateTimeOffset EndOf(DateOnly date) => StartOf(date.AddDays(1));

    private static TimeZoneInfo FindChinaTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ZoneId);
        }
        catch (TimeZoneNotFoundException)
        {
            return FixedChinaTime();
        }
        catch (InvalidTimeZoneException)
        {
            return FixedChinaTime();
        }
    }

    private static TimeZoneInfo FixedChinaTime() =>
        TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
}
