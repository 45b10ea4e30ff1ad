using EmploymentPortal.Testing;
using EmploymentPortal.Data.Security;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmploymentPortal.Data.Seeding;
using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Hires;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.IntegrationTests.Claims;

/// <summary>
/// Claims from recorded hires on both providers: the hire facts come from the hire (stated values
/// for the same facts are overridden), the person facts from the registration history before the
/// hire, a re-decision after a return for correction uses the same hire, and a hire of another
/// enterprise (or none) is "not found".
/// </summary>
public abstract class ClaimFromHireTests
{
    private const string LongTermUnemployed = "nanhe-2020-1.absorption-long-term-unemployed";
    private static readonly DateOnly Registered = new(2020, 1, 6);
    private static readonly DateOnly Hired = new(2020, 8, 3);
    private static int _sequence;
    private readonly PortalApp _app;

    protected ClaimFromHireTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task An_enterprise_claims_the_absorption_subsidy_from_its_recorded_hire_and_the_facts_come_from_the_hire()
    {
        var enterprise1 = await EnterpriseOfAsync("enterprise1");
        var (residentId, hireId) = await HiredResidentAsync(enterprise1);
        var enterprise = await _app.SignedInClientAsync("enterprise1");
        var officer = await _app.SignedInClientAsync("officer1");

        // The enterprise states other hire facts and another registration date: the records win.
        var created = await enterprise.PostAsJsonAsync("/api/v1/claims", new
        {
            benefit = "absorption",
            ruleId = LongTermUnemployed,
            hireId,
            facts = new
            {
                hire = new { date = "2020-12-01", contractMonths = 36, socialInsurancePaid = false },
                person = new { registeredUnemployedSince = "2019-01-01" },
            },
            payeeAccount = "6222020200776655",
            submit = true,
        });

        var text = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, text);
        using var json = JsonDocument.Parse(text);
        Assert.Equal("recorded-hire", json.RootElement.GetProperty("factSource").GetString());
        Assert.Equal("Eligible", json.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("1000.00", json.RootElement.GetProperty("amount").GetString());
        var id = json.RootElement.GetProperty("id").GetGuid();

        await using (var db = _app.Database.CreateContext())
        {
            var claim = await db.Claims.SingleAsync(c => c.Id == id);
            Assert.Equal(hireId, claim.HireId);
            Assert.Equal(residentId, claim.ResidentId);
            Assert.Equal(enterprise1, claim.EnterpriseId);
            var facts = JsonNode.Parse(claim.FactsJson)!;
            Assert.Equal("2020-08-03", facts["hire"]!["date"]!.GetValue<string>());
            Assert.Equal(12, facts["hire"]!["contractMonths"]!.GetValue<int>());
            Assert.True(facts["hire"]!["socialInsurancePaid"]!.GetValue<bool>());
            Assert.Equal("fixedTerm", facts["hire"]!["contractType"]!.GetValue<string>());

            // Registered unemployed until the hire, although the resident is employed today.
            Assert.Equal("2020-01-06", facts["person"]!["registeredUnemployedSince"]!.GetValue<string>());
            Assert.True(facts["person"]!["registeredUnemployed"]!.GetValue<bool>());
            Assert.Equal(enterprise1.ToString(), facts["enterprise"]!["id"]!.GetValue<string>());
        }

        var page = await enterprise.GetStringAsync($"/claims/{id}");
        Assert.Contains("录用登记记录", page, StringComparison.Ordinal);
        Assert.DoesNotContain("企业申报（未核验）", page, StringComparison.Ordinal);
        Assert.Contains("仓库管理员 · 2020-08-03", page, StringComparison.Ordinal);

        // Returned for correction and submitted again with "corrections": decided on the same hire.
        var returned = await officer.PostAsJsonAsync($"/api/v1/claims/{id}/return", new { reason = "请核对录用日期。" });
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        var resubmitted = await enterprise.PostAsJsonAsync($"/api/v1/claims/{id}/submit", new { facts = new { hire = new { date = "2020-12-31", contractMonths = 6 } } });
        Assert.True(resubmitted.StatusCode == HttpStatusCode.OK, await resubmitted.Content.ReadAsStringAsync());

        await using var after = _app.Database.CreateContext();
        var again = await after.Claims.SingleAsync(c => c.Id == id);
        Assert.Equal(ClaimStatus.Submitted, again.Status);
        Assert.Equal(hireId, again.HireId);
        Assert.Equal(ClaimOutcome.Eligible, again.Outcome);
        Assert.Equal(Money.FromFen(100_000), again.Amount);
        var refacts = JsonNode.Parse(again.FactsJson)!;
        Assert.Equal("2020-08-03", refacts["hire"]!["date"]!.GetValue<string>());
        Assert.Equal(12, refacts["hire"]!["contractMonths"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_hire_of_another_enterprise_is_not_found_only_enterprises_claim_from_hires_and_the_person_must_be_the_hires()
    {
        var enterprise1 = await EnterpriseOfAsync("enterprise1");
        Guid other;
        await using (var db = _app.Database.CreateContext())
        {
            other = await db.Enterprises.Where(e => e.Status == EnterpriseStatus.Verified && e.Id != enterprise1).OrderBy(e => e.CreditCode).Select(e => e.Id).FirstAsync();
        }

        var (residentId, othersHire) = await HiredResidentAsync(other);
        var enterprise = await _app.SignedInClientAsync("enterprise1");
        var station = await _app.SignedInClientAsync("station1");
        object Body(Guid hire) => new { benefit = "absorption", ruleId = LongTermUnemployed, hireId = hire, facts = new { }, payeeAccount = "6222020200776655", submit = true };

        var foreign = await enterprise.PostAsJsonAsync("/api/v1/claims", Body(othersHire));
        var unknown = await enterprise.PostAsJsonAsync("/api/v1/claims", Body(Guid.NewGuid()));
        var byStation = await station.PostAsJsonAsync("/api/v1/claims", Body(othersHire));
        var (_, ownHire) = await HiredResidentAsync(enterprise1);
        string someoneElse;
        await using (var db = _app.Database.CreateContext())
        {
            someoneElse = await db.Residents.Where(r => r.Id == residentId).Select(r => r.IdNumber).SingleAsync();
        }

        var mismatch = await enterprise.PostAsJsonAsync("/api/v1/claims", new { benefit = "absorption", ruleId = LongTermUnemployed, hireId = ownHire, residentIdNumber = someoneElse, facts = new { }, payeeAccount = "6222020200776655" });

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, byStation.StatusCode);
        Assert.Contains("hireId", await byStation.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Contains("hireId", await mismatch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var after = _app.Database.CreateContext();
        Assert.False(await after.Claims.AnyAsync(c => c.ResidentId == residentId));
    }

    [Fact]
    public async Task Twenty_parallel_claims_from_one_hire_produce_exactly_one_claim()
    {
        var (residentId, hireId) = await HiredResidentAsync(await EnterpriseOfAsync("enterprise1"));
        var enterprise = await _app.SignedInClientAsync("enterprise1");
        var body = new { benefit = "absorption", ruleId = LongTermUnemployed, hireId, facts = new { }, payeeAccount = "6222020200776655", submit = true };

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => enterprise.PostAsJsonAsync("/api/v1/claims", body)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        await using var db = _app.Database.CreateContext();
        var claim = Assert.Single(await db.Claims.Where(c => c.ResidentId == residentId).ToListAsync());
        Assert.Equal(hireId, claim.HireId);
        Assert.Equal(ClaimStatus.Submitted, claim.Status);
    }

    private async Task<Guid> EnterpriseOfAsync(string userName)
    {
        await using var db = _app.Database.CreateContext();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.EnterpriseId!.Value).SingleAsync();
    }

    /// <summary>
    /// A resident of station1's first community, registered unemployed on 2020-01-06 and hired by
    /// <paramref name="enterpriseId"/> on 2020-08-03 (12-month contract, insured): the 2020 rule of
    /// Nanhe applies to that hire date.
    /// </summary>
    private async Task<(Guid ResidentId, Guid HireId)> HiredResidentAsync(Guid enterpriseId)
    {
        await using var db = _app.Database.CreateContext();
        var station = await db.Users.AsNoTracking().Include(u => u.CommunityScopes).SingleAsync(u => u.UserName == "station1");
        var community = station.CommunityScopes.First().CommunityId;
        var n = Interlocked.Increment(ref _sequence);
        var birth = new DateOnly(1970, 3, 1).AddDays((n * 41) + (_app.Factory.Provider == EmploymentPortal.Data.DatabaseProvider.Postgres ? 3000 : 0));
        var idNumber = TestData.IdNumber(birth, Sex.Female);

        var resident = new Resident($"录用{n}", IdCardNumber.Parse(idNumber), PhoneNumber.Parse("13800138000"), community);
        resident.RegisterUnemployed(Registered, $"SYT{n:D6}{(int)_app.Factory.Provider}");
        var enterprise = await db.Enterprises.SingleAsync(e => e.Id == enterpriseId);
        var hire = Hire.Record(
            enterprise,
            resident,
            new HireTerms("仓库管理员", Hired, ContractType.FixedTerm, Hired, Hired.AddYears(1).AddDays(-1), true, Hired),
            new HireRecorder(HireRecorderRole.Enterprise, "enterprise1", DateTimeOffset.UtcNow),
            DateOnly.FromDateTime(DateTime.UtcNow));
        db.Residents.Add(resident);
        db.Hires.Add(hire);
        await db.SaveChangesAsync();
        return (resident.Id, hire.Id);
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteClaimFromHireTests : ClaimFromHireTests
{
    public SqliteClaimFromHireTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresClaimFromHireTests : ClaimFromHireTests
{
    public PostgresClaimFromHireTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
