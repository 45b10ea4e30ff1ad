using System.Reflection;
using EmploymentPortal.Data;
using EmploymentPortal.Data.Seeding;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Geography;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Bench.Generation;

/// <summary>A community of the scale city as the row generators need it.</summary>
internal sealed record ScaleCommunity(Guid Id, string Code, string DistrictCode, double Latitude, double Longitude, string AddressStem);

/// <summary>The scale city as found or created in the database.</summary>
internal sealed record ScaleGeography(IReadOnlyList<ScaleCommunity> Communities, bool Created, int Districts, int Streets);

/// <summary>
/// The geography of the city-scale data: the same fictional 江州市 as the demo city
/// (<c>DemoCity</c>), at the size of a real prefecture-level city. Its division codes use the
/// prefix <see cref="CodePrefix"/> (3698, unallocated) so that they never collide with the demo
/// city's 3699 and the two can live in one database.
/// </summary>
/// <remarks>
/// About 200 communities per district and 20 per street: 2,000 communities give 10 districts
/// (the outer third counties with townships and villages) and 100 streets. District centres lie
/// within 9 km of the city centre (counties 13-18 km), stations within 5 km of their district
/// centre (counties 9 km), so every station is within ~27 km of the centre and an enterprise,
/// 2.5 km around its station at most, within ~30 km.
/// </remarks>
internal static class ScaleCity
{
    public const string CityName = "江州市";

    /// <summary>Province 36 (江西), prefecture part 98: structurally valid, allocated to no real city.</summary>
    public const string CodePrefix = "3698";

    public const double CentreLatitude = 28.6820;
    public const double CentreLongitude = 115.8580;

    public const int MaxCommunities = 100_000;

    private const int CommunitiesPerDistrict = 200;
    private const int CommunitiesPerStreet = 20;
    private const int MaxDistricts = 60;
    private const int MaxStreetsPerDistrict = 98;
    private const int MaxCommunitiesPerStreet = 199;

    // Entity.Id has a private setter: the domain creates ids itself. The generator needs the same
    // ids for the same seed, so it sets them before the entities are added.
    private static readonly PropertyInfo IdProperty = typeof(Entity).GetProperty(nameof(Entity.Id))!;

    /// <summary>Loads the scale city, creating it through EF Core (domain constructors, so codes are checked) when absent.</summary>
    public static async Task<ScaleGeography> EnsureAsync(PortalDbContext db, int communityCount, int seed, CancellationToken cancellationToken)
    {
        var existing = await LoadAsync(db, cancellationToken);
        if (existing.Count > 0)
        {
            return new ScaleGeography(existing, false, await db.Districts.CountAsync(d => d.Code.StartsWith(CodePrefix), cancellationToken), await db.Streets.CountAsync(s => s.Code.StartsWith(CodePrefix), cancellationToken));
        }

        var (districts, streets, communities) = Build(communityCount, seed);
        db.Districts.AddRange(districts);
        db.Streets.AddRange(streets);
        db.Communities.AddRange(communities);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new ScaleGeography(await LoadAsync(db, cancellationToken), true, districts.Count, streets.Count);
    }

    private static async Task<List<ScaleCommunity>> LoadAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Communities
            .Where(c => c.Code.StartsWith(CodePrefix))
            .OrderBy(c => c.Code)
            .Select(c => new { c.Id, c.Code, c.Name, c.StationLatitude, c.StationLongitude, c.StationAddress })
            .ToListAsync(cancellationToken);
        return rows
            .Select(c =>
            {
                var nameAt = c.StationAddress.IndexOf(c.Name, StringComparison.Ordinal);
                var stem = nameAt > 0 ? c.StationAddress[..nameAt] : CityName;
                return new ScaleCommunity(c.Id, c.Code, c.Code[..6], c.StationLatitude, c.StationLongitude, stem);
            })
            .ToList();
    }

    internal static (List<District> Districts, List<Street> Streets, List<Community> Communities) Build(int communityCount, int seed)
    {
        if (communityCount is < 1 or > MaxCommunities)
        {
            throw new ArgumentOutOfRangeException(nameof(communityCount), $"--communities must be between 1 and {MaxCommunities:N0}.");
        }

        var random = Deterministic.Stream(seed, 1);
        var ids = Deterministic.Stream(seed, 2);
        var idIndex = 0L;
        var districtCount = Math.Clamp((communityCount + CommunitiesPerDistrict - 1) / CommunitiesPerDistrict, 1, MaxDistricts);
        var countyCount = districtCount / 3;
        var districts = new List<District>();
        var streets = new List<Street>();
        var communities = new List<Community>();

        for (var d = 0; d < districtCount; d++)
        {
            var isCounty = d >= districtCount - countyCount;

            // Urban districts 01-40, counties 41-60 (GB/T 2260 numbers districts before counties).
            var districtCode = $"{CodePrefix}{(isCounty ? 41 + (d - (districtCount - countyCount)) : 1 + d):00}";
            var district = WithId(new District(districtCode, Words.Places[(d * 7) % Words.Places.Length] + (isCounty ? "县" : "区")), ids, idIndex++);
            districts.Add(district);

            var (districtLatitude, districtLongitude) = isCounty
                ? GeneratedLocations.InRing(random, CentreLatitude, CentreLongitude, 13, 18)
                : GeneratedLocations.InRing(random, CentreLatitude, CentreLongitude, 2, 9);
            var districtCommunities = Share(communityCount, districtCount, d);
            var streetCount = Math.Clamp((districtCommunities + CommunitiesPerStreet - 1) / CommunitiesPerStreet, 1, MaxStreetsPerDistrict);
            for (var s = 0; s < streetCount; s++)
            {
                // Streets (街道) are numbered 001-099, townships (镇) 101-199.
                var streetCode = $"{districtCode}{(isCounty ? 101 : 1) + s:000}";
                var streetName = Words.Places[((d * 11) + (s * 5) + 3) % Words.Places.Length] + (isCounty ? "镇" : "街道");
                var street = WithId(new Street(district, streetCode, streetName, isCounty ? StreetKind.Township : StreetKind.Street), ids, idIndex++);
                streets.Add(street);

                var streetCommunities = Share(districtCommunities, streetCount, s);
                if (streetCommunities > MaxCommunitiesPerStreet)
                {
                    throw new InvalidOperationException($"{streetCommunities} communities in one street exceed the three-digit code space.");
                }

                for (var c = 0; c < streetCommunities; c++)
                {
                    // In a township the seat is a community (001-), the rest are villages (201-).
                    var isVillage = isCounty && c > 0;
                    var code = $"{streetCode}{(isVillage ? 200 : 1) + c:000}";
                    var name = Words.Places[((d * 13) + (s * 7) + (c * 3) + 1) % Words.Places.Length] + (isVillage ? "村" : "社区");
                    var (latitude, longitude) = GeneratedLocations.InRing(random, districtLatitude, districtLongitude, 0, isCounty ? 9 : 5);
                    var community = new Community(street, code, name, isVillage ? CommunityKind.Village : CommunityKind.Community, latitude, longitude, $"{CityName}{district.Name}{street.Name}{name}党群服务中心");
                    communities.Add(WithId(community, ids, idIndex++));
                }
            }
        }

        return (districts, streets, communities);
    }

    // Part `index` of `total` split into `parts` nearly equal shares.
    private static int Share(int total, int parts, int index) => (total / parts) + (index < total % parts ? 1 : 0);

    private static T WithId<T>(T entity, Random ids, long index)
        where T : Entity
    {
        IdProperty.SetValue(entity, Deterministic.VersionSevenGuid(ids, index));
        return entity;
    }
}
