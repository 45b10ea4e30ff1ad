using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Circles;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Hires;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.IntegrationTests.Residents;
using EmploymentPortal.Testing;
using EmploymentPortal.Web.Features.Indicators;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace EmploymentPortal.IntegrationTests.Indicators;

/// <summary>
/// The actual figures of the indicators reconcile with the records they count (each test in a
/// community of its own, or a year no other data uses), the five-year-total rule through the API,
/// and the entry command (validation, audit, authorization), on both providers.
/// </summary>
public abstract class IndicatorTests
{
    private static readonly IConfiguration NoConfiguration = new ConfigurationBuilder().Build();
    private readonly PortalApp _app;

    protected IndicatorTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task Training_figures_equal_the_completions_and_certificates_the_training_records_hold()
    {
        await using var db = _app.Database.CreateContext();
        var from = new DateOnly(2000, 1, 1);
        var to = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var completions = await (from e in db.TrainingEnrolments.AsNoTracking()
                                 join c in db.TrainingClasses on e.ClassId equals c.Id
                                 where e.CompletedOn != null
                                 select c.Kind).ToListAsync();
        var certificates = await db.TrainingEnrolments.AsNoTracking().CountAsync(e => e.Certificate != null);

        var vocational = await IndicatorMeasures.ComputeAsync(db, "vocationalTraining", AreaScope.City, from, to, NoConfiguration, default);
        var entrepreneurship = await IndicatorMeasures.ComputeAsync(db, "entrepreneurshipTraining", AreaScope.City, from, to, NoConfiguration, default);
        var skilled = await IndicatorMeasures.ComputeAsync(db, "skilledTalentTrained", AreaScope.City, from, to, NoConfiguration, default);

        // The demo city's finished class has completions and certificates.
        Assert.True(completions.Count > 0 && certificates > 0, "the demo city holds no completed training");
        Assert.Equal(completions.Count(k => k != EmploymentPortal.Domain.Training.TrainingKind.Entrepreneurship), vocational);
        Assert.Equal(completions.Count(k => k == EmploymentPortal.Domain.Training.TrainingKind.Entrepreneurship), entrepreneurship);
        Assert.Equal(certificates, skilled);
        Assert.Equal(0m, await IndicatorMeasures.ComputeAsync(db, "vocationalTraining", AreaScope.City, new DateOnly(2001, 1, 1), new DateOnly(2001, 12, 31), NoConfiguration, default));
    }

    [Fact]
    public async Task New_urban_employment_and_reemployment_count_each_resident_hired_in_the_period_once()
    {
        await using var db = _app.Database.CreateContext();
        var (community, enterprise) = await AreaAsync(db);
        var registered = FollowUpTestData.Resident(community, "再就业", new DateOnly(1985, 2, 3)).RegisteredUnemployed(new DateOnly(2023, 1, 10));
        var twice = FollowUpTestData.Resident(community, "两次录用", new DateOnly(1990, 4, 5));
        var lastYear = FollowUpTestData.Resident(community, "上年录用", new DateOnly(1992, 6, 7));
        db.Residents.AddRange(registered, twice, lastYear);
        db.Hires.AddRange(
            HireOf(enterprise, registered, new DateOnly(2023, 3, 1)),
            HireOf(enterprise, twice, new DateOnly(2023, 5, 1)),
            HireOf(enterprise, twice, new DateOnly(2023, 9, 1)),
            HireOf(enterprise, lastYear, new DateOnly(2022, 12, 31)));
        await db.SaveChangesAsync();
        var area = await AreaOf(db, community);

        var newEmployment = await Compute(db, "urbanNewEmployment", area, 2023);
        var reemployed = await Compute(db, "reemployedUnemployed", area, 2023);
        var previousYear = await Compute(db, "urbanNewEmployment", area, 2022);

        Assert.Equal(2m, newEmployment);
        Assert.Equal(1m, reemployed);
        Assert.Equal(1m, previousYear);
    }

