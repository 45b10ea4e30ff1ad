using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Monitoring;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Testing;
using EmploymentPortal.Web.Features.Monitoring;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Xlsx;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.IntegrationTests.Monitoring;

/// <summary>
/// Key-enterprise monitoring through the API on both providers: the bureau designates, the
/// enterprise reports (JSON and xlsx, all rows or none), a large cut raises one warning with its
/// figures that an officer acknowledges once, corrections need a note, layoff plans need 30 days'
/// notice, and each enterprise sees only its own.
/// </summary>
public abstract class MonitoringApiTests
{
    private readonly PortalApp _app;

    protected MonitoringApiTests(PortalApp app)
    {
        _app = app;
    }

    private static DateOnly Today => PortalCalendar.DateOf(DateTimeOffset.UtcNow);

    private static DateOnly LastMonth => PortalCalendar.MonthOf(Today).AddMonths(-1);

    [Fact]
    public async Task A_large_cut_raises_one_warning_with_its_figures_that_an_officer_acknowledges_once()
    {
        var officer = await _app.SignedInClientAsync("officer1");
        await SetEnterpriseCutThresholdAsync(officer);
        var (enterpriseId, client) = await MonitoredEnterpriseAsync(officer);

        var response = await client.PostAsJsonAsync("/api/v1/monitoring/reports", Report(LastMonth, headcount: 60, hires: 0, separations: 40, layoffs: 35));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("warningsRaised").GetInt32());
        var warning = await OpenWarningAsync(officer, WarningRules.EnterpriseKey(enterpriseId));
        Assert.Equal(100m, warning.GetProperty("before").GetDecimal());
        Assert.Equal(40m, warning.GetProperty("change").GetDecimal());
        Assert.Contains("经济性裁员 35 人", warning.GetProperty("figures").GetString(), StringComparison.Ordinal);
        var id = warning.GetProperty("id").GetGuid();
        var acknowledged = await officer.PostAsJsonAsync($"/api/v1/monitoring/warnings/{id}/acknowledge", new { note = "已约谈企业，指导制定职工安置方案" });
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        var again = await officer.PostAsJsonAsync($"/api/v1/monitoring/warnings/{id}/acknowledge", new { note = "再次确认" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await using var db = _app.Database.CreateContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(EmploymentWarning) && a.EntityId == id.ToString() && a.Action == Data.Auditing.AuditAction.Update));
    }

    [Fact]
    public async Task A_month_reported_twice_needs_a_correction_note_and_is_then_corrected()
    {
        var officer = await _app.SignedInClientAsync("officer1");
        var (enterpriseId, client) = await MonitoredEnterpriseAsync(officer);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/monitoring/reports", Report(LastMonth, 100, 2, 2, 0))).StatusCode);

        var withoutNote = await client.PostAsJsonAsync("/api/v1/monitoring/reports", Report(LastMonth, 99, 2, 3, 0));
        var withNote = await client.PostAsJsonAsync("/api/v1/monitoring/reports", Report(LastMonth, 99, 2, 3, 0, "漏报一人离职"));

        Assert.Equal(HttpStatusCode.BadRequest, withoutNote.StatusCode);
        Assert.Contains("correctionNote", await withoutNote.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, withNote.StatusCode);
        await using var db = _app.Database.CreateContext();
        var report = await db.MonthlyEmploymentReports.AsNoTracking().SingleAsync(r => r.EnterpriseId == enterpriseId);
        Assert.Equal(99, report.Headcount);
        Assert.Equal("漏报一人离职", report.CorrectionNote);
    }

    [Fact]
    public async Task An_enterprise_not_monitored_cannot_report_and_sees_no_one_elses_reports()
    {
        var officer = await _app.SignedInClientAsync("officer1");
        var (monitoredId, monitored) = await MonitoredEnterpriseAsync(officer);
        Assert.Equal(HttpStatusCode.Created, (await monitored.PostAsJsonAsync("/api/v1/monitoring/reports", Report(LastMonth, 100, 0, 0, 0))).StatusCode);
        var (_, other) = await EnterpriseAsync();

        var refused = await other.PostAsJsonAsync("/api/v1/monitoring/reports", Report(LastMonth, 100, 0, 0, 0));
        var reports = await other.GetFromJsonAsync<JsonElement>($"/api/v1/monitoring/reports?enterprise={monitoredId}");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("不是重点监测企业", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, reports.GetArrayLength());
    }

    [Fact]
    public async Task An_xlsx_with_one_bad_row_imports_nothing_and_names_the_row_then_a_good_one_imports_every_month()
    {
        var officer = await _app.SignedInClientAsync("officer1");
        var (enterpriseId, client) = await MonitoredEnterpriseAsync(officer);
        var earlier = LastMonth.AddMonths(-1);

        var bad = await UploadAsync(client, [[$"{earlier:yyyy-MM}", "100", "2", "1", "0"], [$"{LastMonth:yyyy-MM}", "100", "x", "1", "0"]]);
        var good = await UploadAsync(client, [[$"{earlier:yyyy-MM}", "100", "2", "1", "0"], [$"{LastMonth:yyyy-MM}", "101", "2", "1", "0"]]);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, Assert.Single(problem.GetProperty("rowErrors").EnumerateArray()).GetProperty("row").GetInt32());
        Assert.True(good.StatusCode == HttpStatusCode.OK, await good.Content.ReadAsStringAsync());
        await using var db = _app.Database.CreateContext();
        Assert.Equal([earlier, LastMonth], await db.MonthlyEmploymentReports.Where(r => r.EnterpriseId == enterpriseId).OrderBy(r => r.Month).Select(r => r.Month).ToListAsync());
    }

    [Fact]
    public async Task Separations_above_the_previous_headcount_plus_hires_are_refused_on_the_row()
    {
        var officer = await _app.SignedInClientAsync("officer1");
        var (_, client) = await MonitoredEnterpriseAsync(officer);
        var earlier = LastMonth.AddMonths(-1);

        var response = await UploadAsync(client, [[$"{earlier:yyyy-MM}", "10", "0", "0", "0"], [$"{LastMonth:yyyy-MM}", "0", "1", "12", "0"]]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var row = Assert.Single(problem.GetProperty("rowErrors").EnumerateArray());
        Assert.Equal(3, row.GetProperty("row").GetInt32());
        Assert.Contains("上月末用工人数", row.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_layoff_plan_needs_30_days_notice_and_the_bureau_sees_it()
    {
        var (enterpriseId, client) = await EnterpriseAsync();
        var planned = Today.AddDays(40);

        var late = await client.PostAsJsonAsync("/api/v1/monitoring/layoff-plans", Plan(planned, planned.AddDays(-29)));
        var inTime = await client.PostAsJsonAsync("/api/v1/monitoring/layoff-plans", Plan(planned, planned.AddDays(-30)));

        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("noticeDate", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, inTime.StatusCode);
        var officer = await _app.SignedInClientAsync("officer1");
        var plans = await officer.GetFromJsonAsync<JsonElement>("/api/v1/monitoring/layoff-plans");
        Assert.Contains(plans.EnumerateArray(), p => p.GetProperty("enterpriseId").GetGuid() == enterpriseId && p.GetProperty("people").GetInt32() == 25);
    }

    [Fact]
    public async Task A_threshold_without_its_basis_is_refused_on_the_field()
    {
        var officer = await _app.SignedInClientAsync("officer1");

        var response = await officer.PutAsJsonAsync("/api/v1/monitoring/thresholds/SectorLoss", new { count = 50, basis = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("basis", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_monthly_evaluation_raises_nothing_twice()
    {
        await using var scope = _app.Factory.Services.CreateAsyncScope();
        var pipeline = scope.ServiceProvider.GetRequiredService<CommandPipeline>();
        Assert.True((await pipeline.SendAsync(new EvaluateWarnings.Command(LastMonth))).Succeeded);
        await using var db = _app.Database.CreateContext();
        var before = await db.EmploymentWarnings.CountAsync();

        var outcome = await pipeline.SendAsync(new EvaluateWarnings.Command(LastMonth));

        Assert.Contains("新发出 0 条预警", outcome.Result.Message, StringComparison.Ordinal);
        Assert.Equal(before, await db.EmploymentWarnings.CountAsync());
    }

    [Fact]
    public async Task The_district_series_counts_the_registered_unemployed_the_indicators_count()
    {
        await using var db = _app.Database.CreateContext();

        var series = await WarningEvaluator.DistrictSeriesAsync(db, LastMonth, CancellationToken.None);

        var end = LastMonth.AddMonths(1).AddDays(-1);
        Assert.Equal(await EmploymentPortal.Web.Features.Indicators.IndicatorMeasures.RegisteredUnemployedAsync(db.Residents, end, CancellationToken.None), series.Sum(d => d.MonthEnds[3]));
    }

    private static object Report(DateOnly month, int headcount, int hires, int separations, int layoffs, string? note = null) =>
        new { month, headcount, hires, separations, economicLayoffs = layoffs, correctionNote = note };

    private static object Plan(DateOnly planned, DateOnly notice) =>
        new { people = 25, plannedDate = planned, noticeDate = notice, reasons = "订单大幅下降", placementScheme = "内部转岗 10 人；其余依法支付经济补偿并推荐就业" };

    private static async Task SetEnterpriseCutThresholdAsync(HttpClient officer)
    {
        var response = await officer.PutAsJsonAsync("/api/v1/monitoring/thresholds/EnterpriseCut", new { sharePercent = 10, count = 20, basis = "局务会议决定：重点企业月减员 10% 或 20 人以上预警（测试）", enabled = true });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> OpenWarningAsync(HttpClient officer, string subjectKey)
    {
        var warnings = await officer.GetFromJsonAsync<JsonElement>("/api/v1/monitoring/warnings?open=true");
        return warnings.EnumerateArray().Single(w => w.GetProperty("subjectKey").GetString() == subjectKey && w.GetProperty("kind").GetString() == nameof(WarningKind.EnterpriseCut));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string[][] rows)
    {
        var file = new MemoryStream();
        using (var workbook = XlsxWorkbookWriter.Create(file))
        using (var sheet = workbook.AddSheet("月报", [12, 12, 12, 12, 12, 20]))
        {
            sheet.WriteRow(ImportMonthlyReports.Columns);
            foreach (var row in rows)
            {
                sheet.WriteRow(row);
            }
        }

        file.Position = 0;
        using var content = new MultipartFormDataContent();
        var part = new StreamContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(XlsxExport.ContentType);
        content.Add(part, "file", "月报.xlsx");
        return await client.PostWithAntiforgeryAsync("/api/v1/monitoring/reports/import", content);
    }

    private async Task<(Guid EnterpriseId, HttpClient Client)> MonitoredEnterpriseAsync(HttpClient officer)
    {
        var (enterpriseId, client) = await EnterpriseAsync();
        var designated = await officer.PostAsJsonAsync("/api/v1/monitoring/enterprises", new { enterpriseId, since = LastMonth.AddMonths(-3), reason = "用工规模较大（测试）" });
        Assert.True(designated.StatusCode == HttpStatusCode.Created, await designated.Content.ReadAsStringAsync());
        return (enterpriseId, client);
    }

    private async Task<(Guid EnterpriseId, HttpClient Client)> EnterpriseAsync()
    {
        var code = TestData.CreditCode("341200");
        var userName = $"mon{Guid.NewGuid():N}"[..16];
        await using (var db = _app.Database.CreateContext())
        {
            var communityId = await db.Communities.OrderBy(c => c.Code).Select(c => c.Id).FirstAsync();
            using var anonymous = _app.Factory.CreateAnonymousClient();
            var response = await anonymous.PostAsJsonAsync("/api/v1/enterprises", new
            {
                creditCode = code,
                name = $"监测测试企业{userName}",
                legalRepresentative = "张三",
                communityId,
                address = "东湖路8号",
                industry = "C",
                size = "Small",
                totalEmployees = 100,
                insuredEmployees = 90,
                contactName = "李四",
                contactPhone = "13812345678",
                userName,
                password = PortalAppFactory.DemoPassword,
            });
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }

        await using var read = _app.Database.CreateContext();
        var enterpriseId = await read.Enterprises.Where(e => e.CreditCode == code).Select(e => e.Id).SingleAsync();
        return (enterpriseId, await _app.Factory.CreateSignedInClientAsync(userName));
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteMonitoringApiTests : MonitoringApiTests
{
    public SqliteMonitoringApiTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresMonitoringApiTests : MonitoringApiTests
{
    public PostgresMonitoringApiTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
