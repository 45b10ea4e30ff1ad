using System.Globalization;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Features.Circles;
using EmploymentPortal.Web.Features.Geography;

namespace EmploymentPortal.Web.Features.Jobs;

/// <summary>
/// The job board's search as it comes in the URL (<c>/jobs?community=东湖社区&amp;radiusKm=3</c>): the
/// board is a GET form, so every search is a link. Every parameter arrives as text; a value that
/// is not one of the board's is named in <see cref="Search.Problems"/> (in Chinese) and left out,
/// so a bad link shows a message instead of failing the page. The place is a community (by name,
/// as the form's autocomplete offers it, or by id) or a point picked on the map (<c>lat</c>,
/// <c>lon</c>) inside the city's outline (<see cref="CityBoundaries.Outline"/>).
/// </summary>
public static class JobSearchUrl
{
    /// <summary>The radii the form offers, in km; 3 is the three-kilometre circle.</summary>
    public static readonly IReadOnlyList<double> Radii = [1, 3, 5, 10, 20];

    public const double DefaultRadiusKm = 3;

    /// <summary>The highest page number a link may ask for.</summary>
    public const int MaxPage = 1000;

    private const int ShownLength = 40;

    /// <summary>
    /// One value that could not be read: <see cref="Format"/> is the Chinese message (a resource
    /// key) with {0} for the field's Chinese name and {1} for the value as given.
    /// </summary>
    public sealed record Problem(string Format, string Field = "", string Value = "");

    /// <summary>The query string's values as given.</summary>
    public sealed record Query(string? Keyword, string? Occupation, string? District, string? WorkType, string? Community, string? Latitude, string? Longitude, string? RadiusKm, string? Page);

    /// <summary>The search read from a <see cref="Query"/>: the filter, the place's name, the page and what could not be read.</summary>
    public sealed record Search(JobBoardQueries.Filter Filter, Guid? DistrictId, CircleQueries.CommunityPoint? Community, GeoPoint? PickedPoint, double RadiusKm, int Page, IReadOnlyList<Problem> Problems);

    public static Search Read(Query query, IReadOnlyList<CircleQueries.CommunityPoint> communities, IReadOnlyList<Guid> districts, CityBoundaries.Outline outline)
    {
        var problems = new List<Problem>();
        var occupation = ParseEnum<OccupationGroup>(query.Occupation, "职业大类", problems);
        var workType = ParseEnum<WorkType>(query.WorkType, "用工形式", problems);
        var district = Parse(query.District, "区县", problems, text => Guid.TryParse(text, out var id) && districts.Contains(id) ? id : (Guid?)null);
        var radius = Parse(query.RadiusKm, "范围（公里）", problems, text =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && GeoCircle.RadiusError(r) is null && r <= Radii[^1] ? r : (double?)null) ?? DefaultRadiusKm;
        var page = Parse(query.Page, "页码", problems, text =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= MaxPage ? number : (int?)null) ?? 1;

        CircleQueries.CommunityPoint? community = null;
        if (!string.IsNullOrWhiteSpace(query.Community))
        {
            community = FindCommunity(query.Community.Trim(), communities);
            if (community is null)
            {
                problems.Add(new Problem("没有名为“{1}”的社区/村，请从列表中选择", "社区/村", Shown(query.Community)));
            }
        }

        GeoPoint? picked = null;
        if (community is null && (!string.IsNullOrWhiteSpace(query.Latitude) || !string.IsNullOrWhiteSpace(query.Longitude)))
        {
            if (!double.TryParse(query.Latitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(query.Longitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
                || lat is < -90 or > 90 || lon is < -180 or > 180)
            {
                problems.Add(new Problem("地图上选择的位置无法识别，请在地图上重新点选"));
            }
            else if (!outline.Contains(lat, lon))
            {
                problems.Add(new Problem("地图上选择的位置不在本市范围内，请在本市范围内点选"));
            }
            else
            {
                picked = GeoPoint.Create(lat, lon);
            }
        }

        var centre = community is { } c ? GeoPoint.Create(c.Latitude, c.Longitude) : picked;
        var filter = new JobBoardQueries.Filter
        {
            Keyword = string.IsNullOrWhiteSpace(query.Keyword) ? null : query.Keyword.Trim(),
            OccupationGroup = occupation,
            WorkType = workType,
            DistrictId = district,
            Near = centre,
            RadiusKm = centre is null ? null : radius,
        };
        return new Search(filter, district, community, picked, radius, page, problems);
    }

    /// <summary>A community by its id, its name (when only one has it) or "name（district street）" as the autocomplete offers it.</summary>
    public static CircleQueries.CommunityPoint? FindCommunity(string text, IReadOnlyList<CircleQueries.CommunityPoint> communities)
    {
        if (Guid.TryParse(text, out var id))
        {
            return communities.FirstOrDefault(c => c.Id == id);
        }

        var byLabel = communities.FirstOrDefault(c => Label(c) == text);
        if (byLabel is not null)
        {
            return byLabel;
        }

        var byName = communities.Where(c => c.Name == text).Take(2).ToList();
        return byName.Count == 1 ? byName[0] : null;
    }

    /// <summary>How the autocomplete offers a community: its name, and where it is when another has the same name.</summary>
    public static string Label(CircleQueries.CommunityPoint community) => $"{community.Name}（{community.District}{community.Street}）";

    private static T? ParseEnum<T>(string? text, string field, List<Problem> problems)
        where T : struct, Enum =>
        Parse(text, field, problems, value =>
            !char.IsAsciiDigit(value[0]) && value[0] != '-' && Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : (T?)null);

    private static T? Parse<T>(string? text, string field, List<Problem> problems, Func<string, T?> parse)
        where T : struct
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = parse(text.Trim());
        if (value is null)
        {
            problems.Add(new Problem("{0}（{1}）无法识别", field, Shown(text)));
        }

        return value;
    }

    private static string Shown(string text) => text.Length > ShownLength ? text[..ShownLength] + "…" : text;
}
