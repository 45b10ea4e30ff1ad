using EmploymentPortal.Testing;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.IntegrationTests.Posts;

/// <summary>
/// Public-welfare and internship programmes and job fairs through the API on both providers. Each
/// test uses a year of its own far from the demo data, so the yearly figures are exactly its own.
/// </summary>
public abstract class PostAndJobFairTests
{
    private readonly PortalApp _app;

    protected PostAndJobFairTests(PortalApp app)
    {
        _app = app;
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Fact]
    public async Task A_public_welfare_placement_changes_the_status_and_counts_in_the_relocated_share()
    {
        var officer = await _app.SignedInClientAsync("officer1");
        var year = Today.Year;
        var programme = await CreateProgrammeAsync(officer, "PublicWelfare", year, posts: 1);
        var (residentId, idNumber) = await RegisteredUnemployedResidentAsync(relocated: true);

        var placed = await officer.PostAsJsonAsync($"/api/v1/post-programmes/{programme}/placements", new { idNumber, startDate = Date(Today) });
        var full = await officer.PostAsJsonAsync($"/api/v1/post-programmes/{programme}/placements", new { idNumber = (await RegisteredUnemployedResidentAsync()).IdNumber, startDate = Date(Today) });

        Assert.True(placed.StatusCode == HttpStatusCode.Created, await placed.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode)422, full.StatusCode);
        Assert.Contains("post-programme-full", await full.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = _app.Database.CreateContext();
        Assert.Equal(EmploymentStatus.PublicWelfarePost, (await db.Residents.SingleAsync(r => r.Id == residentId)).CurrentStatus);
        using var summary = JsonDocument.Parse(await officer.GetStringAsync($"/api/v1/post-programmes/summary?year={year}"));
        var share = summary.RootElement.GetProperty("relocatedShare");
        Assert.True(share.GetProperty("heldByRelocated").GetInt32() >= 1);
        var placementId = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/v1/post-placements/{placementId}/extend", new { months = 12 })).StatusCode);
        Assert.Equal((HttpStatusCode)422, (await officer.PostAsJsonAsync($"/api/v1/post-placements/{placementId}/extend", new { months = 12 })).StatusCode);
    }

    [Fact]
    public async Task An_internship_cohort_reports_completion_and_retention()
    {
        var officer = await _app.SignedInClientAsync("officer1");
        var year = 2090;
        var programme = await CreateProgrammeAsync(officer, "Internship", year, posts: 3, months: 1);
        var start = new DateOnly(2090, 1, 1);
        var placements = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            var (_, idNumber) = await RegisteredUnemployedResidentAsync();
            var response = await officer.PostAsJsonAsync($"/api/v1/post-programmes/{programme}/placements", new { idNumber, startDate = Date(start) });
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            placements.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        (await officer.PostAsJsonAsync($"/api/v1/post-placements/{placements[0]}/exit", new { lastDay = "2090-01-31", reason = "TermEnded", retained = true })).EnsureSuccessStatusCode();
        (await officer.PostAsJsonAsync($"/api/v1/post-placements/{placements[1]}/exit", new { lastDay = "2090-01-20", reason = "Resigned", retained = false })).EnsureSuccessStatusCode();
        var missingReason = await officer.PostAsJsonAsync($"/api/v1/post-placements/{placements[1]}/exit", new { lastDay = "2090-01-20" });

        using var summary = JsonDocument.Parse(await officer.GetStringAsync($"/api/v1/post-programmes/summary?year={year}"));
        var row = summary.RootElement.GetProperty("programmes").EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == programme);
        var internship = row.GetProperty("internship");
        Assert.Equal(2, internship.GetProperty("ended").GetInt32());
        Assert.Equal(1, internship.GetProperty("completed").GetInt32());
        Assert.Equal(50m, internship.GetProperty("retentionPercent").GetDecimal());
        Assert.True(internship.GetProperty("qualifiesForRetentionBonus").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, missingReason.StatusCode);
        Assert.Equal("请选择离岗原因。", JsonDocument.Parse(await missingReason.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("reason")[0].GetString());
    }

