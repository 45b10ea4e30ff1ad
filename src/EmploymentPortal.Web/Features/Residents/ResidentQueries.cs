using EmploymentPortal.Data;
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
    public sealed record ResidentRow(Guid Id, string Name, string MaskedIdNumber, Sex Sex, DateOnly BirthDate, string MaskedPhone, string CommunityName);

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

    public static async Task<Page<ResidentRow>> ListAsync(PortalDbContext db, PortalPrincipal principal, Guid? communityId, int skip, int take, CancellationToken cancellationToken = default)
    {
        var query = db.Residents.AsNoTracking().VisibleTo(principal);
        if (communityId is { } id)
        {
            query = query.Where(r => r.CommunityId == id);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await (from r in query
                          join c in db.Communities on r.CommunityId equals c.Id
                          orderby r.Id
                          select new { r.Id, r.Name, r.IdNumber, r.Sex, r.BirthDate, r.Phone, Community = c.Name })
            .Skip(skip)
            .Take(Math.Clamp(take, 1, 200))
            .ToListAsync(cancellationToken);
        return new Page<ResidentRow>(
            rows.Select(r => new ResidentRow(r.Id, r.Name, MaskIdNumber(r.IdNumber), r.Sex, r.BirthDate, MaskPhone(r.Phone), r.Community)).ToList(),
            total);
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

    private static string MaskIdNumber(string idNumber) =>
        IdCardNumber.TryParse(idNumber, out var parsed, out _) ? parsed.Masked : new string('*', idNumber.Length);

    private static string MaskPhone(string phone) =>
        PhoneNumber.TryParse(phone, out var parsed, out _) ? parsed.Masked : "***";
}
