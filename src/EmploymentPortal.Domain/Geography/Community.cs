using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Geography;

/// <summary>
/// A community (社区) or village (村): the level where residents live and where the service
/// station (社区服务站) works. Its station location is the centre of the community's
/// three-kilometre employment circle (三公里就业圈, 002 二).
/// </summary>
public sealed class Community : AggregateRoot
{
    private Community()
    {
        Code = string.Empty;
        Name = string.Empty;
        StationAddress = string.Empty;
    }

    public Community(Street street, string code, string name, CommunityKind kind, double stationLatitude, double stationLongitude, string stationAddress)
    {
        if (!code.StartsWith(street.Code, StringComparison.Ordinal) || code.Length != 12)
        {
            throw new DomainException("division-code-mismatch", $"社区/村代码 {code} 必须是 12 位且以所属街道/乡镇代码 {street.Code} 开头。");
        }

        StreetId = street.Id;
        Code = code;
        Name = name;
        Kind = kind;
        StationAddress = stationAddress;
        MoveStation(stationLatitude, stationLongitude, stationAddress);
    }

    public Guid StreetId { get; private set; }

    /// <summary>Twelve-digit division code (统计用区划代码).</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public CommunityKind Kind { get; private set; }

    /// <summary>Service-station latitude, WGS-84 degrees.</summary>
    public double StationLatitude { get; private set; }

    /// <summary>Service-station longitude, WGS-84 degrees.</summary>
    public double StationLongitude { get; private set; }

    public string StationAddress { get; private set; }

    /// <summary>Moves the service station, e.g. when it opens in new premises.</summary>
    public void MoveStation(double latitude, double longitude, string address)
    {
        if (latitude is < -90 or > 90 || longitude is < -180 or > 180)
        {
            throw new DomainException("invalid-location", "服务站坐标超出范围（纬度 -90~90，经度 -180~180）。");
        }

        StationLatitude = latitude;
        StationLongitude = longitude;
        StationAddress = address;
    }
}

/// <summary>社区 (urban) or 村 (rural).</summary>
public enum CommunityKind
{
    /// <summary>社区</summary>
    Community,

    /// <summary>村</summary>
    Village,
}
