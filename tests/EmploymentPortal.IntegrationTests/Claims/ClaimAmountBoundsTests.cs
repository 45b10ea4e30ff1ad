using EmploymentPortal.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmploymentPortal.Data.Auditing;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Web.Features.Claims;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Security;
using EmploymentPortal.Web.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.IntegrationTests.Claims;

/// <summary>
/// Issue 13, point 1 on both providers: an approved amount is bounded (above zero, at most the
/// rules' amount without the override path, at most the bureau's ceiling where the rules compute
/// none, never above the hard ceiling), and every page, export and check that sums money renders,
/// or refuses with a message, beside a corrupted amount instead of answering 500.
/// </summary>
/// <remarks>
/// The claims are made with the domain's own methods (the rules' decision chosen by the test: an
/// amount below the second-approval threshold, or none) and then go through the API like any
/// other. Amounts corrupted with SQL are put back at the end of the test, so that the other tests
/// of the shared app never see them.
/// </remarks>
public abstract class ClaimAmountBoundsTests
{
    private const string Reason = "现场核查后核定";
    private readonly PortalApp _app;

    protected ClaimAmountBoundsTests(PortalApp app)
    {
        _app = app;
    }

    [Theory]
    [InlineData("0.00", "核定金额必须大于 0")]
    [InlineData("-0.01", "金额不能为负数")]
    [InlineData("92233720368547758.07", "核定金额不能超过单笔申请的硬上限")]
    [InlineData("92233720368547758.08", "金额超出可表示的范围")]
    public async Task An_approved_amount_of_zero_or_less_or_of_two_to_the_63_minus_one_fen_or_more_is_a_field_error(string amount, string expected)
    {
        var claim = await SubmittedClaimAsync("training", 100_000);
        var officer = await _app.SignedInClientAsync("officer1");

        var response = await officer.PostAsJsonAsync($"/api/v1/claims/{claim.Id}/approve", new { amount, reason = Reason });

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        var message = JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty("amount")[0].GetString()!;
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Equal(ClaimStatus.Submitted, await StatusAsync(claim.Id));
    }

    [Fact]
    public async Task One_fen_above_the_hard_ceiling_is_a_field_error_even_with_a_reason()
    {
        var ceiling = _app.Factory.Services.GetRequiredService<ClaimOptions>().HardCeilingPerClaim;
        var claim = await SubmittedClaimAsync("training", 100_000);
        var officer = await _app.SignedInClientAsync("officer1");

        var above = await officer.PostAsJsonAsync($"/api/v1/claims/{claim.Id}/approve", new { amount = (ceiling + Money.FromFen(1)).ToYuan(), reason = Reason });

        Assert.Equal(HttpStatusCode.BadRequest, above.StatusCode);
        Assert.Contains("硬上限", await above.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ClaimStatus.Submitted, await StatusAsync(claim.Id));
    }

    [Fact]
    public async Task The_review_command_refuses_two_to_the_63_minus_one_fen_with_a_field_error()
    {
        var claim = await SubmittedClaimAsync("training", 100_000);
        await using var scope = await OfficerScopeAsync("officer1");

        var outcome = await scope.ServiceProvider.GetRequiredService<CommandPipeline>()
            .SendAsync(new ReviewClaim.Command(claim.Id, ReviewClaim.Action.Approve, Money.FromFen(long.MaxValue), Reason));

        Assert.False(outcome.Succeeded);
        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Contains("amount", ApiProblems.CamelCase(outcome.Result.Errors).Keys);
        Assert.Equal(ClaimStatus.Submitted, await StatusAsync(claim.Id));
    }

