using EmploymentPortal.Data;
using EmploymentPortal.Data.Security;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Residents;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Households;

/// <summary>
/// Keeps the zero-employment flags of households in step with the registry: a linked member
/// whose resident record shows work (<see cref="ZeroEmploymentFamilies.IsInWork"/>) counts as
/// employed. Call <see cref="ReassessForResidentAsync"/> after any change of a resident's status
/// (the caller saves); the station's list reassesses its communities when it opens, so a change
/// made elsewhere is picked up too.
/// </summary>
public static class ZeroEmploymentSync
{
    /// <summary>Reassesses the households <paramref name="resident"/> (tracked, possibly just changed) belongs to.</summary>
    public static async Task<int> ReassessForResidentAsync(PortalDbContext db, Resident resident, DateOnly today, CancellationToken cancellationToken = default)
    {
        var households = await db.Households.Include(h => h.Members)
            .Where(h => h.Members.Any(m => m.ResidentId == resident.Id))
            .ToListAsync(cancellationToken);
        return await ReassessAsync(db, households, today, resident, cancellationToken);
    }

    /// <summary>
    /// Links a newly registered resident to the household members recorded with their ID number
    /// before (not saved), so that the zero-employment key group follows the record.
    /// </summary>
    public static async Task<int> LinkNewResidentAsync(PortalDbContext db, Resident resident, CancellationToken cancellationToken = default)
    {
        var hash = db.PersonalData.Hash(PersonalDataKind.IdNumber, resident.IdNumber);
        var households = await db.Households.Include(h => h.Members)
            .Where(h => h.Members.Any(m => EF.Property<string>(m, PersonalDataMapping.MemberIdNumberHash) == hash && m.ResidentId == null))
            .ToListAsync(cancellationToken);
        var byNumber = new Dictionary<string, Guid> { [resident.IdNumber] = resident.Id };
        return households.Sum(h => h.LinkResidents(byNumber));
    }

    /// <summary>Reassesses every household of the communities; returns how many flags changed (not saved).</summary>
    public static async Task<int> ReassessCommunitiesAsync(PortalDbContext db, IReadOnlyCollection<Guid> communityIds, DateOnly today, CancellationToken cancellationToken = default)
    {
        var ids = communityIds.ToList();
        var households = await db.Households.Include(h => h.Members)
            .Where(h => ids.Contains(h.CommunityId))
            .ToListAsync(cancellationToken);
        return await ReassessAsync(db, households, today, null, cancellationToken);
    }

    /// <summary>Reassesses the given (tracked, members loaded) households.</summary>
    public static async Task<int> ReassessAsync(PortalDbContext db, IReadOnlyList<Household> households, DateOnly today, Resident? changed = null, CancellationToken cancellationToken = default)
    {
        var linked = households.SelectMany(h => h.Members).Where(m => m.ResidentId is not null).Select(m => m.ResidentId!.Value).Distinct().ToList();
        var statuses = await db.Residents.AsNoTracking().Where(r => linked.Contains(r.Id))
            .Select(r => new { r.Id, r.CurrentStatus }).ToListAsync(cancellationToken);
        var employed = statuses.Where(s => s.Id != changed?.Id && ZeroEmploymentFamilies.IsInWork(s.CurrentStatus)).Select(s => s.Id).ToHashSet();
        if (changed is not null && ZeroEmploymentFamilies.IsInWork(changed.CurrentStatus))
        {
            employed.Add(changed.Id);
        }

        return households.Count(h => h.Reassess(today, employed));
    }

    /// <summary>
    /// The day the household of <paramref name="residentId"/> was flagged as a zero-employment
    /// family, when it is one now; null otherwise. Feeds the resident's key group.
    /// </summary>
    public static Task<DateOnly?> ZeroEmploymentFamilySinceAsync(PortalDbContext db, Guid residentId, CancellationToken cancellationToken = default) =>
        db.Households.AsNoTracking()
            .Where(h => h.IsZeroEmployment && h.Members.Any(m => m.ResidentId == residentId))
            .OrderBy(h => h.ZeroEmploymentSince)
            .Select(h => h.ZeroEmploymentSince)
            .FirstOrDefaultAsync(cancellationToken);
}
