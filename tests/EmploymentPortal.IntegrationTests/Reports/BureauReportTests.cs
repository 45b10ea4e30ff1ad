using System.Net;
using System.Text.Json;
using EmploymentPortal.Data;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Hires;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.IntegrationTests.Residents;
using EmploymentPortal.Policies;
using EmploymentPortal.Testing;
using EmploymentPortal.Web.Features.Claims;
using EmploymentPortal.Web.Features.Indicators;
using EmploymentPortal.Web.Features.Reports;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Features.Residents.FollowUp;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.IntegrationTests.Reports;

/// <summary>
/// The bureau's monthly and quarterly report (issue 17) on both providers: each figure reconciles
/// with the list it summarises (each test in a community of its own, in 2023 and 2022 so that the
/// period and the same period last year are both closed), the xlsx and the print view hold the
/// figures, bad parameters are Chinese 400s, and only officers reach it.
/// </summary>
public abstract class BureauReportTests
{
    private static readonly ClaimActor Maker = new("itest-report-maker", "测试制单人");
    private static readonly ClaimActor Officer = new("itest-report-officer", "测试审批人");
    private static readonly BureauReport.ReportPeriod March2023 = new(BureauReport.PeriodKind.Month, 2023, 3);
    private readonly PortalApp _app;

    protected BureauReportTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task Registered_unemployed_at_period_end_equal_the_residents_list_and_entries_minus_exits_explain_the_change()
    {
        await using var db = _app.Database.CreateContext();
        var community = (await TestCity.AddCommunityAsync(db)).Id;
        var stays = FollowUpTestData.Resident(community, "一直登记", new DateOnly(1980, 1, 1)).RegisteredUnemployed(new DateOnly(2023, 1, 10));
        var enters = FollowUpTestData.Resident(community, "三月登记", new DateOnly(1981, 1, 1)).RegisteredUnemployed(new DateOnly(2023, 3, 5));
        var leaves = FollowUpTestData.Resident(community, "三月就业", new DateOnly(1982, 1, 1)).RegisteredUnemployed(new DateOnly(2023, 2, 1));
        leaves.ChangeStatus(EmploymentStatus.Employed, new DateOnly(2023, 3, 20), "就业");
        var both = FollowUpTestData.Resident(community, "进出", new DateOnly(1983, 1, 1)).RegisteredUnemployed(new DateOnly(2023, 3, 2));
        both.ChangeStatus(EmploymentStatus.Employed, new DateOnly(2023, 3, 31), "就业");
        var lastYear = FollowUpTestData.Resident(community, "上年登记", new DateOnly(1984, 1, 1)).RegisteredUnemployed(new DateOnly(2022, 3, 15));
        lastYear.ChangeStatus(EmploymentStatus.Employed, new DateOnly(2022, 6, 1), "就业");
        await FollowUpTestData.SaveAsync(db, [stays, enters, leaves, both, lastYear]);

        var report = await ReportAsync(db, March2023, community);
        var list = await ResidentListQueries.Filtered(db, Bureau, new ResidentListQueries.Filter(new DateOnly(2023, 3, 31), community, EmploymentStatus.RegisteredUnemployed)).CountAsync();
        var atStart = await IndicatorMeasures.RegisteredUnemployedAsync(db.Residents.Where(r => r.CommunityId == community), new DateOnly(2023, 2, 28), default);

        var figures = report.Total.Current;
        Assert.Equal(list, figures.RegisteredAtEnd);
        Assert.Equal(2, figures.RegisteredAtEnd);
        Assert.Equal((2, 2), (figures.NewlyRegistered, figures.LeftRegister));
        Assert.Equal(figures.RegisteredAtEnd, atStart + figures.NewlyRegistered - figures.LeftRegister);
        Assert.Equal((1, 1, 0), (report.Total.LastYear.RegisteredAtEnd, report.Total.LastYear.NewlyRegistered, report.Total.LastYear.LeftRegister));
        Assert.Equal(figures, Assert.Single(report.Communities).Current);
        Assert.Equal(figures, Assert.Single(report.Districts).Current);
    }

