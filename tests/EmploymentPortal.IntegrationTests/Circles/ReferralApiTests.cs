using EmploymentPortal.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmploymentPortal.Domain.Circles;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.IntegrationTests.Residents;
using EmploymentPortal.Web.Features.Circles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.IntegrationTests.Circles;

/// <summary>
/// The referral round trip through the API on both providers, on the demo city: station staff
/// refer a resident to a recommended vacancy, the enterprise sees the referral with the phone
/// masked and answers it, the resident's history shows the outcome; other stations and other
/// enterprises are refused.
/// </summary>
public abstract class ReferralApiTests
{
    private readonly PortalApp _app;

    protected ReferralApiTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task The_bureau_sets_a_years_target_and_the_targets_show_it_beside_the_drafts()
    {
        var officer = await _app.SignedInClientAsync("officer1");
        var year = CircleTarget.LastYear - TestData.OneOf(0, 50);

        var tooHigh = await officer.PostAsJsonAsync("/api/v1/circles/targets", new { year, sharePercent = 120, reason = "x" });
        var tooEarly = await officer.PostAsJsonAsync("/api/v1/circles/targets", new { year = 2019, sharePercent = 50, reason = "x" });
        var noReason = await officer.PostAsJsonAsync("/api/v1/circles/targets", new { year, sharePercent = 75 });
        var set = await officer.PostAsJsonAsync("/api/v1/circles/targets", new { year, sharePercent = 75.5, reason = "三年行动计划" });

        Assert.Equal(HttpStatusCode.BadRequest, tooHigh.StatusCode);
        Assert.Contains("0~100", await tooHigh.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True(set.IsSuccessStatusCode, await set.Content.ReadAsStringAsync());
        using var targets = JsonDocument.Parse(await (await _app.SignedInClientAsync("station1")).GetStringAsync("/api/v1/circles/targets"));
        var rows = targets.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("year").GetInt32());
        Assert.Equal(40m, rows[2022].GetProperty("documentPercent").GetDecimal());
        Assert.Equal(75.5m, rows[year].GetProperty("setPercent").GetDecimal());
        Assert.Equal(75.5m, rows[year].GetProperty("inForcePercent").GetDecimal());
        Assert.Equal("三年行动计划", rows[year].GetProperty("reason").GetString());
        await using var db = _app.Database.CreateContext();
        var id = (await set.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(CircleTarget) && e.EntityId == id));
    }

    [Fact]
    public async Task The_vacancy_board_is_loaded_when_the_portal_starts()
    {
        var services = _app.Factory.Services;
        Assert.Single(services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<VacancyBoardWarmer>());
        var cache = new VacancyBoardCache(new EmploymentPortal.Data.EntityChangeSignal(), TimeProvider.System);
        using var warmer = new VacancyBoardWarmer(cache, services.GetRequiredService<IServiceScopeFactory>(), new PortalCalendar(TimeProvider.System),
            services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>(), Microsoft.Extensions.Logging.Abstractions.NullLogger<VacancyBoardWarmer>.Instance);
        Assert.Null(cache.LoadedAt);

        await warmer.StartAsync(CancellationToken.None);
        await warmer.ExecuteTask!;

        Assert.NotNull(cache.LoadedAt);
    }

    [Fact]
    public async Task Station_refers_the_enterprise_answers_and_the_residents_history_shows_the_outcome()
    {
        var station1 = await _app.SignedInClientAsync("station1");
        var station2 = await _app.SignedInClientAsync("station2");
        var enterprise1 = await _app.SignedInClientAsync("enterprise1");
        var enterprise2 = await _app.SignedInClientAsync("enterprise2");
        var residentId = await RegisterUnemployedAsync(station1, "东湖社区");
        Guid enterpriseId;
        string home;
        await using (var db = _app.Database.CreateContext())
        {
            enterpriseId = await db.Users.Where(u => u.UserName == "enterprise1").Select(u => u.EnterpriseId!.Value).SingleAsync();
            var vacancy = await db.Vacancies.Where(v => v.EnterpriseId == enterpriseId && v.Status == VacancyStatus.Published)
                .OrderBy(v => v.Id).Select(v => new { v.Latitude, v.Longitude }).FirstAsync();
            home = FormattableString.Invariant($"{vacancy.Latitude},{vacancy.Longitude}");
        }

        // The resident lives by one of enterprise1's vacancies, so its jobs are in the circle.
        (await station1.PutAsJsonAsync($"/api/v1/residents/{residentId}/home", new { homeLocation = home })).EnsureSuccessStatusCode();

        using var recommendations = JsonDocument.Parse(await station1.GetStringAsync($"/api/v1/residents/{residentId}/recommendations?top=500"));
        var vacancyId = recommendations.RootElement.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("vacancy"))
            .Where(v => v.GetProperty("enterpriseId").GetGuid() == enterpriseId)
            .Select(v => v.GetProperty("id").GetGuid())
            .First();

        var foreignStation = await station2.PostAsJsonAsync("/api/v1/referrals", new { residentId, vacancyId });
        var referred = await station1.PostAsJsonAsync("/api/v1/referrals", new { residentId, vacancyId });
        var again = await station1.PostAsJsonAsync("/api/v1/referrals", new { residentId, vacancyId });

        Assert.True(foreignStation.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, foreignStation.StatusCode.ToString());
        Assert.True(referred.StatusCode == HttpStatusCode.Created, await referred.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var referralId = (await referred.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // The enterprise sees its referral, masked; the other enterprise neither sees nor answers it.
        var seen = (await enterprise1.GetFromJsonAsync<JsonElement>("/api/v1/referrals")).EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == referralId);
        Assert.Equal(vacancyId, seen.GetProperty("vacancyId").GetGuid());
        Assert.Equal(PhoneNumber.Parse("13912345678").Masked, seen.GetProperty("maskedPhone").GetString());
        Assert.DoesNotContain("13912345678", seen.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain((await enterprise2.GetFromJsonAsync<JsonElement>("/api/v1/referrals")).EnumerateArray(), r => r.GetProperty("id").GetGuid() == referralId);
        Assert.Equal(HttpStatusCode.NotFound, (await enterprise2.PostAsJsonAsync($"/api/v1/referrals/{referralId}/answer", new { answer = "Hired" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await enterprise2.PostAsync($"/api/v1/referrals/{referralId}/phone", null)).StatusCode);

        // The full number is an audited read while the referral is open.
        var phone = await enterprise1.PostAsync($"/api/v1/referrals/{referralId}/phone", null);
        Assert.Equal(HttpStatusCode.OK, phone.StatusCode);
        Assert.Contains("13912345678", await phone.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var interviewed = await enterprise1.PostAsJsonAsync($"/api/v1/referrals/{referralId}/answer", new { answer = "Interviewed" });
        var hired = await enterprise1.PostAsJsonAsync($"/api/v1/referrals/{referralId}/answer", new { answer = "Hired", note = "下周一入职" });
        var bad = await enterprise1.PostAsJsonAsync($"/api/v1/referrals/{referralId}/answer", new { answer = "Referred" });

        Assert.Equal(HttpStatusCode.OK, interviewed.StatusCode);
        Assert.True(hired.StatusCode == HttpStatusCode.OK, await hired.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await enterprise1.PostAsync($"/api/v1/referrals/{referralId}/phone", null)).StatusCode);

        var history = await station1.GetFromJsonAsync<JsonElement>($"/api/v1/residents/{residentId}/referrals");
        var row = history.GetProperty("referrals").EnumerateArray().Single();
        Assert.Equal(referralId, row.GetProperty("id").GetGuid());
        Assert.Equal("Hired", row.GetProperty("status").GetString());
        Assert.Equal("下周一入职", row.GetProperty("answerNote").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await station2.GetAsync($"/api/v1/residents/{residentId}/referrals")).StatusCode);
        await using (var db = _app.Database.CreateContext())
        {
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Resident) && a.EntityId == residentId.ToString() && a.Action == Data.Auditing.AuditAction.Read));
        }

        // The hire is recorded from the referral (the enterprise never saw the ID number); only by its enterprise.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var until = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        object Hire(Guid referral) => new { referralId = referral, position = "仓储", startDate = today, contractType = "FixedTerm", contractStart = today, contractEnd = until };
        var byOther = await enterprise2.PostAsJsonAsync("/api/v1/hires", Hire(referralId));
        var unknown = await enterprise1.PostAsJsonAsync("/api/v1/hires", Hire(Guid.NewGuid()));
        var fromReferral = await enterprise1.PostAsJsonAsync("/api/v1/hires", Hire(referralId));

        Assert.False(byOther.IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("推荐", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(fromReferral.StatusCode == HttpStatusCode.Created, await fromReferral.Content.ReadAsStringAsync());
        var hireId = (await fromReferral.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await using (var db = _app.Database.CreateContext())
        {
            Assert.Equal(residentId, (await db.Hires.AsNoTracking().SingleAsync(h => h.Id == hireId)).ResidentId);
        }

        var listed = (await enterprise1.GetFromJsonAsync<JsonElement>("/api/v1/referrals")).EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == referralId);
        Assert.True(listed.GetProperty("hireRecorded").GetBoolean());
    }

    private async Task<Guid> RegisterUnemployedAsync(HttpClient station, string community)
    {
        Guid communityId;
        await using (var db = _app.Database.CreateContext())
        {
            communityId = await db.Communities.Where(c => c.Name == community).Select(c => c.Id).SingleAsync();
        }

        var idNumber = TestData.IdNumber(new DateOnly(1991, 4, 4));
        var response = await station.PostAsJsonAsync("/api/v1/residents/", new
        {
            name = "推荐测试",
            idNumber,
            phone = "13912345678",
            communityId,
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await station.PostAsJsonAsync($"/api/v1/residents/{id}/unemployment-registration", new { ableToWork = true, wantsWork = true, currentlyUnemployed = true })).EnsureSuccessStatusCode();
        return id;
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteReferralApiTests(SqlitePortalApp app) : ReferralApiTests(app);

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresReferralApiTests(PostgresPortalApp app) : ReferralApiTests(app);
