using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Residents.FollowUp;

/// <summary>Settings of the <c>FollowUp</c> configuration section.</summary>
public sealed class FollowUpOptions
{
    public const string Section = "FollowUp";

    /// <summary>The station home page lists “due soon” residents when the month ends within this many days (today included).</summary>
    public int DueSoonDays { get; set; } = 7;
}

/// <summary>
/// What a station's home page puts first: residents recorded overdue by the month-end job for
/// the last closed month who have still not been contacted, then residents not yet contacted this
/// month when the month ends within <see cref="FollowUpOptions.DueSoonDays"/>. Only the station
/// worker's own communities.
/// </summary>
public static class FollowUpBoard
{
    public const int Shown = 50;

    public sealed record BoardRow(Guid Id, string Name, string MaskedIdNumber, string CommunityName, DateOnly? LastContactOn);

    /// <summary>
    /// The two lists (at most <see cref="Shown"/> rows each) with their totals. OverdueMonth is the
    /// closed month the overdue residents missed (the previous month); DaysLeft counts today;
    /// DueSoonShown is false when the month end is further away than the setting (the list is empty then).
    /// </summary>
    public sealed record Board(DateOnly OverdueMonth, IReadOnlyList<BoardRow> Overdue, int OverdueTotal, IReadOnlyList<BoardRow> DueSoon, int DueSoonTotal, int DaysLeft, bool DueSoonShown);

    public static async Task<Board> ForStationAsync(PortalDbContext db, PortalPrincipal principal, DateOnly today, int dueSoonDays, CancellationToken cancellationToken = default)
    {
        var monthStart = PortalCalendar.MonthOf(today);
        var previous = monthStart.AddMonths(-1);
        var communities = principal.IsStationStaff ? principal.CommunityIds.ToList() : [];
        var notContactedThisMonth = db.Residents.AsNoTracking()
            .Where(r => communities.Contains(r.CommunityId) && r.CurrentStatus == EmploymentStatus.RegisteredUnemployed)
            .Where(r => !db.ResidentContacts.Any(c => c.ResidentId == r.Id && c.ContactedOn >= monthStart && c.ContactedOn <= today));
        var overdue = notContactedThisMonth.Where(r => db.OverdueFollowUps.Any(o => o.ResidentId == r.Id && o.Month == previous && communities.Contains(o.CommunityId)));
        var daysLeft = FollowUpMonth.EndOf(today).DayNumber - today.DayNumber + 1;
        var dueSoonShown = daysLeft <= dueSoonDays;
        var dueSoon = notContactedThisMonth.Where(r => !db.OverdueFollowUps.Any(o => o.ResidentId == r.Id && o.Month == previous));

        return new Board(
            previous,
            await RowsAsync(db, overdue, cancellationToken),
            await overdue.CountAsync(cancellationToken),
            dueSoonShown ? await RowsAsync(db, dueSoon, cancellationToken) : [],
            dueSoonShown ? await dueSoon.CountAsync(cancellationToken) : 0,
            daysLeft,
            dueSoonShown);
    }

    private static async Task<IReadOnlyList<BoardRow>> RowsAsync(PortalDbContext db, IQueryable<Resident> residents, CancellationToken cancellationToken)
    {
        var rows = await residents.OrderByDescending(r => r.Id).Take(Shown)
            .Select(r => new
            {
                r.Id,
                r.Name,
                r.IdNumber,
                Community = db.Communities.Where(c => c.Id == r.CommunityId).Select(c => c.Name).First(),
                LastContact = db.ResidentContacts.Where(c => c.ResidentId == r.Id).Max(c => (DateOnly?)c.ContactedOn),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new BoardRow(r.Id, r.Name, Mask(r.IdNumber), r.Community, r.LastContact)).ToList();
    }

    private static string Mask(string idNumber) =>
        IdCardNumber.TryParse(idNumber, out var parsed, out _) ? parsed.Masked : new string('*', idNumber.Length);
}
