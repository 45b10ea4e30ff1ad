using System.Text.Json;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Geography;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Web.Features.Circles;
using EmploymentPortal.Web.Features.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.IntegrationTests.Enterprises;

/// <summary>
/// The public job board's search (<c>GET /api/v1/vacancies</c>, <c>/jobs</c>) answers from the
/// in-memory vacancy board (<see cref="VacancyBoardCache"/>); the database query
/// (<see cref="JobBoardQueries.SearchInDatabaseAsync"/>) is the reference. On both providers, both
/// give the same pages and totals for the demo data and at the edges: expiring today, expired,
/// an enterprise no longer verified, a vacancy just published in this instance, the radius
/// boundary, a keyword only in the enterprise's name.
/// </summary>
public abstract class JobBoardSearchTests
{
    private readonly PortalApp _app;

    protected JobBoardSearchTests(PortalApp app)
    {
        _app = app;
    }

    private DateOnly Today => _app.Factory.Services.GetRequiredService<PortalCalendar>().Today;

    private VacancyBoardCache Cache => _app.Factory.Services.GetRequiredService<VacancyBoardCache>();

    /// <summary>A context of the portal's own factory: its saves reach the board's change signal, as the pages' do.</summary>
    private Task<PortalDbContext> PortalContextAsync() =>
        _app.Factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

    [Fact]
    public async Task Radius_searches_around_every_demo_community_give_the_database_s_pages_and_totals()
    {
        await using var db = await PortalContextAsync();
        var communities = await db.Communities.AsNoTracking().Select(c => new { c.StationLatitude, c.StationLongitude }).ToListAsync();
        var compared = 0;

        foreach (var community in communities)
        {
            var centre = GeoPoint.Create(community.StationLatitude, community.StationLongitude);
            foreach (var radius in new[] { 0.5, 3.0, 10.0 })
            {
                var filter = new JobBoardQueries.Filter { Near = centre, RadiusKm = radius };
                compared += await AssertSamePagesAsync(db, filter, pageSize: 7, pages: 2);
            }
        }

        Assert.True(compared > 0, "the demo data has vacancies in circles");
    }

    [Fact]
    public async Task Filters_without_a_place_give_the_database_s_pages_and_totals_newest_first()
    {
        await using var db = await PortalContextAsync();
        var today = Today;
        var sample = await db.Vacancies.AsNoTracking().Where(v => v.Status == VacancyStatus.Published && v.ValidUntil >= today)
            .OrderBy(v => v.Id).Select(v => new { v.Title, v.Occupation, v.Requirements }).Take(5).ToListAsync();
        var enterpriseName = await db.Enterprises.AsNoTracking().Where(e => e.Status == EnterpriseStatus.Verified).OrderBy(e => e.Id).Select(e => e.Name).FirstAsync();
        var districts = await db.Districts.AsNoTracking().Select(d => d.Id).ToListAsync();
        var centre = await db.Communities.AsNoTracking().OrderBy(c => c.Code).Select(c => new { c.StationLatitude, c.StationLongitude }).FirstAsync();
        var filters = new List<JobBoardQueries.Filter> { new(), new() { Keyword = "   " } };
        filters.AddRange(sample.SelectMany(s => new[] { s.Title[..Math.Min(2, s.Title.Length)], s.Occupation, s.Requirements.Length > 3 ? s.Requirements[1..4] : s.Requirements })
            .Where(k => k.Trim().Length > 0).Select(k => new JobBoardQueries.Filter { Keyword = $" {k} " }));
        filters.Add(new() { Keyword = enterpriseName[..Math.Min(4, enterpriseName.Length)] });
        filters.AddRange(Enum.GetValues<OccupationGroup>().Select(g => new JobBoardQueries.Filter { OccupationGroup = g }));
        filters.AddRange(Enum.GetValues<WorkType>().Select(w => new JobBoardQueries.Filter { WorkType = w }));
        filters.AddRange(districts.Select(d => new JobBoardQueries.Filter { DistrictId = d }));
        filters.Add(new() { DistrictId = Guid.NewGuid() });
        filters.Add(new()
        {
            DistrictId = districts[0], WorkType = WorkType.FullTime, Near = GeoPoint.Create(centre.StationLatitude, centre.StationLongitude), RadiusKm = 20,
        });

        foreach (var filter in filters)
        {
            await AssertSamePagesAsync(db, filter, pageSize: 9, pages: 3);
        }
    }

