using System.Text.Json.Serialization;
using EmploymentPortal.Data;
using EmploymentPortal.Web.Features.Circles;

namespace EmploymentPortal.Web.Features.Geography;

/// <summary>
/// The city's outline and its districts' and communities' areas, drawn from the portal's own
/// geography as the maps' base layer when no tile server is configured (docs/circles.md, "The map").
/// The portal keeps no surveyed boundaries, only each community's service station: a community's
/// area is the land nearer to its station than to any other (a Voronoi cell), a district's is the
/// union of its communities' areas, and the city's outline is the convex hull of the stations
/// widened by <see cref="MarginKm"/>. They are service areas to find one's way on the map, not
/// legal boundaries. Reference data, no personal data.
/// </summary>
public sealed class CityBoundaries
{
    /// <summary>How far the city's outline reaches beyond the outermost stations: one three-kilometre circle.</summary>
    public const double MarginKm = 3.0;

    private const double KmPerDegreeLatitude = 110.574;
    private const double KmPerDegreeLongitudeAtEquator = 111.320;

    private readonly Lock _lock = new();
    private (string Key, FeatureCollection Value, Outline Outline)? _last;

    /// <summary>A GeoJSON FeatureCollection (RFC 7946): one Polygon per community, one MultiLineString per district, one Polygon for the city.</summary>
    public sealed record FeatureCollection(IReadOnlyList<Feature> Features)
    {
        [JsonPropertyName("type")]
        public string Type => "FeatureCollection";
    }

    public sealed record Feature(Geometry Geometry, FeatureProperties Properties)
    {
        [JsonPropertyName("type")]
        public string Type => "Feature";
    }

    /// <summary>A GeoJSON geometry; coordinates are [longitude, latitude] as RFC 7946 orders them.</summary>
    public sealed record Geometry(string Type, object Coordinates);

    /// <summary><c>kind</c> is <c>city</c>, <c>district</c> or <c>community</c>.</summary>
    public sealed record FeatureProperties(string Kind, string Name, string? District, Guid? Id);

    /// <summary>The city's outline, to tell whether a point picked on a map lies in the city.</summary>
    public sealed class Outline
    {
        private readonly Projection _projection;
        private readonly IReadOnlyList<Vector> _hull;

        internal Outline(Projection projection, IReadOnlyList<Vector> hull)
        {
            _projection = projection;
            _hull = hull;
        }

