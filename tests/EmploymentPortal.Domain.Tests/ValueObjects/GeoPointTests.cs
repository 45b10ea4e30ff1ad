using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Tests.ValueObjects;

public class GeoPointTests
{
    // Tiananmen Square and People's Square, the usual reference points of the two cities.
    private static readonly GeoPoint Beijing = GeoPoint.Create(39.9042, 116.4074);
    private static readonly GeoPoint Shanghai = GeoPoint.Create(31.2304, 121.4737);

    [Fact]
    public void DistanceKmTo_BeijingToShanghai_IsAbout1068Km()
    {
        var distance = Beijing.DistanceKmTo(Shanghai);

        Assert.InRange(distance, 1067.0, 1069.0);
    }

    [Fact]
    public void DistanceKmTo_IsSymmetric()
    {
        var there = Beijing.DistanceKmTo(Shanghai);

        var back = Shanghai.DistanceKmTo(Beijing);

        Assert.Equal(there, back, 9);
    }

    [Fact]
    public void DistanceKmTo_OneDegreeAlongTheEquator_IsOneDegreeOfArcOfTheMeanRadius()
    {
        var a = GeoPoint.Create(0, 0);
        var b = GeoPoint.Create(0, 1);

        var distance = a.DistanceKmTo(b);

        Assert.Equal(Math.PI * GeoPoint.MeanEarthRadiusKm / 180, distance, 9);
        Assert.Equal(111.195, distance, 3);
    }

    [Fact]
    public void DistanceKmTo_PoleToPole_IsHalfACircumference()
    {
        var north = GeoPoint.Create(90, 0);
        var south = GeoPoint.Create(-90, 0);

        var distance = north.DistanceKmTo(south);

        Assert.Equal(Math.PI * 6371.0088, distance, 6);
    }

    [Fact]
    public void DistanceKmTo_SamePoint_IsZero()
    {
        var distance = Beijing.DistanceKmTo(Beijing);

        Assert.Equal(0, distance);
    }

    [Fact]
    public void DistanceKmTo_AcrossTheAntimeridian_TakesTheShortWay()
    {
        var west = GeoPoint.Create(0, 179.5);
        var east = GeoPoint.Create(0, -179.5);

        var distance = west.DistanceKmTo(east);

        Assert.Equal(111.195, distance, 3);
    }

    [Theory]
    [InlineData(90.0001, 0, "geo-latitude-range")]
    [InlineData(-90.0001, 0, "geo-latitude-range")]
    [InlineData(double.NaN, 0, "geo-latitude-range")]
    [InlineData(0, 180.0001, "geo-longitude-range")]
    [InlineData(0, double.PositiveInfinity, "geo-longitude-range")]
    public void Create_OutOfRange_Throws(double latitude, double longitude, string code)
    {
        var ex = Assert.Throws<DomainException>(() => GeoPoint.Create(latitude, longitude));

        Assert.Equal(code, ex.Code);
    }

    [Theory]
    [InlineData(39.9042, 116.4074, true)] // Beijing
    [InlineData(16.8339, 112.3383, true)] // Yongxing Island, Sansha
    [InlineData(53.4833, 122.35, true)] // Mohe
    [InlineData(40.7128, -74.0060, false)] // New York
    [InlineData(51.5074, -0.1278, false)] // London
    public void IsInChina_RoughBoundingBox(double latitude, double longitude, bool expected)
    {
        var point = GeoPoint.Create(latitude, longitude);

        Assert.Equal(expected, point.IsInChina);
    }

    [Fact]
    public void ToString_UsesInvariantCultureLatitudeCommaLongitude()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var text = Beijing.ToString();

            Assert.Equal("39.9042,116.4074", text);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("39.9042,116.4074")]
    [InlineData(" 39.9042 , 116.4074 ")]
    [InlineData("３９．９０４２，１１６．４０７４")]
    public void Parse_LatitudeCommaLongitude_RoundTrips(string input)
    {
        var point = GeoPoint.Parse(input);

        Assert.Equal(Beijing, point);
        Assert.Equal("39.9042,116.4074", point.ToString());
    }

    [Theory]
    [InlineData("39.9042", "geo-format")]
    [InlineData("39,9042,116,4074", "geo-format")]
    [InlineData("abc,def", "geo-format")]
    [InlineData("139.9,116.4", "geo-latitude-range")]
    [InlineData("", "geo-empty")]
    public void Parse_Invalid_ThrowsWithCode(string input, string code)
    {
        var ex = Assert.Throws<DomainException>(() => GeoPoint.Parse(input));

        Assert.Equal(code, ex.Code);
    }
}
