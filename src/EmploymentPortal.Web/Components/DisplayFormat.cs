using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Web.Components;

/// <summary>
/// Times as every page shows them: China Standard Time (the portal stores UTC). The zone is
/// <see cref="PortalCalendar"/>'s rather than the server's, so a server set to UTC still shows
/// local office hours.
/// </summary>
public static class DisplayFormat
{
    public static string DateTime(DateTimeOffset value) => PortalCalendar.ToChinaTime(value).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