    [Fact]
    public async Task Job_fairs_of_a_year_are_counted_against_the_targets()
    {
        var officer = await _app.SignedInClientAsync("officer1");
        var code = await Enterprise1CodeAsync();

        var first = await officer.PostAsJsonAsync("/api/v1/job-fairs", new { name = "春风行动", date = "2091-02-20", place = "市人力资源市场", participants = new[] { new { enterpriseCreditCode = code, postsOffered = 20, intentions = 6 } } });
        var second = await officer.PostAsJsonAsync("/api/v1/job-fairs", new { name = "民营企业招聘月", date = "2091-05-10", place = "东湖社区", participants = new[] { new { enterpriseCreditCode = code, postsOffered = 8, intentions = 2 } } });
        var invalid = await officer.PostAsJsonAsync("/api/v1/job-fairs", new { name = "x", date = "2091-05-10", place = "y", participants = new[] { new { enterpriseCreditCode = code, postsOffered = 1, intentions = 2 } } });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        using var summary = JsonDocument.Parse(await officer.GetStringAsync("/api/v1/job-fairs/summary?year=2091"));
        var year = summary.RootElement.GetProperty("summary");
        Assert.Equal(2, year.GetProperty("fairs").GetInt32());
        Assert.Equal(8, year.GetProperty("intentions").GetInt32());
        Assert.Equal(72, year.GetProperty("targets").GetProperty("fairsPerYear").GetInt32());
        Assert.Equal(810, year.GetProperty("targets").GetProperty("intentionsPerYear").GetInt32());
        Assert.False(year.GetProperty("fairsMet").GetBoolean());
    }

