using EmploymentPortal.Data;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Home;

/// <summary>What each role's home page shows, projected straight from the database.</summary>
public static class HomeQueries
{
    public sealed record CommunitySummary(Guid Id, string Name, string StreetName, string DistrictName, string StationAddress, int ResidentCount);

    public sealed record CityFigures(int Districts, int Streets, int Communities, int Enterprises, int Residents);

    public sealed record EnterpriseSummary(string Name, string CreditCode, EnterpriseStatus Status);

    public static Task<List<CommunitySummary>> CommunitiesAsync(PortalDbContext db, PortalPrincipal principal)
    {
        var ids = principal.CommunityIds.ToList();
        return (from c in db.Communities
                join s in db.Streets on c.StreetId equals s.Id
                join d in db.Districts on s.DistrictId equals d.Id
                where ids.Contains(c.Id)
                orderby c.Code
                select new CommunitySummary(c.Id, c.Name, s.Name, d.Name, c.StationAddress, db.Residents.Count(r => r.CommunityId == c.Id)))
            .ToListAsync();
    }

    public static async Task<CityFigures> CityFiguresAsync(PortalDbContext db) =>
        new(
            await db.Districts.CountAsync(),
            await db.Streets.CountAsync(),
            await db.Communities.CountAsync(),
            await db.Enterprises.CountAsync(),
            await db.Residents.CountAsync());

    public static Task<EnterpriseSummary?> EnterpriseAsync(PortalDbContext db, Guid enterpriseId) =>
        db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => new EnterpriseSummary(e.Name, e.CreditCode, e.Status)).FirstOrDefaultAsync();
}