    [Fact]
    public async Task New_employment_and_hard_to_employ_placed_equal_the_hires_list_and_the_indicator_measures()
    {
        await using var db = _app.Database.CreateContext();
        var community = (await TestCity.AddCommunityAsync(db)).Id;
        var enterprise = TestCity.NewEnterprise(community);
        enterprise.Verify();
        db.Enterprises.Add(enterprise);
        var hired = FollowUpTestData.Resident(community, "录用甲", new DateOnly(1990, 1, 1));
        var twice = FollowUpTestData.Resident(community, "录用乙", new DateOnly(1991, 1, 1));
        var hardToEmploy = FollowUpTestData.Resident(community, "困难丙", new DateOnly(1970, 1, 1));
        hardToEmploy.CertifyEmploymentDifficulty(EmploymentDifficultyCategory.OlderUnemployed, new DateOnly(2023, 1, 5), "测试");
        var april = FollowUpTestData.Resident(community, "四月丁", new DateOnly(1992, 1, 1));
        db.Residents.AddRange(hired, twice, hardToEmploy, april);
        db.Hires.AddRange(
            HireOf(enterprise, hired, new DateOnly(2023, 3, 1)),
            HireOf(enterprise, twice, new DateOnly(2023, 3, 2)),
            HireOf(enterprise, twice, new DateOnly(2023, 3, 30)),
            HireOf(enterprise, hardToEmploy, new DateOnly(2023, 3, 31)),
            HireOf(enterprise, april, new DateOnly(2023, 4, 1)),
            HireOf(enterprise, april, new DateOnly(2022, 3, 10)));
        await db.SaveChangesAsync();

        var report = await ReportAsync(db, March2023, community);
        var area = (await IndicatorReport.AreaAsync(db, $"community:{community}", default)).Area!;
        var hiresList = await db.Hires.Where(h => h.StartDate >= new DateOnly(2023, 3, 1) && h.StartDate <= new DateOnly(2023, 3, 31))
            .Join(db.Residents.Where(r => r.CommunityId == community), h => h.ResidentId, r => r.Id, (h, r) => r.Id).Distinct().CountAsync();
        var configuration = new ConfigurationBuilder().Build();

        Assert.Equal(hiresList, report.Total.Current.NewEmployment);
        Assert.Equal(3, report.Total.Current.NewEmployment);
        Assert.Equal(await IndicatorMeasures.ComputeAsync(db, "urbanNewEmployment", area, new DateOnly(2023, 3, 1), new DateOnly(2023, 3, 31), configuration, default), report.Total.Current.NewEmployment);
        Assert.Equal(1, report.Total.Current.HardToEmployPlaced);
        Assert.Equal(await IndicatorMeasures.ComputeAsync(db, "hardToEmployEmployed", area, new DateOnly(2023, 3, 1), new DateOnly(2023, 3, 31), configuration, default), report.Total.Current.HardToEmployPlaced);
        Assert.Equal(1, report.Total.LastYear.NewEmployment);
        var march = report.Months.Single(m => m.Month == "2023-03");
        Assert.Equal((3, 1), (march.NewEmployment, march.HardToEmployPlaced));
    }

