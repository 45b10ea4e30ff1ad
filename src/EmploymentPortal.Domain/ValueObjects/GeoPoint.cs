using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.ValueObjects;

/// <summary>
/// A point on the WGS-84 ellipsoid in decimal degrees: latitude −90..90 (north positive),
/// longitude −180..180 (east positive).
/// </summary>
/// <remarks>
/// Coordinates are WGS-84 as delivered by GPS. Maps published in China use GCJ-02 (or BD-09),
/// which is offset by a few hundred metres; convert before storing, not here.
/// The text form is <c>latitude,longitude</c> in the invariant culture, e.g.
/// <c>39.9042,116.4074</c>, the same order as the API's <c>near=lat,lon</c>.
/// </remarks>
public readonly record struct GeoPoint : IParsable<GeoPoint>
{
    /// <summary>
    /// The mean radius of the Earth used for distances: the IUGG mean radius R1 = (2a + b) / 3 of
    /// the WGS-84 ellipsoid, 6371.0088 km. A sphere of this radius is within about 0.5 % of the
    /// ellipsoidal distance, far better than the precision the portal needs (“within N km”).
    /// </summary>
    public const double MeanEarthRadiusKm = 6371.0088;

    // A rough box around the territory of China (Zengmu Reef to Mohe, Pamirs to the Heilongjiang
    // and Ussuri confluence). It includes parts of neighbouring countries; it only catches
    // swapped or nonsensical coordinates, it does not decide borders.
    private const double ChinaMinLatitude = 3.8;
    private const double ChinaMaxLatitude = 53.6;
    private const double ChinaMinLongitude = 73.4;
    private const double ChinaMaxLongitude = 135.1;

    private GeoPoint(double latitude, double longitude)
    {
        Latitude = latitude;
        Longitude = longitude;
    }

    /// <summary>纬度, degrees north (negative south).</summary>
    public double Latitude { get; }

    /// <summary>经度, degrees east (negative west).</summary>
    public double Longitude { get; }

    /// <summary>
    /// True when the point lies in the rough bounding box of China: latitude 3.8..53.6,
    /// longitude 73.4..135.1. A plausibility check for entered locations, not a border test.
    /// </summary>
    public bool IsInChina =>
        Latitude is >= ChinaMinLatitude and <= ChinaMaxLatitude
        && Longitude is >= ChinaMinLongitude and <= ChinaMaxLongitude;

    /// <summary>A point from decimal degrees.</summary>
    /// <exception cref="DomainException">
    /// A coordinate is not a finite number in its range (<c>geo-latitude-range</c>,
    /// <c>geo-longitude-range</c>).
    /// </exception>
    public static GeoPoint Create(double latitude, double longitude) =>
        TryCreate(latitude, longitude, out var point, out var error) ? point : throw error.ToException();

    /// <summary>
    /// Parses <c>latitude,longitude</c> in decimal degrees (invariant culture; full-width digits,
    /// comma and point are converted; whitespace is ignored).
    /// </summary>
    /// <exception cref="DomainException">
    /// Codes: <c>geo-empty</c>, <c>geo-format</c>, <c>geo-latitude-range</c>, <c>geo-longitude-range</c>.
    /// </exception>
    public static GeoPoint Parse(string? input) =>
        TryParseCore(input, out var value, out var error) ? value : throw error.ToException();

    /// <summary>Parses <c>latitude,longitude</c>; see <see cref="Parse(string?)"/>.</summary>
    public static bool TryParse(string? input, out GeoPoint value, [NotNullWhen(false)] out string? error)
    {
        var ok = TryParseCore(input, out value, out var parseError);
        error = ok ? null : parseError.Message;
        return ok;
    }

    /// <summary>
    /// The great-circle distance in kilometres by the haversine formula on a sphere of radius
    /// <see cref="MeanEarthRadiusKm"/>.
    /// </summary>
    public double DistanceKmTo(GeoPoint other)
    {
        var lat1 = DegreesToRadians(Latitude);
        var lat2 = DegreesToRadians(other.Latitude);
        var dLat = lat2 - lat1;
        var dLon = DegreesToRadians(other.Longitude - Longitude);

        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));

        // Clamp: rounding can push h a hair above 1 for antipodal points.
        return 2 * MeanEarthRadiusKm * Math.Asin(Math.Sqrt(Math.Min(1.0, h)));
    }

    /// <summary><c>latitude,longitude</c> in the invariant culture, shortest round-trip form.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Latitude},{Longitude}");

    static GeoPoint IParsable<GeoPoint>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<GeoPoint>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out GeoPoint result) =>
        TryParseCore(s, out result, out _);

    private static double DegreesToRadians(double degrees) => degrees * Math.PI / 180.0;

    private static bool TryCreate(double latitude, double longitude, out GeoPoint point, out ParseError error)
    {
        point = default;

        if (!double.IsFinite(latitude) || latitude is < -90 or > 90)
        {
            error = new("geo-latitude-range", "纬度应在-90到90度之间。");
            return false;
        }

        if (!double.IsFinite(longitude) || longitude is < -180 or > 180)
        {
            error = new("geo-longitude-range", "经度应在-180到180度之间。");
            return false;
        }

        // Normalise −0 to 0 so that equal points compare and print equal.
        point = new GeoPoint(latitude + 0.0, longitude + 0.0);
        error = default;
        return true;
    }

    private static bool TryParseCore(string? input, out GeoPoint value, out ParseError error)
    {
        value = default;
        var text = InputNormalizer.Normalize(input);

        if (text.Length == 0)
        {
            error = new("geo-empty", "请输入坐标（纬度,经度）。");
            return false;
        }

        var parts = text.Split(',');
        const NumberStyles style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
        if (parts.Length != 2
            || !double.TryParse(parts[0], style, CultureInfo.InvariantCulture, out var latitude)
            || !double.TryParse(parts[1], style, CultureInfo.InvariantCulture, out var longitude))
        {
            error = new("geo-format", "坐标格式不正确，应为“纬度,经度”的十进制度数，例如 39.9042,116.4074。");
            return false;
        }

        return TryCreate(latitude, longitude, out value, out error);
    }
}
