using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Hires;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Testing;
using EmploymentPortal.Web.Features.Claims;
using EmploymentPortal.Web.Features.Home;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.IntegrationTests.Web;

/// <summary>
/// The enterprise's and the officer's home figures on both providers, for an enterprise of its
/// own with one recorded hire: the subsidy it may claim now is the amount the claim path then
/// decides, and disappears once claimed; the officer's queue counts the submitted claim by age;
/// a claim returned for correction counts for its enterprise only.
/// </summary>
public abstract class HomeWorkTests
{
    private static int _sequence;
    private readonly PortalApp _app;

    protected HomeWorkTests(PortalApp app)
    {
        _app = app;
    }

    private ClaimDecider Decider => _app.Factory.Services.GetRequiredService<ClaimDecider>();

    private DateOnly Today => _app.Factory.Services.GetRequiredService<PortalCalendar>().Today;

    [Fact]
    public async Task Enterprise_may_claim_the_absorption_subsidy_of_its_hire_at_the_amount_the_claim_gets_until_it_is_claimed()
    {
        var (enterpriseId, userName) = await EnterpriseOfItsOwnAsync();
        var hireId = await HireAsync(enterpriseId);
        ClaimableSubsidies.Person person;
        await using (var db = _app.Database.CreateContext())
        {
            var claimable = await ClaimableSubsidies.ForAsync(db, Decider, enterpriseId, Today);
            var absorption = Assert.Single(claimable, b => b.Id == "absorption");
            Assert.Equal("一次性吸纳就业补贴", absorption.Name);
            person = Assert.Single(absorption.People);
            Assert.Equal(hireId, person.HireId);
            var enterprise1 = await db.Users.Where(u => u.UserName == "enterprise1").Select(u => u.EnterpriseId!.Value).SingleAsync();
            var others = await ClaimableSubsidies.ForAsync(db, Decider, enterprise1, Today);
            Assert.DoesNotContain(others.SelectMany(b => b.People), p => p.HireId == hireId);
        }

        var claim = await ClaimAsync(userName, person.RuleId, hireId);

        Assert.Equal(person.Amount.ToYuan(), decimal.Parse(claim.GetProperty("amount").GetString()!, CultureInfo.InvariantCulture));
        await using var after = _app.Database.CreateContext();
        var left = await ClaimableSubsidies.ForAsync(after, Decider, enterpriseId, Today);
        Assert.DoesNotContain(left.Where(b => b.Id == "absorption").SelectMany(b => b.People), p => p.HireId == hireId);
    }

    [Fact]
    public async Task Officer_queue_counts_a_submitted_claim_by_its_age_and_a_returned_claim_counts_for_its_enterprise_only()
    {
        var (enterpriseId, userName) = await EnterpriseOfItsOwnAsync();
        var hireId = await HireAsync(enterpriseId);
        ClaimableSubsidies.Person person;
        PortalPrincipal officer;
        HomeQueries.OfficerWork[] before;
        await using (var db = _app.Database.CreateContext())
        {
            person = (await ClaimableSubsidies.ForAsync(db, Decider, enterpriseId, Today)).Single(b => b.Id == "absorption").People.Single();
            officer = await OfficerAsync(db);
            before = [await HomeQueries.OfficerAsync(db, officer, Today), await HomeQueries.OfficerAsync(db, officer, Today.AddDays(5)), await HomeQueries.OfficerAsync(db, officer, Today.AddDays(8))];
        }

        var claim = await ClaimAsync(userName, person.RuleId, hireId);

        await using (var db = _app.Database.CreateContext())
        {
            var now = await HomeQueries.OfficerAsync(db, officer, Today);
            var in5Days = await HomeQueries.OfficerAsync(db, officer, Today.AddDays(5));
            var in8Days = await HomeQueries.OfficerAsync(db, officer, Today.AddDays(8));
            Assert.Equal((before[0].WaitingUpTo3Days + 1, before[0].Waiting4To7Days, before[0].WaitingOver7Days), (now.WaitingUpTo3Days, now.Waiting4To7Days, now.WaitingOver7Days));
            Assert.Equal((before[1].WaitingUpTo3Days, before[1].Waiting4To7Days + 1, before[1].WaitingOver7Days), (in5Days.WaitingUpTo3Days, in5Days.Waiting4To7Days, in5Days.WaitingOver7Days));
            Assert.Equal((before[2].WaitingUpTo3Days, before[2].Waiting4To7Days, before[2].WaitingOver7Days + 1), (in8Days.WaitingUpTo3Days, in8Days.Waiting4To7Days, in8Days.WaitingOver7Days));
        }

        var officerClient = await _app.SignedInClientAsync("officer1");
        var id = claim.GetProperty("id").GetGuid();
        var returned = await officerClient.PostAsJsonAsync($"/api/v1/claims/{id}/return", new { reason = "请补充劳动合同。" });
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);