    [Fact]
    public async Task Subsidies_paid_and_approved_equal_the_checked_sums_over_the_claims_lists_by_china_date_and_family()
    {
        await using var db = _app.Database.CreateContext();
        var community = await TestCity.AddCommunityAsync(db);
        var district = await db.Streets.Where(s => s.Id == community.StreetId).Select(s => s.DistrictId).SingleAsync();
        var china = TimeSpan.FromHours(8);
        await PaidClaimAsync(db, community.Id, district, BenefitKinds.Training, "1000.00", new DateTimeOffset(2023, 2, 20, 10, 0, 0, china), new DateTimeOffset(2023, 3, 1, 0, 5, 0, china));
        await PaidClaimAsync(db, community.Id, district, BenefitKinds.Entrepreneurship, "5000.00", new DateTimeOffset(2023, 3, 2, 10, 0, 0, china), new DateTimeOffset(2023, 3, 31, 23, 30, 0, china));
        await PaidClaimAsync(db, community.Id, district, BenefitKinds.Entrepreneurship, "3000.00", new DateTimeOffset(2023, 3, 3, 10, 0, 0, china), new DateTimeOffset(2023, 4, 1, 0, 10, 0, china));
        await PaidClaimAsync(db, community.Id, district, BenefitKinds.Absorption, "1500.50", new DateTimeOffset(2023, 3, 15, 10, 0, 0, china), null);
        await PaidClaimAsync(db, community.Id, district, BenefitKinds.Training, "800.00", new DateTimeOffset(2022, 3, 1, 10, 0, 0, china), new DateTimeOffset(2022, 3, 5, 10, 0, 0, china));

        var report = await ReportAsync(db, March2023, community.Id);
        var from = PortalCalendar.StartOf(new DateOnly(2023, 3, 1));
        var until = PortalCalendar.EndOf(new DateOnly(2023, 3, 31));
        var paidList = await db.Claims.Where(c => c.CommunityId == community.Id && c.Status == ClaimStatus.Paid).Select(c => new { c.Amount, c.PaidAt }).ToListAsync();
        var paidInMarch = paidList.Where(c => c.PaidAt >= from && c.PaidAt < until).ToList();
        var approvedList = await db.Claims.Where(c => c.CommunityId == community.Id && c.ApprovedAt >= from && c.ApprovedAt < until).Select(c => c.Amount).ToListAsync();

        var figures = report.Total.Current;
        Assert.Equal((paidInMarch.Count, Money.Sum(paidInMarch.Select(c => c.Amount!.Value))), (figures.ClaimsPaid, figures.PaidAmount));
        Assert.Equal((2, Money.Parse("6000.00")), (figures.ClaimsPaid, figures.PaidAmount));
        Assert.Equal((approvedList.Count, Money.Sum(approvedList.Select(a => a!.Value))), (figures.ClaimsApproved, figures.ApprovedAmount));
        Assert.Equal((3, Money.Parse("9500.50")), (figures.ClaimsApproved, figures.ApprovedAmount));
        Assert.Equal((1, Money.Parse("800.00")), (report.Total.LastYear.ClaimsPaid, report.Total.LastYear.PaidAmount));
        var training = report.Families.Single(f => f.Key == "training");
        var entrepreneurship = report.Families.Single(f => f.Key == "entrepreneurship");
        Assert.Equal((1, Money.Parse("1000.00"), 1, Money.Parse("800.00")), (training.ClaimsPaid, training.Paid, training.LastYearClaimsPaid, training.LastYearPaid));
        Assert.Equal((1, Money.Parse("5000.00"), 2, Money.Parse("8000.00")), (entrepreneurship.ClaimsPaid, entrepreneurship.Paid, entrepreneurship.ClaimsApproved, entrepreneurship.Approved));
        Assert.Equal(figures.PaidAmount, Money.Sum(report.Families.Select(f => f.Paid)));
        Assert.Equal(0, report.AnomalousAmounts);
    }

    [Fact]
    public async Task A_corrupt_stored_amount_is_counted_left_out_of_the_sums_and_named_once()
    {
        await using var db = _app.Database.CreateContext();
        var community = await TestCity.AddCommunityAsync(db);
        var district = await db.Streets.Where(s => s.Id == community.StreetId).Select(s => s.DistrictId).SingleAsync();
        var china = TimeSpan.FromHours(8);
        await PaidClaimAsync(db, community.Id, district, BenefitKinds.Training, "1000.00", new DateTimeOffset(2023, 3, 2, 10, 0, 0, china), new DateTimeOffset(2023, 3, 3, 10, 0, 0, china));
        await PaidClaimAsync(db, community.Id, district, BenefitKinds.Training, "2000.00", new DateTimeOffset(2023, 3, 4, 10, 0, 0, china), new DateTimeOffset(2023, 3, 5, 10, 0, 0, china));
        var corrupt = await db.Claims.Where(c => c.CommunityId == community.Id).OrderBy(c => c.Number).Select(c => c.Number).FirstAsync();
        // Past the domain, the handlers and the audit log: the report must not wrap around it.
        await _app.Database.ExecuteSqlAsync($"UPDATE \"Claims\" SET \"AmountFen\" = {long.MaxValue} WHERE \"Number\" = '{corrupt}'");

        var report = await ReportAsync(db, March2023, community.Id);

        var figures = report.Total.Current;
        Assert.Equal(2, figures.ClaimsPaid);
        Assert.Equal(2, figures.ClaimsApproved);
        var sound = await db.Claims.Where(c => c.CommunityId == community.Id && c.Number != corrupt).Select(c => c.Amount).SingleAsync();
        Assert.Equal((sound!.Value, sound.Value), (figures.PaidAmount, figures.ApprovedAmount));
        var training = report.Families.Single(f => f.Key == "training");
        Assert.Equal((2, sound.Value), (training.ClaimsPaid, training.Paid));
        // Approved and paid in the window, the claim is one anomaly, not two.
        Assert.Equal(1, report.AnomalousAmounts);
    }

