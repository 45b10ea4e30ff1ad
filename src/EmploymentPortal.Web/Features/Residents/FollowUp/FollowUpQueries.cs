using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Residents;

namespace EmploymentPortal.Web.Features.Residents.FollowUp;

/// <summary>
/// Monthly follow-up (每月跟踪调查至少1次). <see cref="Overdue"/> is the portal's one definition of
/// “overdue” (逾期未跟踪), used by the home pages, the staff list's filter
/// (<see cref="ResidentListQueries.Filter.Overdue"/>, <see cref="ResidentListQueries.SeekOverdueAsync"/>),
/// the follow-up coverage and the circle dashboard; the month-end job keeps the record of past months
/// by the same rule applied to the closed month.
/// </summary>
public static class FollowUpQueries
{
    /// <summary>What “overdue” means, shown in a tooltip wherever the word appears (a resource key).</summary>
    public const string OverdueMeaning = "逾期未跟踪：当前为登记失业状态，且本月（北京时间本月1日至今天）没有任何跟踪记录的居民。";

    public sealed record OverdueRow(Guid Id, string Name, string MaskedIdNumber, string CommunityName, DateOnly? LastContactOn);

    /// <summary>
    /// The residents of <paramref name="residents"/> overdue on <paramref name="today"/> (the China
    /// date of <see cref="PortalCalendar"/>): registered unemployed now, with no contact dated from
    /// the first of today's month to today. Served by the contact log's (ResidentId, ContactedOn) index.
    /// </summary>
    public static IQueryable<Resident> Overdue(this IQueryable<Resident> residents, PortalDbContext db, DateOnly today)
    {
        var monthStart = PortalCalendar.MonthOf(today);
        return residents.Where(r => r.CurrentStatus == EmploymentStatus.RegisteredUnemployed
            && !db.ResidentContacts.Any(c => c.ResidentId == r.Id && c.ContactedOn >= monthStart && c.ContactedOn <= today));
    }
}
