namespace EmploymentPortal.Data.Seeding;

/// <summary>
/// Places generated points (demo and scale data) around a centre. A flat-earth offset is plenty
/// for points a few tens of kilometres apart; real distances are computed with
/// <see cref="Domain.ValueObjects.GeoPoint.DistanceKmTo"/>.
/// </summary>
public static class GeneratedLocations
{
    /// <summary>Kilometres per degree of latitude (and of longitude at the equator).</summary>
    public const double KmPerDegree = 111.32;

    /// <summary>The point <paramref name="distanceKm"/> away from the centre at <paramref name="angle"/> radians (0 = north).</summary>
    public static (double Latitude, double Longitude) Offset(double latitude, double longitude, double distanceKm, double angle) =>
        (latitude + (distanceKm / KmPerDegree * Math.Cos(angle)),
         longitude + (distanceKm / (KmPerDegree * Math.Cos(latitude * Math.PI / 180)) * Math.Sin(angle)));

    /// <summary>
    /// A random point between <paramref name="minKm"/> and <paramref name="maxKm"/> from the centre,
    /// uniform over the ring's area, rounded to 6 decimals (about 0.1 m).
    /// </summary>
    public static (double Latitude, double Longitude) InRing(Random random, double latitude, double longitude, double minKm, double maxKm)
    {
        var distance = Math.Sqrt((minKm * minKm) + (random.NextDouble() * ((maxKm * maxKm) - (minKm * minKm))));
        var angle = random.NextDouble() * 2 * Math.PI;
        var (lat, lon) = Offset(latitude, longitude, distance, angle);
        return (Math.Round(lat, 6), Math.Round(lon, 6));
    }
}
