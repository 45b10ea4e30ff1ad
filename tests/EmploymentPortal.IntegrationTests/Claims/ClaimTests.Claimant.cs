using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Web.Features.Claims;
using Microsoft.EntityFrameworkCore;
using static EmploymentPortal.IntegrationTests.Claims.ClaimTestData;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.IntegrationTests.Claims;

/// <summary>
/// The claimant's side (issue 15): withdrawing a claim until an officer acts, an ineligible draft
/// that does not block the same facts under the right rule, and the rules offered in force for the
/// claimant's area on the claim date.
/// </summary>
public abstract partial class ClaimTests
{
    private const string LongTermUnemployed = "nanhe-2020-1.absorption-long-term-unemployed";
    private const string GraduatesSme = "nanhe-2020-1.absorption-graduates-sme";

    [Fact]
    public async Task A_submitted_claim_is_withdrawn_by_its_claimant_and_its_once_only_scope_is_free_again()
    {
        var resident = await NewResidentAsync(returningMigrant: true);
        var station = await _app.SignedInClientAsync("station1");
        var id = await CreateAsync(station, EntrepreneurshipBody(resident, submit: true));

        var withdrawn = await station.PostAsync($"/api/v1/claims/{id}/withdraw", null);
        var again = await station.PostAsJsonAsync("/api/v1/claims", EntrepreneurshipBody(resident, submit: true));

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Contains("已撤回", await withdrawn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        await using var db = _app.Database.CreateContext();
        var claim = await db.Claims.Include(c => c.Events).SingleAsync(c => c.Id == id);
        Assert.Equal(ClaimStatus.Withdrawn, claim.Status);
        Assert.Null(claim.OnceOnlyKey);
        Assert.Contains(claim.Events, e => e.FromStatus == ClaimStatus.Submitted && e.ToStatus == ClaimStatus.Withdrawn);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == id.ToString() && a.Changes.Contains("Withdrawn")));
    }

    [Fact]
    public async Task Withdrawing_after_an_officer_acted_is_refused_with_a_Chinese_message()
    {
        var resident = await NewResidentAsync(returningMigrant: true);
        var station = await _app.SignedInClientAsync("station1");
        var officer = await _app.SignedInClientAsync("officer1");
        var id = await CreateAsync(station, EntrepreneurshipBody(resident, submit: true));
        var approved = await officer.PostAsJsonAsync($"/api/v1/claims/{id}/approve", new { });

        var refused = await station.PostAsync($"/api/v1/claims/{id}/withdraw", null);

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.Contains("\"code\":\"claim-not-withdrawable\"", problem, StringComparison.Ordinal);
        Assert.Contains("不能撤回", JsonDocument.Parse(problem).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await using var db = _app.Database.CreateContext();
        Assert.NotEqual(ClaimStatus.Withdrawn, (await db.Claims.SingleAsync(c => c.Id == id)).Status);
    }

    [Fact]
    public async Task Only_the_claimant_withdraws_another_enterprise_an_officer_or_another_station_gets_404()
    {
        var resident = await NewResidentAsync(returningMigrant: false);
        var enterprise = await _app.SignedInClientAsync("enterprise1");
        var body = await StatedAbsorptionBodyAsync(resident, LongTermUnemployed);
        var id = await CreateAsync(enterprise, body);
        using var otherEnterprise = await OtherEnterpriseClientAsync(id);
        var officer = await _app.SignedInClientAsync("officer1");
        var station = await _app.SignedInClientAsync("station1");

        var byOtherEnterprise = await otherEnterprise.PostAsync($"/api/v1/claims/{id}/withdraw", null);
        var byOfficer = await officer.PostAsync($"/api/v1/claims/{id}/withdraw", null);
        var byStation = await station.PostAsync($"/api/v1/claims/{id}/withdraw", null);
        var unknown = await enterprise.PostAsync($"/api/v1/claims/{Guid.NewGuid()}/withdraw", null);

        Assert.Equal(HttpStatusCode.NotFound, byOtherEnterprise.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOfficer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byStation.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await using var db = _app.Database.CreateContext();
        Assert.Equal(ClaimStatus.Draft, (await db.Claims.SingleAsync(c => c.Id == id)).Status);
        Assert.Equal(HttpStatusCode.OK, (await enterprise.PostAsync($"/api/v1/claims/{id}/withdraw", null)).StatusCode);
    }

    [Fact]
    public async Task An_ineligible_draft_does_not_block_the_same_facts_under_the_right_rule_and_takes_the_scope_only_when_submitted()
    {
        var resident = await NewResidentAsync(returningMigrant: false);
        var enterprise = await _app.SignedInClientAsync("enterprise1");

        // Hired before the graduates' rule came into force (2020-07-27): ineligible under it.
        var wrongRule = await enterprise.PostAsJsonAsync("/api/v1/claims", await StatedAbsorptionBodyAsync(resident, GraduatesSme));
        var rightRule = await enterprise.PostAsJsonAsync("/api/v1/claims", await StatedAbsorptionBodyAsync(resident, LongTermUnemployed));

        var wrongText = await wrongRule.Content.ReadAsStringAsync();
        Assert.True(wrongRule.StatusCode == HttpStatusCode.Created, wrongText);
        using var wrong = JsonDocument.Parse(wrongText);
        Assert.Equal("Ineligible", wrong.RootElement.GetProperty("outcome").GetString());
        var rightText = await rightRule.Content.ReadAsStringAsync();
        Assert.True(rightRule.StatusCode == HttpStatusCode.Created, rightText);

        // Submitting the ineligible draft now would take the scope the right claim holds.
        var wrongId = wrong.RootElement.GetProperty("id").GetGuid();
        var submitted = await enterprise.PostAsJsonAsync($"/api/v1/claims/{wrongId}/submit", new { });
        Assert.Equal(HttpStatusCode.Conflict, submitted.StatusCode);
        Assert.Contains("\"code\":\"claim-duplicate\"", await submitted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = _app.Database.CreateContext();
        var draft = await db.Claims.SingleAsync(c => c.Id == wrongId);
        Assert.Equal(ClaimStatus.Draft, draft.Status);
        Assert.Null(draft.OnceOnlyKey);
    }

    [Fact]
    public async Task An_ineligible_draft_submitted_alone_takes_its_once_only_scope()
    {
        var resident = await NewResidentAsync(returningMigrant: false);
        var enterprise = await _app.SignedInClientAsync("enterprise1");
        var id = await CreateAsync(enterprise, await StatedAbsorptionBodyAsync(resident, GraduatesSme));

        var submitted = await enterprise.PostAsJsonAsync($"/api/v1/claims/{id}/submit", new { });
        var second = await enterprise.PostAsJsonAsync("/api/v1/claims", await StatedAbsorptionBodyAsync(resident, LongTermUnemployed));

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        await using var db = _app.Database.CreateContext();
        Assert.NotNull((await db.Claims.SingleAsync(c => c.Id == id)).OnceOnlyKey);
    }

    [Fact]
    public async Task A_claim_that_needs_information_names_the_missing_facts_in_words_not_keys()
    {
        var resident = await NewResidentAsync(returningMigrant: true);
        var station = await _app.SignedInClientAsync("station1");
        var id = await CreateAsync(station, new { benefit = "entrepreneurship", ruleId = Entrepreneurship, residentId = resident, facts = new { }, payeeAccount = "6222020200112233" });

        var refused = await station.PostAsJsonAsync($"/api/v1/claims/{id}/submit", new { });

        var detail = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.DoesNotContain("business.", detail, StringComparison.Ordinal);
        Assert.Contains(EmploymentPortal.Policies.Evaluation.DecisionWords.Fact("business.startDate"), detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rule_list_offers_the_rules_in_force_for_the_claimants_area_on_the_claim_date()
    {
        var decider = _app.Factory.Services.GetRequiredService<ClaimDecider>();
        await using var db = _app.Database.CreateContext();
        var nanhe = new[] { "130506" };

        var inForce2020 = await decider.RulesInForceAsync(db, ClaimantKind.Enterprise, nanhe, new DateOnly(2020, 8, 3), []);
        var later = await decider.RulesInForceAsync(db, ClaimantKind.Enterprise, nanhe, new DateOnly(2021, 6, 1), []);
        var laterWithA2020Hire = await decider.RulesInForceAsync(db, ClaimantKind.Enterprise, nanhe, new DateOnly(2021, 6, 1), [new DateOnly(2020, 8, 3)]);
        var tongren = await decider.RulesInForceAsync(db, ClaimantKind.Enterprise, ["520602"], new DateOnly(2023, 6, 1), []);
        var demoCity = await decider.RulesInForceAsync(db, ClaimantKind.Enterprise, ["369902"], new DateOnly(2020, 8, 3), []);

        Assert.Contains(inForce2020, r => r.Id == LongTermUnemployed);
        Assert.All(inForce2020, r => Assert.StartsWith("nanhe-", r.Id, StringComparison.Ordinal));
        Assert.DoesNotContain(later, r => r.Id == LongTermUnemployed);
        Assert.Contains(laterWithA2020Hire, r => r.Id == LongTermUnemployed);
        Assert.NotEmpty(tongren);
        Assert.All(tongren, r => Assert.StartsWith("tongren-", r.Id, StringComparison.Ordinal));
        Assert.All(inForce2020.Concat(tongren), r => Assert.Contains(r.Periods, p => p.Contains(r.Id == LongTermUnemployed ? new DateOnly(2020, 8, 3) : r.Id.StartsWith("tongren-", StringComparison.Ordinal) ? new DateOnly(2023, 6, 1) : new DateOnly(2020, 8, 3))));
        Assert.Contains(demoCity, r => r.Id == LongTermUnemployed);
        Assert.Contains(await decider.RulesInForceAsync(db, ClaimantKind.Enterprise, ["369902"], new DateOnly(2023, 6, 1), []), r => r.Id.StartsWith("tongren-", StringComparison.Ordinal));
    }

    /// <summary>An enterprise's absorption claim for <paramref name="resident"/> with the hire facts stated (hired 2020-07-15, 12 months, insured), a draft.</summary>
    private async Task<object> StatedAbsorptionBodyAsync(Guid resident, string ruleId)
    {
        await using var db = _app.Database.CreateContext();
        var idNumber = (await db.Residents.SingleAsync(r => r.Id == resident)).IdNumber;
        return new
        {
            benefit = "absorption",
            ruleId,
            residentIdNumber = idNumber,
            facts = new { hire = new { date = "2020-07-15", contractMonths = 12, socialInsurancePaid = true } },
            payeeAccount = "6222020200998877",
        };
    }

    /// <summary>A user of another verified enterprise than the one that made claim <paramref name="claimId"/>.</summary>
    private async Task<HttpClient> OtherEnterpriseClientAsync(Guid claimId)
    {
        await using var context = _app.Database.CreateContext();
        var owner = await context.Claims.Where(c => c.Id == claimId).Select(c => c.EnterpriseId).FirstAsync();
        var other = await context.Enterprises.FirstAsync(e => e.Status == EmploymentPortal.Domain.Enterprises.EnterpriseStatus.Verified && e.Id != owner);
        var userName = await _app.CreateUserAsync(PortalRoles.EnterpriseUser);
        var user = await context.Users.SingleAsync(u => u.UserName == userName);
        user.EnterpriseId = other.Id;
        await context.SaveChangesAsync();
        return await _app.Factory.CreateSignedInClientAsync(userName);
    }
}