    [Fact]
    public async Task Subsidies_by_fund_follow_the_fund_the_rules_document_names_and_add_up_to_the_total()
    {
        await using var db = _app.Database.CreateContext();
        var community = await TestCity.AddCommunityAsync(db);
        var district = await db.Streets.Where(s => s.Id == community.StreetId).Select(s => s.DistrictId).SingleAsync();
        var china = TimeSpan.FromHours(8);
        var march = new DateTimeOffset(2023, 3, 10, 10, 0, 0, china);
        await PaidClaimAsync(db, community.Id, district, BenefitKinds.RetentionTraining, "5000.00", march, march.AddDays(1), "jieshou-2022.retention-training");
        await PaidClaimAsync(db, community.Id, district, BenefitKinds.StableEmployment, "1500.00", march, march.AddDays(1), "jieshou-2022.stable-employment");
        await PaidClaimAsync(db, community.Id, district, BenefitKinds.CommunityAward, "6000.00", march, null, "jieshou-2022.community-award");
        await PaidClaimAsync(db, community.Id, district, BenefitKinds.Absorption, "1000.00", march, march.AddDays(2), "nanhe-2020-1.absorption-long-term-unemployed");

        var report = await ReportAsync(db, March2023, community.Id);

        var funds = report.Funds.ToDictionary(f => f.Key);
        Assert.Equal(["employmentSubsidyFund", "unemploymentInsuranceFund", "localFiscal", "notStated"], report.Funds.Select(f => f.Key).ToList());
        Assert.Equal(("失业保险基金", 1, Money.Parse("5000.00")), (funds["unemploymentInsuranceFund"].Label, funds["unemploymentInsuranceFund"].ClaimsPaid, funds["unemploymentInsuranceFund"].Paid));
        Assert.Equal((1, Money.Parse("1500.00")), (funds["employmentSubsidyFund"].ClaimsPaid, funds["employmentSubsidyFund"].Paid));
        Assert.Equal((1, Money.Parse("6000.00"), 0), (funds["localFiscal"].ClaimsApproved, funds["localFiscal"].Approved, funds["localFiscal"].ClaimsPaid));
        Assert.Equal((1, Money.Parse("1000.00")), (funds["notStated"].ClaimsPaid, funds["notStated"].Paid));
        Assert.Equal(report.Total.Current.PaidAmount, Money.Sum(report.Funds.Select(f => f.Paid)));
        Assert.Equal(report.Total.Current.ApprovedAmount, Money.Sum(report.Funds.Select(f => f.Approved)));
    }

    [Fact]
    public async Task Follow_up_coverage_of_a_quarter_sums_the_coverage_list_of_its_months()
    {
        await using var db = _app.Database.CreateContext();
        var community = (await TestCity.AddCommunityAsync(db)).Id;
        var residents = Enumerable.Range(0, 3).Select(i => FollowUpTestData.Resident(community, $"跟踪{i}", new DateOnly(1985, 1, 1 + i)).RegisteredUnemployed(new DateOnly(2022, 12, 1))).ToList();
        await FollowUpTestData.SaveAsync(db, residents);
        var closedAt = new DateTimeOffset(2023, 4, 1, 0, 0, 0, TimeSpan.Zero);
        db.FollowUpMonths.AddRange(
            new FollowUpMonth(community, new DateOnly(2023, 1, 1), 3, [residents[0].Id], closedAt),
            new FollowUpMonth(community, new DateOnly(2023, 2, 1), 3, [], closedAt),
            new FollowUpMonth(community, new DateOnly(2023, 3, 1), 3, [residents[0].Id, residents[1].Id], closedAt));
        await db.SaveChangesAsync();

        var report = await ReportAsync(db, new BureauReport.ReportPeriod(BureauReport.PeriodKind.Quarter, 2023, 1), community);
        var list = new List<FollowUpCoverage.Row>();
        foreach (var month in new[] { 1, 2, 3 })
        {
            list.AddRange((await FollowUpCoverage.ForMonthAsync(db, new DateOnly(2023, month, 1), new DateOnly(2026, 12, 1), null, null))!.Where(r => r.CommunityId == community));
        }

        var figures = report.Total.Current;
        Assert.Equal((list.Sum(r => r.RegisteredUnemployed), list.Sum(r => r.Contacted)), (figures.FollowUpRegistered, figures.FollowUpContacted));
        Assert.Equal((9, 6), (figures.FollowUpRegistered, figures.FollowUpContacted));
        Assert.Equal(66.7m, figures.CoveragePercent);
        Assert.Null(report.Total.LastYear.CoveragePercent);
        Assert.Equal(("2023-Q1", new DateOnly(2023, 1, 1), new DateOnly(2023, 3, 31), new DateOnly(2022, 1, 1)), (report.Period, report.Start, report.End, report.LastYearStart));
    }

