using EmploymentPortal.Data;
using EmploymentPortal.Domain.Residents;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Residents.FollowUp;

/// <summary>
/// Follow-up coverage per community and month for the bureau (target 100 %): contacted /
/// registered unemployed. A past month is read from the month-end job's records
/// (<see cref="FollowUpMonth"/>), as it stood when the month closed; the current month is live.
/// </summary>
public static class FollowUpCoverage
{
    /// <summary>One community's figures; Live for the current month; Closed for a past month the job has closed (no figures otherwise).</summary>
    public sealed record Row(Guid CommunityId, string Community, string Street, string District, int RegisteredUnemployed, int Contacted, bool Live, bool Closed)
    {
        /// <summary>Contacted share, null when nobody was registered unemployed.</summary>
        public double? Rate => RegisteredUnemployed == 0 ? null : (double)Contacted / RegisteredUnemployed;
    }

    public sealed record District(Guid Id, string Name);

    public sealed record Street(Guid Id, Guid DistrictId, string Name);

    /// <summary>Coverage of <paramref name="month"/> (any day of it), worst first; null when the month is after the current one.</summary>
    public static async Task<IReadOnlyList<Row>?> ForMonthAsync(PortalDbContext db, DateOnly month, DateOnly today, Guid? districtId, Guid? streetId, CancellationToken cancellationToken = default)
    {
        var start = FollowUpMonth.StartOf(month);
        var current = FollowUpMonth.StartOf(today);
        if (start > current)
        {
            return null;
        }

        var communities = await (from c in db.Communities.AsNoTracking()
                                 join s in db.Streets on c.StreetId equals s.Id
                                 join d in db.Districts on s.DistrictId equals d.Id
                                 where (districtId == null || d.Id == districtId) && (streetId == null || s.Id == streetId)
                                 select new { c.Id, c.Name, c.Code, Street = s.Name, District = d.Name })
            .ToListAsync(cancellationToken);
        var ids = communities.Select(c => c.Id).ToList();
        Dictionary<Guid, (int Registered, int Contacted)> figures;
        if (start == current)
        {
            var registered = await db.Residents.AsNoTracking()
                .Where(r => ids.Contains(r.CommunityId) && r.CurrentStatus == EmploymentStatus.RegisteredUnemployed)
                .GroupBy(r => r.CommunityId).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

            // Contacted this month = registered unemployed and not overdue (the one definition).
            var overdue = await db.Residents.AsNoTracking()
                .Where(r => ids.Contains(r.CommunityId))
                .Overdue(db, today)
                .GroupBy(r => r.CommunityId).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            figures = registered.ToDictionary(r => r.Key, r => (r.Value, r.Value - overdue.GetValueOrDefault(r.Key)));
            return Sort(communities.Select(c =>
            {
                var (r, k) = figures.GetValueOrDefault(c.Id);
                return new Row(c.Id, c.Name, c.Street, c.District, r, k, Live: true, Closed: false);
            }));
        }

        var closed = await db.FollowUpMonths.AsNoTracking()
            .Where(m => m.Month == start && ids.Contains(m.CommunityId))
            .Select(m => new { m.CommunityId, m.RegisteredUnemployed, m.OverdueCount })
            .ToDictionaryAsync(m => m.CommunityId, cancellationToken);
        return Sort(communities.Select(c => closed.TryGetValue(c.Id, out var m)
            ? new Row(c.Id, c.Name, c.Street, c.District, m.RegisteredUnemployed, m.RegisteredUnemployed - m.OverdueCount, Live: false, Closed: true)
            : new Row(c.Id, c.Name, c.Street, c.District, 0, 0, Live: false, Closed: false)));
    }

    public static Task<List<District>> DistrictsAsync(PortalDbContext db, CancellationToken cancellationToken = default) =>
        db.Districts.AsNoTracking().OrderBy(d => d.Code).Select(d => new District(d.Id, d.Name)).ToListAsync(cancellationToken);

    public static Task<List<Street>> StreetsAsync(PortalDbContext db, Guid? districtId, CancellationToken cancellationToken = default) =>
        db.Streets.AsNoTracking().Where(s => districtId == null || s.DistrictId == districtId).OrderBy(s => s.Code)
            .Select(s => new Street(s.Id, s.DistrictId, s.Name)).ToListAsync(cancellationToken);

    /// <summary>Worst coverage first; communities without registered unemployed, then months not closed, last.</summary>
    private static List<Row> Sort(IEnumerable<Row> rows) =>
        rows.OrderBy(r => r.Live || r.Closed ? 0 : 1)
            .ThenBy(r => r.Rate is null ? 1 : 0)
            .ThenBy(r => r.Rate)
            .ThenByDescending(r => r.RegisteredUnemployed - r.Contacted)
            .ThenBy(r => r.District, StringComparer.Ordinal)
            .ThenBy(r => r.Community, StringComparer.Ordinal)
            .ToList();
}
