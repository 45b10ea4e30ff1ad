using System.Net;
using System.Text.Json;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Web.Features.Residents.FollowUp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static EmploymentPortal.IntegrationTests.Residents.FollowUpTestData;

namespace EmploymentPortal.IntegrationTests.Residents;

/// <summary>
/// The month-end follow-up job on both providers, driven by a fake clock in China time: who is
/// recorded overdue, that re-runs (and a concurrent second instance) change nothing, that later
/// contacts leave the closed month as it was; the coverage figures and the station's home lists
/// for a small hand-built community.
/// </summary>
public abstract class FollowUpMonthEndTests
{
    private readonly PortalApp _app;

    protected FollowUpMonthEndTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task Month_end_records_registered_unemployed_without_a_contact_that_month_once()
    {
        var city = await HandBuiltCommunityAsync();
        var job = Job(FakeClock.AtChinaTime(2025, 4, 1, 0, 5));

        var first = await job.RunAsync();
        var second = await job.RunAsync();

        await using var db = _app.Database.CreateContext();
        var month = await db.FollowUpMonths.Include(m => m.Overdue).SingleAsync(m => m.CommunityId == city.CommunityId);
        Assert.Equal(new DateOnly(2025, 3, 1), month.Month);
        Assert.Equal(3, month.RegisteredUnemployed); // A, B and E; C found a job in March, D registered in April
        Assert.Equal(1, month.Contacted);
        Assert.Equal(new[] { city.B, city.E }.Order(), month.Overdue.Select(o => o.ResidentId).Order());
        Assert.True(first.Closed >= 1);
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(FollowUpMonth) && e.EntityId == month.Id.ToString()).SingleAsync();
        Assert.Equal("system", audit.ActorName);
        Assert.Equal(0, second.Closed);
        Assert.True(second.AlreadyClosed >= 1);
    }

    [Fact]
    public async Task Before_midnight_on_the_last_day_the_job_closes_the_previous_month_not_the_current_one()
    {
        var city = await HandBuiltCommunityAsync();

        await Job(FakeClock.AtChinaTime(2025, 3, 31, 23, 30)).RunAsync();

        await using var db = _app.Database.CreateContext();
        var months = await db.FollowUpMonths.Where(m => m.CommunityId == city.CommunityId).Select(m => m.Month).ToListAsync();
        Assert.Equal([new DateOnly(2025, 2, 1)], months);
    }

    [Fact]
    public async Task A_contact_logged_after_the_month_closed_leaves_the_record_as_it_was()
    {
        var city = await HandBuiltCommunityAsync();
        var job = Job(FakeClock.AtChinaTime(2025, 4, 2, 0, 5));
        await job.RunAsync();
        await using (var db = _app.Database.CreateContext())
        {
            db.ResidentContacts.Add(new ResidentContact(city.B, new DateOnly(2025, 3, 28), ContactChannel.HomeVisit, "补录三月走访。", FollowUpServices.None, "测试"));
            await db.SaveChangesAsync();
        }

        await job.RunAsync();

        await using var check = _app.Database.CreateContext();
        var month = await check.FollowUpMonths.Include(m => m.Overdue).SingleAsync(m => m.CommunityId == city.CommunityId);
        Assert.Equal(2, month.OverdueCount);
        Assert.Contains(city.B, month.Overdue.Select(o => o.ResidentId));
    }

    [Fact]
    public async Task Two_instances_closing_the_same_month_at_once_write_it_once()
    {
        var city = await HandBuiltCommunityAsync();
        var clock = FakeClock.AtChinaTime(2025, 5, 1, 0, 5);

        var results = await Task.WhenAll(Job(clock).RunAsync(), Job(clock).RunAsync());

        await using var db = _app.Database.CreateContext();
        Assert.Equal(1, await db.FollowUpMonths.CountAsync(m => m.CommunityId == city.CommunityId && m.Month == new DateOnly(2025, 4, 1)));
        var communities = await db.Communities.CountAsync();
        Assert.Equal(communities, await db.FollowUpMonths.CountAsync(m => m.Month == new DateOnly(2025, 4, 1)));
        Assert.All(results, r => Assert.True(r.Closed + r.AlreadyClosed >= 1));
    }

    [Fact]
    public async Task Coverage_of_a_closed_month_comes_from_the_record_and_of_the_current_month_is_live()
    {
        var city = await HandBuiltCommunityAsync();
        await Job(FakeClock.AtChinaTime(2025, 4, 1, 0, 5)).RunAsync();
        await using var db = _app.Database.CreateContext();
        db.ResidentContacts.Add(new ResidentContact(city.D, new DateOnly(2025, 4, 3), ContactChannel.Phone, "四月电话联系。", FollowUpServices.None, "测试"));
        await db.SaveChangesAsync();

        var march = await FollowUpCoverage.ForMonthAsync(db, new DateOnly(2025, 3, 1), new DateOnly(2025, 4, 10), city.DistrictId, null);
        var april = await FollowUpCoverage.ForMonthAsync(db, new DateOnly(2025, 4, 1), new DateOnly(2025, 4, 10), city.DistrictId, null);
        var february = await FollowUpCoverage.ForMonthAsync(db, new DateOnly(2025, 2, 1), new DateOnly(2025, 4, 10), city.DistrictId, null);

        var closed = Assert.Single(march!);
        Assert.True(closed.Closed);
        Assert.Equal((3, 1), (closed.RegisteredUnemployed, closed.Contacted));
        Assert.Equal(1.0 / 3, closed.Rate!.Value, 6);
        var live = Assert.Single(april!);
        Assert.True(live.Live);
        Assert.Equal((4, 1), (live.RegisteredUnemployed, live.Contacted)); // A, B, D, E registered now; D contacted in April
        Assert.False(Assert.Single(february!).Closed);
    }

    [Fact]
    public async Task Coverage_api_gives_officers_the_closed_month_worst_first_and_refuses_station_staff()
    {
        var city = await HandBuiltCommunityAsync();
        await Job(FakeClock.AtChinaTime(2025, 4, 1, 0, 5)).RunAsync();
        var officer = await _app.SignedInClientAsync("officer1");
        var station = await _app.SignedInClientAsync("station1");

        using var json = JsonDocument.Parse(await officer.GetStringAsync($"/api/v1/followups/coverage?month=2025-03&district={city.DistrictId}"));
        var refused = await station.GetAsync("/api/v1/followups/coverage?month=2025-03");
        var future = await officer.GetAsync("/api/v1/followups/coverage?month=2999-01");

        var row = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(3, row.GetProperty("registeredUnemployed").GetInt32());
        Assert.Equal(1, row.GetProperty("contacted").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
    }

    [Fact]
    public async Task Coverage_page_renders_the_grid_for_officers()
    {
        var officer = await _app.SignedInClientAsync("officer1");

        var html = await officer.GetStringAsync("/bureau/follow-up-coverage");

        Assert.Contains("data-testid=\"coverage-grid\"", html, StringComparison.Ordinal);
        Assert.Matches("<h1[^>]*>跟踪服务覆盖率</h1>", html);
        Assert.Contains("%", html, StringComparison.Ordinal);
    }

    private MonthEndFollowUpJob Job(TimeProvider clock) =>
        new(_app.Factory.Services.GetRequiredService<IServiceScopeFactory>(), new PortalCalendar(clock), NullLogger<MonthEndFollowUpJob>.Instance);

    /// <summary>
    /// A community of its own with five residents: A registered in January, contacted in March;
    /// B registered in February, never contacted; C registered in January, employed from
    /// 20 March; D registered on 2 April; E registered in January, contacted only in February.
    /// </summary>
    private async Task<HandBuilt> HandBuiltCommunityAsync()
    {
        await using var db = _app.Database.CreateContext();
        var community = await TestCity.AddCommunityAsync(db);
        var street = await db.Streets.SingleAsync(s => s.Id == community.StreetId);
        var a = Resident(community.Id, "甲", new DateOnly(1990, 1, 1)).RegisteredUnemployed(new DateOnly(2025, 1, 10));
        var b = Resident(community.Id, "乙", new DateOnly(1991, 2, 2), Sex.Female).RegisteredUnemployed(new DateOnly(2025, 2, 1));
        var c = Resident(community.Id, "丙", new DateOnly(1992, 3, 3)).RegisteredUnemployed(new DateOnly(2025, 1, 5));
        c.ChangeStatus(EmploymentStatus.Employed, new DateOnly(2025, 3, 20), "江州测试公司");
        var d = Resident(community.Id, "丁", new DateOnly(1993, 4, 4)).RegisteredUnemployed(new DateOnly(2025, 4, 2));
        var e = Resident(community.Id, "戊", new DateOnly(1994, 5, 5), Sex.Female).RegisteredUnemployed(new DateOnly(2025, 1, 20));
        await SaveAsync(db, [a, b, c, d, e], [Contact(a, new DateOnly(2025, 3, 15)), Contact(e, new DateOnly(2025, 2, 28)), Contact(c, new DateOnly(2025, 2, 10))]);
        return new HandBuilt(community.Id, street.DistrictId, a.Id, b.Id, c.Id, d.Id, e.Id);
    }

    private sealed record HandBuilt(Guid CommunityId, Guid DistrictId, Guid A, Guid B, Guid C, Guid D, Guid E);
}

[Collection(SqliteFollowUpCollection.Name)]
public sealed class SqliteFollowUpMonthEndTests : FollowUpMonthEndTests
{
    public SqliteFollowUpMonthEndTests(SqliteFollowUpApp app)
        : base(app)
    {
    }
}

[Collection(PostgresFollowUpCollection.Name)]
public sealed class PostgresFollowUpMonthEndTests : FollowUpMonthEndTests
{
    public PostgresFollowUpMonthEndTests(PostgresFollowUpApp app)
        : base(app)
    {
    }
}
