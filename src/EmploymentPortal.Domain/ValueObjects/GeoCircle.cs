using System.Globalization;

namespace EmploymentPortal.Domain.ValueObjects;

/// <summary>
/// A disc on the map: a centre and a radius in kilometres. The portal's one radius filter: the
/// <see cref="GeoGrid"/> cells that cover the disc (<see cref="CellRanges"/>, which the database
/// or the in-memory board reads), then the exact great-circle distance of each candidate
/// (<see cref="Contains"/>), and the order nearest first with ties by id (<see cref="NearestFirst{T}"/>).
/// Every radius search (the job board, the circles' vacancies and residents, the board cache)
/// goes through it, so they all agree on which points lie inside.
/// </summary>
public readonly record struct GeoCircle
{
    /// <summary>The largest radius any search accepts (a city and its surroundings).</summary>
    public const double MaxRadiusKm = 100;

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="radiusKm"/> is negative or not a number.</exception>
    public GeoCircle(GeoPoint centre, double radiusKm)
    {
        if (double.IsNaN(radiusKm) || radiusKm < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(radiusKm), radiusKm, "A radius is a non-negative number of kilometres.");
        }

        Centre = centre;
        RadiusKm = radiusKm;
    }

    public GeoPoint Centre { get; }

    public double RadiusKm { get; }

    /// <summary>The grid cells covering the disc, as ranges of consecutive cells per grid row.</summary>
    public IReadOnlyList<CellRange> CellRanges => GeoGrid.CoveringRanges(Centre, RadiusKm);

    /// <summary>True when <paramref name="point"/> lies in the disc (its edge included); its distance from the centre either way.</summary>
    public bool Contains(GeoPoint point, out double distanceKm)
    {
        distanceKm = Centre.DistanceKmTo(point);
        return distanceKm <= RadiusKm;
    }

    /// <summary>
    /// The <paramref name="candidates"/> (read from the cells of <see cref="CellRanges"/>) that
    /// lie in the disc, with their distance, nearest first and ties by id.
    /// </summary>
    public List<(T Item, double DistanceKm)> NearestFirst<T>(IEnumerable<T> candidates, Func<T, GeoPoint> location, Func<T, Guid> id)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(id);
        var inside = new List<(T Item, double DistanceKm)>();
        foreach (var candidate in candidates)
        {
            if (Contains(location(candidate), out var distance))
            {
                inside.Add((candidate, distance));
            }
        }

        inside.Sort((a, b) => a.DistanceKm != b.DistanceKm ? a.DistanceKm.CompareTo(b.DistanceKm) : id(a.Item).CompareTo(id(b.Item)));
        return inside;
    }

    /// <summary>
    /// The Chinese message for a radius a user asked for that no search accepts (not a number, not
    /// above zero, or above <see cref="MaxRadiusKm"/>); null when it is acceptable or not given.
    /// </summary>
    public static string? RadiusError(double? radiusKm) =>
        radiusKm is { } r && (double.IsNaN(r) || r <= 0 || r > MaxRadiusKm)
            ? string.Create(CultureInfo.InvariantCulture, $"搜索半径应大于0且不超过{MaxRadiusKm}公里。")
            : null;
}
