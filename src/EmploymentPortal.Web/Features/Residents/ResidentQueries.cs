using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Residents;

/// <summary>
/// Residents as staff see them. Every query starts from <see cref="VisibleTo"/>, so a station
/// worker can never read a resident of another community: such a record is simply not found.
/// ID numbers and phones are masked unless a reveal is asked for, and a reveal is audited.
/// </summary>
public static class ResidentQueries
{
    public sealed record ResidentRow(Guid Id, string Name, string MaskedIdNumber, Sex Sex, DateOnly BirthDate, string MaskedPhone, string CommunityName, EmploymentStatus? Status);

    public sealed record ResidentDetail(Guid Id, string Name, string IdNumber, bool IdNumberRevealed, Sex Sex, DateOnly BirthDate, string Phone, Guid CommunityId, string CommunityName);

    public sealed record Page<T>(IReadOnlyList<T> Items, int Total);

    /// <summary>The residents a principal may see: bureau officers all, station staff their communities', others none.</summary>
    public static IQueryable<Resident> VisibleTo(this IQueryable<Resident> residents, PortalPrincipal principal)
    {
        if (principal.SeesAllCommunities)
        {
            return residents;
        }

        if (principal.IsStationStaff)
        {
            var communities = principal.CommunityIds.ToList();
            return residents.Where(r => communities.Contains(r.CommunityId));
        }

        return residents.Where(_ => false);
    }

    /// <summary>
    /// One resident, or null when it does not exist or lies outside the principal's scope. With
    /// <paramref name="reveal"/> the full ID number is returned and the read is written to the
    /// audit log before the data leaves the server.
    /// </summary>
    public static async Task<ResidentDetail?> FindAsync(PortalDbContext db, PortalPrincipal principal, Guid id, bool reveal, CancellationToken cancellationToken = default)
    {
        var row = await (from r in db.Residents.AsNoTracking().VisibleTo(principal)
                         join c in db.Communities on r.CommunityId equals c.Id
                         where r.Id == id
                         select new { r.Id, r.Name, r.IdNumber, r.Sex, r.BirthDate, r.Phone, r.CommunityId, Community = c.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        if (reveal)
        {
            db.RecordRead(nameof(Resident), row.Id.ToString(), "IdNumber");
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ResidentDetail(row.Id, row.Name, reveal ? row.IdNumber : MaskIdNumber(row.IdNumber), reveal, row.Sex, row.BirthDate, MaskPhone(row.Phone), row.CommunityId, row.Community);
    }

    /// <summary>What the detail page shows beside the identity: key groups with reasons, status history and contacts.</summary>
    public sealed record ResidentRecord(
        EmploymentStatus? CurrentStatus,
        string? RegistrationNumber,
        int MonthsRegisteredUnemployed,
        IReadOnlyList<KeyGroupMembership> KeyGroups,
        IReadOnlyList<StatusRow> History,
        IReadOnlyList<ContactRow> Contacts,
        bool ContactedThisMonth);

    /// <summary>One entry of the status history; <paramref name="Id"/> keys the row (two entries may hold the same facts).</summary>
    public sealed record StatusRow(Guid Id, EmploymentStatus Status, DateOnly EffectiveFrom, string? Note, string? RegistrationNumber);

    /// <summary>One follow-up contact; <paramref name="Id"/> keys the row (two contacts may hold the same facts).</summary>
    public sealed record ContactRow(Guid Id, DateOnly ContactedOn, ContactChannel Channel, string Outcome, FollowUpServices Services, string RecordedBy);

    /// <summary>The registry facts of a resident in scope on <paramref name="today"/>, or null outside scope.</summary>
    public static async Task<ResidentRecord?> RecordAsync(PortalDbContext db, PortalPrincipal principal, Guid id, DateOnly today, CancellationToken cancellationToken = default)
    {
        var resident = await db.Residents.AsNoTracking().VisibleTo(principal).Include(r => r.StatusHistory)
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (resident is null)
        {
            return null;
        }

        var contacts = await db.ResidentContacts.AsNoTracking().Where(c => c.ResidentId == id)
            .OrderByDescending(c => c.ContactedOn).Take(50)
            .Select(c => new ContactRow(c.Id, c.ContactedOn, c.Channel, c.Outcome, c.Services, c.RecordedBy))
            .ToListAsync(cancellationToken);
        var monthStart = PortalCalendar.MonthOf(today);
        return new ResidentRecord(
            resident.CurrentStatus,
            resident.UnemploymentRegistrationNumber,
            resident.MonthsRegisteredUnemployedOn(today),
            Domain.Residents.KeyGroups.For(resident, today, zeroEmploymentFamilySince: await Households.ZeroEmploymentSync.ZeroEmploymentFamilySinceAsync(db, id, cancellationToken)),
            resident.StatusHistory.OrderBy(h => h.EffectiveFrom).Select(h => new StatusRow(h.Id, h.Status, h.EffectiveFrom, h.Note, h.RegistrationNumber)).ToList(),
            contacts,
            contacts.Any(c => c.ContactedOn >= monthStart && c.ContactedOn <= today));
    }

    /// <summary>The communities a principal may register residents for (station staff: their own).</summary>
    public static Task<List<CommunityOption>> RegistrableCommunitiesAsync(PortalDbContext db, PortalPrincipal principal, CancellationToken cancellationToken = default)
    {
        var ids = principal.IsStationStaff ? principal.CommunityIds.ToList() : [];
        return db.Communities.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Code)
            .Select(c => new CommunityOption(c.Id, c.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>The communities a principal may filter the list by.</summary>
    public static Task<List<CommunityOption>> VisibleCommunitiesAsync(PortalDbContext db, PortalPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (principal.SeesAllCommunities)
        {
            return db.Communities.AsNoTracking().OrderBy(c => c.Code).Select(c => new CommunityOption(c.Id, c.Name)).ToListAsync(cancellationToken);
        }

        return RegistrableCommunitiesAsync(db, principal, cancellationToken);
    }

    public sealed record CommunityOption(Guid Id, string Name);

    private static string MaskIdNumber(string idNumber) =>
        IdCardNumber.TryParse(idNumber, out var parsed, out _) ? parsed.Masked : new string('*', idNumber.Length);

    private static string MaskPhone(string phone) =>
        PhoneNumber.TryParse(phone, out var parsed, out _) ? parsed.Masked : "***";
}
