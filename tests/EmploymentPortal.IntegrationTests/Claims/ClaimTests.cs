using EmploymentPortal.Testing;
using EmploymentPortal.Data.Security;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmploymentPortal.Data.Auditing;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.Data.Seeding;
using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Policies.Evaluation;
using EmploymentPortal.Web.Features.Claims;
using EmploymentPortal.Web.Features.Policies;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using static EmploymentPortal.IntegrationTests.Claims.ClaimTestData;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.IntegrationTests.Claims;

/// <summary>
/// Subsidy claims on both providers: once-only claims are unique in the database even under 50
/// concurrent submissions, nobody approves a claim they made, claims above the threshold need a
/// second officer before payment, overrides need a reason, and a claim keeps the parameter value
/// it was decided under.
/// </summary>
public abstract partial class ClaimTests
{
    private static int _sequence;
    private readonly PortalApp _app;

    protected ClaimTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task Fifty_parallel_submissions_of_the_same_once_only_claim_produce_exactly_one_claim()
    {
        var resident = await NewResidentAsync(returningMigrant: true);
        var station = await _app.SignedInClientAsync("station1");
        var body = EntrepreneurshipBody(resident, submit: true);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => station.PostAsJsonAsync("/api/v1/claims", body)));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(49, statuses.Count(s => s == HttpStatusCode.Conflict));
        foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Contains("\"code\":\"claim-duplicate\"", await conflict.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await using var db = _app.Database.CreateContext();
        var claims = await db.Claims.Where(c => c.ResidentId == resident).ToListAsync();
        var claim = Assert.Single(claims);
        Assert.Equal(ClaimStatus.Submitted, claim.Status);
        Assert.Equal(Money.FromFen(500_000), claim.Amount);
    }

    [Fact]
    public async Task The_submitter_cannot_approve_their_own_claim_and_the_page_hides_the_approve_button()
    {
        var resident = await NewResidentAsync(returningMigrant: true);
        var officer1 = await _app.SignedInClientAsync("officer1");
        var officer2 = await _app.SignedInClientAsync("officer2");
        var id = await CreateAsync(officer1, EntrepreneurshipBody(resident, submit: true));

        var own = await officer1.PostAsJsonAsync($"/api/v1/claims/{id}/approve", new { });
        var ownPage = await officer1.GetStringAsync($"/claims/{id}");
        var otherPage = await officer2.GetStringAsync($"/claims/{id}");
        var other = await officer2.PostAsJsonAsync($"/api/v1/claims/{id}/approve", new { });

        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Contains("制单人或提交人", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"approve\"", ownPage, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"approve\"", otherPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        using var json = JsonDocument.Parse(await officer2.GetStringAsync($"/api/v1/claims/{id}"));
        Assert.Equal("AwaitingSecondApproval", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_claim_above_the_threshold_cannot_be_paid_with_one_approval()
    {
        var resident = await NewResidentAsync(returningMigrant: true);
        var station = await _app.SignedInClientAsync("station1");
        var officer1 = await _app.SignedInClientAsync("officer1");
        var officer2 = await _app.SignedInClientAsync("officer2");
        var id = await CreateAsync(station, EntrepreneurshipBody(resident, submit: true));

        var first = await officer1.PostAsJsonAsync($"/api/v1/claims/{id}/approve", new { });
        var batchAfterOne = await officer2.PostAsJsonAsync("/api/v1/payment-batches", new { claimIds = new[] { id } });
        var sameOfficerAgain = await officer1.PostAsJsonAsync($"/api/v1/claims/{id}/approve", new { });
        var second = await officer2.PostAsJsonAsync($"/api/v1/claims/{id}/approve", new { });
        var batch = await officer2.PostAsJsonAsync("/api/v1/payment-batches", new { claimIds = new[] { id } });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, batchAfterOne.StatusCode);
        Assert.Contains("\"code\":\"claim-not-approved\"", await batchAfterOne.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, sameOfficerAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.Created, batch.StatusCode);
        var batchId = (await batch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var xlsx = await officer2.GetByteArrayAsync($"/api/v1/payment-batches/{batchId}/export");
        var rows = XlsxText.Read(xlsx);
        await using var db = _app.Database.CreateContext();
        var claim = await db.Claims.SingleAsync(c => c.Id == id);
        var line = Assert.Single(rows, r => r.Contains(claim.Number));
        Assert.Contains("5000", line, StringComparer.Ordinal);
        Assert.Contains("邢南政发〔2020〕1号", line, StringComparer.Ordinal);
        Assert.Contains("6222020200112233", line, StringComparer.Ordinal);
        Assert.Equal("officer1", await UserNameAsync(claim.FirstApproverId));
        Assert.Equal("officer2", await UserNameAsync(claim.SecondApproverId));
        var settled = await officer2.PostAsJsonAsync($"/api/v1/payment-batches/{batchId}/settle", new { });
        Assert.Equal(HttpStatusCode.OK, settled.StatusCode);
        await using var after = _app.Database.CreateContext();
        Assert.Equal(ClaimStatus.Paid, (await after.Claims.SingleAsync(c => c.Id == id)).Status);
        var paidBatch = await after.PaymentBatches.SingleAsync(b => b.Id == batchId);
        Assert.Equal(PaymentBatchStatus.Paid, paidBatch.Status);
        Assert.Equal(Money.FromFen(500_000), paidBatch.Paid);
        var stationUser = await after.Users.SingleAsync(u => u.UserName == "station1");
        var notes = await after.Notifications.Where(n => n.UserId == stationUser.Id && n.Link == $"/claims/{id}").ToListAsync();
        Assert.Contains(notes, n => n.Title.Contains("待复核", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Title.Contains("已支付", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Approving_against_the_rules_or_changing_the_amount_without_a_reason_is_refused()
    {
        var ineligibleResident = await NewResidentAsync(returningMigrant: false);
        var eligibleResident = await NewResidentAsync(returningMigrant: true);
        var station = await _app.SignedInClientAsync("station1");
        var officer1 = await _app.SignedInClientAsync("officer1");
        var ineligible = await CreateAsync(station, EntrepreneurshipBody(ineligibleResident, submit: true));
        var eligible = await CreateAsync(station, EntrepreneurshipBody(eligibleResident, submit: true));

        var againstRules = await officer1.PostAsJsonAsync($"/api/v1/claims/{ineligible}/approve", new { amount = "1000.00" });
        var changedAmount = await officer1.PostAsJsonAsync($"/api/v1/claims/{eligible}/approve", new { amount = "2000.00" });
        var blankReason = await officer1.PostAsJsonAsync($"/api/v1/claims/{eligible}/approve", new { amount = "2000.00", reason = "  " });
        var withReason = await officer1.PostAsJsonAsync($"/api/v1/claims/{eligible}/approve", new { amount = "2000.00", reason = "经营满6个月但中途停业2个月，按比例核减" });

        Assert.Equal(HttpStatusCode.BadRequest, againstRules.StatusCode);
        Assert.Contains("\"code\":\"claim-override-reason-required\"", await againstRules.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, changedAmount.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, blankReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withReason.StatusCode);
        await using var db = _app.Database.CreateContext();
        var claim = await db.Claims.SingleAsync(c => c.Id == eligible);
        Assert.Equal(ClaimStatus.Approved, claim.Status);
        Assert.Equal(Money.FromFen(200_000), claim.Amount);
        Assert.Equal(Money.FromFen(500_000), claim.RulesAmount);
        var audit = await db.AuditEntries.Where(e => e.EntityType == nameof(Claim) && e.EntityId == eligible.ToString()).ToListAsync();
        Assert.Equal("经营满6个月但中途停业2个月，按比例核减", claim.OverrideReason);
        Assert.Contains(audit, e => e.Action == AuditAction.Update && e.Changes.Contains("OverrideReason", StringComparison.Ordinal) && e.ActorName == "officer1");
        Assert.Equal(ClaimStatus.Submitted, (await db.Claims.SingleAsync(c => c.Id == ineligible)).Status);
    }

    [Fact]
    public async Task A_claim_decided_under_one_parameter_value_still_shows_it_after_the_bureau_sets_a_new_value()
    {
        const string parameter = "nanhe-2020-1.training.subsidy";
        Assert.True((await SetLocalValueAsync(parameter, new DateTime(2020, 7, 27), 1200m)).Succeeded);
        var resident = await NewResidentAsync(returningMigrant: false);
        var station = await _app.SignedInClientAsync("station1");
        var id = await CreateAsync(station, new
        {
            benefit = "training",
            ruleId = "nanhe-2020-1.vocational-training",
            residentId = resident,
            facts = new { person = new { group = "unemployed" }, training = new { completed = true, endDate = "2021-05-01" } },
            payeeAccount = "6222020200112233",
            submit = true,
        });

        Assert.True((await SetLocalValueAsync(parameter, new DateTime(2021, 1, 1), 1500m)).Succeeded);

        var officer = await _app.SignedInClientAsync("officer1");
        using var json = JsonDocument.Parse(await officer.GetStringAsync($"/api/v1/claims/{id}"));
        var root = json.RootElement;
        Assert.Equal("1200.00", root.GetProperty("amount").GetString());
        var used = root.GetProperty("decision").GetProperty("trace").GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("id").GetString() == parameter);
        Assert.Equal(1200m, used.GetProperty("value").GetDecimal());
        var service = _app.Factory.Services.GetRequiredService<PolicyCatalogueService>();
        await using (var db = _app.Database.CreateContext())
        {
            await service.EnsureCurrentAsync(db);
            var stored = await db.Claims.SingleAsync(c => c.Id == id);
            var now = service.Evaluator.Evaluate(new EvaluationRequest("training", "130506", stored.DecidedOn, JsonNode.Parse(stored.FactsJson)!.AsObject(), RuleId: "nanhe-2020-1.vocational-training"));
            Assert.Equal(Money.FromFen(150_000), now.Decisions.Single().Amount);
            Assert.NotEqual(stored.CatalogueVersion, now.CatalogueVersion);
            Assert.Equal(stored.CatalogueVersion, root.GetProperty("catalogueVersion").GetString());
        }
    }

    [Fact]
    public async Task An_enterprise_claims_with_stated_hire_facts_and_two_enterprises_claiming_one_person_are_flagged()
    {
        var resident = await NewResidentAsync(returningMigrant: false);
        string idNumber;
        await using (var db = _app.Database.CreateContext())
        {
            idNumber = (await db.Residents.SingleAsync(r => r.Id == resident)).IdNumber;
        }

        var enterprise = await _app.SignedInClientAsync("enterprise1");
        var body = new
        {
            benefit = "absorption",
            ruleId = "nanhe-2020-1.absorption-long-term-unemployed",
            residentIdNumber = idNumber,
            facts = new { hire = new { date = "2020-07-15", contractMonths = 12, socialInsurancePaid = true } },
            payeeAccount = "6222020200998877",
        };

        var created = await enterprise.PostAsJsonAsync("/api/v1/claims", body);
        var duplicate = await enterprise.PostAsJsonAsync("/api/v1/claims", body);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        Assert.Equal("enterprise-stated", json.RootElement.GetProperty("factSource").GetString());
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        var id = json.RootElement.GetProperty("id").GetGuid();

        // A second enterprise claims the same person's one-time absorption subsidy.
        await using var context = _app.Database.CreateContext();
        var other = await context.Enterprises.FirstAsync(e => e.Status == EmploymentPortal.Domain.Enterprises.EnterpriseStatus.Verified && e.Id != context.Claims.Where(c => c.Id == id).Select(c => c.EnterpriseId).First());
        var otherUser = await _app.CreateUserAsync(PortalRoles.EnterpriseUser);
        var user = await context.Users.SingleAsync(u => u.UserName == otherUser);
        user.EnterpriseId = other.Id;
        await context.SaveChangesAsync();
        using var otherClient = await _app.Factory.CreateSignedInClientAsync(otherUser);
        var second = await otherClient.PostAsJsonAsync("/api/v1/claims", body);

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        await using var after = _app.Database.CreateContext();
        var both = await after.Claims.Where(c => c.ResidentId == resident).ToListAsync();
        Assert.Equal(2, both.Count);
        Assert.All(both, c => Assert.True(c.SupervisionFlag));
    }

    [Fact]
    public async Task A_claim_that_needs_information_says_which_facts_and_cannot_be_submitted_until_they_are_given()
    {
        var resident = await NewResidentAsync(returningMigrant: true);
        var station = await _app.SignedInClientAsync("station1");

        var draft = await station.PostAsJsonAsync("/api/v1/claims", new { benefit = "entrepreneurship", ruleId = Entrepreneurship, residentId = resident, facts = new { }, payeeAccount = "6222020200112233" });
        using var json = JsonDocument.Parse(await draft.Content.ReadAsStringAsync());
        var id = json.RootElement.GetProperty("id").GetGuid();
        var refused = await station.PostAsJsonAsync($"/api/v1/claims/{id}/submit", new { });
        var submitted = await station.PostAsJsonAsync($"/api/v1/claims/{id}/submit", new { facts = new { business = new { startDate = "2024-01-10", firstBusiness = true, operatingNormally = true } } });

        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        Assert.Equal("NeedsInformation", json.RootElement.GetProperty("outcome").GetString());
        var missing = json.RootElement.GetProperty("missingFacts").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains("business.startDate", missing);
        Assert.Contains("business.firstBusiness", missing);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("\"code\":\"claim-needs-information\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        await using var db = _app.Database.CreateContext();
        var claim = await db.Claims.SingleAsync(c => c.Id == id);
        Assert.Equal(ClaimStatus.Submitted, claim.Status);
        Assert.Equal(Money.FromFen(500_000), claim.Amount);
        Assert.Contains("\"firstBusiness\":true", claim.StatedFactsJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attachments_are_checked_by_content_and_size_stored_with_their_hash_and_seen_only_in_the_claims_scope()
    {
        var resident = await NewResidentAsync(returningMigrant: true);
        var station = await _app.SignedInClientAsync("station1");
        var id = await CreateAsync(station, EntrepreneurshipBody(resident, submit: false));
        var pdf = "%PDF-1.4\n%营业执照\n"u8.ToArray();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
        byte[] jpg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F'];
        var oversized = new byte[(5 * 1024 * 1024) + 1];
        "%PDF-"u8.CopyTo(oversized);

        var uploads = new List<HttpResponseMessage>();
        foreach (var (bytes, name) in new[] { (pdf, "营业执照.pdf"), (png, "场地照片.png"), (jpg, "C:\\扫描\\身份证.jpg") })
        {
            uploads.Add(await UploadAsync(station, id, bytes, name));
        }

        var renamed = await UploadAsync(station, id, "not a pdf, a text file"u8.ToArray(), "合同.pdf");
        var tooLarge = await UploadAsync(station, id, oversized, "大文件.pdf");

        Assert.All(uploads, u => Assert.Equal(HttpStatusCode.Created, u.StatusCode));
        Assert.Equal((HttpStatusCode)422, renamed.StatusCode);
        Assert.Contains("claim-attachment-type", await renamed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("claim-attachment-too-large", await tooLarge.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var list = await station.GetFromJsonAsync<JsonElement>($"/api/v1/claims/{id}/attachments");
        Assert.Equal(["营业执照.pdf", "场地照片.png", "身份证.jpg"], list.EnumerateArray().Select(a => a.GetProperty("fileName").GetString()));
        Assert.Equal(["application/pdf", "image/png", "image/jpeg"], list.EnumerateArray().Select(a => a.GetProperty("contentType").GetString()));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), list[0].GetProperty("sha256").GetString());
        var pdfId = list[0].GetProperty("id").GetGuid();

        // Outside the claim's scope: another station, an enterprise; officers may read it (audited).
        var station2 = await _app.SignedInClientAsync("station2");
        var enterprise = await _app.SignedInClientAsync("enterprise1");
        var officer = await _app.SignedInClientAsync("officer1");
        Assert.Equal(HttpStatusCode.NotFound, (await station2.GetAsync($"/api/v1/claims/{id}/attachments/{pdfId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await enterprise.GetAsync($"/api/v1/claims/{id}/attachments/{pdfId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await station2.GetAsync($"/api/v1/claims/{id}/attachments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(station2, id, pdf, "x.pdf")).StatusCode);
        var download = await officer.GetAsync($"/api/v1/claims/{id}/attachments/{pdfId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        await using (var db = _app.Database.CreateContext())
        {
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(ClaimAttachment) && a.EntityId == pdfId.ToString() && a.Action == AuditAction.Read));
            var inserted = await db.AuditEntries.Where(a => a.EntityType == nameof(ClaimAttachment) && a.EntityId == pdfId.ToString() && a.Action == AuditAction.Insert).Select(a => a.Changes).SingleAsync();
            Assert.DoesNotContain("JVBERi", inserted, StringComparison.Ordinal); // the bytes (base64 of "%PDF") are not in the log
        }

        // Once submitted, the claim takes no more files.
        Assert.Equal(HttpStatusCode.OK, (await station.PostAsJsonAsync($"/api/v1/claims/{id}/submit", new { })).StatusCode);
        var late = await UploadAsync(station, id, pdf, "补充.pdf");
        Assert.Equal((HttpStatusCode)422, late.StatusCode);
        Assert.Contains("claim-attachment-closed", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attachment_posted_without_an_antiforgery_token_is_refused_and_not_stored()
    {
        var resident = await NewResidentAsync(returningMigrant: true);
        var station = await _app.SignedInClientAsync("station1");
        var id = await CreateAsync(station, EntrepreneurshipBody(resident, submit: false));

        using var form = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4\n"u8.ToArray()), "file", "伪造.pdf" } };
        var response = await station.PostAsync($"/api/v1/claims/{id}/attachments", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("antiforgery-token-invalid", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = _app.Database.CreateContext();
        Assert.False(await db.ClaimAttachments.AnyAsync(a => a.ClaimId == id));
    }

    [Fact]
    public async Task A_public_welfare_post_placement_is_claimed_month_by_month_and_each_month_once()
    {
        // The monthly figure is a local parameter (the document states none) that this shared app
        // leaves to LocalParameterTests: the decision is eligible with the amount left to the bureau.
        var residentId = await NewResidentAsync(returningMigrant: false);
        string idNumber;
        await using (var db = _app.Database.CreateContext())
        {
            var resident = await db.Residents.SingleAsync(r => r.Id == residentId);
            resident.RegisterUnemployed(new DateOnly(2024, 1, 2), "SYT" + Guid.NewGuid().ToString("N")[..24]);
            await db.SaveChangesAsync();
            idNumber = resident.IdNumber;
        }

        var officer = await _app.SignedInClientAsync("officer1");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var start = new DateOnly(today.Year, today.Month, 1).AddMonths(-2);
        var programme = await officer.PostAsJsonAsync("/api/v1/post-programmes", new { name = $"托底{Guid.NewGuid():N}"[..10], kind = "PublicWelfare", owner = "东湖街道办事处", year = start.Year, posts = 1, monthlySubsidy = 1000, maxDurationMonths = 12 });
        Assert.True(programme.StatusCode == HttpStatusCode.Created, await programme.Content.ReadAsStringAsync());
        var programmeId = (await programme.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var placed = await officer.PostAsJsonAsync($"/api/v1/post-programmes/{programmeId}/placements", new { idNumber, startDate = start.ToString("yyyy-MM-dd") });
        Assert.True(placed.StatusCode == HttpStatusCode.Created, await placed.Content.ReadAsStringAsync());
        var placementId = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        object Body(DateOnly month) => new
        {
            benefit = "public-welfare-post",
            placementId,
            month = month.ToString("yyyy-MM"),
            facts = new { person = new { hardToEmployThroughMarket = true } },
            payeeAccount = "6222020200778899",
            submit = true,
        };
        var station = await _app.SignedInClientAsync("station1");

        var first = await station.PostAsJsonAsync("/api/v1/claims", Body(start));
        var again = await station.PostAsJsonAsync("/api/v1/claims", Body(start));
        var next = await station.PostAsJsonAsync("/api/v1/claims", Body(start.AddMonths(1)));
        var future = await station.PostAsJsonAsync("/api/v1/claims", Body(start.AddMonths(3)));
        var before = await station.PostAsJsonAsync("/api/v1/claims", Body(start.AddMonths(-1)));
        var otherStation = await (await _app.SignedInClientAsync("station2")).PostAsJsonAsync("/api/v1/claims", Body(start.AddMonths(2)));
        var enterprise = await (await _app.SignedInClientAsync("enterprise1")).PostAsJsonAsync("/api/v1/claims", Body(start.AddMonths(2)));

        Assert.True(first.StatusCode == HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        var claim = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Submitted", "Eligible", "post-placement"), (claim.GetProperty("status").GetString(), claim.GetProperty("outcome").GetString(), claim.GetProperty("factSource").GetString()));
        Assert.Contains("(十六)", claim.GetProperty("decision").GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);
        Assert.Contains("month", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, otherStation.StatusCode);
        // Not a programme enterprise1 hosts: for it the placement does not exist.
        Assert.Equal(HttpStatusCode.NotFound, enterprise.StatusCode);
        await using (var db = _app.Database.CreateContext())
        {
            var months = await db.Claims.AsNoTracking().Where(c => c.PlacementId == placementId).OrderBy(c => c.ClaimMonth).Select(c => new { c.ClaimMonth, c.ResidentId, c.FactsJson }).ToListAsync();
            Assert.Equal([start, start.AddMonths(1)], months.Select(m => m.ClaimMonth!.Value));
            Assert.All(months, m => Assert.Equal(residentId, m.ResidentId));
            Assert.Contains("\"publicWelfarePost\":true", months[0].FactsJson, StringComparison.Ordinal);
        }

        // An internship placement is claimed as the unit's internship subsidy, and only as that.
        var internshipProgramme = await officer.PostAsJsonAsync("/api/v1/post-programmes", new { name = $"见习{Guid.NewGuid():N}"[..10], kind = "Internship", owner = "江州智造有限公司", year = start.Year, posts = 2, monthlySubsidy = 1600, maxDurationMonths = 6 });
        Assert.True(internshipProgramme.StatusCode == HttpStatusCode.Created, await internshipProgramme.Content.ReadAsStringAsync());
        var internResident = await NewResidentAsync(returningMigrant: false);
        string internIdNumber;
        await using (var db = _app.Database.CreateContext())
        {
            var intern = await db.Residents.SingleAsync(r => r.Id == internResident);
            intern.RegisterUnemployed(new DateOnly(2024, 1, 2), "SYT" + Guid.NewGuid().ToString("N")[..24]);
            await db.SaveChangesAsync();
            internIdNumber = intern.IdNumber;
        }

        var internPlaced = await officer.PostAsJsonAsync($"/api/v1/post-programmes/{(await internshipProgramme.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()}/placements", new { idNumber = internIdNumber, startDate = start.ToString("yyyy-MM-dd") });
        Assert.True(internPlaced.StatusCode == HttpStatusCode.Created, await internPlaced.Content.ReadAsStringAsync());
        var internPlacement = (await internPlaced.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var unitClaim = await station.PostAsJsonAsync("/api/v1/claims", new { benefit = "internship", placementId = internPlacement, month = start.ToString("yyyy-MM"), payeeAccount = "6222020200998800", submit = true });
        var wrongBenefit = await station.PostAsJsonAsync("/api/v1/claims", new { benefit = "public-welfare-post", placementId = internPlacement, month = start.ToString("yyyy-MM"), payeeAccount = "6222020200998800" });

        Assert.True(unitClaim.StatusCode == HttpStatusCode.Created, await unitClaim.Content.ReadAsStringAsync());
        var unit = await unitClaim.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Eligible", "post-placement"), (unit.GetProperty("outcome").GetString(), unit.GetProperty("factSource").GetString()));
        Assert.Contains("(十四)", unit.GetProperty("decision").GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, wrongBenefit.StatusCode);
        Assert.Contains("claim-benefit-not-claimable", await wrongBenefit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var db = _app.Database.CreateContext())
        {
            var stored = await db.Claims.AsNoTracking().SingleAsync(c => c.PlacementId == internPlacement);
            Assert.Equal("江州智造有限公司", stored.PayeeName);
            Assert.Contains("\"registered\":true", stored.FactsJson, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_enterprise_hosting_an_internship_programme_claims_its_interns_months_itself()
    {
        var officer = await _app.SignedInClientAsync("officer1");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var start = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        string creditCode, hostName;
        await using (var db = _app.Database.CreateContext())
        {
            var hostId = await db.Users.Where(u => u.UserName == "enterprise1").Select(u => u.EnterpriseId).SingleAsync();
            var enterprise = await db.Enterprises.AsNoTracking().SingleAsync(e => e.Id == hostId);
            (creditCode, hostName) = (enterprise.CreditCode, enterprise.Name);
        }

        object Programme(string? code) => new { name = $"见习{Guid.NewGuid():N}"[..10], kind = "Internship", owner = "", hostCreditCode = code, year = start.Year, posts = 2, monthlySubsidy = 1600, maxDurationMonths = 6 };
        var malformed = await officer.PostAsJsonAsync("/api/v1/post-programmes", Programme("91360100ABC"));
        var unknown = await officer.PostAsJsonAsync("/api/v1/post-programmes", Programme(DemoIdentifiers.CreditCode(new Random(5), "369902")));
        var created = await officer.PostAsJsonAsync("/api/v1/post-programmes", Programme(creditCode));

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("没有以该统一社会信用代码注册的企业", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var programmeId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await using (var db = _app.Database.CreateContext())
        {
            var programme = await db.PostProgrammes.AsNoTracking().SingleAsync(p => p.Id == programmeId);
            Assert.Equal(hostName, programme.Owner);
            Assert.NotNull(programme.HostEnterpriseId);
        }

        var internId = await NewResidentAsync(returningMigrant: false);
        string internIdNumber;
        await using (var db = _app.Database.CreateContext())
        {
            var intern = await db.Residents.SingleAsync(r => r.Id == internId);
            intern.RegisterUnemployed(new DateOnly(2024, 1, 2), "SYT" + Guid.NewGuid().ToString("N")[..24]);
            await db.SaveChangesAsync();
            internIdNumber = intern.IdNumber;
        }

        var placed = await officer.PostAsJsonAsync($"/api/v1/post-programmes/{programmeId}/placements", new { idNumber = internIdNumber, startDate = start.ToString("yyyy-MM-dd") });
        Assert.True(placed.StatusCode == HttpStatusCode.Created, await placed.Content.ReadAsStringAsync());
        var placementId = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        object Body(DateOnly month) => new { benefit = "internship", placementId, month = month.ToString("yyyy-MM"), payeeAccount = "6222020200998811", submit = true };
        var host = await _app.SignedInClientAsync("enterprise1");

        var first = await host.PostAsJsonAsync("/api/v1/claims", Body(start));
        var again = await host.PostAsJsonAsync("/api/v1/claims", Body(start));
        var byStation = await (await _app.SignedInClientAsync("station1")).PostAsJsonAsync("/api/v1/claims", Body(start));
        var otherEnterprise = await (await _app.SignedInClientAsync("enterprise2")).PostAsJsonAsync("/api/v1/claims", Body(start.AddMonths(1)));

        Assert.True(first.StatusCode == HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        var claim = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Submitted", "Eligible", "post-placement"), (claim.GetProperty("status").GetString(), claim.GetProperty("outcome").GetString(), claim.GetProperty("factSource").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        // The month is claimed once, whoever files it.
        Assert.Equal(HttpStatusCode.Conflict, byStation.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherEnterprise.StatusCode);
        await using (var db = _app.Database.CreateContext())
        {
            var stored = await db.Claims.AsNoTracking().SingleAsync(c => c.PlacementId == placementId);
            Assert.Equal(ClaimantKind.Enterprise, stored.ClaimantKind);
            Assert.Equal(hostName, stored.PayeeName);
            Assert.Equal(internId, stored.ResidentId);
        }

        // The host reads it as its own claim; the other enterprise does not see it.
        var id = claim.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync($"/api/v1/claims/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await _app.SignedInClientAsync("enterprise2")).GetAsync($"/api/v1/claims/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_monthly_subsidy_of_a_person_covers_its_period_and_a_month_is_claimed_once_among_live_claims()
    {
        var residentId = await NewResidentAsync(returningMigrant: false);
        var station = await _app.SignedInClientAsync("station1");
        var year = DateOnly.FromDateTime(DateTime.UtcNow).Year - 1;
        object Body(string? from, string? to) => new
        {
            benefit = "flexible-employment-social-insurance",
            residentId,
            periodFrom = from,
            periodTo = to,
            facts = new { person = new { hardToEmploy = true, paysSocialInsuranceAsFlexibleWorker = true, subsidisedMonths = 99 } },
            payeeAccount = "6222020200445566",
            submit = true,
        };
        string M(int month) => $"{year}-{month:00}";

        var noPeriod = await station.PostAsJsonAsync("/api/v1/claims", Body(null, null));
        var malformed = await station.PostAsJsonAsync("/api/v1/claims", Body($"{year}-13", M(2)));
        var reversed = await station.PostAsJsonAsync("/api/v1/claims", Body(M(6), M(1)));
        var future = await station.PostAsJsonAsync("/api/v1/claims", Body(M(1), $"{year + 2}-01"));
        var first = await station.PostAsJsonAsync("/api/v1/claims", Body(M(1), M(6)));
        var overlapping = await station.PostAsJsonAsync("/api/v1/claims", Body(M(5), M(8)));
        var following = await station.PostAsJsonAsync("/api/v1/claims", Body(M(7), M(8)));

        // A one-time subsidy has no period.
        var oneTime = JsonSerializer.SerializeToNode(EntrepreneurshipBody(residentId, submit: false))!.AsObject();
        (oneTime["periodFrom"], oneTime["periodTo"]) = (M(1), M(2));
        var oneTimeWithPeriod = await station.PostAsJsonAsync("/api/v1/claims", oneTime);
        Assert.Equal(HttpStatusCode.BadRequest, oneTimeWithPeriod.StatusCode);
        Assert.Contains("不按月计发", await oneTimeWithPeriod.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, noPeriod.StatusCode);
        Assert.Contains("补贴期间", await noPeriod.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("periodFrom", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Contains("截止月份不能早于起始月份", await reversed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("尚未到来的月份", await future.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(first.StatusCode == HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        var created = await first.Content.ReadFromJsonAsync<JsonElement>();
        var claim = await station.GetFromJsonAsync<JsonElement>($"/api/v1/claims/{created.GetProperty("id").GetGuid()}");
        // The months come from the period, not from what was stated.
        Assert.Equal(6, claim.GetProperty("statedFacts").GetProperty("person").GetProperty("subsidisedMonths").GetInt32());
        Assert.Equal([M(1), M(2), M(3), M(4), M(5), M(6)], claim.GetProperty("coveredMonths").EnumerateArray().Select(m => m.GetString()).ToList());
        Assert.Equal(HttpStatusCode.Conflict, overlapping.StatusCode);
        var refusal = await overlapping.Content.ReadAsStringAsync();
        Assert.Contains($"{M(5)}、{M(6)}", refusal, StringComparison.Ordinal);
        Assert.Contains(claim.GetProperty("number").GetString()!, refusal, StringComparison.Ordinal);
        Assert.True(following.StatusCode == HttpStatusCode.Created, await following.Content.ReadAsStringAsync());

        // Rejected, the first claim's months are free again.
        var officer = await _app.SignedInClientAsync("officer1");
        var rejected = await officer.PostAsJsonAsync($"/api/v1/claims/{claim.GetProperty("id").GetGuid()}/reject", new { reason = "缴费记录与期间不符" });
        Assert.True(rejected.IsSuccessStatusCode, await rejected.Content.ReadAsStringAsync());
        var again = await station.PostAsJsonAsync("/api/v1/claims", Body(M(5), M(6)));
        Assert.True(again.StatusCode == HttpStatusCode.Created, await again.Content.ReadAsStringAsync());
        await using var db = _app.Database.CreateContext();
        var key = ClaimPeriods.Key("flexible-employment-social-insurance", residentId);
        Assert.Equal(
            [new DateOnly(year, 5, 1), new DateOnly(year, 6, 1), new DateOnly(year, 7, 1), new DateOnly(year, 8, 1)],
            await db.ClaimCoveredMonths.Where(m => m.Key == key).OrderBy(m => m.Month).Select(m => m.Month).ToListAsync());
    }

    [Fact]
    public void The_claim_form_asks_for_each_stated_fact_typed_and_worded_as_the_rule_reads_it()
    {
        var rules = _app.Factory.Services.GetRequiredService<PolicyCatalogueService>().Catalogue.Rules;
        var flexible = rules.First(r => r.Id.EndsWith("flexible-employment-social-insurance-graduates", StringComparison.Ordinal));

        var fields = ClaimFactForm.Fields(flexible, new HashSet<string> { "person.subsidisedMonths" });

        var byPath = fields.ToDictionary(f => f.Path);
        Assert.DoesNotContain("person.subsidisedMonths", byPath.Keys);
        Assert.DoesNotContain("person.schoolLeavingDate", byPath.Keys); // the registry holds it
        Assert.Equal(FactInputKind.YesNo, byPath["person.paysSocialInsuranceAsFlexibleWorker"].Kind);
        Assert.Equal("灵活就业后缴纳社会保险费", byPath["person.paysSocialInsuranceAsFlexibleWorker"].Label);
        Assert.Equal(FactInputKind.YesNo, byPath["person.employedSinceLeavingSchool"].Kind);
        Assert.Equal(FactInputKind.Date, byPath["person.flexibleEmploymentStartDate"].Kind);

        var facts = ClaimFactForm.Apply(new JsonObject { ["person"] = new JsonObject { ["note"] = "kept" } }, fields, new Dictionary<string, object?>
        {
            ["person.paysSocialInsuranceAsFlexibleWorker"] = true,
            ["person.employedSinceLeavingSchool"] = false,
            ["person.flexibleEmploymentStartDate"] = new DateOnly(2025, 3, 1),
        });
        Assert.Equal("""{"person":{"note":"kept","employedSinceLeavingSchool":false,"flexibleEmploymentStartDate":"2025-03-01","paysSocialInsuranceAsFlexibleWorker":true}}""", facts.ToJsonString());
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid claimId, byte[] bytes, string fileName)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", fileName } };
        return client.PostWithAntiforgeryAsync($"/api/v1/claims/{claimId}/attachments", form);
    }

    private async Task<string?> UserNameAsync(string? userId)
    {
        await using var db = _app.Database.CreateContext();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.UserName).SingleOrDefaultAsync();
    }

    /// <summary>A resident of one of station1's communities, of its own so that tests never share once-only scopes.</summary>
    private async Task<Guid> NewResidentAsync(bool returningMigrant)
    {
        await using var db = _app.Database.CreateContext();
        var station = await db.Users.AsNoTracking().Include(u => u.CommunityScopes).SingleAsync(u => u.UserName == "station1");
        var community = station.CommunityScopes.First().CommunityId;
        var n = Interlocked.Increment(ref _sequence);
        var birth = new DateOnly(1985, 1, 1).AddDays((n * 37) + (_app.Factory.Provider == EmploymentPortal.Data.DatabaseProvider.Postgres ? 5000 : 0));
        var idNumber = TestData.IdNumber(birth, Sex.Male);

        var resident = new Resident($"测试{n}", IdCardNumber.Parse(idNumber), PhoneNumber.Parse("13800138000"), community, new ResidentProfile
        {
            MigrantWorker = returningMigrant ? MigrantWorkerStatus.ReturningMigrantWorker : MigrantWorkerStatus.None,
        });
        db.Residents.Add(resident);
        await db.SaveChangesAsync();
        return resident.Id;
    }

    private async Task<EmploymentPortal.Web.Infrastructure.Validation.CommandResult> SetLocalValueAsync(string parameter, DateTime from, decimal value, DateTime? until = null)
    {
        await using var scope = _app.Factory.Services.CreateAsyncScope();
        await using var db = _app.Database.CreateContext();
        var officer = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "officer1");
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new PortalPrincipal(officer.Id, "officer1", officer.DisplayName, new HashSet<string> { PortalRoles.BureauOfficer }, new HashSet<Guid>(), null));
        var pipeline = scope.ServiceProvider.GetRequiredService<CommandPipeline>();
        var outcome = await pipeline.SendAsync(new SetLocalParameter.Command
        {
            ParameterId = parameter,
            EffectiveFrom = from,
            EffectiveUntil = until,
            Value = value,
            ReferenceDocument = "江人社〔2026〕7号",
            Section = "第二条",
            Quote = "职业培训补贴标准按本通知执行。",
        });
        return outcome.Result;
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteClaimTests : ClaimTests
{
    public SqliteClaimTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresClaimTests : ClaimTests
{
    public PostgresClaimTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
