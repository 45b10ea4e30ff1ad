using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Monitoring;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.IntegrationTests.Monitoring;

/// <summary>
/// The monitoring tables on both providers: a designation and its reports round-trip, one report
/// per enterprise and month and one warning per rule, subject and month are enforced by the
/// database, and the figures' check constraint holds for a row written around the domain.
/// </summary>
public abstract class MonitoringPersistenceTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.UtcNow;
    private readonly PortalApp _app;

    protected MonitoringPersistenceTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task A_designation_with_its_reports_and_a_layoff_plan_round_trips()
    {
        var (designation, enterpriseId) = await DesignatedEnterpriseAsync();
        await using (var db = _app.Database.CreateContext())
        {
            db.MonthlyEmploymentReports.Add(MonthlyEmploymentReport.Submit(designation, new DateOnly(2026, 1, 1), new EmploymentFigures(120, 4, 6, 2), null, new DateOnly(2026, 6, 1), "itest", At));
            db.LayoffPlans.Add(new LayoffPlan(enterpriseId, 15, new DateOnly(2026, 8, 31), "订单下降", "转岗 5 人，其余依法支付经济补偿", new DateOnly(2026, 7, 20), "itest", At));
            await db.SaveChangesAsync();
        }

        await using var read = _app.Database.CreateContext();
        var report = await read.MonthlyEmploymentReports.AsNoTracking().SingleAsync(r => r.EnterpriseId == enterpriseId);
        var plan = await read.LayoffPlans.AsNoTracking().SingleAsync(p => p.EnterpriseId == enterpriseId);
        Assert.Equal(new EmploymentFigures(120, 4, 6, 2), report.Figures);
        Assert.Equal(new DateOnly(2026, 1, 1), report.Month);
        Assert.Equal(new DateOnly(2026, 7, 20), plan.NoticeDate);
        Assert.Equal("用工规模较大", (await read.MonitoredEnterprises.AsNoTracking().SingleAsync(m => m.EnterpriseId == enterpriseId)).Reason);
    }

    [Fact]
    public async Task A_second_report_for_the_same_enterprise_and_month_is_refused_by_the_database()
    {
        var (designation, _) = await DesignatedEnterpriseAsync();
        await using (var db = _app.Database.CreateContext())
        {
            db.MonthlyEmploymentReports.Add(MonthlyEmploymentReport.Submit(designation, new DateOnly(2026, 2, 1), new EmploymentFigures(100, 0, 0, 0), null, new DateOnly(2026, 6, 1), "itest", At));
            await db.SaveChangesAsync();
        }

        await using var again = _app.Database.CreateContext();
        again.MonthlyEmploymentReports.Add(MonthlyEmploymentReport.Submit(designation, new DateOnly(2026, 2, 14), new EmploymentFigures(90, 0, 10, 0), null, new DateOnly(2026, 6, 1), "itest", At));

        await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync());
    }

    [Fact]
    public async Task A_warning_is_stored_once_per_rule_subject_and_month()
    {
        var threshold = new WarningThreshold(WarningKind.EnterpriseCut, 10, null, "测试依据", "itest", At);
        var enterpriseId = Guid.CreateVersion7();
        var finding = WarningRules.EnterpriseCut(threshold, enterpriseId, "测试企业", new DateOnly(2026, 3, 1), new EmploymentFigures(50, 0, 50, 50))!;
        await using (var db = _app.Database.CreateContext())
        {
            db.EmploymentWarnings.Add(new EmploymentWarning(finding, threshold, At));
            await db.SaveChangesAsync();
        }

        await using var again = _app.Database.CreateContext();
        again.EmploymentWarnings.Add(new EmploymentWarning(finding, threshold, At));

        await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync());
        await using var read = _app.Database.CreateContext();
        var stored = await read.EmploymentWarnings.AsNoTracking().SingleAsync(w => w.SubjectKey == finding.SubjectKey);
        Assert.Equal(50m, stored.ChangePercent);
        Assert.Equal("测试依据", stored.Basis);
    }

    [Fact]
    public async Task The_database_refuses_more_layoffs_than_separations_written_around_the_domain()
    {
        var (designation, enterpriseId) = await DesignatedEnterpriseAsync();
        await using (var db = _app.Database.CreateContext())
        {
            db.MonthlyEmploymentReports.Add(MonthlyEmploymentReport.Submit(designation, new DateOnly(2026, 4, 1), new EmploymentFigures(100, 0, 3, 1), null, new DateOnly(2026, 6, 1), "itest", At));
            await db.SaveChangesAsync();
        }

        var error = await Record.ExceptionAsync(() => _app.Database.ExecuteSqlAsync($"UPDATE \"MonthlyEmploymentReports\" SET \"EconomicLayoffs\" = 5 WHERE \"EnterpriseId\" = '{(_app.Database.Provider == Data.DatabaseProvider.Sqlite ? enterpriseId.ToString().ToUpperInvariant() : enterpriseId.ToString())}'"));

        Assert.NotNull(error);
    }

    private async Task<(MonitoredEnterprise Designation, Guid EnterpriseId)> DesignatedEnterpriseAsync()
    {
        await using var db = _app.Database.CreateContext();
        var community = await db.Communities.AsNoTracking().OrderBy(c => c.Code).Select(c => c.Id).FirstAsync();
        var enterprise = new Enterprise(TestData.CreditCode("341200"), $"监测测试企业{Guid.NewGuid():N}"[..16], community, "测试路1号", 33.0, 115.3);
        var designation = new MonitoredEnterprise(enterprise.Id, new DateOnly(2026, 1, 1), "用工规模较大", null, "itest", At);
        db.Enterprises.Add(enterprise);
        db.MonitoredEnterprises.Add(designation);
        await db.SaveChangesAsync();
        return (designation, enterprise.Id);
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteMonitoringPersistenceTests : MonitoringPersistenceTests
{
    public SqliteMonitoringPersistenceTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresMonitoringPersistenceTests : MonitoringPersistenceTests
{
    public PostgresMonitoringPersistenceTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
