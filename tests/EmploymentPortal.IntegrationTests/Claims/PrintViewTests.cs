using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmploymentPortal.Data.Auditing;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.IntegrationTests.Claims;

/// <summary>
/// Issue 15, print views on both providers: the claim decision notice, the payment batch list and
/// the resident's registration card are authorized on the server for the roles and the scope that
/// may see them, print the same words as the pages, and the full ID number is audited.
/// </summary>
public abstract class PrintViewTests
{
    private static int _sequence;
    private readonly PortalApp _app;

    protected PrintViewTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task The_decision_notice_prints_the_claim_in_words_for_its_claimant_and_officers_and_nobody_else()
    {
        var (resident, _) = await NewResidentAsync();
        var station = await _app.SignedInClientAsync("station1");
        var id = await ClaimTestData.EntrepreneurshipClaimAsync(station, resident);
        var number = await ClaimNumberAsync(id);

        var own = await station.GetAsync($"/claims/{id}/print");
        var officer = await (await _app.SignedInClientAsync("officer1")).GetAsync($"/claims/{id}/print");
        var otherStation = await (await _app.SignedInClientAsync("station2")).GetAsync($"/claims/{id}/print");
        var enterprise = await (await _app.SignedInClientAsync("enterprise1")).GetAsync($"/claims/{id}/print");
        using var anonymousClient = _app.Factory.CreateAnonymousClient();
        var anonymous = await anonymousClient.GetAsync($"/claims/{id}/print");

        var html = await own.Content.ReadAsStringAsync();
        Assert.True(own.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("补贴申请决定通知书", html, StringComparison.Ordinal);
        Assert.Contains(number, html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"decision\"", html, StringComparison.Ordinal);
        Assert.Contains("邢南政发〔2020〕1号", html, StringComparison.Ordinal);
        Assert.Contains("¥5,000.00", html, StringComparison.Ordinal);
        Assert.DoesNotContain(".txt", html, StringComparison.Ordinal);
        Assert.DoesNotContain("portal-appbar", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, officer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherStation.StatusCode);
        Assert.DoesNotContain(number, await otherStation.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, enterprise.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_batch_list_prints_every_line_and_the_checked_total_for_officers_only()
    {
        var station = await _app.SignedInClientAsync("station1");
        var officer1 = await _app.SignedInClientAsync("officer1");
        var officer2 = await _app.SignedInClientAsync("officer2");
        var ids = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            var id = await ClaimTestData.EntrepreneurshipClaimAsync(station, (await NewResidentAsync()).Id);
            Assert.Equal(HttpStatusCode.OK, (await officer1.PostAsJsonAsync($"/api/v1/claims/{id}/approve", new { })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await officer2.PostAsJsonAsync($"/api/v1/claims/{id}/approve", new { })).StatusCode);
            ids.Add(id);
        }

        var created = await officer1.PostAsJsonAsync("/api/v1/payment-batches", new { claimIds = ids });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var batchId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var print = await officer2.GetAsync($"/bureau/payment-batches/{batchId}/print");
        var byStation = await station.GetAsync($"/bureau/payment-batches/{batchId}/print");
        var unknown = await officer2.GetAsync($"/bureau/payment-batches/{Guid.NewGuid()}/print");

        var html = await print.Content.ReadAsStringAsync();
        Assert.True(print.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("支付批次清单", html, StringComparison.Ordinal);
        foreach (var id in ids)
        {
            Assert.Contains(await ClaimNumberAsync(id), html, StringComparison.Ordinal);
        }

        Assert.Equal(2, html.Split("data-testid=\"print-line\"").Length - 1);
        Assert.Contains("data-testid=\"print-total\">¥10,000.00<", html, StringComparison.Ordinal);
        Assert.Contains("6222020200112233", html, StringComparison.Ordinal);
        Assert.Contains(byStation.StatusCode, new[] { HttpStatusCode.Redirect, HttpStatusCode.Forbidden });
        Assert.DoesNotContain("6222020200112233", await byStation.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_registration_card_masks_the_id_number_unless_asked_and_audits_the_full_number()
    {
        var (resident, idNumber) = await NewResidentAsync();
        var station = await _app.SignedInClientAsync("station1");
        var card = $"/residents/{resident}/card";

        var masked = await station.GetAsync(card);
        var badValue = await station.GetAsync(card + "?full=yes%3Cscript%3E");
        var readsBefore = await ReadsAsync(resident);
        var full = await station.GetAsync(card + "?full=true");
        var readsAfter = await ReadsAsync(resident);
        var otherStation = await (await _app.SignedInClientAsync("station2")).GetAsync(card + "?full=true");
        var enterprise = await (await _app.SignedInClientAsync("enterprise1")).GetAsync(card);

        var maskedHtml = await masked.Content.ReadAsStringAsync();
        Assert.True(masked.StatusCode == HttpStatusCode.OK, maskedHtml);
        Assert.Contains("居民登记卡", maskedHtml, StringComparison.Ordinal);
        Assert.Contains(IdCardNumber.Parse(idNumber).Masked, maskedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber, maskedHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, badValue.StatusCode);
        Assert.DoesNotContain(idNumber, await badValue.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Contains(idNumber, await full.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(readsBefore + 1, readsAfter);
        Assert.Equal(HttpStatusCode.NotFound, otherStation.StatusCode);
        Assert.DoesNotContain(idNumber, await otherStation.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(enterprise.StatusCode, new[] { HttpStatusCode.Redirect, HttpStatusCode.Forbidden });
    }

    private async Task<int> ReadsAsync(Guid resident)
    {
        await using var db = _app.Database.CreateContext();
        return await db.AuditEntries.CountAsync(a => a.EntityType == nameof(Resident) && a.EntityId == resident.ToString() && a.Action == AuditAction.Read);
    }

    private async Task<string> ClaimNumberAsync(Guid id)
    {
        await using var db = _app.Database.CreateContext();
        return await db.Claims.Where(c => c.Id == id).Select(c => c.Number).SingleAsync();
    }

    private Task<(Guid Id, string IdNumber)> NewResidentAsync()
    {
        var n = Interlocked.Increment(ref _sequence);
        var birth = new DateOnly(1983, 5, 1).AddDays((n * 43) + (_app.Factory.Provider == EmploymentPortal.Data.DatabaseProvider.Postgres ? 3000 : 0));
        return ClaimTestData.ReturningMigrantAsync(_app, $"打印{n}", birth, Sex.Female);
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqlitePrintViewTests : PrintViewTests
{
    public SqlitePrintViewTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresPrintViewTests : PrintViewTests
{
    public PostgresPrintViewTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