    [Fact]
    public async Task Paging_past_the_last_page_gives_the_total_and_no_rows_on_both_paths()
    {
        await using var db = await PortalContextAsync();
        var centre = await db.Communities.AsNoTracking().OrderBy(c => c.Code).Select(c => new { c.StationLatitude, c.StationLongitude }).FirstAsync();

        foreach (var filter in new[] { new JobBoardQueries.Filter(), new JobBoardQueries.Filter { Near = GeoPoint.Create(centre.StationLatitude, centre.StationLongitude), RadiusKm = 3 } })
        {
            var fromDb = await JobBoardQueries.SearchInDatabaseAsync(db, filter, Today, 10_000, 20);
            var fromBoard = await JobBoardQueries.SearchAsync(db, Cache, filter, Today, 10_000, 20);

            Assert.Empty(fromBoard.Items);
            Assert.Equal(fromDb.Total, fromBoard.Total);
            Assert.Empty(fromDb.Items);
        }
    }

    [Fact]
    public async Task Edge_cases_are_on_the_board_exactly_as_in_the_database_and_a_vacancy_published_in_this_instance_shows_at_once()
    {
        var marker = $"边界{Guid.NewGuid():N}"[..10];
        await using var db = await PortalContextAsync();
        var community = await db.Communities.AsNoTracking().OrderBy(c => c.Code).FirstAsync();
        var centre = GeoPoint.Create(community.StationLatitude, community.StationLongitude);
        var today = Today;

        // Warm the board first: what follows must reach it through this instance's saves.
        await Cache.GetAsync(db, today);
        var enterprise = TestCity.NewEnterprise(community.Id, name: $"{marker}人力资源有限公司");
        enterprise.Verify();
        var suspended = TestCity.NewEnterprise(community.Id, name: $"{marker}停业企业有限公司");
        suspended.Verify();
        db.Enterprises.AddRange(enterprise, suspended);
        var inside = AtDistance(centre, 2.9999);
        var outside = AtDistance(centre, 3.0001);
        var expiresToday = Published(enterprise, community, "今日截止岗位", inside, today, today);
        var expired = Published(enterprise, community, "昨日截止岗位", inside, today.AddDays(-1), today.AddDays(-10));
        var beyond = Published(enterprise, community, "圈外岗位", outside, today.AddDays(30), today);
        var ofSuspended = Published(suspended, community, "停业企业岗位", inside, today.AddDays(30), today);
        db.Vacancies.AddRange(expiresToday, expired, beyond, ofSuspended);
        await db.SaveChangesAsync();
        suspended.Suspend("测试：不再是已认证企业");
        await db.SaveChangesAsync();
        try
        {
            var byName = new JobBoardQueries.Filter { Keyword = marker };
            var inCircle = new JobBoardQueries.Filter { Keyword = marker, Near = centre, RadiusKm = 3 };
            await AssertSamePagesAsync(db, byName, pageSize: 1, pages: 3);
            await AssertSamePagesAsync(db, inCircle, pageSize: 2, pages: 1);

            var all = await JobBoardQueries.SearchAsync(db, Cache, byName, today, 1, 20);
            Assert.Equal(new[] { beyond.Id, expiresToday.Id }.OrderDescending(), all.Items.Select(i => i.Id));
            var circle = await JobBoardQueries.SearchAsync(db, Cache, inCircle, today, 1, 20);
            Assert.Equal([expiresToday.Id], circle.Items.Select(i => i.Id));
            Assert.True(circle.Items[0].DistanceKm <= 3);

            // Through the API: the just-published vacancy, with its place's names and nothing personal.
            using var client = _app.Factory.CreateAnonymousClient();
            using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/vacancies?keyword={Uri.EscapeDataString(marker)}"));
            Assert.Equal(2, json.RootElement.GetProperty("total").GetInt32());
            var first = json.RootElement.GetProperty("items")[0];
            Assert.Equal(community.Name, first.GetProperty("community").GetString());
            Assert.False(first.TryGetProperty("contactPhone", out _));
            Assert.False(first.TryGetProperty("contactName", out _));
        }
        finally
        {
            foreach (var vacancy in new[] { expiresToday, expired, beyond, ofSuspended })
            {
                vacancy.Close();
            }

            await db.SaveChangesAsync();
        }

        Assert.Equal(0, (await JobBoardQueries.SearchAsync(db, Cache, new JobBoardQueries.Filter { Keyword = marker }, today, 1, 20)).Total);
    }

