using EmploymentPortal.Data;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Residents.FollowUp;

/// <summary>
/// Monthly follow-up (每月跟踪调查至少1次): a registered unemployed resident without a contact
/// dated in the current calendar month is overdue. Computed by the query, so the list is right
/// at any moment without a job at month end.
/// </summary>
public static class FollowUpQueries
{
    public sealed record OverdueRow(Guid Id, string Name, string MaskedIdNumber, string CommunityName, DateOnly? LastContactOn);

    /// <summary>Residents of the principal's scope (optionally one community) overdue in the month of <paramref name="today"/>.</summary>
    public static IQueryable<Resident> Overdue(PortalDbContext db, PortalPrincipal principal, Guid? communityId, DateOnly today)
    {
        var monthStart = ResidentClock.StartOfMonth(today);
        var query = db.Residents.AsNoTracking().VisibleTo(principal)
            .Where(r => r.CurrentStatus == EmploymentStatus.RegisteredUnemployed)
            .Where(r => !db.ResidentContacts.Any(c => c.ResidentId == r.Id && c.ContactedOn >= monthStart && c.ContactedOn <= today));
        return communityId is { } id ? query.Where(r => r.CommunityId == id) : query;
    }

    public static async Task<ResidentQueries.Page<OverdueRow>> OverdueAsync(PortalDbContext db, PortalPrincipal principal, Guid? communityId, DateOnly today, int skip, int take, CancellationToken cancellationToken = default)
    {
        var query = Overdue(db, principal, communityId, today);
        var total = await query.CountAsync(cancellationToken);
        var rows = await (from r in query
                          join c in db.Communities on r.CommunityId equals c.Id
                          orderby r.Id descending
                          select new
                          {
                              r.Id,
                              r.Name,
                              r.IdNumber,
                              Community = c.Name,
                              LastContact = db.ResidentContacts.Where(x => x.ResidentId == r.Id).Max(x => (DateOnly?)x.ContactedOn),
                          })
            .Skip(Math.Max(skip, 0))
            .Take(Math.Clamp(take, 1, 200))
            .ToListAsync(cancellationToken);
        return new(rows.Select(r => new OverdueRow(r.Id, r.Name, Mask(r.IdNumber), r.Community, r.LastContact)).ToList(), total);
    }

    private static string Mask(string idNumber) =>
        IdCardNumber.TryParse(idNumber, out var parsed, out _) ? parsed.Masked : new string('*', idNumber.Length);
}
