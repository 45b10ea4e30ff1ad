using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Circles;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.IntegrationTests.Residents;
using EmploymentPortal.Policies.Loading;
using EmploymentPortal.Web.Features.Policies;
using EmploymentPortal.Web.Features.ServiceStandards;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.IntegrationTests.ServiceStandards;

/// <summary>
/// The service standards of issue 17 measured from the records on both providers, each test in a
/// community of its own and a month long past (March 2023, today 2026-12-01): every figure and
/// every person named below a standard follows from the records the test wrote.
/// </summary>
public abstract class ServiceStandardTests
{
    private static readonly DateOnly March = new(2023, 3, 1);
    private static readonly DateOnly Today = new(2026, 12, 1);
    private readonly PortalApp _app;

    protected ServiceStandardTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task Monthly_follow_up_names_who_the_month_end_found_without_a_contact_and_agrees_with_the_coverage_list()
    {
        await using var db = _app.Database.CreateContext();
        var community = (await TestCity.AddCommunityAsync(db)).Id;
        var contacted = FollowUpTestData.Resident(community, "按月跟踪", new DateOnly(1980, 1, 1)).RegisteredUnemployed(new DateOnly(2023, 1, 5));
        var missed = FollowUpTestData.Resident(community, "漏跟踪人", new DateOnly(1981, 1, 1)).RegisteredUnemployed(new DateOnly(2023, 1, 5));
        await FollowUpTestData.SaveAsync(db, [contacted, missed], [FollowUpTestData.Contact(contacted, new DateOnly(2023, 3, 10))]);
        db.FollowUpMonths.Add(new FollowUpMonth(community, March, 2, [missed.Id], new DateTimeOffset(2023, 4, 1, 0, 0, 0, TimeSpan.Zero)));
        await db.SaveChangesAsync();

        var report = await ServiceStandardQueries.MeasureAsync(db, FollowUpTestData.Station(community), March, Today);

        var row = Assert.Single(report.Communities);
        Assert.Equal((2, 1), (row.FollowUpRegistered, row.FollowUpContacted));
        var breach = Assert.Single(report.Breaches, b => b.Standard == ServiceStandardQueries.MonthlyFollowUp);
        Assert.Equal((missed.Id, "漏***", "2023-03 月未跟踪"), (breach.ResidentId, breach.MaskedName, breach.Detail));
        Assert.Equal(1, report.BreachesByStandard[ServiceStandardQueries.MonthlyFollowUp]);
    }

    [Fact]
    public async Task The_1_3_1_service_is_complete_with_one_guidance_three_offers_and_one_training_and_named_when_late()
    {
        await using var db = _app.Database.CreateContext();
        var community = (await TestCity.AddCommunityAsync(db)).Id;
        var migrant = new ResidentProfile { MigrantWorker = MigrantWorkerStatus.ReturningMigrantWorker };
        var served = FollowUpTestData.Resident(community, "服务完成", new DateOnly(1985, 1, 1), profile: migrant).RegisteredUnemployed(new DateOnly(2023, 2, 1));
        var late = FollowUpTestData.Resident(community, "服务未完", new DateOnly(1986, 1, 1), profile: migrant).RegisteredUnemployed(new DateOnly(2023, 2, 1));
        var recent = FollowUpTestData.Resident(community, "刚刚登记", new DateOnly(1987, 1, 1), profile: migrant).RegisteredUnemployed(new DateOnly(2023, 3, 20));
        var notMigrant = FollowUpTestData.Resident(community, "本地居民", new DateOnly(1988, 1, 1)).RegisteredUnemployed(new DateOnly(2023, 1, 1));
        await FollowUpTestData.SaveAsync(db, [served, late, recent, notMigrant], [
            new ResidentContact(served.Id, new DateOnly(2023, 2, 3), ContactChannel.AtStation, "职业指导并推荐培训", FollowUpServices.CareerGuidance | FollowUpServices.TrainingReferral, "测试站员"),
            new ResidentContact(late.Id, new DateOnly(2023, 2, 3), ContactChannel.Phone, "职业指导", FollowUpServices.CareerGuidance, "测试站员"),
        ]);
        var vacancies = await db.Vacancies.OrderBy(v => v.Id).Select(v => new { v.Id, v.EnterpriseId }).Take(3).ToListAsync();
        Assert.Equal(3, vacancies.Count);
        foreach (var vacancy in vacancies)
        {
            db.JobReferrals.Add(new JobReferral(served.Id, vacancy.Id, vacancy.EnterpriseId, community, 1.5, "测试推荐", "测试站员", new DateTimeOffset(2023, 2, 10, 2, 0, 0, TimeSpan.Zero)));
        }

        await db.SaveChangesAsync();

        var report = await ServiceStandardQueries.MeasureAsync(db, FollowUpTestData.Station(community), March, Today);

        var row = Assert.Single(report.Communities);
        Assert.Equal((3, 1), (row.MigrantWorkers, row.MigrantComplete));
        var breach = Assert.Single(report.Breaches, b => b.Standard == ServiceStandardQueries.MigrantOneThreeOne);
        Assert.Equal((late.Id, "职业指导 1/1，岗位信息 0/3，培训 0/1"), (breach.ResidentId, breach.Detail));
        // The staff rows count the month's work only: the February contacts and referrals are not March's.
        Assert.Empty(report.Staff);
        var february = await ServiceStandardQueries.MeasureAsync(db, FollowUpTestData.Station(community), new DateOnly(2023, 2, 1), Today);
        var staff = Assert.Single(february.Staff);
        Assert.Equal(("测试站员", 2, 2, 2, 1, 3), (staff.StaffMember, staff.Contacts, staff.ResidentsContacted, staff.CareerGuidance, staff.TrainingReferrals, staff.JobOffers));
    }

