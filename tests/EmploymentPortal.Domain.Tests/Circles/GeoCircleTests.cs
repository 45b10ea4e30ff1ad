using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Tests.Circles;

/// <summary>The one radius filter (<see cref="GeoCircle"/>) every radius search uses.</summary>
public sealed class GeoCircleTests
{
    private static readonly GeoPoint Centre = GeoPoint.Create(28.68, 115.86);

    [Fact]
    public void Points_inside_come_nearest_first_with_ties_by_id_and_points_outside_are_left_out()
    {
        var circle = new GeoCircle(Centre, 3);
        var near = GeoPoint.Create(28.69, 115.86);       // about 1.1 km north
        var farther = GeoPoint.Create(28.68, 115.88);    // about 2 km east
        var outside = GeoPoint.Create(28.72, 115.86);    // about 4.4 km north
        var a = Guid.Parse("00000000-0000-0000-0000-00000000000a");
        var b = Guid.Parse("00000000-0000-0000-0000-00000000000b");
        var c = Guid.Parse("00000000-0000-0000-0000-00000000000c");
        var d = Guid.Parse("00000000-0000-0000-0000-00000000000d");
        (Guid Id, GeoPoint At)[] candidates = [(d, outside), (c, farther), (b, near), (a, near)];

        var inside = circle.NearestFirst(candidates, x => x.At, x => x.Id);

        Assert.Equal([a, b, c], inside.Select(x => x.Item.Id));
        Assert.Equal(Centre.DistanceKmTo(near), inside[0].DistanceKm);
        Assert.True(inside[2].DistanceKm is > 1.5 and < 3);
        Assert.False(circle.Contains(outside, out var distance));
        Assert.True(distance > 3);
    }

    [Fact]
    public void A_point_on_the_edge_is_inside()
    {
        var point = GeoPoint.Create(28.70, 115.87);
        var circle = new GeoCircle(Centre, Centre.DistanceKmTo(point));

        Assert.True(circle.Contains(point, out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_radius_no_search_accepts_gets_a_chinese_message(double radius)
    {
        Assert.Equal("搜索半径应大于0且不超过100公里。", GeoCircle.RadiusError(radius));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0.1)]
    [InlineData(3.0)]
    [InlineData(100.0)]
    public void An_accepted_radius_or_none_has_no_message(double? radius)
    {
        Assert.Null(GeoCircle.RadiusError(radius));
    }

    [Fact]
    public void A_negative_radius_is_not_a_circle()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GeoCircle(Centre, -0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GeoCircle(Centre, double.NaN));
    }
}