    [Fact]
    public async Task Hard_to_employ_employed_counts_those_certified_on_the_day_they_started()
    {
        await using var db = _app.Database.CreateContext();
        var (community, enterprise) = await AreaAsync(db);
        var certifiedBefore = FollowUpTestData.Resident(community, "困难甲", new DateOnly(1970, 2, 3));
        certifiedBefore.CertifyEmploymentDifficulty(EmploymentDifficultyCategory.OlderUnemployed, new DateOnly(2023, 2, 1), "测试");
        var certifiedAfter = FollowUpTestData.Resident(community, "困难乙", new DateOnly(1971, 2, 3));
        certifiedAfter.CertifyEmploymentDifficulty(EmploymentDifficultyCategory.OlderUnemployed, new DateOnly(2023, 6, 1), "测试");
        db.Residents.AddRange(certifiedBefore, certifiedAfter);
        db.Hires.AddRange(HireOf(enterprise, certifiedBefore, new DateOnly(2023, 3, 1)), HireOf(enterprise, certifiedAfter, new DateOnly(2023, 4, 1)));
        await db.SaveChangesAsync();

        var placed = await Compute(db, "hardToEmployEmployed", await AreaOf(db, community), 2023);

        Assert.Equal(1m, placed);
    }

    [Fact]
    public async Task Registered_unemployed_are_counted_at_the_end_of_the_day_asked()
    {
        await using var db = _app.Database.CreateContext();
        var (community, enterprise) = await AreaAsync(db);
        var stillUnemployed = FollowUpTestData.Resident(community, "仍失业", new DateOnly(1988, 1, 1)).RegisteredUnemployed(new DateOnly(2024, 3, 1));
        var hired = FollowUpTestData.Resident(community, "已就业", new DateOnly(1989, 1, 1)).RegisteredUnemployed(new DateOnly(2024, 2, 1));
        var registeredLater = FollowUpTestData.Resident(community, "次年登记", new DateOnly(1987, 1, 1)).RegisteredUnemployed(new DateOnly(2025, 1, 5));
        db.Residents.AddRange(stillUnemployed, hired, registeredLater);
        db.Hires.Add(HireOf(enterprise, hired, new DateOnly(2024, 6, 1)));
        await db.SaveChangesAsync();
        var residents = db.Residents.Where(r => r.CommunityId == community);

        var atYearEnd = await IndicatorMeasures.RegisteredUnemployedAsync(residents, new DateOnly(2024, 12, 31), default);
        var inApril = await IndicatorMeasures.RegisteredUnemployedAsync(residents, new DateOnly(2024, 4, 30), default);
        var dayBeforeHire = await IndicatorMeasures.RegisteredUnemployedAsync(residents, new DateOnly(2024, 5, 31), default);

        Assert.Equal(1, atYearEnd);
        Assert.Equal(2, inApril);
        Assert.Equal(2, dayBeforeHire);
    }

