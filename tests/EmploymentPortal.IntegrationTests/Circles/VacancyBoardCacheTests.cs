using EmploymentPortal.Data;
using EmploymentPortal.Data.Auditing;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.Data.Security;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.IntegrationTests.Residents;
using EmploymentPortal.Web.Features.Circles;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.IntegrationTests.Circles;

/// <summary>
/// The in-memory vacancy board (<see cref="VacancyBoardCache"/>) on a fresh database of each
/// provider: recommendations ranked from it equal the ones ranked from the database, and a vacancy
/// saved through the portal's contexts is on the board at the next request.
/// </summary>
public abstract class VacancyBoardCacheTests
{
    private static readonly PortalPrincipal Bureau =
        new("officer", "officer", "经办", new HashSet<string> { PortalRoles.BureauOfficer }, new HashSet<Guid>(), null);

    private readonly CircleDashboardFixture _fixture;

    protected VacancyBoardCacheTests(CircleDashboardFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task Recommendations_from_the_board_equal_the_ones_from_the_database()
    {
        var signal = new EntityChangeSignal();
        var cache = new VacancyBoardCache(signal, TimeProvider.System);
        await using var db = Context(signal);
        var residents = await db.Residents.AsNoTracking().Select(r => r.Id).ToListAsync();
        Assert.NotEmpty(residents);
        foreach (var id in residents)
        {
            var fromDb = await CircleQueries.RecommendationsAsync(db, _fixture.Options, Bureau, id, CircleDashboardFixture.Today);
            var fromBoard = await CircleQueries.RecommendationsAsync(db, _fixture.Options, Bureau, id, CircleDashboardFixture.Today, null, default, cache);
            var top1 = await CircleQueries.RecommendationsAsync(db, _fixture.Options, Bureau, id, CircleDashboardFixture.Today, null, default, cache, 1);

            Assert.Equal(fromDb!.Items.Select(i => (i.Vacancy.Id, i.Score, i.Reason, i.Vacancy.Title, i.Vacancy.EnterpriseName)), fromBoard!.Items.Select(i => (i.Vacancy.Id, i.Score, i.Reason, i.Vacancy.Title, i.Vacancy.EnterpriseName)));
            Assert.Equal(fromDb.Total, fromBoard.Total);
            Assert.Equal(fromDb.Items.Take(1).Select(i => i.Vacancy.Id), top1!.Items.Select(i => i.Vacancy.Id));
            Assert.Equal(fromDb.Total, top1.Total);
        }
    }

    [Fact]
    public async Task A_vacancy_saved_through_the_portals_contexts_is_on_the_board_at_the_next_request()
    {
        var signal = new EntityChangeSignal();
        var cache = new VacancyBoardCache(signal, TimeProvider.System);
        await using var db = Context(signal);
        var centre = GeoPoint.Create(_fixture.A.StationLatitude, _fixture.A.StationLongitude);
        var before = (await cache.GetAsync(db, CircleDashboardFixture.Today)).Near(centre, 3).Count;
        var enterprise = await db.Enterprises.FirstAsync();

        var vacancy = Published(enterprise, "新发布的岗位", GeoPoint.Create(centre.Latitude + 0.001, centre.Longitude));
        db.Vacancies.Add(vacancy);
        await db.SaveChangesAsync();
        var after = (await cache.GetAsync(db, CircleDashboardFixture.Today)).Near(centre, 3);

        Assert.Equal(before + 1, after.Count);
        Assert.Contains(after, n => n.Vacancy.Id == vacancy.Id);

        // Withdrawn: off the board at once.
        vacancy.Close();
        await db.SaveChangesAsync();
        Assert.DoesNotContain((await cache.GetAsync(db, CircleDashboardFixture.Today)).Near(centre, 3), n => n.Vacancy.Id == vacancy.Id);
    }

    [Fact]
    public async Task A_vacancy_saved_by_another_instance_shows_after_the_maximum_age_while_the_older_board_serves()
    {
        var clock = new FollowUpTestData.FakeClock(DateTimeOffset.UtcNow);
        var signal = new EntityChangeSignal();
        var cache = new VacancyBoardCache(signal, clock, () => Context(signal));
        await using var db = Context(signal);
        var centre = GeoPoint.Create(_fixture.A.StationLatitude, _fixture.A.StationLongitude);
        var before = (await cache.GetAsync(db, CircleDashboardFixture.Today)).Near(centre, 3).Count;

        // Another instance: its saves do not reach this cache's signal.
        await using var other = Context(new EntityChangeSignal());
        var enterprise = await other.Enterprises.FirstAsync();
        var vacancy = Published(enterprise, "别的实例发布的岗位", GeoPoint.Create(centre.Latitude, centre.Longitude + 0.001));
        other.Vacancies.Add(vacancy);
        await other.SaveChangesAsync();
        try
        {
            clock.Now += VacancyBoardCache.MaxAge - TimeSpan.FromSeconds(1);
            Assert.Equal(before, (await cache.GetAsync(db, CircleDashboardFixture.Today)).Near(centre, 3).Count);
            Assert.Null(cache.Refreshing);

            // Past the maximum age: the older board answers at once, a fresh one loads meanwhile.
            clock.Now += TimeSpan.FromSeconds(2);
            Assert.Equal(before, (await cache.GetAsync(db, CircleDashboardFixture.Today)).Near(centre, 3).Count);
            Assert.NotNull(cache.Refreshing);
            await cache.Refreshing!;

            var after = (await cache.GetAsync(db, CircleDashboardFixture.Today)).Near(centre, 3);
            Assert.Equal(before + 1, after.Count);
            Assert.Contains(after, n => n.Vacancy.Id == vacancy.Id && n.Vacancy.Title == "别的实例发布的岗位");
        }
        finally
        {
            vacancy.Close();
            await other.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task Saves_in_the_instance_patch_the_board_to_what_a_fresh_load_gives()
    {
        var clock = new FollowUpTestData.FakeClock(DateTimeOffset.UtcNow);
        var signal = new EntityChangeSignal();
        var cache = new VacancyBoardCache(signal, clock, () => Context(signal));
        await using var db = Context(signal);
        var board = await cache.GetAsync(db, CircleDashboardFixture.Today);
        var loadedAt = cache.LoadedAt;
        Assert.True(board.Count >= 3, "the fixture has vacancies on the board");

        // Three kinds of change: new vacancies, a closed one, and an enterprise suspended with all its vacancies.
        var closedId = board.Vacancies.First().Id;
        var closed = await db.Vacancies.SingleAsync(v => v.Id == closedId);
        var owner = await db.Enterprises.SingleAsync(e => e.Id == closed.EnterpriseId);
        var other = TestCity.NewEnterprise(_fixture.A.Id, name: "补丁测试企业有限公司");
        other.Verify();
        db.Enterprises.Add(other);
        var centre = GeoPoint.Create(_fixture.A.StationLatitude, _fixture.A.StationLongitude);
        Vacancy Add(Enterprise enterprise, string title, double dLat)
        {
            var vacancy = Published(enterprise, title, GeoPoint.Create(centre.Latitude + dLat, centre.Longitude));
            db.Vacancies.Add(vacancy);
            return vacancy;
        }

        var added = Add(owner, "补丁测试岗位", -0.001);
        var others = new[] { Add(other, "补丁测试企业岗位一", 0.002), Add(other, "补丁测试企业岗位二", 0.05) };
        await db.SaveChangesAsync();
        try
        {
            clock.Now += TimeSpan.FromSeconds(1);
            var withNew = await cache.GetAsync(db, CircleDashboardFixture.Today);
            Assert.Equal(loadedAt, cache.LoadedAt);
            await AssertSameAsFreshLoad(db, withNew);
            Assert.Equal(board.Count + 3, withNew.Count);

            closed.Close();
            other.Suspend("测试暂停");
            await db.SaveChangesAsync();
            var patched = await cache.GetAsync(db, CircleDashboardFixture.Today);

            Assert.Equal(loadedAt, cache.LoadedAt);
            await AssertSameAsFreshLoad(db, patched);
            Assert.Contains(patched.Vacancies, v => v.Id == added.Id);
            Assert.DoesNotContain(patched.Vacancies, v => v.Id == closed.Id || v.EnterpriseId == other.Id);
            Assert.Equal(board.Count, patched.Count);

            // Reinstated: the enterprise's vacancies are back.
            other.Reinstate();
            await db.SaveChangesAsync();
            var reinstated = await cache.GetAsync(db, CircleDashboardFixture.Today);
            Assert.Equal(loadedAt, cache.LoadedAt);
            await AssertSameAsFreshLoad(db, reinstated);
            Assert.Equal(2, reinstated.Vacancies.Count(v => v.EnterpriseId == other.Id));
        }
        finally
        {
            added.Close();
            foreach (var vacancy in others)
            {
                vacancy.Close();
            }

            await db.SaveChangesAsync();
        }
    }

    /// <summary>A vacancy of <paramref name="enterprise"/> in community A, published today (not yet added to a context).</summary>
    private Vacancy Published(Enterprise enterprise, string title, GeoPoint at)
    {
        var vacancy = Vacancy.Draft(enterprise, new VacancyDetails(
            title, OccupationGroup.Services, "保洁员", 1, Money.FromFen(250_000), Money.FromFen(300_000), WorkType.FullTime,
            _fixture.A.Id, "测试路", at, "无", false, false, true, CircleDashboardFixture.Today.AddDays(30)), CircleDashboardFixture.Today);
        vacancy.Submit(enterprise, CircleDashboardFixture.Today);
        vacancy.Approve(enterprise, CircleDashboardFixture.Today, DateTimeOffset.UtcNow);
        return vacancy;
    }

    private static async Task AssertSameAsFreshLoad(PortalDbContext db, CityCircles.Board board)
    {
        var fresh = await CityCircles.Board.LoadAsync(db, CircleDashboardFixture.Today);
        Assert.Equal(fresh.Count, board.Count);
        Assert.Equal(fresh.Vacancies.OrderBy(v => v.Id), board.Vacancies.OrderBy(v => v.Id));
    }

    /// <summary>A context as the portal configures it, reporting its saves to <paramref name="signal"/>.</summary>
    private PortalDbContext Context(EntityChangeSignal signal)
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseServiceCollectionExtensions.Configure(builder, _fixture.Database.Provider, _fixture.Database.ConnectionString)
            .UsePersonalDataKeys(TestKeys.Ring)
            .AddInterceptors(new ConcurrencyVersionInterceptor(), new AuditInterceptor(TimeProvider.System, TestKeys.Ring), new EntityChangeInterceptor(signal));
        return new PortalDbContext(builder.Options);
    }
}

public sealed class SqliteVacancyBoardCacheTests(SqliteCircleDashboardFixture fixture) : VacancyBoardCacheTests(fixture), IClassFixture<SqliteCircleDashboardFixture>;

public sealed class PostgresVacancyBoardCacheTests(PostgresCircleDashboardFixture fixture) : VacancyBoardCacheTests(fixture), IClassFixture<PostgresCircleDashboardFixture>;
