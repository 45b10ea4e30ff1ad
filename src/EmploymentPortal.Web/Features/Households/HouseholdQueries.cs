using EmploymentPortal.Data;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Households;

/// <summary>Households as staff see them: station staff their communities', officers all; ID numbers masked.</summary>
public static class HouseholdQueries
{
    public sealed record HouseholdRow(
        Guid Id,
        string CommunityName,
        string? Address,
        string HeadName,
        int MemberCount,
        bool IsZeroEmployment,
        DateOnly? ZeroEmploymentSince,
        DateOnly? ZeroEmploymentClearedOn,
        string? ClearedByMember);

    public sealed record MemberRow(Guid Id, HouseholdRelation Relation, string Name, string? MaskedIdNumber, Guid? ResidentId, bool AbleToWork, bool WantsWork, bool IsEmployed);

    public sealed record HouseholdDetail(
        Guid Id,
        Guid CommunityId,
        string CommunityName,
        string? Address,
        bool IsZeroEmployment,
        DateOnly? ZeroEmploymentSince,
        DateOnly? ZeroEmploymentClearedOn,
        string? ClearedByMember,
        IReadOnlyList<MemberRow> Members);

    public static IQueryable<Household> VisibleTo(this IQueryable<Household> households, PortalPrincipal principal)
    {
        if (principal.SeesAllCommunities)
        {
            return households;
        }

        if (principal.IsStationStaff)
        {
            var communities = principal.CommunityIds.ToList();
            return households.Where(h => communities.Contains(h.CommunityId));
        }

        return households.Where(_ => false);
    }

    /// <summary>The households in scope, zero-employment families first, then the latest recorded.</summary>
    public static async Task<Residents.ResidentQueries.Page<HouseholdRow>> ListAsync(PortalDbContext db, PortalPrincipal principal, Guid? communityId, bool? zeroEmployment, int skip, int take, CancellationToken cancellationToken = default)
    {
        var query = db.Households.AsNoTracking().VisibleTo(principal);
        if (communityId is { } community)
        {
            query = query.Where(h => h.CommunityId == community);
        }

        if (zeroEmployment is { } zero)
        {
            query = query.Where(h => h.IsZeroEmployment == zero);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await (from h in query
                          join c in db.Communities on h.CommunityId equals c.Id
                          orderby h.IsZeroEmployment descending, h.Id descending
                          select new HouseholdRow(
                              h.Id,
                              c.Name,
                              h.Address,
                              h.Members.Where(m => m.Relation == HouseholdRelation.Head).Select(m => m.Name).FirstOrDefault() ?? string.Empty,
                              h.Members.Count,
                              h.IsZeroEmployment,
                              h.ZeroEmploymentSince,
                              h.ZeroEmploymentClearedOn,
                              h.ClearedByMember))
            .Skip(Math.Max(skip, 0)).Take(Math.Clamp(take, 1, 200)).ToListAsync(cancellationToken);
        return new(rows, total);
    }

    public static async Task<HouseholdDetail?> FindAsync(PortalDbContext db, PortalPrincipal principal, Guid id, CancellationToken cancellationToken = default)
    {
        var household = await db.Households.AsNoTracking().VisibleTo(principal).Include(h => h.Members)
            .FirstOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (household is null)
        {
            return null;
        }

        var community = await db.Communities.Where(c => c.Id == household.CommunityId).Select(c => c.Name).SingleAsync(cancellationToken);
        return new HouseholdDetail(
            household.Id,
            household.CommunityId,
            community,
            household.Address,
            household.IsZeroEmployment,
            household.ZeroEmploymentSince,
            household.ZeroEmploymentClearedOn,
            household.ClearedByMember,
            household.Members.OrderBy(m => m.Relation).ThenBy(m => m.Id)
                .Select(m => new MemberRow(m.Id, m.Relation, m.Name, Mask(m.IdNumber), m.ResidentId, m.AbleToWork, m.WantsWork, m.IsEmployed)).ToList());
    }

    /// <summary>The households a resident is recorded in (for the resident's page).</summary>
    public static Task<List<HouseholdRow>> OfResidentAsync(PortalDbContext db, PortalPrincipal principal, Guid residentId, CancellationToken cancellationToken = default) =>
        (from h in db.Households.AsNoTracking().VisibleTo(principal)
         join c in db.Communities on h.CommunityId equals c.Id
         where h.Members.Any(m => m.ResidentId == residentId)
         select new HouseholdRow(h.Id, c.Name, h.Address, h.Members.Where(m => m.Relation == HouseholdRelation.Head).Select(m => m.Name).FirstOrDefault() ?? string.Empty, h.Members.Count, h.IsZeroEmployment, h.ZeroEmploymentSince, h.ZeroEmploymentClearedOn, h.ClearedByMember))
        .ToListAsync(cancellationToken);

    private static string? Mask(string? idNumber) =>
        idNumber is null ? null : IdCardNumber.TryParse(idNumber, out var parsed, out _) ? parsed.Masked : new string('*', idNumber.Length);

    public static string Of(HouseholdRelation relation) => relation switch
    {
        HouseholdRelation.Head => "户主",
        HouseholdRelation.Spouse => "配偶",
        HouseholdRelation.Child => "子女",
        HouseholdRelation.Parent => "父母",
        HouseholdRelation.Sibling => "兄弟姐妹",
        _ => "其他",
    };
}
