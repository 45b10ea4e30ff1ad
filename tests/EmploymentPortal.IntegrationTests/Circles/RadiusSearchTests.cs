using EmploymentPortal.Testing;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Web.Features.Circles;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.IntegrationTests.Circles;

/// <summary>
/// The GeoGrid radius search against a brute-force great-circle filter, on a fresh database of
/// each provider: random vacancies and resident homes around a centre, plus points placed just
/// inside and just outside the circle's edge and exactly on cell boundaries, for several radii.
/// </summary>
public abstract class RadiusSearchFixture : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2026, 11, 22);
    private readonly DatabaseProvider _provider;
    private TestDatabase? _database;

    protected RadiusSearchFixture(DatabaseProvider provider)
    {
        _provider = provider;
    }

    public TestDatabase Database => _database!;

    public List<(Guid Id, GeoPoint Point)> Vacancies { get; } = [];

    public List<(Guid Id, GeoPoint Point)> Homes { get; } = [];

    public GeoPoint Centre { get; } = GeoPoint.Create(28.6805, 115.8605);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(_provider);
        await _database.MigrateAsync();
        await using var db = _database.CreateContext();
        var community = await TestCity.AddCommunityAsync(db);
        var enterprise = TestCity.NewEnterprise(community.Id);
        enterprise.Verify();
        db.Enterprises.Add(enterprise);

        var random = new Random(7);
        var points = new List<GeoPoint>();
        for (var i = 0; i < 600; i++)
        {
            // Uniform in a 24 km square around the centre.
            points.Add(GeoPoint.Create(Centre.Latitude + ((random.NextDouble() - 0.5) * 0.22), Centre.Longitude + ((random.NextDouble() - 0.5) * 0.25)));
        }

        foreach (var radius in RadiusSearchTests.Radii)
        {
            for (var k = 0; k < 24; k++)
            {
                // On the edge, a hair inside and outside (the destination formula is exact to ~1e-9 km).
                var bearing = (k * 15 + random.NextDouble()) * Math.PI / 180;
                points.Add(Destination(Centre, radius - 1e-6, bearing));
                points.Add(Destination(Centre, radius + 1e-6, bearing));
            }
        }

        for (var row = -40; row <= 40; row += 3)
        {
            // Exactly on grid lines (cell boundaries) in latitude and longitude.
            var lat = Math.Round(Centre.Latitude + (row / 100.0), 2);
            var lon = Math.Round(Centre.Longitude + (random.Next(-30, 31) / 100.0), 2);
            points.Add(GeoPoint.Create(lat, lon));
            points.Add(GeoPoint.Create(lat, Centre.Longitude + ((random.NextDouble() - 0.5) * 0.6)));
        }

        var i2 = 0;
        foreach (var point in points)
        {
            var vacancy = Vacancy.Draft(enterprise, new VacancyDetails(
                $"岗位{i2}", OccupationGroup.Production, "普工", 1, Money.FromFen(300_000), Money.FromFen(400_000), WorkType.FullTime,
                community.Id, "测试路", point, "无", false, false, true, Today.AddDays(30)), Today);
            vacancy.Submit(enterprise, Today);
            vacancy.Approve(enterprise, Today, DateTimeOffset.UtcNow);
            db.Vacancies.Add(vacancy);
            Vacancies.Add((vacancy.Id, point));

            var resident = new Resident("测试", IdCardNumber.Parse(TestData.IdNumber(new DateOnly(1980, 1, 1).AddDays(i2 % 9000))), PhoneNumber.Parse("13800000000"), community.Id);
            resident.SetHome(point);
            db.Residents.Add(resident);
            Homes.Add((resident.Id, point));
            i2++;
        }

        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>The point <paramref name="distanceKm"/> from <paramref name="from"/> along <paramref name="bearing"/> (great circle).</summary>
    private static GeoPoint Destination(GeoPoint from, double distanceKm, double bearing)
    {
        var d = distanceKm / GeoPoint.MeanEarthRadiusKm;
        var lat1 = from.Latitude * Math.PI / 180;
        var lon1 = from.Longitude * Math.PI / 180;
        var lat2 = Math.Asin((Math.Sin(lat1) * Math.Cos(d)) + (Math.Cos(lat1) * Math.Sin(d) * Math.Cos(bearing)));
        var lon2 = lon1 + Math.Atan2(Math.Sin(bearing) * Math.Sin(d) * Math.Cos(lat1), Math.Cos(d) - (Math.Sin(lat1) * Math.Sin(lat2)));
        return GeoPoint.Create(lat2 * 180 / Math.PI, lon2 * 180 / Math.PI);
    }
}

public sealed class SqliteRadiusSearchFixture() : RadiusSearchFixture(DatabaseProvider.Sqlite);

public sealed class PostgresRadiusSearchFixture() : RadiusSearchFixture(DatabaseProvider.Postgres);

public abstract class RadiusSearchTests
{
    private static readonly DateOnly Today = RadiusSearchFixture.Today;
    private readonly RadiusSearchFixture _fixture;

    protected RadiusSearchTests(RadiusSearchFixture fixture)
    {
        _fixture = fixture;
    }

    private TestDatabase Db => _fixture.Database;

    private List<(Guid Id, GeoPoint Point)> AllVacancies => _fixture.Vacancies;

    private List<(Guid Id, GeoPoint Point)> AllHomes => _fixture.Homes;

    private GeoPoint Centre => _fixture.Centre;

    public static readonly double[] Radii = [0.5, 1.2, 3.0, 7.5];

    public static TheoryData<double> RadiusData => [.. Radii];