    [Fact]
    public async Task The_unemployment_rate_divides_the_registered_unemployed_by_the_entered_labour_force()
    {
        var officer = await _app.SignedInClientAsync("officer1");
        Guid community;
        await using (var db = _app.Database.CreateContext())
        {
            (community, _) = await AreaAsync(db);
            db.Residents.Add(FollowUpTestData.Resident(community, "失业", new DateOnly(1986, 1, 1)).RegisteredUnemployed(new DateOnly(2024, 3, 1)));
            await db.SaveChangesAsync();
        }

        var entered = await officer.PostAsJsonAsync("/api/v1/indicators/figures", new
        {
            targetId = "tongren-2022.registered-unemployment-rate",
            year = 2024,
            scope = $"community:{community}",
            value = 40,
            source = "2024年劳动力调查",
            sourceDate = "2025-01-15",
        });
        using var report = JsonDocument.Parse(await officer.GetStringAsync($"/api/v1/indicators?period=2024&scope=community:{community}"));

        Assert.True(entered.StatusCode == HttpStatusCode.Created, await entered.Content.ReadAsStringAsync());
        var row = Row(report, "tongren-2022.registered-unemployment-rate");
        Assert.Equal(2.5m, row.GetProperty("actual").GetDecimal());
        Assert.Equal("RecordsOverEntered", row.GetProperty("source").GetString());
        Assert.Equal(40m, row.GetProperty("entered")[0].GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task Job_fairs_posts_circles_and_zero_employment_families_reconcile_with_their_records()
    {
        var officer = await _app.SignedInClientAsync("officer1");
        var code = await Enterprise1CodeAsync();
        (await officer.PostAsJsonAsync("/api/v1/job-fairs", new { name = "指标测试招聘会一", date = "2094-03-01", place = "市人力资源市场", participants = new[] { new { enterpriseCreditCode = code, postsOffered = 10, intentions = 3 } } })).EnsureSuccessStatusCode();
        (await officer.PostAsJsonAsync("/api/v1/job-fairs", new { name = "指标测试招聘会二", date = "2094-09-01", place = "东湖社区", participants = new[] { new { enterpriseCreditCode = code, postsOffered = 10, intentions = 4 } } })).EnsureSuccessStatusCode();
        (await officer.PostAsJsonAsync("/api/v1/post-programmes", new { name = "指标测试公益岗", kind = "PublicWelfare", owner = "东湖街道办事处", year = 2094, posts = 120, monthlySubsidy = 1500, maxDurationMonths = 12 })).EnsureSuccessStatusCode();
        (await officer.PostAsJsonAsync("/api/v1/post-programmes", new { name = "指标测试见习", kind = "Internship", owner = "东湖街道办事处", year = 2094, posts = 30, monthlySubsidy = 1500, maxDurationMonths = 6 })).EnsureSuccessStatusCode();
        await using var db = _app.Database.CreateContext();
        var (recognised, _) = await AreaAsync(db);
        var (notRecognised, _) = await AreaAsync(db);
        var pass = CircleStanding.Assess(new CircleIndicators(100, 1, 1, 0, 5), CircleThresholds.Defaults);
        var fail = CircleStanding.Assess(new CircleIndicators(100, 20, 1, 0, 5), CircleThresholds.Defaults);
        db.CommunityAssessments.AddRange(
            new CommunityAssessment(recognised, new DateOnly(2023, 5, 1), pass, 3, DateTimeOffset.UtcNow),
            new CommunityAssessment(notRecognised, new DateOnly(2023, 5, 1), fail, 3, DateTimeOffset.UtcNow));
        var household = new Household(recognised, "测试路1号");
        household.SetMembers([(new HouseholdMemberData(HouseholdRelation.Head, "户主", IdCardNumber.Parse(TestData.IdNumber(new DateOnly(1980, 5, 5))), true, true, false), null)]);
        household.Reassess(new DateOnly(2023, 3, 1), new HashSet<Guid>());
        db.Households.Add(household);
        await db.SaveChangesAsync();
        var recognisedArea = await AreaOf(db, recognised);

        Assert.Equal(2m, await Compute(db, "jobFairs", AreaScope.City, 2094));
        Assert.Equal(7m, await Compute(db, "jobFairIntentions", AreaScope.City, 2094));
        Assert.Null(await Compute(db, "jobFairs", recognisedArea, 2094));
        Assert.Equal(120m, await Compute(db, "publicWelfarePostsDeveloped", AreaScope.City, 2094));
        Assert.Equal(30m, await Compute(db, "internshipPostsDeveloped", AreaScope.City, 2094));
        Assert.Equal(100m, await Compute(db, "fullyEmployedCommunityShare", recognisedArea, 2023));
        Assert.Equal(0m, await Compute(db, "fullyEmployedCommunityShare", await AreaOf(db, notRecognised), 2023));
        Assert.Equal(1m, await Compute(db, "zeroEmploymentFamilies", recognisedArea, 2023));
        Assert.Equal(0m, await IndicatorMeasures.ComputeAsync(db, "zeroEmploymentFamilies", recognisedArea, new DateOnly(2023, 1, 1), new DateOnly(2023, 2, 28), NoConfiguration, default));
    }

    [Fact]
    public async Task A_five_year_total_asked_for_one_year_is_reported_for_its_whole_period()
    {
        var officer = await _app.SignedInClientAsync("officer1");
        Guid community;
        await using (var db = _app.Database.CreateContext())
        {
            (community, var enterprise) = await AreaAsync(db);
            var residents = Enumerable.Range(0, 3).Select(i => FollowUpTestData.Resident(community, $"五年{i}", new DateOnly(1991, 1, 1 + i))).ToList();
            db.Residents.AddRange(residents);
            db.Hires.AddRange(HireOf(enterprise, residents[0], new DateOnly(2021, 6, 1)), HireOf(enterprise, residents[1], new DateOnly(2023, 6, 1)), HireOf(enterprise, residents[2], new DateOnly(2025, 6, 1)));
            await db.SaveChangesAsync();
        }

        using var oneYear = JsonDocument.Parse(await officer.GetStringAsync($"/api/v1/indicators?period=2023&scope=community:{community}"));
        using var fiveYears = JsonDocument.Parse(await officer.GetStringAsync($"/api/v1/indicators?period=2021-2025&scope=community:{community}"));

        foreach (var report in new[] { oneYear, fiveYears })
        {
            var rows = report.RootElement.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("targetId").GetString() == "tongren-2022.urban-new-employment").ToList();
            var row = Assert.Single(rows);
            Assert.Equal("2021-01-01", row.GetProperty("windowStart").GetString());
            Assert.Equal("2025-12-31", row.GetProperty("windowEnd").GetString());
            Assert.Equal(0.0003m, row.GetProperty("actual").GetDecimal());
            Assert.Equal(4m, row.GetProperty("yearlyPace").GetDecimal());
            Assert.False(row.GetProperty("targetAppliesToArea").GetBoolean());
        }

        var yearly = fiveYears.RootElement.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("targetId").GetString() == "tongren-2022.labour-contract-rate").ToList();
        Assert.Equal(5, yearly.Count);
    }

