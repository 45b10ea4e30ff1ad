using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Residents;

/// <summary>
/// The resident's home location, the centre of their own three-kilometre circle (三公里就业圈,
/// 002 一(一)): jobs are recommended by distance from home, and a vacancy's nearby candidates are
/// the residents whose home lies within the radius. The <see cref="GeoGrid"/> cell is kept with
/// the coordinates by <see cref="SetHome"/>, the only way they change.
/// </summary>
public sealed partial class Resident
{
    /// <summary>Home latitude, WGS-84 degrees; null when no location is recorded.</summary>
    public double? HomeLatitude { get; private set; }

    /// <summary>Home longitude, WGS-84 degrees.</summary>
    public double? HomeLongitude { get; private set; }

    /// <summary>The <see cref="GeoGrid"/> cell of the home, null without a location.</summary>
    public long? HomeGeoCell { get; private set; }

    /// <summary>The home location, if recorded.</summary>
    public GeoPoint? Home => HomeLatitude is { } lat && HomeLongitude is { } lon ? GeoPoint.Create(lat, lon) : null;

    /// <summary>Records (or with null clears) the home location and its grid cell.</summary>
    public void SetHome(GeoPoint? home)
    {
        HomeLatitude = home?.Latitude;
        HomeLongitude = home?.Longitude;
        HomeGeoCell = home is { } point ? GeoGrid.CellOf(point) : null;
    }
}