    [Theory]
    [MemberData(nameof(RadiusData))]
    public async Task Vacancies_within_the_radius_equal_a_brute_force_filter(double radiusKm)
    {
        await using var db = Db.CreateContext();
        var expected = AllVacancies.Where(v => Centre.DistanceKmTo(v.Point) <= radiusKm).Select(v => v.Id).OrderBy(id => id).ToList();

        var found = await CircleQueries.VacanciesNearAsync(db, Centre, radiusKm, Today);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, found.Select(v => v.Id).OrderBy(id => id).ToList());
        Assert.Equal(found.OrderBy(v => v.DistanceKm).ThenBy(v => v.Id).Select(v => v.Id), found.Select(v => v.Id));
    }

    [Theory]
    [MemberData(nameof(RadiusData))]
    public async Task ResidentAllHomes_within_the_radius_equal_a_brute_force_filter(double radiusKm)
    {
        await using var db = Db.CreateContext();
        var expected = AllHomes.Where(h => Centre.DistanceKmTo(h.Point) <= radiusKm).Select(h => h.Id).OrderBy(id => id).ToList();

        var found = await CircleQueries.ResidentIdsNearAsync(db.Residents, Centre, radiusKm);

        Assert.Equal(expected, found.Select(r => r.Id).OrderBy(id => id).ToList());
    }

    [Fact]
    public async Task RandomCentres_on_cell_boundaries_match_the_brute_force_filter()
    {
        await using var db = Db.CreateContext();
        var random = new Random(11);
        for (var n = 0; n < 12; n++)
        {
            var centre = GeoPoint.Create(Math.Round(Centre.Latitude + ((random.NextDouble() - 0.5) * 0.1), 2), Centre.Longitude + ((random.NextDouble() - 0.5) * 0.1));
            var radius = 0.3 + (random.NextDouble() * 5);
            var expected = AllVacancies.Where(v => centre.DistanceKmTo(v.Point) <= radius).Select(v => v.Id).OrderBy(id => id).ToList();

            var found = await CircleQueries.VacanciesNearAsync(db, centre, radius, Today);

            Assert.Equal(expected, found.Select(v => v.Id).OrderBy(id => id).ToList());
        }
    }

    [Theory]
    [InlineData(1, 3.0)]
    [InlineData(7, 3.0)]
    [InlineData(50, 3.0)]
    [InlineData(50, 1.2)]
    [InlineData(2000, 7.5)]
    public async Task The_nearest_vacancies_equal_the_brute_force_nearest_within_the_radius(int count, double radiusKm)
    {
        await using var db = Db.CreateContext();
        var random = new Random(count);
        foreach (var centre in new[] { Centre, GeoPoint.Create(Centre.Latitude + 0.03, Centre.Longitude - 0.02), GeoPoint.Create(Centre.Latitude + ((random.NextDouble() - 0.5) * 0.1), Centre.Longitude) })
        {
            var expected = AllVacancies.Select(v => (v.Id, Distance: centre.DistanceKmTo(v.Point)))
                .Where(v => v.Distance <= radiusKm).OrderBy(v => v.Distance).ThenBy(v => v.Id).Take(count).Select(v => v.Id).ToList();

            var found = await CircleQueries.NearestVacanciesAsync(db, centre, radiusKm, count, Today);
            var onBoard = await CircleQueries.NearestOnBoardAsync(db, new VacancyBoardCache(new EmploymentPortal.Data.EntityChangeSignal(), TimeProvider.System), centre, radiusKm, count, Today);

            Assert.NotEmpty(expected);
            Assert.Equal(expected, found.Select(v => v.Id).ToList());
            Assert.Equal(expected, onBoard.Select(v => v.Id).ToList());
        }
    }

    [Fact]
    public async Task Recommendations_ranked_from_the_in_memory_board_equal_the_database_ranking()
    {
        await using var db = Db.CreateContext();
        var cache = new VacancyBoardCache(new EmploymentPortal.Data.EntityChangeSignal(), TimeProvider.System);
        var officer = new EmploymentPortal.Web.Infrastructure.Security.PortalPrincipal("officer", "officer", "经办", new HashSet<string> { EmploymentPortal.Data.Identity.PortalRoles.BureauOfficer }, new HashSet<Guid>(), null);
        foreach (var (id, _) in AllHomes.Where((_, i) => i % 60 == 0))
        {
            var fromDb = await CircleQueries.RecommendationsAsync(db, new CircleOptions(), officer, id, Today);
            var fromBoard = await CircleQueries.RecommendationsAsync(db, new CircleOptions(), officer, id, Today, null, default, cache, 50);

            Assert.Equal(fromDb!.Total, fromBoard!.Total);
            Assert.Equal(fromDb.Items.Take(50).Select(r => (r.Vacancy.Id, r.Score, r.Vacancy.DistanceKm)), fromBoard.Items.Select(r => (r.Vacancy.Id, r.Score, r.Vacancy.DistanceKm)));
        }
    }

    [Fact]
    public async Task Stored_cells_are_the_domain_cells()
    {
        await using var db = Db.CreateContext();

        var rows = await db.Vacancies.AsNoTracking().Select(v => new { v.Latitude, v.Longitude, v.GeoCell }).ToListAsync();

        Assert.All(rows, r => Assert.Equal(GeoGrid.CellOf(r.Latitude, r.Longitude), r.GeoCell));
    }
}

public sealed class SqliteRadiusSearchTests(SqliteRadiusSearchFixture fixture) : RadiusSearchTests(fixture), IClassFixture<SqliteRadiusSearchFixture>;

public sealed class PostgresRadiusSearchTests(PostgresRadiusSearchFixture fixture) : RadiusSearchTests(fixture), IClassFixture<PostgresRadiusSearchFixture>;