    [Fact]
    public async Task First_service_counts_the_days_from_registration_to_the_first_contact_and_names_who_waits_past_30_days()
    {
        await using var db = _app.Database.CreateContext();
        var community = (await TestCity.AddCommunityAsync(db)).Id;
        var quick = FollowUpTestData.Resident(community, "五天服务", new DateOnly(1980, 5, 1)).RegisteredUnemployed(new DateOnly(2023, 3, 1));
        var slow = FollowUpTestData.Resident(community, "晚些服务", new DateOnly(1980, 6, 1)).RegisteredUnemployed(new DateOnly(2023, 3, 2));
        var never = FollowUpTestData.Resident(community, "从未服务", new DateOnly(1980, 7, 1)).RegisteredUnemployed(new DateOnly(2023, 2, 20));
        await FollowUpTestData.SaveAsync(db, [quick, slow, never], [
            FollowUpTestData.Contact(quick, new DateOnly(2023, 3, 6)),
            new ResidentContact(slow.Id, new DateOnly(2023, 3, 30), ContactChannel.Phone, "首次联系", FollowUpServices.PolicyExplained, "另一站员"),
        ]);

        var report = await ServiceStandardQueries.MeasureAsync(db, FollowUpTestData.Station(community), March, Today);

        var row = Assert.Single(report.Communities);
        // Registrations in March: quick (5 days) and slow (28 days); never registered in February.
        Assert.Equal((2, 2, 16.5), (row.Registrations, row.FirstServedInTime, row.AverageDaysToFirstService));
        var breach = Assert.Single(report.Breaches, b => b.Standard == ServiceStandardQueries.FirstService);
        Assert.Equal((never.Id, "登记 39 天，尚无服务记录"), (breach.ResidentId, breach.Detail));
        Assert.Equal(
            [("另一站员", 1, 0, 1), ("测试", 1, 1, 1)],
            report.Staff.OrderBy(s => s.StaffMember, StringComparer.Ordinal).Select(s => (s.StaffMember, s.Contacts, s.CareerGuidance, s.FirstServices)).ToList());
    }