    [Fact]
    public async Task The_board_s_background_reload_gets_contexts_that_work_after_the_scope_that_built_them_is_gone()
    {
        var contexts = EmploymentPortal.Web.Infrastructure.Scheduling.JobDatabase.Lasting(_app.Factory.Services);

        await using var db = await contexts.CreateDbContextAsync();
        var board = await CityCircles.Board.LoadAsync(db, Today);

        Assert.True(board.Count > 0);
    }

    /// <summary>Compares the first <paramref name="pages"/> pages of both paths; returns how many rows were compared.</summary>
    private async Task<int> AssertSamePagesAsync(PortalDbContext db, JobBoardQueries.Filter filter, int pageSize, int pages)
    {
        var rows = 0;
        for (var page = 1; page <= pages; page++)
        {
            var fromDb = await JobBoardQueries.SearchInDatabaseAsync(db, filter, Today, page, pageSize);
            var fromBoard = await JobBoardQueries.SearchAsync(db, Cache, filter, Today, page, pageSize);

            Assert.Equal(fromDb.Total, fromBoard.Total);
            Assert.Equal((fromDb.PageNumber, fromDb.PageSize), (fromBoard.PageNumber, fromBoard.PageSize));
            Assert.Equal(fromDb.Items, fromBoard.Items);
            rows += fromBoard.Items.Count;
        }

        return rows;
    }

    /// <summary>A point due north of <paramref name="centre"/> at <paramref name="km"/> by the portal's own distance.</summary>
    private static GeoPoint AtDistance(GeoPoint centre, double km)
    {
        double lo = 0, hi = km / 100;
        for (var i = 0; i < 100; i++)
        {
            var mid = (lo + hi) / 2;
            if (centre.DistanceKmTo(GeoPoint.Create(centre.Latitude + mid, centre.Longitude)) < km)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return GeoPoint.Create(centre.Latitude + lo, centre.Longitude);
    }

    /// <summary>A vacancy of <paramref name="enterprise"/> published on <paramref name="publishedOn"/>, valid until <paramref name="validUntil"/>.</summary>
    private static Vacancy Published(Enterprise enterprise, Community community, string title, GeoPoint at, DateOnly validUntil, DateOnly publishedOn)
    {
        var vacancy = Vacancy.Draft(enterprise, new VacancyDetails(
            title, OccupationGroup.Services, "保洁员", 2, Money.FromFen(300_000), Money.FromFen(400_000), WorkType.FullTime,
            community.Id, "边界测试路1号", at, "身体健康", false, true, true, validUntil), publishedOn);
        vacancy.Submit(enterprise, publishedOn);
        vacancy.Approve(enterprise, publishedOn, DateTimeOffset.UtcNow);
        return vacancy;
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteJobBoardSearchTests(SqlitePortalApp app) : JobBoardSearchTests(app);

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresJobBoardSearchTests(PostgresPortalApp app) : JobBoardSearchTests(app);
