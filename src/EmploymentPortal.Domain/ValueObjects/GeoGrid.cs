namespace EmploymentPortal.Domain.ValueObjects;

/// <summary>
/// The portal's provider-neutral spatial index: a fixed latitude/longitude grid of
/// <see cref="CellDegrees"/>° cells (about 1.1 km north–south, 0.95 km east–west at 30° N). Every
/// located row stores the id of its cell in an ordinary indexed integer column; a radius search
/// asks the database for the cells that cover the circle (one id range per grid row, see
/// <see cref="CoveringRanges"/>) and then keeps the rows whose exact great-circle distance
/// (<see cref="GeoPoint.DistanceKmTo"/>) is within the radius. Integer comparisons and the same
/// doubles on both providers make SQLite and PostgreSQL return the same rows.
/// </summary>
/// <remarks>
/// A cell id is <c>row × <see cref="RowStride"/> + column</c>, where
/// <c>row = ⌊(latitude + 90) × 100⌋</c> (0..18000) and <c>column = ⌊(longitude + 180) × 100⌋</c>
/// (0..36000). Cells of one grid row are therefore consecutive ids, so the cells of a circle in
/// one row are one <c>BETWEEN</c> on a B-tree index. Both floors are monotonic in the coordinate,
/// so a point inside a latitude/longitude interval always has a row and column inside the
/// interval's rows and columns, however the doubles round.
/// </remarks>
public static class GeoGrid
{
    /// <summary>The edge of a cell in degrees.</summary>
    public const double CellDegrees = 0.01;

    /// <summary>Cells per degree.</summary>
    public const double CellsPerDegree = 100.0;

    /// <summary>The factor of the row in a cell id (larger than the 36,001 columns).</summary>
    public const long RowStride = 100_000;

    private const int MaxRow = 18_000;
    private const int MaxColumn = 36_000;

    /// <summary>The cell of a point.</summary>
    public static long CellOf(double latitude, double longitude) => (Row(latitude) * RowStride) + Column(longitude);

    /// <summary>The cell of a point.</summary>
    public static long CellOf(GeoPoint point) => CellOf(point.Latitude, point.Longitude);

    /// <summary>
    /// Ranges of cell ids (inclusive) whose union contains every point within
    /// <paramref name="radiusKm"/> of <paramref name="centre"/>: per grid row, the columns between
    /// the circle's westmost and eastmost longitude inside that row's latitude band, widened by a
    /// small margin. A circle that crosses the 180th meridian gives two ranges in a row; one that
    /// reaches a pole takes the whole rows near it.
    /// </summary>
    public static IReadOnlyList<CellRange> CoveringRanges(GeoPoint centre, double radiusKm)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(radiusKm);

        // Angular radius with a margin of 1e-7 rad (0.6 m) that absorbs the rounding of the
        // trigonometry below (acos near 1 loses about half of the digits).
        var r = (radiusKm / GeoPoint.MeanEarthRadiusKm) + 1e-7;
        var lat0 = ToRadians(centre.Latitude);
        var rDegrees = ToDegrees(r);
        var minLat = centre.Latitude - rDegrees;
        var maxLat = centre.Latitude + rDegrees;
        var ranges = new List<CellRange>();
        var firstRow = Row(Math.Max(-90, minLat));
        var lastRow = Row(Math.Min(90, maxLat));
        var reachesPole = minLat <= -90 || maxLat >= 90;

        // The latitude where the circle is widest: asin(sin φ0 / cos r), a little poleward of the centre.
        var widest = Math.Cos(r) > Math.Abs(Math.Sin(lat0)) ? ToDegrees(Math.Asin(Math.Sin(lat0) / Math.Cos(r))) : centre.Latitude;

        for (var row = firstRow; row <= lastRow; row++)
        {
            double halfWidthDegrees;
            if (reachesPole)
            {
                halfWidthDegrees = 180;
            }
            else
            {
                // The band's latitude nearest to the widest latitude has the band's widest extent
                // (the half-width is unimodal in latitude), clamped to the circle's own extent.
                var bandSouth = Math.Max(minLat, (row / CellsPerDegree) - 90);
                var bandNorth = Math.Min(maxLat, ((row + 1) / CellsPerDegree) - 90);
                var latitude = Math.Clamp(widest, bandSouth, bandNorth);
                halfWidthDegrees = HalfWidthDegrees(lat0, r, ToRadians(latitude));
            }

            // Margin: 1e-5 degree (about 1 m) beyond the computed edge.
            halfWidthDegrees += 1e-5;
            var west = centre.Longitude - halfWidthDegrees;
            var east = centre.Longitude + halfWidthDegrees;
            var rowStart = row * RowStride;
            if (halfWidthDegrees >= 180)
            {
                ranges.Add(new CellRange(rowStart, rowStart + MaxColumn));
                continue;
            }

            if (west < -180)
            {
                ranges.Add(new CellRange(rowStart + Column(west + 360), rowStart + MaxColumn));
                west = -180;
            }

            if (east > 180)
            {
                ranges.Add(new CellRange(rowStart, rowStart + Column(east - 360)));
                east = 180;
            }

            ranges.Add(new CellRange(rowStart + Column(west), rowStart + Column(east)));
        }

        return ranges;
    }

    private static long Row(double latitude) => (long)Math.Clamp(Math.Floor((latitude + 90.0) * CellsPerDegree), 0, MaxRow);

    private static long Column(double longitude) => (long)Math.Clamp(Math.Floor((longitude + 180.0) * CellsPerDegree), 0, MaxColumn);

    /// <summary>
    /// Half the longitude extent, in degrees, of the circle of angular radius <paramref name="r"/>
    /// around latitude <paramref name="lat0"/> at latitude <paramref name="latitude"/> (radians):
    /// from cos r = sin φ sin φ0 + cos φ cos φ0 cos Δλ.
    /// </summary>
    private static double HalfWidthDegrees(double lat0, double r, double latitude)
    {
        var denominator = Math.Cos(latitude) * Math.Cos(lat0);
        if (denominator <= 1e-12)
        {
            return 180;
        }

        var cosDelta = (Math.Cos(r) - (Math.Sin(latitude) * Math.Sin(lat0))) / denominator;
        if (cosDelta <= -1)
        {
            return 180;
        }

        // At the circle's north or south tip the band touches the circle in a single longitude.
        return ToDegrees(Math.Acos(Math.Min(1, cosDelta)));
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180.0;

    private static double ToDegrees(double radians) => radians * 180.0 / Math.PI;
}

/// <summary>An inclusive range of <see cref="GeoGrid"/> cell ids.</summary>
public readonly record struct CellRange(long From, long To);