    [Fact]
    public async Task A_station_records_a_residents_intention_at_a_fair_it_counts_for_the_fair_and_is_followed_to_the_hire()
    {
        var officer = await _app.SignedInClientAsync("officer1");
        var code = await Enterprise1CodeAsync();
        var fairName = "意向到人" + Guid.NewGuid().ToString("N")[..6];
        var fairResponse = await officer.PostAsJsonAsync("/api/v1/job-fairs", new { name = fairName, date = Date(Today), place = "滨江社区", participants = new[] { new { enterpriseCreditCode = code, postsOffered = 2, intentions = 0 } } });
        Assert.True(fairResponse.StatusCode == HttpStatusCode.Created, await fairResponse.Content.ReadAsStringAsync());
        var fairId = (await fairResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Guid enterpriseId;
        await using (var db = _app.Database.CreateContext())
        {
            enterpriseId = await db.Enterprises.Where(e => e.CreditCode == code).Select(e => e.Id).SingleAsync();
        }

        var (residentId, idNumber) = await RegisteredUnemployedResidentAsync();
        var station = await _app.SignedInClientAsync("station1");

        // The station's recent fairs offer this one with its enterprise.
        using (var recent = JsonDocument.Parse(await station.GetStringAsync("/api/v1/job-fairs/recent")))
        {
            var offered = recent.RootElement.EnumerateArray().Single(f => f.GetProperty("id").GetGuid() == fairId);
            Assert.Equal(enterpriseId, offered.GetProperty("enterprises")[0].GetProperty("id").GetGuid());
        }

        var recorded = await station.PostAsJsonAsync($"/api/v1/job-fairs/{fairId}/intentions", new { residentId, enterpriseId, post = "仓库管理员" });
        Assert.True(recorded.StatusCode == HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());

        // Twice the same: refused in Chinese; an enterprise that was not there: named on its field.
        var twice = await station.PostAsJsonAsync($"/api/v1/job-fairs/{fairId}/intentions", new { residentId, enterpriseId, post = "仓库管理员" });
        Assert.False(twice.IsSuccessStatusCode);
        Assert.Contains("已登记过就业意向", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var absent = await station.PostAsJsonAsync($"/api/v1/job-fairs/{fairId}/intentions", new { residentId, enterpriseId = Guid.NewGuid(), post = "保安员" });
        Assert.Equal(HttpStatusCode.BadRequest, absent.StatusCode);
        Assert.Equal("该企业没有参加这场招聘会。", JsonDocument.Parse(await absent.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("enterpriseId")[0].GetString());
        var empty = await station.PostAsJsonAsync($"/api/v1/job-fairs/{fairId}/intentions", new { residentId, enterpriseId, post = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);

        // Another station's resident is not station2's to record, nor to read.
        var station2 = await _app.SignedInClientAsync("station2");
        Assert.Equal(HttpStatusCode.NotFound, (await station2.PostAsJsonAsync($"/api/v1/job-fairs/{fairId}/intentions", new { residentId, enterpriseId, post = "保洁员" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await station2.GetAsync($"/api/v1/residents/{residentId}/job-fair-intentions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _app.SignedInClientAsync("enterprise1")).PostAsJsonAsync($"/api/v1/job-fairs/{fairId}/intentions", new { residentId, enterpriseId, post = "保洁员" })).StatusCode);

        // The named intention raised the enterprise's figure from 0: the fair counts it.
        using (var summary = JsonDocument.Parse(await officer.GetStringAsync($"/api/v1/job-fairs/summary?year={Today.Year}")))
        {
            var fair = summary.RootElement.GetProperty("fairs").EnumerateArray().Single(f => f.GetProperty("name").GetString() == fairName);
            Assert.Equal(1, fair.GetProperty("intentions").GetInt32());
        }

        // On the resident's record, not hired yet; once enterprise1 records the hire, followed to it.
        using (var before = JsonDocument.Parse(await station.GetStringAsync($"/api/v1/residents/{residentId}/job-fair-intentions")))
        {
            var row = Assert.Single(before.RootElement.EnumerateArray());
            Assert.Equal("仓库管理员", row.GetProperty("post").GetString());
            Assert.Equal(fairName, row.GetProperty("fair").GetString());
            Assert.Equal(JsonValueKind.Null, row.GetProperty("hiredOn").ValueKind);
        }

        var enterprise = await _app.SignedInClientAsync("enterprise1");
        var hire = await enterprise.PostAsJsonAsync("/api/v1/hires", new { idNumber, name = "岗位测试", position = "仓库管理员", startDate = Date(Today), contractType = "OpenEnded", contractStart = Date(Today), socialInsurancePaid = false });
        Assert.True(hire.StatusCode == HttpStatusCode.Created, await hire.Content.ReadAsStringAsync());
        using (var after = JsonDocument.Parse(await officer.GetStringAsync($"/api/v1/residents/{residentId}/job-fair-intentions")))
        {
            Assert.Equal(Date(Today), Assert.Single(after.RootElement.EnumerateArray()).GetProperty("hiredOn").GetString());
        }
    }

    [Fact]
    public async Task A_station_places_a_resident_of_its_community_into_an_open_programme_and_no_one_elses()
    {
        var officer = await _app.SignedInClientAsync("officer1");
        var programme = await CreateProgrammeAsync(officer, "PublicWelfare", Today.Year, posts: 2);
        var (residentId, idNumber) = await RegisteredUnemployedResidentAsync();
        var station1 = await _app.SignedInClientAsync("station1");
        var station2 = await _app.SignedInClientAsync("station2");

        using var open = JsonDocument.Parse(await station1.GetStringAsync("/api/v1/post-programmes/open"));
        var listed = open.RootElement.EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == programme);
        Assert.Equal(2, listed.GetProperty("free").GetInt32());
        var byOtherStation = await station2.PostAsJsonAsync($"/api/v1/post-programmes/{programme}/placements", new { idNumber, startDate = Date(Today) });
        var byOwnStation = await station1.PostAsJsonAsync($"/api/v1/post-programmes/{programme}/placements", new { idNumber, startDate = Date(Today) });

        Assert.Equal(HttpStatusCode.BadRequest, byOtherStation.StatusCode);
        Assert.Contains("不在您负责的社区", await byOtherStation.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(byOwnStation.StatusCode == HttpStatusCode.Created, await byOwnStation.Content.ReadAsStringAsync());
        await using var db = _app.Database.CreateContext();
        Assert.Equal(EmploymentStatus.PublicWelfarePost, (await db.Residents.SingleAsync(r => r.Id == residentId)).CurrentStatus);
        using var after = JsonDocument.Parse(await station1.GetStringAsync("/api/v1/post-programmes/open"));
        Assert.Equal(1, after.RootElement.EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == programme).GetProperty("free").GetInt32());

        // The station extends and ends its resident's placement; another station cannot.
        var placementId = (await byOwnStation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await station2.PostAsJsonAsync($"/api/v1/post-placements/{placementId}/extend", new { months = 12 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await station2.PostAsJsonAsync($"/api/v1/post-placements/{placementId}/exit", new { lastDay = Date(Today), reason = "Resigned" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await station1.PostAsJsonAsync($"/api/v1/post-placements/{placementId}/extend", new { months = 12 })).StatusCode);
        var exit = await station1.PostAsJsonAsync($"/api/v1/post-placements/{placementId}/exit", new { lastDay = Date(Today), reason = "FoundStableJob" });
        Assert.True(exit.IsSuccessStatusCode, await exit.Content.ReadAsStringAsync());
        await using var check = _app.Database.CreateContext();
        var ended = await check.PostPlacements.AsNoTracking().SingleAsync(p => p.Id == placementId);
        Assert.Equal((Today, 12), (ended.EndedOn!.Value, ended.ExtendedMonths));
    }

    [Fact]
    public async Task A_years_programmes_count_against_the_development_quotas()
    {
        var officer = await _app.SignedInClientAsync("officer1");
        var year = TestData.OneOf(2060, 30);
        await CreateProgrammeAsync(officer, "PublicWelfare", year, posts: 250);
        await CreateProgrammeAsync(officer, "PublicWelfare", year, posts: 150);
        await CreateProgrammeAsync(officer, "Internship", year, posts: 30, months: 6);

        using var summary = JsonDocument.Parse(await officer.GetStringAsync($"/api/v1/post-programmes/summary?year={year}"));
        var development = summary.RootElement.GetProperty("development");

        Assert.Equal(400, development.GetProperty("publicWelfarePosts").GetInt32());
        Assert.Equal(30, development.GetProperty("internshipPosts").GetInt32());
        Assert.Equal(390, development.GetProperty("quotas").GetProperty("publicWelfarePerYear").GetInt32());
        Assert.True(development.GetProperty("publicWelfareMet").GetBoolean());
        Assert.False(development.GetProperty("internshipMet").GetBoolean());
    }

    [Fact]
    public async Task Station_and_enterprise_users_cannot_manage_posts_or_fairs()
    {
        var station = await _app.SignedInClientAsync("station1");
        var enterprise = await _app.SignedInClientAsync("enterprise1");

        var byStation = await station.PostAsJsonAsync("/api/v1/post-programmes", new { });
        var byEnterprise = await enterprise.GetAsync("/api/v1/job-fairs/summary");

        Assert.Equal(HttpStatusCode.Forbidden, byStation.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byEnterprise.StatusCode);
    }

    private static async Task<Guid> CreateProgrammeAsync(HttpClient officer, string kind, int year, int posts, int months = 12)
    {
        var response = await officer.PostAsJsonAsync("/api/v1/post-programmes", new
        {
            name = $"测试项目{Guid.NewGuid():N}"[..12],
            kind,
            owner = "东湖街道办事处",
            year,
            posts,
            monthlySubsidy = 1500,
            maxDurationMonths = months,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<string> Enterprise1CodeAsync()
    {
        await using var db = _app.Database.CreateContext();
        var id = await db.Users.Where(u => u.UserName == "enterprise1").Select(u => u.EnterpriseId).SingleAsync();
        return await db.Enterprises.Where(e => e.Id == id).Select(e => e.CreditCode).SingleAsync();
    }

    private async Task<(Guid Id, string IdNumber)> RegisteredUnemployedResidentAsync(bool relocated = false)
    {
        var station = await _app.SignedInClientAsync("station1");
        await using var db = _app.Database.CreateContext();
        var community = await db.Communities.Where(c => c.Name == "滨江社区").Select(c => c.Id).SingleAsync();
        var idNumber = TestData.IdNumber(new DateOnly(1988, 1, 1));
        var response = await station.PostAsJsonAsync("/api/v1/residents/", new { name = "岗位测试", idNumber, phone = "13912345678", communityId = community, isRelocatedResident = relocated });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await station.PostAsJsonAsync($"/api/v1/residents/{id}/unemployment-registration", new { ableToWork = true, wantsWork = true, currentlyUnemployed = true })).EnsureSuccessStatusCode();
        return (id, idNumber);
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqlitePostAndJobFairTests : PostAndJobFairTests
{
    public SqlitePostAndJobFairTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresPostAndJobFairTests : PostAndJobFairTests
{
    public PostgresPostAndJobFairTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
