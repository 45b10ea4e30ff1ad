using EmploymentPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Geography;

/// <summary>The administrative geography as staff browse it (reference data, not personal data).</summary>
public static class GeographyQueries
{
    public sealed record DistrictOption(Guid Id, string Code, string Name);

    public sealed record CommunityRow(Guid Id, string Code, string Name, string StreetName, string DistrictName, string StationAddress, double Latitude, double Longitude);

    public static Task<List<DistrictOption>> DistrictsAsync(PortalDbContext db) =>
        db.Districts.OrderBy(d => d.Code).Select(d => new DistrictOption(d.Id, d.Code, d.Name)).ToListAsync();

    public static Task<List<CommunityRow>> CommunitiesAsync(PortalDbContext db, Guid? districtId) =>
        (from c in db.Communities
         join s in db.Streets on c.StreetId equals s.Id
         join d in db.Districts on s.DistrictId equals d.Id
         where districtId == null || d.Id == districtId
         orderby c.Code
         select new CommunityRow(c.Id, c.Code, c.Name, s.Name, d.Name, c.StationAddress, c.StationLatitude, c.StationLongitude))
        .ToListAsync();
}
