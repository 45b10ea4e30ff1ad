using System.Globalization;
using System.Net;
using System.Text.Json;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Web.Features.Vacancies;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.IntegrationTests.Enterprises;

/// <summary>
/// The public job board as a visitor without an account uses it, on both providers: a vacancy's
/// detail page (and its API) for what is on the board and a Chinese 404 for anything else, the
/// search by community and by a point picked on the map, bad query strings answered with a
/// Chinese message instead of a 500, and the city's boundaries that the map draws without tiles.
/// </summary>
public abstract class JobBoardTests
{
    private readonly PortalApp _app;

    protected JobBoardTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task Detail_page_of_a_published_vacancy_shows_enterprise_place_wage_work_type_and_how_to_apply_and_no_personal_data()
    {
        var vacancy = await OnBoardAsync();
        using var client = _app.Factory.CreateAnonymousClient();

        var response = await client.GetAsync($"/jobs/{vacancy.Id}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(vacancy.Title, html, StringComparison.Ordinal);
        Assert.Contains(vacancy.EnterpriseName, html, StringComparison.Ordinal);
        Assert.Contains(vacancy.Address, html, StringComparison.Ordinal);
        Assert.Contains(VacancyQueries.WageText(vacancy.WageMin, vacancy.WageMax), html, StringComparison.Ordinal);
        Assert.Contains(VacancyQueries.WorkTypeText(vacancy.WorkType), html, StringComparison.Ordinal);
        Assert.Contains(vacancy.StationAddress, html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"job-how-to-apply\"", html, StringComparison.Ordinal);
        foreach (var personal in new[] { vacancy.ContactName, vacancy.ContactPhone, vacancy.LegalRepresentative }.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            Assert.DoesNotContain(personal!, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Detail_page_of_a_vacancy_not_on_the_board_is_a_Chinese_404()
    {
        var notPublished = await NotOnBoardAsync();
        using var client = _app.Factory.CreateAnonymousClient();

        foreach (var id in new[] { notPublished, Guid.NewGuid() })
        {
            var response = await client.GetAsync($"/jobs/{id}");
            var html = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("岗位不存在或已停止招聘", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Api_detail_answers_a_published_vacancy_and_404_in_Chinese_for_one_not_on_the_board()
    {
        var vacancy = await OnBoardAsync();
        var notPublished = await NotOnBoardAsync();
        using var client = _app.Factory.CreateAnonymousClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/vacancies/{vacancy.Id}"));
        var missing = await client.GetAsync($"/api/v1/vacancies/{notPublished}");

        Assert.Equal(vacancy.Title, json.RootElement.GetProperty("title").GetString());
        Assert.Equal(vacancy.StationAddress, json.RootElement.GetProperty("stationAddress").GetString());
        Assert.False(json.RootElement.TryGetProperty("contactPhone", out _));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("岗位", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Board_entries_link_to_their_detail_page()
    {
        var vacancy = await OnBoardAsync();
        using var client = _app.Factory.CreateAnonymousClient();

        var html = await client.GetStringAsync($"/jobs?keyword={Uri.EscapeDataString(vacancy.Title)}");

        Assert.Contains($"href=\"/jobs/{vacancy.Id}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_by_community_name_lists_exactly_the_board_s_vacancies_within_the_radius_of_its_station()
    {
        await using var db = _app.Database.CreateContext();
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Name == "东湖社区");
        var centre = GeoPoint.Create(community.StationLatitude, community.StationLongitude);
        var today = PortalCalendarToday();
        var onBoard = await (
            from v in db.Vacancies.AsNoTracking()
            join e in db.Enterprises on v.EnterpriseId equals e.Id
            where v.Status == VacancyStatus.Published && v.ValidUntil >= today && e.Status == EnterpriseStatus.Verified
            select new { v.Id, v.Latitude, v.Longitude }).ToListAsync();
        var expected = onBoard.Where(v => centre.DistanceKmTo(GeoPoint.Create(v.Latitude, v.Longitude)) <= 3).Select(v => v.Id).ToHashSet();
        using var client = _app.Factory.CreateAnonymousClient();

        var html = await client.GetStringAsync($"/jobs?community={Uri.EscapeDataString("东湖社区")}&radiusKm=3");

        Assert.NotEmpty(expected);
        Assert.Contains(string.Format(CultureInfo.InvariantCulture, "共 {0} 个岗位", expected.Count), html, StringComparison.Ordinal);
        var linked = System.Text.RegularExpressions.Regex.Matches(html, "href=\"/jobs/([0-9a-f-]{36})\"").Select(m => Guid.Parse(m.Groups[1].Value)).ToHashSet();
        Assert.NotEmpty(linked);
        Assert.Subset(expected, linked);
    }

    [Fact]
    public async Task Search_by_a_point_on_the_map_uses_it_as_the_centre_and_a_point_outside_the_city_is_named_in_Chinese()
    {
        await using var db = _app.Database.CreateContext();
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Name == "东湖社区");
        using var client = _app.Factory.CreateAnonymousClient();
        var lat = community.StationLatitude.ToString(CultureInfo.InvariantCulture);
        var lon = community.StationLongitude.ToString(CultureInfo.InvariantCulture);

        var inside = await client.GetAsync($"/jobs?lat={lat}&lon={lon}&radiusKm=3");
        var outside = await client.GetAsync("/jobs?lat=39.9&lon=116.4&radiusKm=3");

        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        Assert.Contains("data-testid=\"job-distance\"", await inside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, outside.StatusCode);
        Assert.Contains("不在本市范围内", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("district=abc", "区县")]
    [InlineData("radiusKm=abc", "范围")]
    [InlineData("radiusKm=1000", "范围")]
    [InlineData("page=-3", "页码")]
    [InlineData("page=abc", "页码")]
    [InlineData("occupation=Nope", "职业大类")]
    [InlineData("workType=7", "用工形式")]
    [InlineData("community=%E6%B2%A1%E6%9C%89%E8%BF%99%E4%B8%AA%E7%A4%BE%E5%8C%BA", "没有这个社区")]
    [InlineData("lat=abc&lon=1", "地图")]
    [InlineData("lat=95&lon=200", "地图")]
    public async Task Bad_query_values_get_a_Chinese_message_not_a_500(string query, string named)
    {
        using var client = _app.Factory.CreateAnonymousClient();

        var response = await client.GetAsync($"/jobs?{query}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"job-url-error\"", html, StringComparison.Ordinal);
        var message = html[html.IndexOf("data-testid=\"job-url-error\"", StringComparison.Ordinal)..];
        Assert.Contains(named, message[..Math.Min(message.Length, 600)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Boundaries_are_geojson_with_each_community_s_area_around_its_own_station_and_a_line_per_district()
    {
        await using var db = _app.Database.CreateContext();
        var communities = await db.Communities.AsNoTracking().Select(c => new { c.Id, c.StationLatitude, c.StationLongitude }).ToListAsync();
        var districts = await db.Districts.CountAsync();
        using var client = _app.Factory.CreateAnonymousClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/geography/boundaries"));

        Assert.Equal("FeatureCollection", json.RootElement.GetProperty("type").GetString());
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        string Kind(JsonElement f) => f.GetProperty("properties").GetProperty("kind").GetString()!;
        Assert.Single(features, f => Kind(f) == "city");
        Assert.Equal(districts, features.Count(f => Kind(f) == "district"));
        var areas = features.Where(f => Kind(f) == "community").ToList();
        Assert.Equal(communities.Count, areas.Count);
        foreach (var area in areas)
        {
            var id = area.GetProperty("properties").GetProperty("id").GetGuid();
            var station = communities.Single(c => c.Id == id);
            var ring = area.GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray()
                .Select(p => (Lon: p[0].GetDouble(), Lat: p[1].GetDouble())).ToList();
            Assert.True(Inside(ring, station.StationLongitude, station.StationLatitude), $"the area of community {id} does not hold its station");
            foreach (var other in communities.Where(c => c.Id != id))
            {
                Assert.False(Inside(ring, other.StationLongitude, other.StationLatitude), $"the area of community {id} holds the station of {other.Id}");
            }
        }
    }

    private static bool Inside(IReadOnlyList<(double Lon, double Lat)> ring, double lon, double lat)
    {
        var inside = false;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        {
            if ((ring[i].Lat > lat) != (ring[j].Lat > lat)
                && lon < ((ring[j].Lon - ring[i].Lon) * (lat - ring[i].Lat) / (ring[j].Lat - ring[i].Lat)) + ring[i].Lon)
            {
                inside = !inside;
            }
        }

        return inside;
    }

    private static DateOnly PortalCalendarToday() => EmploymentPortal.Domain.Common.PortalCalendar.DateOf(DateTimeOffset.UtcNow);

    private sealed record BoardVacancy(Guid Id, string Title, string EnterpriseName, string Address, Money WageMin, Money WageMax, WorkType WorkType, string StationAddress, string? ContactName, string? ContactPhone, string? LegalRepresentative);

    private async Task<BoardVacancy> OnBoardAsync()
    {
        await using var db = _app.Database.CreateContext();
        var today = PortalCalendarToday();
        return await (
            from v in db.Vacancies.AsNoTracking()
            join e in db.Enterprises on v.EnterpriseId equals e.Id
            join c in db.Communities on v.CommunityId equals c.Id
            where v.Status == VacancyStatus.Published && v.ValidUntil >= today && e.Status == EnterpriseStatus.Verified
            orderby v.Id
            select new BoardVacancy(v.Id, v.Title, e.Name, v.Address, v.WageMin, v.WageMax, v.WorkType, c.StationAddress, e.ContactName, e.ContactPhone, e.LegalRepresentative))
            .FirstAsync();
    }

    private async Task<Guid> NotOnBoardAsync()
    {
        await using var db = _app.Database.CreateContext();
        return await db.Vacancies.AsNoTracking().Where(v => v.Status != VacancyStatus.Published).OrderBy(v => v.Id).Select(v => v.Id).FirstAsync();
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteJobBoardTests(SqlitePortalApp app) : JobBoardTests(app);

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresJobBoardTests(PostgresPortalApp app) : JobBoardTests(app);
