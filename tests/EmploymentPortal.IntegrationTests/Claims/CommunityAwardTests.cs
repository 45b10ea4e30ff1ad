using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmploymentPortal.Domain.Circles;
using EmploymentPortal.Domain.Claims;
using EmploymentPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.IntegrationTests.Claims;

/// <summary>
/// The three-kilometre fully-employed community award (002 三、(一)) through the claims workflow on
/// both providers: filed by a bureau officer for a community its latest assessment recognises,
/// decided by the rules service (6,000 yuan), once per community and year, and approved only by
/// officers other than the one who filed it.
/// </summary>
public abstract class CommunityAwardTests
{
    private readonly PortalApp _app;

    protected CommunityAwardTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task A_recognised_community_gets_one_award_a_year_decided_by_the_rules_and_approved_by_others()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var recognised = await AssessAsync("东湖社区", new CircleIndicators(100, 1, 1, 0, 5));
        var notRecognised = await AssessAsync("西山社区", new CircleIndicators(10, 5, 0, 1, 0));
        var officer1 = await _app.SignedInClientAsync("officer1");
        var officer2 = await _app.SignedInClientAsync("officer2");
        var station = await _app.SignedInClientAsync("station1");

        var filed = await officer1.PostAsJsonAsync("/api/v1/claims/community-awards", new { communityId = recognised, payeeAccount = "6222020200445566", payeeBank = "江州农商银行" });
        var again = await officer2.PostAsJsonAsync("/api/v1/claims/community-awards", new { communityId = recognised, payeeAccount = "6222020200445566" });
        var refused = await officer1.PostAsJsonAsync("/api/v1/claims/community-awards", new { communityId = notRecognised, payeeAccount = "6222020200445566" });
        var byStation = await station.PostAsJsonAsync("/api/v1/claims/community-awards", new { communityId = recognised });

        Assert.True(filed.StatusCode == HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
        var claim = await filed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Submitted", "Eligible", "6000.00"), (claim.GetProperty("status").GetString(), claim.GetProperty("outcome").GetString(), claim.GetProperty("amount").GetString()));
        Assert.Equal("community-assessment", claim.GetProperty("factSource").GetString());
        Assert.Contains("三、(一)", claim.GetProperty("decision").GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal((HttpStatusCode)422, refused.StatusCode);
        Assert.Contains("community-not-recognised", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byStation.StatusCode);

        // Maker-checker: the officer who filed it cannot approve; 6,000 yuan needs two other officers.
        var id = claim.GetProperty("id").GetGuid();
        var byMaker = await officer1.PostAsJsonAsync($"/api/v1/claims/{id}/approve", new { });
        var first = await officer2.PostAsJsonAsync($"/api/v1/claims/{id}/approve", new { });
        var secondBySame = await officer2.PostAsJsonAsync($"/api/v1/claims/{id}/approve", new { });

        Assert.Equal(HttpStatusCode.Forbidden, byMaker.StatusCode);
        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, secondBySame.StatusCode);
        await using var db = _app.Database.CreateContext();
        var stored = await db.Claims.AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.Null(stored.ResidentId);
        Assert.Equal(recognised, stored.CommunityId);
        Assert.Equal("东湖社区", stored.PersonName);
        Assert.Equal(ClaimStatus.AwaitingSecondApproval, stored.Status);
        Assert.EndsWith($"|{today.Year}", stored.OnceOnlyKey, StringComparison.Ordinal);

        // The claim page's query reads it without a person.
        var detail = await officer2.GetFromJsonAsync<JsonElement>($"/api/v1/claims/{id}");
        Assert.Equal("东湖社区", detail.GetProperty("personName").GetString());
    }

    /// <summary>This month's assessment of a demo community with the given indicators (replacing any).</summary>
    private async Task<Guid> AssessAsync(string community, CircleIndicators indicators)
    {
        await using var db = _app.Database.CreateContext();
        var id = await db.Communities.Where(c => c.Name == community).Select(c => c.Id).SingleAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var month = new DateOnly(today.Year, today.Month, 1);
        var assessment = CircleStanding.Assess(indicators, CircleThresholds.Defaults);
        var existing = await db.CommunityAssessments.FirstOrDefaultAsync(a => a.CommunityId == id && a.Month == month);
        if (existing is null)
        {
            db.CommunityAssessments.Add(new CommunityAssessment(id, month, assessment, 3, DateTimeOffset.UtcNow));
        }
        else
        {
            existing.Update(assessment, 3, DateTimeOffset.UtcNow);
        }

        await db.SaveChangesAsync();
        return id;
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteCommunityAwardTests(SqlitePortalApp app) : CommunityAwardTests(app);

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresCommunityAwardTests(PostgresPortalApp app) : CommunityAwardTests(app);
