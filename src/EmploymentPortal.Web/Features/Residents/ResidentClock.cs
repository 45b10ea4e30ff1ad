using EmploymentPortal.Web.Features.Admin;

namespace EmploymentPortal.Web.Features.Residents;

/// <summary>The calendar day in China, which decides “today” and “this month” for station work.</summary>
public static class ResidentClock
{
    public static DateOnly Today(TimeProvider time) =>
        DateOnly.FromDateTime(AdminFormat.ToLocal(time.GetUtcNow()).DateTime);

    public static DateOnly StartOfMonth(DateOnly day) => new(day.Year, day.Month, 1);
}