    [Fact]
    public async Task Bad_query_values_are_answered_with_a_chinese_problem()
    {
        var officer = await _app.SignedInClientAsync("officer1");

        var badPeriod = await officer.GetAsync("/api/v1/indicators?period=20x3");
        var reversed = await officer.GetAsync("/api/v1/indicators?period=2025-2021");
        var badScope = await officer.GetAsync("/api/v1/indicators?scope=district:999999");
        var malformedScope = await officer.GetAsync("/api/v1/indicators?scope=street");

        Assert.Equal(HttpStatusCode.BadRequest, badPeriod.StatusCode);
        Assert.Equal("application/problem+json", badPeriod.Content.Headers.ContentType?.MediaType);
        Assert.Equal("期间格式应为年份（如 2023）或年份区间（如 2021-2025）。", await ErrorAsync(badPeriod, "period"));
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Equal("所选区县不存在。", await ErrorAsync(badScope, "scope"));
        Assert.Equal(HttpStatusCode.BadRequest, malformedScope.StatusCode);
    }

    [Fact]
    public async Task An_entered_figure_is_validated_audited_and_only_for_officers()
    {
        var officer = await _app.SignedInClientAsync("officer1");
        var station = await _app.SignedInClientAsync("station1");
        var figure = new Dictionary<string, object?>
        {
            ["targetId"] = "tongren-2022.rural-labour-transfer",
            ["year"] = 2022,
            ["value"] = 3.2m,
            ["source"] = "市人社局2022年农村劳动力转移就业统计年报",
            ["sourceDate"] = "2023-01-20",
        };

        var byStation = await station.PostAsJsonAsync("/api/v1/indicators/figures", figure);
        var missingSource = await officer.PostAsJsonAsync("/api/v1/indicators/figures", new Dictionary<string, object?>(figure) { ["source"] = "" });
        var outsidePeriod = await officer.PostAsJsonAsync("/api/v1/indicators/figures", new Dictionary<string, object?>(figure) { ["year"] = 2019 });
        var computed = await officer.PostAsJsonAsync("/api/v1/indicators/figures", new Dictionary<string, object?>(figure) { ["targetId"] = "tongren-2022.urban-new-employment" });
        var saved = await officer.PostAsJsonAsync("/api/v1/indicators/figures", figure);

        Assert.Equal(HttpStatusCode.Forbidden, byStation.StatusCode);
        Assert.Equal("请填写数据来源，例如统计报表的名称或提供数据的单位。", await ErrorAsync(missingSource, "source"));
        Assert.Equal("该指标的期间为 2021~2025 年，所填年度不在其中。", await ErrorAsync(outsidePeriod, "year"));
        Assert.Equal("该指标由系统根据业务记录计算，不需录入。", await ErrorAsync(computed, "targetId"));
        Assert.True(saved.StatusCode == HttpStatusCode.Created, await saved.Content.ReadAsStringAsync());
        var id = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await using var db = _app.Database.CreateContext();
        var stored = await db.IndicatorFigures.AsNoTracking().SingleAsync(f => f.Id == id);
        Assert.Equal((3.2m, "city", "市人社局2022年农村劳动力转移就业统计年报"), (stored.Value, stored.Scope, stored.Source));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == id.ToString()), "the entered figure is in the audit log");
        using var report = JsonDocument.Parse(await officer.GetStringAsync("/api/v1/indicators?period=2022"));
        var row = Row(report, "tongren-2022.rural-labour-transfer");
        Assert.True(row.GetProperty("actual").GetDecimal() >= 3.2m);
        Assert.Equal("Entered", row.GetProperty("source").GetString());
    }

    private static JsonElement Row(JsonDocument report, string targetId) =>
        report.RootElement.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("targetId").GetString() == targetId);

    private static async Task<string?> ErrorAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("errors").GetProperty(field)[0].GetString();
    }

    private static Task<decimal?> Compute(PortalDbContext db, string measure, AreaScope area, int year) =>
        IndicatorMeasures.ComputeAsync(db, measure, area, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), NoConfiguration, default);

    private static async Task<AreaScope> AreaOf(PortalDbContext db, Guid community) =>
        (await IndicatorReport.AreaAsync(db, $"community:{community}", default)).Area!;

    private static async Task<(Guid Community, Enterprise Enterprise)> AreaAsync(PortalDbContext db)
    {
        var community = await TestCity.AddCommunityAsync(db);
        var enterprise = TestCity.NewEnterprise(community.Id);
        enterprise.Verify();
        db.Enterprises.Add(enterprise);
        await db.SaveChangesAsync();
        return (community.Id, enterprise);
    }

    private static Hire HireOf(Enterprise enterprise, Resident resident, DateOnly start) =>
        Hire.Record(
            enterprise,
            resident,
            new HireTerms("操作工", start, ContractType.OpenEnded, start, null, false, null),
            new HireRecorder(HireRecorderRole.Enterprise, "enterprise1", DateTimeOffset.UtcNow),
            start);

    private async Task<string> Enterprise1CodeAsync()
    {
        await using var db = _app.Database.CreateContext();
        var id = await db.Users.Where(u => u.UserName == "enterprise1").Select(u => u.EnterpriseId).SingleAsync();
        return await db.Enterprises.Where(e => e.Id == id).Select(e => e.CreditCode).SingleAsync();
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteIndicatorTests : IndicatorTests
{
    public SqliteIndicatorTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresIndicatorTests : IndicatorTests
{
    public PostgresIndicatorTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
