namespace EmploymentPortal.Web.Features.Admin;

/// <summary>
/// Times as the bureau reads them: China Standard Time (the portal stores UTC). The zone is
/// fixed rather than the server's, so a server set to UTC still shows local office hours.
/// </summary>
public static class AdminFormat
{
    public static readonly TimeZoneInfo ChinaTime = FindChinaTime();

    public static DateTimeOffset ToLocal(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, ChinaTime);

    public static string DateTime(DateTimeOffset value) => ToLocal(value).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The UTC instant at which a local calendar day begins.</summary>
    public static DateTimeOffset StartOfLocalDay(DateTime day)
    {
        var local = new DateTime(day.Year, day.Month, day.Day, 0, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, ChinaTime.GetUtcOffset(local)).ToUniversalTime();
    }

    private static TimeZoneInfo FindChinaTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            // No time-zone database (a slim container): China has kept UTC+8 without DST since 1991.
            return TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}