    [Fact]
    public async Task A_relocated_household_able_to_work_with_nobody_in_work_is_named_and_one_with_a_worker_counts()
    {
        await using var db = _app.Database.CreateContext();
        var community = (await TestCity.AddCommunityAsync(db)).Id;
        var relocated = new ResidentProfile { IsRelocatedResident = true };
        var idle = FollowUpTestData.Resident(community, "搬迁无业", new DateOnly(1980, 1, 1), profile: relocated).RegisteredUnemployed(new DateOnly(2023, 1, 1));
        var working = FollowUpTestData.Resident(community, "搬迁在业", new DateOnly(1981, 1, 1), profile: relocated).RegisteredUnemployed(new DateOnly(2022, 6, 1));
        working.ChangeStatus(EmploymentStatus.Employed, new DateOnly(2023, 1, 1), "就业");
        var notRelocated = FollowUpTestData.Resident(community, "本地无业", new DateOnly(1982, 1, 1)).RegisteredUnemployed(new DateOnly(2023, 1, 1));
        await FollowUpTestData.SaveAsync(db, [idle, working, notRelocated]);
        db.Households.AddRange(HouseholdOf(community, idle), HouseholdOf(community, working), HouseholdOf(community, notRelocated));
        await db.SaveChangesAsync();

        var report = await ServiceStandardQueries.MeasureAsync(db, FollowUpTestData.Station(community), March, Today);

        var row = Assert.Single(report.Communities);
        Assert.Equal((2, 1), (row.RelocatedHouseholds, row.RelocatedHouseholdsInWork));
        var breach = Assert.Single(report.Breaches, b => b.Standard == ServiceStandardQueries.RelocatedHouseholds);
        Assert.Equal((idle.Id, "搬迁家庭 1 人，无人在业"), (breach.ResidentId, breach.Detail));
    }

    [Fact]
    public async Task A_station_sees_only_its_communities_and_the_api_answers_staff_with_chinese_400s_for_bad_months()
    {
        await using (var db = _app.Database.CreateContext())
        {
            var mine = (await TestCity.AddCommunityAsync(db)).Id;
            var other = (await TestCity.AddCommunityAsync(db)).Id;
            var theirs = FollowUpTestData.Resident(other, "他站居民", new DateOnly(1980, 1, 1)).RegisteredUnemployed(new DateOnly(2023, 1, 5));
            await FollowUpTestData.SaveAsync(db, [theirs]);
            db.FollowUpMonths.Add(new FollowUpMonth(other, March, 1, [theirs.Id], new DateTimeOffset(2023, 4, 1, 0, 0, 0, TimeSpan.Zero)));
            await db.SaveChangesAsync();

            var report = await ServiceStandardQueries.MeasureAsync(db, FollowUpTestData.Station(mine), March, Today);
            Assert.Equal([mine], report.Communities.Select(c => c.CommunityId).ToList());
            Assert.DoesNotContain(report.Breaches, b => b.ResidentId == theirs.Id);
        }

        var station = await _app.SignedInClientAsync("station1");
        using var ok = await station.GetAsync("/api/v1/service-standards?month=2023-03");
        Assert.True(ok.StatusCode == HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        var body = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2023-03", body.GetProperty("month").GetString());
        Assert.Equal(4, body.GetProperty("standards").GetArrayLength());

        foreach (var (month, message) in new[] { ("2023-13", "月份格式应为"), ("3000-01", "尚未开始"), ("abc", "月份格式应为") })
        {
            using var bad = await station.GetAsync($"/api/v1/service-standards?month={month}");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains(message, await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var enterprise = await _app.SignedInClientAsync("enterprise1");
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/api/v1/service-standards")).StatusCode);
        using var page = await enterprise.GetAsync("/service-standards");
        Assert.DoesNotContain("各社区达标情况", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_standard_quotes_words_its_document_holds()
    {
        var catalogue = _app.Factory.Services.GetRequiredService<PolicyCatalogueService>().BaseCatalogue;
        var texts = PolicyTextIndex.Load(catalogue.PolicyTextDirectory);
        foreach (var standard in ServiceStandardQueries.All)
        {
            var document = Assert.Single(catalogue.Documents, d => d.Id == standard.Document);
            Assert.True(texts.Contains(document.SourceFile, standard.Quote), $"{standard.Id}: “{standard.Quote}” is not in {document.SourceFile}");
        }
    }

    private static Household HouseholdOf(Guid community, Resident resident)
    {
        var household = new Household(community, "测试路1号");
        household.SetMembers([(new HouseholdMemberData(HouseholdRelation.Head, resident.Name, IdCardNumber.Parse(resident.IdNumber), AbleToWork: true, WantsWork: true, Employed: false), resident.Id)]);
        return household;
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteServiceStandardTests : ServiceStandardTests
{
    public SqliteServiceStandardTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresServiceStandardTests : ServiceStandardTests
{
    public PostgresServiceStandardTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