        await using var after = _app.Database.CreateContext();
        var mine = await HomeQueries.EnterpriseAsync(after, enterpriseId, []);
        var enterprise1 = await after.Users.Where(u => u.UserName == "enterprise1").Select(u => u.EnterpriseId!.Value).SingleAsync();
        var theirs = await HomeQueries.EnterpriseAsync(after, enterprise1, []);
        Assert.Equal(1, mine.ReturnedClaims);
        Assert.Equal([id], mine.Returned.Select(c => c.Id));
        Assert.Equal("一次性吸纳就业补贴", mine.Returned[0].Benefit);
        Assert.DoesNotContain(theirs.Returned, c => c.Id == id);
        Assert.Equal(before[0].Waiting, (await HomeQueries.OfficerAsync(after, officer, Today)).Waiting);
    }

    /// <summary>A verified enterprise in station1's first community with a user of its own.</summary>
    private async Task<(Guid EnterpriseId, string UserName)> EnterpriseOfItsOwnAsync()
    {
        var userName = await _app.CreateUserAsync(PortalRoles.EnterpriseUser);
        await using var db = _app.Database.CreateContext();
        var community = await CommunityAsync(db);
        var enterprise = TestCity.NewEnterprise(community, name: $"江州首页测试{Interlocked.Increment(ref _sequence)}有限公司");
        enterprise.Verify();
        db.Enterprises.Add(enterprise);
        await db.SaveChangesAsync();
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        user.EnterpriseId = enterprise.Id;
        await db.SaveChangesAsync();
        return (enterprise.Id, userName);
    }

    /// <summary>
    /// A resident of station1's first community registered unemployed on 2020-01-06 and hired on
    /// 2020-08-03 (12-month contract, insured), as in ClaimFromHireTests: the 2020 absorption rule applies.
    /// </summary>
    private async Task<Guid> HireAsync(Guid enterpriseId)
    {
        await using var db = _app.Database.CreateContext();
        var community = await CommunityAsync(db);
        var n = Interlocked.Increment(ref _sequence);
        var birth = new DateOnly(1972, 5, 1).AddDays((n * 37) + (_app.Factory.Provider == EmploymentPortal.Data.DatabaseProvider.Postgres ? 3000 : 0));
        var resident = new Resident($"首页{n}", IdCardNumber.Parse(TestData.IdNumber(birth, Sex.Male)), PhoneNumber.Parse("13800138000"), community);
        var registered = new DateOnly(2020, 1, 6);
        var hired = new DateOnly(2020, 8, 3);
        resident.RegisterUnemployed(registered, $"SYH{n:D6}{(int)_app.Factory.Provider}");
        var enterprise = await db.Enterprises.SingleAsync(e => e.Id == enterpriseId);
        var hire = Hire.Record(
            enterprise,
            resident,
            new HireTerms("仓库管理员", hired, ContractType.FixedTerm, hired, hired.AddYears(1).AddDays(-1), true, hired),
            new HireRecorder(HireRecorderRole.Enterprise, "home-test", DateTimeOffset.UtcNow),
            Today);
        db.Residents.Add(resident);
        db.Hires.Add(hire);
        await db.SaveChangesAsync();
        return hire.Id;
    }

    private async Task<JsonElement> ClaimAsync(string userName, string ruleId, Guid hireId)
    {
        var client = await _app.SignedInClientAsync(userName);
        var created = await client.PostAsJsonAsync("/api/v1/claims", new { benefit = "absorption", ruleId, hireId, facts = new { }, payeeAccount = "6222020200776655", submit = true });
        var text = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<Guid> CommunityAsync(EmploymentPortal.Data.PortalDbContext db)
    {
        var station = await db.Users.AsNoTracking().Include(u => u.CommunityScopes).SingleAsync(u => u.UserName == "station1");
        return station.CommunityScopes.First().CommunityId;
    }

    private static async Task<PortalPrincipal> OfficerAsync(EmploymentPortal.Data.PortalDbContext db)
    {
        var id = await db.Users.Where(u => u.UserName == "officer1").Select(u => u.Id).SingleAsync();
        return new PortalPrincipal(id, "officer1", "经办人", new HashSet<string> { PortalRoles.BureauOfficer }, new HashSet<Guid>(), null);
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteHomeWorkTests : HomeWorkTests
{
    public SqliteHomeWorkTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresHomeWorkTests : HomeWorkTests
{
    public PostgresHomeWorkTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