    [Fact]
    public async Task The_computed_amount_below_the_threshold_is_approved_by_one_officer()
    {
        var claim = await SubmittedClaimAsync("training", 100_000);
        var officer = await _app.SignedInClientAsync("officer1");

        var response = await officer.PostAsJsonAsync($"/api/v1/claims/{claim.Id}/approve", new { amount = "1000.00" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ClaimStatus.Approved, await StatusAsync(claim.Id));
    }

    [Fact]
    public async Task One_fen_above_the_computed_amount_needs_a_reason_and_a_second_officer_even_below_the_threshold()
    {
        var claim = await SubmittedClaimAsync("training", 100_000);
        var officer1 = await _app.SignedInClientAsync("officer1");
        var officer2 = await _app.SignedInClientAsync("officer2");

        var withoutReason = await officer1.PostAsJsonAsync($"/api/v1/claims/{claim.Id}/approve", new { amount = "1000.01" });
        var first = await officer1.PostAsJsonAsync($"/api/v1/claims/{claim.Id}/approve", new { amount = "1000.01", reason = Reason });
        var statusAfterFirst = await StatusAsync(claim.Id);
        var batchTooEarly = await officer2.PostAsJsonAsync("/api/v1/payment-batches", new { claimIds = new[] { claim.Id } });
        var sameOfficer = await officer1.PostAsJsonAsync($"/api/v1/claims/{claim.Id}/approve", new { });
        var second = await officer2.PostAsJsonAsync($"/api/v1/claims/{claim.Id}/approve", new { });

        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Contains("\"code\":\"claim-override-reason-required\"", await withoutReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(ClaimStatus.AwaitingSecondApproval, statusAfterFirst);
        Assert.Equal((HttpStatusCode)422, batchTooEarly.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, sameOfficer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await using var db = _app.Database.CreateContext();
        var approved = await db.Claims.AsNoTracking().SingleAsync(c => c.Id == claim.Id);
        Assert.Equal((ClaimStatus.Approved, 100_001L, Reason), (approved.Status, approved.Amount!.Value.Fen, approved.OverrideReason!));
    }

    [Fact]
    public async Task Where_the_rules_compute_no_amount_the_bureau_ceiling_bounds_the_approval_and_keeps_its_history()
    {
        const string benefit = "job-seeking-subsidy";
        var claim = await SubmittedClaimAsync(benefit, null, ClaimOutcome.ManualReview);
        var officer1 = await _app.SignedInClientAsync("officer1");
        var officer2 = await _app.SignedInClientAsync("officer2");
        var station = await _app.SignedInClientAsync("station1");

        var noCeiling = await officer1.PostAsJsonAsync($"/api/v1/claims/{claim.Id}/approve", new { amount = "500.00", reason = Reason });
        var byStation = await station.PostAsJsonAsync("/api/v1/benefit-ceilings", new { benefit, amount = "800.00", basis = "江人社〔2026〕9号 第三条" });
        var zero = await officer2.PostAsJsonAsync("/api/v1/benefit-ceilings", new { benefit, amount = "0.00", basis = "江人社〔2026〕9号 第三条" });
        var unknownBenefit = await officer2.PostAsJsonAsync("/api/v1/benefit-ceilings", new { benefit = "no-such-benefit", amount = "800.00", basis = "江人社〔2026〕9号 第三条" });
        var noBasis = await officer2.PostAsJsonAsync("/api/v1/benefit-ceilings", new { benefit, amount = "800.00", basis = " " });
        var set = await officer2.PostAsJsonAsync("/api/v1/benefit-ceilings", new { benefit, amount = "800.00", basis = "江人社〔2026〕9号 第三条" });
        var lowered = await officer2.PostAsJsonAsync("/api/v1/benefit-ceilings", new { benefit, amount = "600.00", basis = "江人社〔2026〕12号 第二条" });
        var aboveCeiling = await officer1.PostAsJsonAsync($"/api/v1/claims/{claim.Id}/approve", new { amount = "600.01", reason = Reason });
        var atCeiling = await officer1.PostAsJsonAsync($"/api/v1/claims/{claim.Id}/approve", new { amount = "600.00", reason = Reason });
        var statusAfterFirst = await StatusAsync(claim.Id);
        var second = await officer2.PostAsJsonAsync($"/api/v1/claims/{claim.Id}/approve", new { });

        Assert.Equal((HttpStatusCode)422, noCeiling.StatusCode);
        Assert.Contains("\"code\":\"claim-benefit-ceiling-missing\"", await noCeiling.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byStation.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.Contains("\"amount\"", await zero.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknownBenefit.StatusCode);
        Assert.Contains("benefit", await unknownBenefit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noBasis.StatusCode);
        Assert.Contains("basis", await noBasis.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(set.StatusCode == HttpStatusCode.Created, await set.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, lowered.StatusCode);
        Assert.Equal((HttpStatusCode)422, aboveCeiling.StatusCode);
        Assert.Contains("\"code\":\"claim-amount-above-benefit-ceiling\"", await aboveCeiling.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, atCeiling.StatusCode);
        Assert.Equal(ClaimStatus.AwaitingSecondApproval, statusAfterFirst);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(ClaimStatus.Approved, await StatusAsync(claim.Id));

        var ceilings = await officer1.GetFromJsonAsync<JsonElement>("/api/v1/benefit-ceilings");
        var current = ceilings.GetProperty("current").EnumerateArray().Single(c => c.GetProperty("benefit").GetString() == benefit);
        Assert.Equal(("600.00", "江人社〔2026〕12号 第二条"), (current.GetProperty("amount").GetString(), current.GetProperty("basis").GetString()));
        var history = ceilings.GetProperty("history").EnumerateArray().Where(c => c.GetProperty("benefit").GetString() == benefit).ToList();
        Assert.Equal(["600.00", "800.00"], history.Select(h => h.GetProperty("amount").GetString()));
        Assert.All(history, h => Assert.False(string.IsNullOrEmpty(h.GetProperty("setByName").GetString())));
        await using var db = _app.Database.CreateContext();
        var audited = await db.AuditEntries.Where(e => e.EntityType == "BenefitCeiling" && e.Action == AuditAction.Insert && e.Changes.Contains(benefit)).CountAsync();
        Assert.Equal(2, audited);
    }

    [Fact]
    public async Task The_public_notice_the_reports_and_the_batch_pages_render_beside_corrupted_amounts()
    {
        var officer = await _app.SignedInClientAsync("officer1");
        var inBatch = await SubmittedClaimAsync("training", 100_000, personName: "甲批次");
        var good = await SubmittedClaimAsync("training", 100_000, personName: "乙批次");
        var notInBatch = await SubmittedClaimAsync("training", 100_000, personName: "丙待付");
        foreach (var claim in new[] { inBatch, good, notInBatch })
        {
            Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/v1/claims/{claim.Id}/approve", new { })).StatusCode);
        }

        var batch = await officer.PostAsJsonAsync("/api/v1/payment-batches", new { claimIds = new[] { inBatch.Id, good.Id } });
        Assert.True(batch.StatusCode == HttpStatusCode.Created, await batch.Content.ReadAsStringAsync());
        var batchId = (await batch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await CorruptAsync(inBatch.Number, long.MaxValue);
        await CorruptAsync(notInBatch.Number, -1);
        try
        {
            using var anonymous = _app.Factory.CreateAnonymousClient();
            var notice = await anonymous.GetAsync("/notice");
            var batches = await officer.GetAsync("/bureau/payment-batches");
            var reportPage = await officer.GetAsync("/bureau/claim-reports");
            var list = await officer.GetAsync("/claims?status=Approved");
            var report = await officer.GetAsync("/api/v1/claim-reports/export");
            var export = await officer.GetAsync($"/api/v1/payment-batches/{batchId}/export");
            var settle = await officer.PostAsJsonAsync($"/api/v1/payment-batches/{batchId}/settle", new { });

            var noticeHtml = await notice.Content.ReadAsStringAsync();
            Assert.True(notice.StatusCode == HttpStatusCode.OK, noticeHtml);
            // The test's claims have no resident, so the notice names them in full (as a community's award).
            var noticeRows = noticeHtml.Split("data-testid=\"notice-row\"")[1..];
            Assert.Contains("data-testid=\"amount-anomaly\"", Assert.Single(noticeRows, r => r.Contains("甲批次", StringComparison.Ordinal)), StringComparison.Ordinal);
            Assert.Contains("data-testid=\"amount-anomaly\"", Assert.Single(noticeRows, r => r.Contains("丙待付", StringComparison.Ordinal)), StringComparison.Ordinal);
            Assert.Contains("1,000.00", Assert.Single(noticeRows, r => r.Contains("乙批次", StringComparison.Ordinal)), StringComparison.Ordinal);
            Assert.Equal(2, noticeRows.Count(r => r.Contains("data-testid=\"amount-anomaly\"", StringComparison.Ordinal)));
            Assert.DoesNotContain("92,233,720,368,547,758.07", noticeHtml, StringComparison.Ordinal);

            var batchesHtml = await batches.Content.ReadAsStringAsync();
            Assert.True(batches.StatusCode == HttpStatusCode.OK, batchesHtml);
            Assert.Contains("data-testid=\"amount-anomaly\"", batchesHtml, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"batch-anomaly\"", batchesHtml, StringComparison.Ordinal);

            var reportHtml = await reportPage.Content.ReadAsStringAsync();
            Assert.True(reportPage.StatusCode == HttpStatusCode.OK, reportHtml);
            Assert.Contains("data-testid=\"report-anomaly\"", reportHtml, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);

            Assert.True(report.StatusCode == HttpStatusCode.OK, await report.Content.ReadAsStringAsync());
            var rows = XlsxText.Read(await report.Content.ReadAsByteArrayAsync());
            Assert.Contains(rows, r => r.Any(cell => cell.Contains("金额异常", StringComparison.Ordinal)));
            var total = rows.Single(r => r[0] == "合计");
            Assert.True(decimal.Parse(total[5], System.Globalization.CultureInfo.InvariantCulture) < 1_000_000_000m, string.Join(" | ", total));

            Assert.Equal(HttpStatusCode.Conflict, export.StatusCode);
            var exportProblem = await export.Content.ReadAsStringAsync();
            Assert.Contains(inBatch.Number, exportProblem, StringComparison.Ordinal);
            Assert.Contains("金额异常", exportProblem, StringComparison.Ordinal);
            // 409 as the export (ADR 007: a batch that does not reconcile is a conflict with the stored state; it was 422 here).
            Assert.Equal(HttpStatusCode.Conflict, settle.StatusCode);
            Assert.Contains(inBatch.Number, await settle.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            // The warning names the claims, never the person or the account.
            var log = new RecordingLogger();
            await using (var db = _app.Database.CreateContext())
            {
                await ClaimQueries.NoticeAsync(db, new ClaimAmounts(_app.Factory.Services.GetRequiredService<ClaimOptions>(), log), DateTimeOffset.UtcNow, 7);
            }

            var warning = Assert.Single(log.Warnings);
            Assert.Contains(inBatch.Number, warning, StringComparison.Ordinal);
            Assert.Contains(notInBatch.Number, warning, StringComparison.Ordinal);
            Assert.DoesNotContain("甲批次", warning, StringComparison.Ordinal);
            Assert.DoesNotContain("6222020200112233", warning, StringComparison.Ordinal);
        }
        finally
        {
            await CorruptAsync(inBatch.Number, 100_000);
            await CorruptAsync(notInBatch.Number, 100_000);
        }
    }

    [Fact]
    public async Task A_new_batch_refuses_a_claim_whose_stored_amount_is_corrupt()
    {
        var officer = await _app.SignedInClientAsync("officer1");
        var claim = await SubmittedClaimAsync("training", 100_000);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/v1/claims/{claim.Id}/approve", new { })).StatusCode);
        await CorruptAsync(claim.Number, long.MaxValue);
        try
        {
            var batch = await officer.PostAsJsonAsync("/api/v1/payment-batches", new { claimIds = new[] { claim.Id } });

            Assert.Equal((HttpStatusCode)422, batch.StatusCode);
            Assert.Contains(claim.Number, await batch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(ClaimStatus.Approved, await StatusAsync(claim.Id));
        }
        finally
        {
            await CorruptAsync(claim.Number, 100_000);
        }
    }

    [Fact]
    public async Task The_enterprise_cap_check_refuses_rather_than_wrapping_around_a_corrupted_amount()
    {
        Guid enterprise;
        await using (var db = _app.Database.CreateContext())
        {
            // An enterprise no demo account belongs to, so no other test claims for it.
            var withUsers = await db.Users.Where(u => u.EnterpriseId != null).Select(u => u.EnterpriseId!.Value).ToListAsync();
            enterprise = await db.Enterprises.Where(e => e.Status == EnterpriseStatus.Verified && !withUsers.Contains(e.Id)).OrderByDescending(e => e.CreditCode).Select(e => e.Id).FirstAsync();
        }

        var officer1 = await _app.SignedInClientAsync("officer1");
        var earlier = await SubmittedClaimAsync("absorption", 100_000, enterpriseId: enterprise);
        Assert.Equal(HttpStatusCode.OK, (await officer1.PostAsJsonAsync($"/api/v1/claims/{earlier.Id}/approve", new { })).StatusCode);
        var next = await SubmittedClaimAsync("absorption", 100_000, enterpriseId: enterprise);
        await CorruptAsync(earlier.Number, long.MaxValue);
        try
        {
            var approve = await officer1.PostAsJsonAsync($"/api/v1/claims/{next.Id}/approve", new { });

            Assert.Equal((HttpStatusCode)422, approve.StatusCode);
            Assert.Contains("金额异常", await approve.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(ClaimStatus.Submitted, await StatusAsync(next.Id));
        }
        finally
        {
            await CorruptAsync(earlier.Number, 100_000);
        }
    }

    /// <summary>Writes an amount straight into the database, past the domain, the handlers and the audit log.</summary>
    private Task CorruptAsync(string claimNumber, long amountFen) =>
        _app.Database.ExecuteSqlAsync($"UPDATE \"Claims\" SET \"AmountFen\" = {amountFen} WHERE \"Number\" = '{claimNumber}'");

    private async Task<ClaimStatus> StatusAsync(Guid id)
    {
        await using var db = _app.Database.CreateContext();
        return await db.Claims.AsNoTracking().Where(c => c.Id == id).Select(c => c.Status).SingleAsync();
    }

    private async Task<AsyncServiceScope> OfficerScopeAsync(string userName)
    {
        await using var db = _app.Database.CreateContext();
        var officer = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        var scope = _app.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new PortalPrincipal(officer.Id, userName, officer.DisplayName, new HashSet<string> { PortalRoles.BureauOfficer }, new HashSet<Guid>(), null));
        return scope;
    }

    /// <summary>
    /// A submitted claim whose rules' decision is <paramref name="computedFen"/> (null: the rules
    /// computed no amount), prepared and submitted by a station user who is no officer.
    /// </summary>
    private async Task<Claim> SubmittedClaimAsync(string benefit, long? computedFen, ClaimOutcome outcome = ClaimOutcome.Eligible, string personName = "测试金额", Guid? enterpriseId = null)
    {
        await using var db = _app.Database.CreateContext();
        var place = await (from c in db.Communities
                           join s in db.Streets on c.StreetId equals s.Id
                           orderby c.Code
                           select new { CommunityId = c.Id, s.DistrictId }).FirstAsync();
        var maker = new ClaimActor("itest-maker", "测试制单人");
        var now = DateTimeOffset.UtcNow;
        var decision = new ClaimDecision(outcome, computedFen is { } fen ? Money.FromFen(fen) : null, [], "{}", "{}", "{}", "itest", DateOnly.FromDateTime(now.UtcDateTime));
        var subject = new ClaimSubject(
            benefit,
            $"itest.{benefit}",
            "测试规则",
            "测试文号",
            enterpriseId is null ? ClaimantKind.Station : ClaimantKind.Enterprise,
            enterpriseId,
            null,
            place.CommunityId,
            place.DistrictId,
            personName,
            "resident-records");
        var claim = Claim.Draft(subject, new ClaimPayee(personName, "6222020200112233", "江州农商银行"), decision, null, maker, now);
        claim.Submit(decision, maker, now);
        db.Claims.Add(claim);
        await db.SaveChangesAsync();
        return claim;
    }
}

/// <summary>Keeps the warnings <see cref="ClaimAmounts"/> logs.</summary>
internal sealed class RecordingLogger : ILogger<ClaimAmounts>
{
    public List<string> Warnings { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel == LogLevel.Warning)
        {
            Warnings.Add(formatter(state, exception));
        }
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteClaimAmountBoundsTests : ClaimAmountBoundsTests
{
    public SqliteClaimAmountBoundsTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresClaimAmountBoundsTests : ClaimAmountBoundsTests
{
    public PostgresClaimAmountBoundsTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