        public bool Contains(double latitude, double longitude)
        {
            if (_hull.Count < 3)
            {
                return false;
            }

            var p = _projection.To(latitude, longitude);
            for (var i = 0; i < _hull.Count; i++)
            {
                var a = _hull[i];
                var b = _hull[(i + 1) % _hull.Count];
                if (Cross(b - a, p - a) < -1e-9)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The boundaries of the communities as they are now (recomputed only when a station or a community changed).</summary>
    public async Task<(FeatureCollection Features, Outline Outline)> GetAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        var communities = await CircleQueries.CommunitiesAsync(db, cancellationToken);
        var key = string.Join(';', communities.Select(c => FormattableString.Invariant($"{c.Id}:{c.DistrictId}:{c.Latitude}:{c.Longitude}:{c.Name}:{c.District}")));
        lock (_lock)
        {
            if (_last is { } last && last.Key == key)
            {
                return (last.Value, last.Outline);
            }
        }

        var (features, outline) = Compute(communities);
        lock (_lock)
        {
            _last = (key, features, outline);
        }

        return (features, outline);
    }

    internal static (FeatureCollection Features, Outline Outline) Compute(IReadOnlyList<CircleQueries.CommunityPoint> communities)
    {
        if (communities.Count == 0)
        {
            return (new FeatureCollection([]), new Outline(new Projection(0, 0), []));
        }

        var projection = new Projection(communities.Average(c => c.Latitude), communities.Average(c => c.Longitude));
        var sites = communities.Select(c => projection.To(c.Latitude, c.Longitude)).ToList();

        // The outline: the hull of every station's three-kilometre circle (16 points each).
        var around = new List<Vector>(sites.Count * 16);
        foreach (var site in sites)
        {
            for (var k = 0; k < 16; k++)
            {
                var angle = k * Math.PI / 8;
                around.Add(site + new Vector(MarginKm * Math.Cos(angle), MarginKm * Math.Sin(angle)));
            }
        }

        var hull = ConvexHull(around);
        var features = new List<Feature>
        {
            new(new Geometry("Polygon", new[] { Ring(hull, projection) }), new FeatureProperties("city", string.Empty, null, null)),
        };

        var cells = new List<List<Edge>>(sites.Count);
        for (var i = 0; i < sites.Count; i++)
        {
            cells.Add(Cell(sites, i, hull));
        }

        // District lines: the edges of a community's area on the outline or facing another district's community.
        foreach (var district in communities.Select((c, i) => (c, i)).GroupBy(x => x.c.DistrictId))
        {
            var lines = district
                .SelectMany(x => cells[x.i].Where(e => e.Neighbour < 0 || communities[e.Neighbour].DistrictId != x.c.DistrictId))
                .Select(e => new[] { Position(e.From, projection), Position(e.To, projection) })
                .ToArray();
            features.Add(new Feature(new Geometry("MultiLineString", lines), new FeatureProperties("district", district.First().c.District, district.First().c.District, district.Key)));
        }

        for (var i = 0; i < communities.Count; i++)
        {
            var c = communities[i];
            if (cells[i].Count >= 3)
            {
                features.Add(new Feature(new Geometry("Polygon", new[] { Ring(cells[i].Select(e => e.From).ToList(), projection) }), new FeatureProperties("community", c.Name, c.District, c.Id)));
            }
        }

        return (new FeatureCollection(features), new Outline(projection, hull));
    }

    /// <summary>
    /// The area nearer to site <paramref name="index"/> than to any other, within the outline: the
    /// outline clipped by the bisector of the site and each other site, nearest first, stopping
    /// when the next site is more than twice as far as the cell's farthest corner (it cannot cut).
    /// Each edge keeps the site across it (-1: the outline).
    /// </summary>
    private static List<Edge> Cell(IReadOnlyList<Vector> sites, int index, IReadOnlyList<Vector> outline)
    {
        var site = sites[index];
        var cell = new List<Edge>(outline.Count);
        for (var k = 0; k < outline.Count; k++)
        {
            cell.Add(new Edge(outline[k], outline[(k + 1) % outline.Count], -1));
        }

        var others = Enumerable.Range(0, sites.Count).Where(j => j != index).OrderBy(j => (sites[j] - site).Length).ToList();
        foreach (var j in others)
        {
            var reach = cell.Count == 0 ? 0 : cell.Max(e => (e.From - site).Length);
            var distance = (sites[j] - site).Length;
            if (distance > 2 * reach + 1e-9)
            {
                break;
            }

            if (distance < 1e-9)
            {
                continue; // two stations at one place: they share the area
            }

            cell = Clip(cell, site, sites[j], j);
            if (cell.Count < 3)
            {
                return [];
            }
        }

        return cell;
    }

    /// <summary>Keeps the part of the polygon nearer to <paramref name="site"/> than to <paramref name="other"/> (Sutherland–Hodgman on one half-plane).</summary>
    private static List<Edge> Clip(List<Edge> polygon, Vector site, Vector other, int otherIndex)
    {
        var normal = other - site;
        var middle = (site + other) * 0.5;
        double Side(Vector p) => Dot(p - middle, normal); // <= 0: on the site's side

        var result = new List<Edge>(polygon.Count + 1);
        Vector? entry = null;
        foreach (var edge in polygon)
        {
            var a = Side(edge.From);
            var b = Side(edge.To);
            if (a <= 0 && b <= 0)
            {
                result.Add(edge);
            }
            else if (a <= 0 && b > 0)
            {
                var cut = edge.From + ((edge.To - edge.From) * (a / (a - b)));
                result.Add(edge with { To = cut });
                entry = cut;
            }
            else if (a > 0 && b <= 0)
            {
                var cut = edge.From + ((edge.To - edge.From) * (a / (a - b)));
                if (entry is { } from)
                {
                    result.Add(new Edge(from, cut, otherIndex));
                    entry = null;
                }
                else
                {
                    // The polygon left the half-plane before its first edge: close the gap at the end.
                    result.Add(new Edge(cut, cut, -2));
                }

                result.Add(edge with { From = cut });
            }
        }

        // The bisector edge where the polygon left the half-plane last and came back first.
        var open = result.FindIndex(e => e.Neighbour == -2);
        if (open >= 0)
        {
            var to = result[open].To;
            result.RemoveAt(open);
            if (entry is { } from)
            {
                result.Insert(open, new Edge(from, to, otherIndex));
            }
        }

        return result.Where(e => (e.To - e.From).Length > 1e-9).ToList();
    }

    private static List<Vector> ConvexHull(List<Vector> points)
    {
        var sorted = points.OrderBy(p => p.X).ThenBy(p => p.Y).ToList();
        if (sorted.Count < 3)
        {
            return sorted;
        }

        var hull = new List<Vector>(sorted.Count * 2);
        foreach (var pass in new[] { sorted, Enumerable.Reverse(sorted).ToList() })
        {
            var start = hull.Count;
            foreach (var p in pass)
            {
                while (hull.Count >= start + 2 && Cross(hull[^1] - hull[^2], p - hull[^2]) <= 0)
                {
                    hull.RemoveAt(hull.Count - 1);
                }

                hull.Add(p);
            }

            hull.RemoveAt(hull.Count - 1);
        }

        return hull; // counter-clockwise
    }

    private static double[][] Ring(IReadOnlyList<Vector> points, Projection projection) =>
        points.Append(points[0]).Select(p => Position(p, projection)).ToArray();

    private static double[] Position(Vector p, Projection projection)
    {
        var (latitude, longitude) = projection.From(p);
        return [Math.Round(longitude, 6), Math.Round(latitude, 6)];
    }

    private static double Dot(Vector a, Vector b) => (a.X * b.X) + (a.Y * b.Y);

    private static double Cross(Vector a, Vector b) => (a.X * b.Y) - (a.Y * b.X);

    /// <summary>A point in kilometres east (X) and north (Y) of the projection's origin.</summary>
    internal readonly record struct Vector(double X, double Y)
    {
        public double Length => Math.Sqrt((X * X) + (Y * Y));

        public static Vector operator +(Vector a, Vector b) => new(a.X + b.X, a.Y + b.Y);

        public static Vector operator -(Vector a, Vector b) => new(a.X - b.X, a.Y - b.Y);

        public static Vector operator *(Vector a, double k) => new(a.X * k, a.Y * k);
    }

    private readonly record struct Edge(Vector From, Vector To, int Neighbour);

    /// <summary>An equirectangular projection around the city's centre: kilometres are true to within a fraction of a percent over a city.</summary>
    internal sealed class Projection(double latitude, double longitude)
    {
        private readonly double _kmPerDegreeLongitude = KmPerDegreeLongitudeAtEquator * Math.Cos(latitude * Math.PI / 180);

        public Vector To(double lat, double lon) => new((lon - longitude) * _kmPerDegreeLongitude, (lat - latitude) * KmPerDegreeLatitude);

        public (double Latitude, double Longitude) From(Vector p) => (latitude + (p.Y / KmPerDegreeLatitude), longitude + (p.X / _kmPerDegreeLongitude));
    }
}
