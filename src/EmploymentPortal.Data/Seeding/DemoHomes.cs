using EmploymentPortal.Domain.Geography;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Data.Seeding;

/// <summary>
/// Home locations of the demo residents: within 1.5 km of their community's service station,
/// uniform over the disc, from a random source of their own (the rest of the demo city stays as
/// it was). Every twentieth resident has no location recorded, as in a real registry.
/// </summary>
public static class DemoHomes
{
    public static void Place(IReadOnlyList<Resident> residents, IReadOnlyList<Community> communities)
    {
        var random = new Random(3000);
        var byId = communities.ToDictionary(c => c.Id);
        for (var i = 0; i < residents.Count; i++)
        {
            var (lat, lon) = GeneratedLocations.InRing(random, byId[residents[i].CommunityId].StationLatitude, byId[residents[i].CommunityId].StationLongitude, 0, 1.5);
            if (i % 20 != 19)
            {
                residents[i].SetHome(GeoPoint.Create(lat, lon));
            }
        }
    }
}