    [Fact]
    public async Task The_xlsx_opens_with_the_header_block_and_the_figures_beside_last_year()
    {
        Guid community;
        await using (var db = _app.Database.CreateContext())
        {
            community = (await TestCity.AddCommunityAsync(db)).Id;
            await FollowUpTestData.SaveAsync(db, [
                FollowUpTestData.Resident(community, "导出甲", new DateOnly(1980, 2, 2)).RegisteredUnemployed(new DateOnly(2023, 3, 3)),
                FollowUpTestData.Resident(community, "导出乙", new DateOnly(1980, 3, 3)).RegisteredUnemployed(new DateOnly(2022, 3, 3)),
            ]);
        }

        var officer = await _app.SignedInClientAsync("officer1");
        using var response = await officer.GetAsync($"/api/v1/reports/export?period=2023-03&scope=community:{community}");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(EmploymentPortal.Web.Infrastructure.Xlsx.XlsxExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        var xlsx = await response.Content.ReadAsByteArrayAsync();
        var summary = XlsxText.Read(xlsx, "汇总");
        Assert.Contains(XlsxText.Read(xlsx, "资金来源"), r => r.Count > 0 && r[0] == "失业保险基金");
        Assert.Contains(summary, r => r.Count >= 2 && r[0] == "填报单位" && r[1] == BureauReport.BureauName);
        Assert.Contains(summary, r => r.Count >= 2 && r[0] == "统计期间" && r[1].StartsWith("2023年3月", StringComparison.Ordinal));
        Assert.Contains(summary, r => r.Count >= 2 && r[0] == "统计范围" && r[1] == "测试社区");
        Assert.Contains(summary, r => r.Count >= 2 && r[0] == "生成时间");
        var registered = summary.Single(r => r.Count > 0 && r[0] == "期末登记失业人数（人）");
        Assert.Equal(["期末登记失业人数（人）", "2", "1", "1"], registered);
        var communities = XlsxText.Read(xlsx, "社区");
        var header = communities.Single(r => r.Count > 2 && r[0] == "区县" && r[1] == "社区");
        var row = communities.Single(r => r.Count > 2 && r[1] == "测试社区");
        Assert.Equal(("2", "1"), (row[header.IndexOf("期末登记失业人数（人）")], row[header.IndexOf("期末登记失业人数（人）·上年同期")]));
        foreach (var sheet in new[] { "区县", "补贴类别", "月度" })
        {
            Assert.NotEmpty(XlsxText.Read(xlsx, sheet));
        }
    }

    [Fact]
    public async Task The_print_view_renders_the_report_and_a_bad_period_is_a_chinese_400()
    {
        Guid community;
        await using (var db = _app.Database.CreateContext())
        {
            community = (await TestCity.AddCommunityAsync(db)).Id;
        }

        var officer = await _app.SignedInClientAsync("officer1");
        using var printed = await officer.GetAsync($"/bureau/reports/print?period=2023-Q1&scope=community:{community}");
        using var bad = await officer.GetAsync("/bureau/reports/print?period=2023-13");

        var html = await printed.Content.ReadAsStringAsync();
        Assert.True(printed.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("就业统计季报", html, StringComparison.Ordinal);
        Assert.Contains("2023年第一季度", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"report-communities\"", html, StringComparison.Ordinal);
        Assert.Contains("上年同期", html, StringComparison.Ordinal);
        Assert.DoesNotContain("portal-appbar", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("期间格式应为月份（如 2026-03）或季度（如 2026-Q1）。", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("period=2023-13", "period", "期间格式应为月份（如 2026-03）或季度（如 2026-Q1）。")]
    [InlineData("period=2023-Q5", "period", "期间格式应为月份（如 2026-03）或季度（如 2026-Q1）。")]
    [InlineData("period=2099-01", "period", "所选期间尚未开始，请选择本月或以前的期间。")]
    [InlineData("scope=district:999999", "scope", "所选区县不存在。")]
    [InlineData("scope=street", "scope", "范围应为 city（全市）、district:区县代码 或 community:社区编号。")]
    public async Task Bad_parameters_are_a_chinese_problem_never_a_500(string query, string field, string message)
    {
        var officer = await _app.SignedInClientAsync("officer1");

        using var json = await officer.GetAsync($"/api/v1/reports?{query}");
        using var xlsx = await officer.GetAsync($"/api/v1/reports/export?{query}");

        foreach (var response in new[] { json, xlsx })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(message, problem.RootElement.GetProperty("errors").GetProperty(field)[0].GetString());
        }
    }

    [Fact]
    public async Task Only_bureau_officers_get_the_report_its_export_and_its_print_view()
    {
        var officer = await _app.SignedInClientAsync("officer1");
        var station = await _app.SignedInClientAsync("station1");
        var enterprise = await _app.SignedInClientAsync("enterprise1");

        using var ok = await officer.GetAsync("/api/v1/reports?period=2023-03");
        Assert.True(ok.StatusCode == HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        foreach (var client in new[] { station, enterprise })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/reports")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/reports/export")).StatusCode);
            foreach (var page in new[] { "/bureau/reports", "/bureau/reports/print" })
            {
                using var response = await client.GetAsync(page);
                Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"{page}: {response.StatusCode}");
                Assert.DoesNotContain("就业统计月报", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
    }

    private static PortalPrincipal Bureau { get; } =
        new("itest-officer", "officer-test", "测试经办", new HashSet<string> { PortalRoles.BureauOfficer }, new HashSet<Guid>(), null);

    private async Task<BureauReport.Report> ReportAsync(PortalDbContext db, BureauReport.ReportPeriod period, Guid community)
    {
        var area = (await IndicatorReport.AreaAsync(db, $"community:{community}", default)).Area!;
        var amounts = _app.Factory.Services.GetRequiredService<ClaimAmounts>();
        return await BureauReport.BuildAsync(db, amounts, _app.Factory.Services.GetRequiredService<RuleFunds>(), new BureauReport.Request(period, area), new DateOnly(2026, 12, 1), DateTimeOffset.UtcNow, default);
    }

    /// <summary>A claim made, approved at <paramref name="approvedAt"/> and, when <paramref name="paidAt"/> is given, paid in a batch of its own then.</summary>
    private static async Task PaidClaimAsync(PortalDbContext db, Guid community, Guid district, string benefit, string amount, DateTimeOffset approvedAt, DateTimeOffset? paidAt, string? ruleId = null)
    {
        // Instants are stored in UTC (PostgreSQL's timestamptz takes no other offset).
        approvedAt = approvedAt.ToUniversalTime();
        paidAt = paidAt?.ToUniversalTime();
        var money = Money.Parse(amount);
        var decided = PortalCalendar.DateOf(approvedAt);
        var decision = new ClaimDecision(ClaimOutcome.Eligible, money, [], "{}", "{}", "{}", "itest", decided);
        var subject = new ClaimSubject(benefit, ruleId ?? $"itest.{benefit}", "测试规则", "测试文号", ClaimantKind.Station, null, null, community, district, "测试报表", "resident-records");
        var claim = Claim.Draft(subject, new ClaimPayee("测试报表", "6222020200112233", "江州农商银行"), decision, null, Maker, approvedAt.AddDays(-2));
        claim.Submit(decision, Maker, approvedAt.AddDays(-1));
        claim.Approve(Officer, null, null, new ClaimApprovalLimits(Money.Parse("100000.00"), Money.Parse("200000.00")), approvedAt);
        db.Claims.Add(claim);
        if (paidAt is { } paid)
        {
            var batch = PaymentBatch.Create([claim], Officer, Money.Parse("200000.00"), paid.AddHours(-1));
            batch.Settle([claim], new Dictionary<Guid, string>(), Officer, Money.Parse("200000.00"), paid);
            db.PaymentBatches.Add(batch);
        }

        await db.SaveChangesAsync();
    }

    private static Hire HireOf(Enterprise enterprise, Resident resident, DateOnly start) =>
        Hire.Record(
            enterprise,
            resident,
            new HireTerms("操作工", start, ContractType.OpenEnded, start, null, false, null),
            new HireRecorder(HireRecorderRole.Enterprise, "enterprise1", DateTimeOffset.UtcNow),
            start);
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteBureauReportTests : BureauReportTests
{
    public SqliteBureauReportTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresBureauReportTests : BureauReportTests
{
    public PostgresBureauReportTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
