using EmploymentPortal.Testing;
using EmploymentPortal.Data.Auditing;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.Data.Seeding;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.IntegrationTests.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.IntegrationTests.Seeding;

/// <summary>The demo city the portal seeds on start, read back from each provider.</summary>
public abstract class DemoDataTests
{
    // The demo city's division codes start 3699; the districts other tests of the same app add
    // use 3691xx-3698xx (TestCity, the circle dashboard tests).
    private const string DemoCityPrefix = "3699";

    private readonly PortalApp _app;

    protected DemoDataTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task Every_demo_resident_has_a_valid_id_card_number_matching_birth_date_and_sex()
    {
        await using var db = _app.Database.CreateContext();

        // Residents registered by other tests of the same app use region 110101 or TestData's
        // regions, which the demo city never does. ID numbers are encrypted, so the region is
        // compared after reading.
        var residents = (await db.Residents.AsNoTracking().Select(r => new { r.IdNumber, r.BirthDate, r.Sex }).ToListAsync())
            .Where(r => !r.IdNumber.StartsWith(ResidentRegistryTests.TestRegionCode, StringComparison.Ordinal) && !TestData.IsTestIdNumber(r.IdNumber)).ToList();

        Assert.Equal(DemoDataSeeder.ResidentCount, residents.Count);
        Assert.All(residents, r =>
        {
            var number = IdCardNumber.Parse(r.IdNumber);
            Assert.Equal(r.IdNumber, number.Value);
            Assert.Equal(r.BirthDate, number.BirthDate);
            Assert.Equal(r.Sex, number.Sex);
        });
    }

    [Fact]
    public async Task Every_demo_enterprise_has_a_valid_unified_social_credit_code()
    {
        await using var db = _app.Database.CreateContext();

        var codes = await db.Enterprises.AsNoTracking().Select(e => e.CreditCode).ToListAsync();

        // Other tests of the shared app sign up enterprises of their own, hence "at least".
        Assert.True(codes.Count >= DemoDataSeeder.EnterpriseCount, $"{codes.Count} enterprises");
        Assert.All(codes, code => Assert.Equal(code, UnifiedSocialCreditCode.Parse(code).Value));
    }

    [Fact]
    public async Task Demo_city_has_four_districts_and_its_stations_lie_within_30_km_of_the_centre()
    {
        await using var db = _app.Database.CreateContext();

        var districts = await db.Districts.CountAsync(d => d.Code.StartsWith(DemoCityPrefix));
        var streets = await db.Streets.CountAsync(s => s.Code.StartsWith(DemoCityPrefix));
        var stations = await db.Communities.AsNoTracking().Where(c => c.Code.StartsWith(DemoCityPrefix))
            .Select(c => new { c.StationLatitude, c.StationLongitude }).ToListAsync();

        Assert.Equal(4, districts);
        Assert.InRange(streets, 10, 14);
        Assert.InRange(stations.Count, 35, 45);
        var centre = GeoPoint.Create(28.6820, 115.8580);
        Assert.All(stations, s => Assert.InRange(GeoPoint.Create(s.StationLatitude, s.StationLongitude).DistanceKmTo(centre), 0, 30));
    }

    [Fact]
    public async Task Station_staff_are_scoped_to_their_communities_and_enterprise_users_to_an_enterprise()
    {
        await using var db = _app.Database.CreateContext();

        var station1 = await ScopeNamesAsync(db, "station1");
        var station2 = await ScopeNamesAsync(db, "station2");
        var enterpriseUsers = await db.Users.AsNoTracking().Where(u => u.UserName!.StartsWith("enterprise")).Select(u => u.EnterpriseId).ToListAsync();

        Assert.Equal(["东湖社区", "滨江社区"], station1.Order());
        Assert.Equal(["西山社区"], station2);
        Assert.Equal(2, enterpriseUsers.Count);
        Assert.All(enterpriseUsers, id => Assert.NotNull(id));
    }

    [Fact]
    public async Task Demo_station_has_registered_unemployed_residents_some_of_them_overdue_this_month()
    {
        await using var db = _app.Database.CreateContext();
        var station1Communities = await db.Communities.Where(c => c.Name == "东湖社区" || c.Name == "滨江社区").Select(c => c.Id).ToListAsync();
        var registered = await db.Residents.CountAsync(r => station1Communities.Contains(r.CommunityId) && r.CurrentStatus == EmploymentPortal.Domain.Residents.EmploymentStatus.RegisteredUnemployed);
        var client = await _app.SignedInClientAsync("station1");

        using var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/v1/followups/overdue?pageSize=1"));

        var overdue = json.RootElement.GetProperty("total").GetInt32();
        Assert.InRange(overdue, 1, registered - 1);
    }

    [Fact]
    public async Task Seeding_again_changes_nothing()
    {
        await using var scope = _app.Factory.Services.CreateAsyncScope();
        await using var db = _app.Database.CreateContext();
        var residentsBefore = await db.Residents.CountAsync();

        var report = await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();

        Assert.False(report.Created);
        Assert.Equal(DemoDataSeeder.Accounts.Select(a => a.UserName), report.Accounts.Select(a => a.UserName));
        Assert.Equal(residentsBefore, await db.Residents.CountAsync());
    }

    [Fact]
    public async Task Audit_chain_of_the_running_portal_verifies()
    {
        using var client = await _app.Factory.CreateSignedInClientAsync("officer1");
        await using var db = _app.Database.CreateContext();

        var verification = await _app.Database.Verifier.VerifyAsync(db);

        Assert.True(verification.IsIntact, verification.Message);
        Assert.True(verification.CheckedRows > DemoDataSeeder.ResidentCount + DemoDataSeeder.EnterpriseCount);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(PortalUser) && e.Action == AuditAction.Update), "a sign-in updates the user and is audited");
    }

    private static async Task<List<string>> ScopeNamesAsync(EmploymentPortal.Data.PortalDbContext db, string userName) =>
        await (from user in db.Users
               join scope in db.UserCommunityScopes on user.Id equals scope.UserId
               join community in db.Communities on scope.CommunityId equals community.Id
               where user.UserName == userName
               select community.Name).ToListAsync();
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteDemoDataTests : DemoDataTests
{
    public SqliteDemoDataTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresDemoDataTests : DemoDataTests
{
    public PostgresDemoDataTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
