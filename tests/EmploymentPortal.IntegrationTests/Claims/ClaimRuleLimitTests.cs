using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmploymentPortal.Data.Auditing;
using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Domain.Residents;
using Microsoft.EntityFrameworkCore;
using static EmploymentPortal.IntegrationTests.Claims.ClaimTestData;

namespace EmploymentPortal.IntegrationTests.Claims;

/// <summary>
/// Issue 13, point 2 on the claim path: the months a claim pays come from the portal's records
/// (a placement's dates, the months already paid), a stated count goes to an officer, and an
/// officer accepts a member of an open list (…等) with a reason that the claim keeps.
/// </summary>
public abstract partial class ClaimTests
{
    [Fact]
    public async Task The_remaining_period_internship_subsidy_counts_its_months_from_the_placement_not_from_a_stated_number()
    {
        // A figure for 2021 only: the app is shared, and other tests claim internships of this year.
        Assert.True((await SetLocalValueAsync("nanhe-2020-1.internship.monthlySubsidy", new DateTime(2021, 1, 1), 1500m, new DateTime(2021, 12, 31))).Succeeded);
        var officer = await _app.SignedInClientAsync("officer1");
        var station = await _app.SignedInClientAsync("station1");
        var start = new DateOnly(2021, 3, 1);
        var lastDay = new DateOnly(2021, 4, 30);
        var programme = await officer.PostAsJsonAsync("/api/v1/post-programmes", new { name = $"见习{Guid.NewGuid():N}"[..10], kind = "Internship", owner = "江州智造有限公司", year = start.Year, posts = 2, monthlySubsidy = 1500, maxDurationMonths = 6 });
        Assert.True(programme.StatusCode == HttpStatusCode.Created, await programme.Content.ReadAsStringAsync());
        var internId = await NewResidentAsync(returningMigrant: false);
        string idNumber;
        await using (var db = _app.Database.CreateContext())
        {
            var intern = await db.Residents.SingleAsync(r => r.Id == internId);
            intern.RegisterUnemployed(start.AddMonths(-2), "SYT" + Guid.NewGuid().ToString("N")[..24]);
            await db.SaveChangesAsync();
            idNumber = intern.IdNumber;
        }

        var placed = await officer.PostAsJsonAsync($"/api/v1/post-programmes/{(await programme.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()}/placements", new { idNumber, startDate = start.ToString("yyyy-MM-dd") });
        Assert.True(placed.StatusCode == HttpStatusCode.Created, await placed.Content.ReadAsStringAsync());
        var placementId = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var exit = await officer.PostAsJsonAsync($"/api/v1/post-placements/{placementId}/exit", new { lastDay = lastDay.ToString("yyyy-MM-dd"), reason = "FoundStableJob", retained = true });
        Assert.True(exit.IsSuccessStatusCode, await exit.Content.ReadAsStringAsync());

        var claim = await station.PostAsJsonAsync("/api/v1/claims", new
        {
            benefit = "internship",
            ruleId = "nanhe-2020-1.internship-remaining-period",
            placementId,
            month = lastDay.ToString("yyyy-MM"),
            facts = new { internship = new { remainingMonths = 99 } },
            payeeAccount = "6222020200998822",
            submit = true,
        });

        Assert.True(claim.StatusCode == HttpStatusCode.Created, await claim.Content.ReadAsStringAsync());
        var decided = await claim.Content.ReadFromJsonAsync<JsonElement>();
        // Planned to the end of the sixth month, kept after the second: four whole months remain.
        Assert.Equal("Eligible", decided.GetProperty("outcome").GetString());
        Assert.Equal("6000.00", decided.GetProperty("amount").GetString());
        Assert.Contains("满 4 个月", decided.GetProperty("decision").GetProperty("breakdown").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_count_of_months_no_record_gives_goes_to_an_officer_who_must_give_a_reason()
    {
        var resident = await NewResidentAsync(returningMigrant: false);
        string idNumber;
        await using (var db = _app.Database.CreateContext())
        {
            idNumber = (await db.Residents.SingleAsync(r => r.Id == resident)).IdNumber;
        }

        var enterprise = await _app.SignedInClientAsync("enterprise1");
        var officer = await _app.SignedInClientAsync("officer1");
        var id = await CreateAsync(enterprise, new
        {
            benefit = "social-insurance",
            ruleId = "jieshou-2022.entity-public-welfare-post-social-insurance",
            residentIdNumber = idNumber,
            facts = new { post = new { publicWelfarePost = true, months = 99 }, person = new { hardToEmploy = true } },
            payeeAccount = "6222020200998833",
            submit = true,
        });

        using var json = JsonDocument.Parse(await officer.GetStringAsync($"/api/v1/claims/{id}"));
        var decision = json.RootElement.GetProperty("decision");
        // The months are the applicant's word, so the rule's amount is no bound: the bureau's
        // ceiling for the benefit is (docs/claims.md, amount bounds).
        var ceiling = await officer.PostAsJsonAsync("/api/v1/benefit-ceilings", new { benefit = "social-insurance", amount = "100000.00", basis = "江人社〔2026〕9号 第三条" });
        Assert.True(ceiling.IsSuccessStatusCode, await ceiling.Content.ReadAsStringAsync());
        var withoutReason = await officer.PostAsJsonAsync($"/api/v1/claims/{id}/approve", new { amount = "1200.00" });
        var withReason = await officer.PostAsJsonAsync($"/api/v1/claims/{id}/approve", new { amount = "1200.00", reason = "核对岗位考勤，实际在岗 3 个月" });

        Assert.Equal("ManualReview", json.RootElement.GetProperty("outcome").GetString());
        Assert.Contains("monthsStated", decision.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.Contains(decision.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("post.months = 99 为申请人申报", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Contains("claim-override-reason-required", await withoutReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(withReason.IsSuccessStatusCode, await withReason.Content.ReadAsStringAsync());
        await using var after = _app.Database.CreateContext();
        Assert.Equal("核对岗位考勤，实际在岗 3 个月", (await after.Claims.SingleAsync(c => c.Id == id)).OverrideReason);
    }

    [Fact]
    public async Task Months_already_paid_count_against_the_months_cap_of_a_later_claim()
    {
        Assert.True((await SetLocalValueAsync("nanhe-2020-1.localMonthlyUnemploymentBenefit", new DateTime(2020, 7, 27), 1200m)).Succeeded);
        var residentId = await NewResidentAsync(returningMigrant: false);
        var year = DateOnly.FromDateTime(DateTime.UtcNow).Year - 1;
        await using (var db = _app.Database.CreateContext())
        {
            var resident = await db.Residents.SingleAsync(r => r.Id == residentId);
            resident.RegisterUnemployed(new DateOnly(year - 1, 6, 1), "SYT" + Guid.NewGuid().ToString("N")[..24]);
            await db.SaveChangesAsync();
        }

        var station = await _app.SignedInClientAsync("station1");
        object Body(int from, int to) => new
        {
            benefit = "unemployment-subsidy",
            ruleId = "nanhe-2020-1.unemployment-subsidy",
            residentId,
            periodFrom = $"{year}-{from:00}",
            periodTo = $"{year}-{to:00}",
            facts = new { person = new { unemploymentInsuranceExhaustedOrIneligibleInsured = true } },
            payeeAccount = "6222020200998844",
            submit = true,
        };
        var first = await CreateAsync(station, Body(1, 6));
        foreach (var officer in new[] { "officer1", "officer2" })
        {
            var approved = await (await _app.SignedInClientAsync(officer)).PostAsJsonAsync($"/api/v1/claims/{first}/approve", new { });
            Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        }

        var second = await station.PostAsJsonAsync("/api/v1/claims", Body(7, 9));

        var text = await second.Content.ReadAsStringAsync();
        Assert.True(second.StatusCode == HttpStatusCode.Created, text);
        using var json = JsonDocument.Parse(text);
        Assert.Equal("Ineligible", json.RootElement.GetProperty("outcome").GetString());
        Assert.Contains(json.RootElement.GetProperty("decision").GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("已用完（history.payments 中已发放 6 个月）", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_officer_accepts_a_key_group_the_open_list_does_not_name_and_the_claim_keeps_the_reason()
    {
        var resident = await NewResidentAsync(returningMigrant: false);
        var station = await _app.SignedInClientAsync("station1");
        var officer = await _app.SignedInClientAsync("officer1");
        var id = await CreateAsync(station, new
        {
            benefit = "training",
            ruleId = "jieshou-2022.vocational-training",
            residentId = resident,
            facts = new { person = new { group = "veteran" }, training = new { completed = true } },
            payeeAccount = "6222020200998855",
            submit = true,
        });
        using (var before = JsonDocument.Parse(await officer.GetStringAsync($"/api/v1/claims/{id}")))
        {
            Assert.Equal("ManualReview", before.RootElement.GetProperty("outcome").GetString());
            Assert.Contains("openList", before.RootElement.GetProperty("decision").GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        }

        const string reason = "退役军人属于文件“等重点群体”的范围（界首市退役军人就业帮扶方案）";
        var byStation = await station.PostAsJsonAsync($"/api/v1/claims/{id}/accept-list-member", new { fact = "person.group", reason });
        var noReason = await officer.PostAsJsonAsync($"/api/v1/claims/{id}/accept-list-member", new { fact = "person.group" });
        var closedFact = await officer.PostAsJsonAsync($"/api/v1/claims/{id}/accept-list-member", new { fact = "training.completed", reason });
        var accepted = await officer.PostAsJsonAsync($"/api/v1/claims/{id}/accept-list-member", new { fact = "person.group", reason });

        Assert.Equal(HttpStatusCode.Forbidden, byStation.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("必须写明理由", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, closedFact.StatusCode);
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await officer.GetStringAsync($"/api/v1/claims/{id}"));
        var decision = json.RootElement.GetProperty("decision");
        Assert.Equal("Eligible", json.RootElement.GetProperty("outcome").GetString());
        Assert.Contains("openListAccepted", decision.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        await using var db = _app.Database.CreateContext();
        var claim = await db.Claims.Include(c => c.Events).SingleAsync(c => c.Id == id);
        var recorded = claim.Events.OrderBy(e => e.At).Last();
        Assert.Equal($"认定开放列举成员 person.group = veteran（脱贫劳动力、农民工、失业人员等重点群体 (an open list; another key group is for an officer to accept)）：{reason}", recorded.Note);
        Assert.Contains("\"acceptedGroup\":\"veteran\"", claim.FactsJson, StringComparison.Ordinal);
        var audit = await db.AuditEntries.Where(e => e.ActorName == "officer1" && (e.EntityId == id.ToString() || e.EntityId == recorded.Id.ToString())).ToListAsync();
        Assert.Contains(audit, e => e.EntityType == nameof(ClaimEvent) && e.Action == AuditAction.Insert && e.Changes.Contains("\"Note\"", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.EntityType == nameof(Claim) && e.Action == AuditAction.Update && e.Changes.Contains("FactsJson", StringComparison.Ordinal));
    }
}
