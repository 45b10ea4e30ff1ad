using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Hires;
using EmploymentPortal.Domain.Residents;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Data.Seeding;

/// <summary>
/// Demo hires: enterprise1's enterprise has hired four registered unemployed residents of
/// station1's communities (recorded by the enterprise), and station2 recorded one hire of a
/// 西山社区 resident by another verified enterprise. Each hire started halfway between the
/// resident's registration and today, so the status history stays in order.
/// </summary>
public static class DemoHires
{
    public static async Task<int> SeedAsync(IDbContextFactory<PortalDbContext> factory, PortalCalendar calendar, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = calendar.Now;
        var today = PortalCalendar.DateOf(now);
        var ownId = await db.Users.Where(u => u.UserName == "enterprise1").Select(u => u.EnterpriseId).SingleAsync(cancellationToken);
        var own = await db.Enterprises.SingleAsync(e => e.Id == ownId, cancellationToken);
        var other = await db.Enterprises.Where(e => e.Status == EnterpriseStatus.Verified && e.Id != own.Id).OrderBy(e => e.CreditCode).FirstAsync(cancellationToken);

        var hires = new List<Hire>();
        await HireAsync(own, ["东湖社区", "滨江社区"], 4, "enterprise1", HireRecorderRole.Enterprise);
        await HireAsync(other, ["西山社区"], 1, "station2", HireRecorderRole.Station);
        db.Hires.AddRange(hires);
        await db.SaveChangesAsync(cancellationToken);
        return hires.Count;

        async Task HireAsync(Enterprise enterprise, string[] communities, int count, string recordedBy, HireRecorderRole role)
        {
            var residents = await db.Residents.Include(r => r.StatusHistory)
                .Where(r => r.CurrentStatus == EmploymentStatus.RegisteredUnemployed)
                .Where(r => db.Communities.Any(c => c.Id == r.CommunityId && communities.Contains(c.Name)))
                .OrderBy(r => r.Id)
                .Take(count)
                .ToListAsync(cancellationToken);
            string[] positions = ["普工", "仓库管理员", "营业员", "数控车工"];
            foreach (var resident in residents)
            {
                var registered = resident.StatusHistory.Max(s => s.EffectiveFrom);
                var start = registered.AddDays(Math.Max(0, today.DayNumber - registered.DayNumber) / 2);
                var index = hires.Count;
                var insured = index % 4 != 3;
                var terms = new HireTerms(
                    positions[index % positions.Length],
                    start,
                    index == 2 ? ContractType.OpenEnded : ContractType.FixedTerm,
                    start,
                    index == 2 ? null : start.AddYears(1 + (index % 3)).AddDays(-1),
                    insured,
                    insured ? start : null);
                hires.Add(Hire.Record(enterprise, resident, terms, new HireRecorder(role, recordedBy, now), today));
            }
        }
    }
}
