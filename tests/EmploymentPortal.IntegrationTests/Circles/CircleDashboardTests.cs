using EmploymentPortal.Testing;
using System.Net;
using EmploymentPortal.Data;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.Domain.Circles;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Geography;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.IntegrationTests.Residents;
using EmploymentPortal.Web.Features.Circles;
using EmploymentPortal.Web.Features.Circles.Dashboard;
using EmploymentPortal.Web.Features.Claims;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static EmploymentPortal.Web.Features.Circles.Dashboard.CircleDashboard;

namespace EmploymentPortal.IntegrationTests.Circles;

/// <summary>
/// A small hand-built city on a fresh database of each provider: district 一 with communities A
/// and B (4.5 km apart), district 二 with community C and its own 1 km radius. Residents,
/// status changes, a closed follow-up month, vacancies inside and outside the circles and two
/// months of assessments give figures known in advance.
/// </summary>
public abstract class CircleDashboardFixture : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2026, 11, 22);
    private readonly DatabaseProvider _provider;
    private TestDatabase? _database;

    protected CircleDashboardFixture(DatabaseProvider provider)
    {
        _provider = provider;
    }

    public TestDatabase Database => _database!;

    public Community A { get; private set; } = default!;

    public Community B { get; private set; } = default!;

    public Community C { get; private set; } = default!;

    public District One { get; private set; } = default!;

    public District Two { get; private set; } = default!;

    /// <summary>District 二 (C) has a radius of 1 km, everyone else the default 3 km.</summary>
    public CircleOptions Options { get; } = new()
    {
        Districts = new(StringComparer.Ordinal) { ["369802"] = new CircleOptions.DistrictRadius { RadiusKm = 1.0 } },
    };

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(_provider);
        await _database.MigrateAsync();
        await using var db = _database.CreateContext();

        One = new District("369801", "一区");
        Two = new District("369802", "二区");
        var s1 = new Street(One, "369801001", "一街道", StreetKind.Street);
        var s2 = new Street(Two, "369802001", "二街道", StreetKind.Street);
        A = new Community(s1, "369801001001", "甲社区", CommunityKind.Community, 28.68, 115.86, "甲社区服务站");
        B = new Community(s1, "369801001002", "乙社区", CommunityKind.Community, 28.70, 115.90, "乙社区服务站");
        C = new Community(s2, "369802001001", "丙社区", CommunityKind.Community, 28.90, 116.10, "丙社区服务站");
        db.AddRange(One, Two, s1, s2, A, B, C);
        await db.SaveChangesAsync();

        var since = new DateOnly(2026, 9, 1);
        var r1 = Unemployed(A, "甲一", since);
        var r2 = Unemployed(A, "甲二", since);
        var r3 = Unemployed(A, "甲三", since);
        r3.ChangeStatus(EmploymentStatus.Employed, new DateOnly(2026, 11, 10), "某公司");
        var r4 = Unemployed(A, "甲四", new DateOnly(2026, 8, 1));
        r4.ChangeStatus(EmploymentStatus.Employed, new DateOnly(2026, 10, 15), "上月就业");
        var r5 = Unemployed(B, "乙一", since);
        var r6 = Unemployed(B, "乙二", since);
        r6.ChangeStatus(EmploymentStatus.FlexiblyEmployed, new DateOnly(2026, 11, 1), "灵活就业");
        var r7 = Unemployed(C, "丙一", since);
        await FollowUpTestData.SaveAsync(db, [r1, r2, r3, r4, r5, r6, r7], [FollowUpTestData.Contact(r2, new DateOnly(2026, 11, 5))]);

        // October closed: r1 and r2 of A were overdue; r2 has since been contacted. The dashboard
        // counts this month's overdue (FollowUpQueries.Overdue), whatever October's record says.
        db.FollowUpMonths.Add(new FollowUpMonth(A.Id, new DateOnly(2026, 10, 1), 3, [r1.Id, r2.Id], DateTimeOffset.UtcNow));

        var enterprise = TestCity.NewEnterprise(A.Id);
        enterprise.Verify();
        db.Enterprises.Add(enterprise);
        Vacancy Published(string title, int openings, double lat, double lon, DateOnly? validUntil = null)
        {
            var vacancy = Vacancy.Draft(enterprise, new VacancyDetails(
                title, OccupationGroup.Production, "普工", openings, Money.FromFen(300_000), Money.FromFen(400_000), WorkType.FullTime,
                A.Id, "测试路", GeoPoint.Create(lat, lon), "无", false, false, true, validUntil ?? Today.AddDays(30)), Today.AddDays(-40));
            vacancy.Submit(enterprise, Today.AddDays(-40));
            vacancy.Approve(enterprise, Today.AddDays(-40), DateTimeOffset.UtcNow);
            db.Vacancies.Add(vacancy);
            return vacancy;
        }

        Published("只在甲圈", 3, 28.675, 115.855);
        Published("甲乙之间", 2, 28.69, 115.88);
        Published("丙圈内", 5, 28.9045, 116.10);
        Published("丙3公里内1公里外", 4, 28.9135, 116.10);
        Published("都不在", 7, 28.60, 115.86);
        Published("已过期", 9, 28.68, 115.86, Today.AddDays(-1));
        await db.SaveChangesAsync();

        // October: all three recognised; November: A recognised, B not, C not assessed.
        var met = CircleStanding.Assess(new CircleIndicators(100, 1, 1, 0, 5), CircleThresholds.Defaults);
        var notMet = CircleStanding.Assess(new CircleIndicators(10, 5, 0, 1, 0), CircleThresholds.Defaults);
        var october = new DateOnly(2026, 10, 1);
        var november = new DateOnly(2026, 11, 1);
        db.CommunityAssessments.AddRange(
            new CommunityAssessment(A.Id, october, met, 3, DateTimeOffset.UtcNow),
            new CommunityAssessment(B.Id, october, met, 3, DateTimeOffset.UtcNow),
            new CommunityAssessment(C.Id, october, met, 1, DateTimeOffset.UtcNow),
            new CommunityAssessment(A.Id, november, met, 3, DateTimeOffset.UtcNow),
            new CommunityAssessment(B.Id, november, notMet, 3, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private static Resident Unemployed(Community community, string name, DateOnly since) =>
        FollowUpTestData.Resident(community.Id, name, new DateOnly(1990, 5, 5)).RegisteredUnemployed(since);
}

public sealed class SqliteCircleDashboardFixture() : CircleDashboardFixture(DatabaseProvider.Sqlite);

public sealed class PostgresCircleDashboardFixture() : CircleDashboardFixture(DatabaseProvider.Postgres);

public abstract class CircleDashboardTests
{
    private static readonly PortalPrincipal Bureau =
        new("officer", "officer", "经办", new HashSet<string> { PortalRoles.BureauOfficer }, new HashSet<Guid>(), null);

    private readonly CircleDashboardFixture _fixture;

    protected CircleDashboardTests(CircleDashboardFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task Community_rows_count_unemployed_placed_overdue_and_openings_within_each_districts_radius()
    {
        await using var db = _fixture.Database.CreateContext();

        var figures = await ForAsync(db, _fixture.Options, Bureau, CircleDashboardFixture.Today);

        var rows = figures.Communities.ToDictionary(r => r.CommunityId);
        Assert.Equal(3, rows.Count);
        var a = rows[_fixture.A.Id];
        Assert.Equal((2, 1, 1, 2, 5, StandingState.Recognised, 3.0), (a.RegisteredUnemployed, a.PlacedThisMonth, a.OverdueFollowUps, a.VacanciesWithinRadius, a.OpeningsWithinRadius, a.Standing, a.RadiusKm));
        var b = rows[_fixture.B.Id];
        Assert.Equal((1, 1, 1, 1, 2, StandingState.NotRecognised), (b.RegisteredUnemployed, b.PlacedThisMonth, b.OverdueFollowUps, b.VacanciesWithinRadius, b.OpeningsWithinRadius, b.Standing));
        var c = rows[_fixture.C.Id];
        Assert.Equal((1, 0, 1, 1, 5, StandingState.NotAssessed, 1.0), (c.RegisteredUnemployed, c.PlacedThisMonth, c.OverdueFollowUps, c.VacanciesWithinRadius, c.OpeningsWithinRadius, c.Standing, c.RadiusKm));
    }

    [Fact]
    public async Task District_rows_count_a_vacancy_in_two_circles_once_and_the_share_follows_the_months()
    {
        await using var db = _fixture.Database.CreateContext();

        var figures = await ForAsync(db, _fixture.Options, Bureau, CircleDashboardFixture.Today);

        Assert.Equal(["一区", "二区"], figures.Districts.Select(d => d.District));
        var one = figures.Districts[0];
        Assert.Equal((2, 3, 2, 2, 5, 2, 1, 50.0m), (one.Communities, one.RegisteredUnemployed, one.PlacedThisMonth, one.OverdueFollowUps, one.OpeningsWithinRadius, one.Assessed, one.Recognised, one.RecognisedSharePercent));
        var two = figures.Districts[1];
        Assert.Equal((1, 1, 0, 1, 5, 0, 0, 0m), (two.Communities, two.RegisteredUnemployed, two.PlacedThisMonth, two.OverdueFollowUps, two.OpeningsWithinRadius, two.Assessed, two.Recognised, two.RecognisedSharePercent));
        Assert.Equal(
            [new ShareMonth(new DateOnly(2026, 10, 1), 3, 3, 100m, 70m), new ShareMonth(new DateOnly(2026, 11, 1), 3, 1, 33.3m, 70m)],
            figures.ShareByMonth);
    }

    [Fact]
    public async Task Station_staff_get_only_their_communities_and_their_share()
    {
        await using var db = _fixture.Database.CreateContext();

        var figures = await ForAsync(db, _fixture.Options, FollowUpTestData.Station(_fixture.B.Id), CircleDashboardFixture.Today);

        Assert.Equal([_fixture.B.Id], figures.Communities.Select(c => c.CommunityId));
        Assert.Equal([(1, 2)], figures.Districts.Select(d => (d.Communities, d.OpeningsWithinRadius)));
        Assert.Equal([100m, 0m], figures.ShareByMonth.Select(s => s.SharePercent));
    }

    [Fact]
    public async Task The_xlsx_holds_the_community_district_and_share_tables()
    {
        await using var db = _fixture.Database.CreateContext();
        var figures = await ForAsync(db, _fixture.Options, Bureau, CircleDashboardFixture.Today);

        var xlsx = Xlsx(figures);

        var communities = XlsxText.Read(xlsx, "社区");
        Assert.Equal("社区代码", communities[0][0]);
        Assert.Equal(["369801001001", "甲社区", "一街道", "一区", "3", "2", "1", "1", "2", "5", "已达标", "2026-11"], communities[1]);
        Assert.Equal(["369802001001", "丙社区", "二街道", "二区", "1", "1", "0", "1", "1", "5", "未评估", string.Empty], communities[3]);
        var districts = XlsxText.Read(xlsx, "区县");
        Assert.Equal(["一区", "2", "3", "2", "2", "5", "2", "1", "50"], districts[1]);
        var share = XlsxText.Read(xlsx, "达标率");
        Assert.Equal(["2026-11", "3", "1", "33.3", "70"], share[2]);
    }
}

public sealed class SqliteCircleDashboardTests(SqliteCircleDashboardFixture fixture) : CircleDashboardTests(fixture), IClassFixture<SqliteCircleDashboardFixture>;

public sealed class PostgresCircleDashboardTests(PostgresCircleDashboardFixture fixture) : CircleDashboardTests(fixture), IClassFixture<PostgresCircleDashboardFixture>;

/// <summary>The export endpoint over the seeded demo city: the caller's scope, the same figures as the query.</summary>
public abstract class CircleDashboardExportTests
{
    private readonly PortalApp _app;

    protected CircleDashboardExportTests(PortalApp app)
    {
        _app = app;
    }

    [Theory]
    [InlineData("officer1")]
    [InlineData("station1")]
    public async Task The_export_holds_the_callers_communities_with_the_dashboards_figures(string userName)
    {
        var client = await _app.SignedInClientAsync(userName);

        using var response = await client.GetAsync("/api/v1/circles/dashboard/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(EmploymentPortal.Web.Infrastructure.Xlsx.XlsxExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        var rows = XlsxText.Read(await response.Content.ReadAsByteArrayAsync(), "社区");
        var expected = await ExpectedAsync(userName);
        Assert.Equal(expected.Communities.Select(c => c.Code), rows.Skip(1).Select(r => r[0]));
        Assert.Equal(expected.Communities.Select(c => c.RegisteredUnemployed.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Skip(1).Select(r => r[5]));
        Assert.Equal(expected.Communities.Select(c => c.OpeningsWithinRadius.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Skip(1).Select(r => r[9]));
        if (userName == "station1")
        {
            Assert.Equal(2, rows.Count - 1);
        }
        else
        {
            await using var db = _app.Database.CreateContext();
            Assert.Equal(await db.Communities.CountAsync(), rows.Count - 1);
        }
    }

    [Theory]
    [InlineData("/lib/leaflet/leaflet.js", "text/javascript")]
    [InlineData("/lib/leaflet/leaflet.css", "text/css")]
    [InlineData("/js/circleMap.js", "text/javascript")]
    public async Task The_vendored_Leaflet_and_the_map_module_are_served(string path, string mediaType)
    {
        using var client = _app.Factory.CreateAnonymousClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 1000);
    }

    private async Task<Figures> ExpectedAsync(string userName)
    {
        await using var scope = _app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        var principal = PortalPrincipal.From(await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user));
        await using var db = _app.Database.CreateContext();
        return await ForAsync(db, scope.ServiceProvider.GetRequiredService<IOptions<CircleOptions>>().Value, principal, scope.ServiceProvider.GetRequiredService<PortalCalendar>().Today);
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteCircleDashboardExportTests(SqlitePortalApp app) : CircleDashboardExportTests(app);

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresCircleDashboardExportTests(PostgresPortalApp app) : CircleDashboardExportTests(app);
