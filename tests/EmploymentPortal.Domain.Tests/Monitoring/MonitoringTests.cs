using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Monitoring;

namespace EmploymentPortal.Domain.Tests.Monitoring;

public class MonitoringTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 5, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 5);
    private static readonly Guid EnterpriseId = Guid.CreateVersion7();

    private static MonitoredEnterprise Designation(DateOnly? since = null, DateOnly? until = null) =>
        new(EnterpriseId, since ?? new DateOnly(2026, 1, 1), "用工规模较大", until, "officer1", At);

    private static WarningThreshold Cut(decimal? share = 10, int? count = 20) => new(WarningKind.EnterpriseCut, share, count, "局务会议决定（2026年第3次）", "officer1", At);

    [Fact]
    public void A_report_for_a_covered_past_month_is_filed_for_its_first_day()
    {
        var report = MonthlyEmploymentReport.Submit(Designation(), new DateOnly(2026, 10, 17), new EmploymentFigures(100, 5, 3, 1), 98, Today, "enterprise1", At);

        Assert.Equal(new DateOnly(2026, 10, 1), report.Month);
        Assert.Equal(100, report.Headcount);
        Assert.Equal(EnterpriseId, report.EnterpriseId);
    }

    [Fact]
    public void The_current_month_cannot_be_reported_before_it_ends()
    {
        var e = Assert.Throws<DomainException>(() => MonthlyEmploymentReport.Submit(Designation(), new DateOnly(2026, 11, 1), new EmploymentFigures(100, 0, 0, 0), null, Today, "enterprise1", At));

        Assert.Equal("monitoring-report-month", e.Code);
    }

    [Fact]
    public void A_month_outside_the_designation_is_refused()
    {
        var e = Assert.Throws<DomainException>(() => MonthlyEmploymentReport.Submit(Designation(since: new DateOnly(2026, 6, 15)), new DateOnly(2026, 5, 1), new EmploymentFigures(100, 0, 0, 0), null, Today, "enterprise1", At));

        Assert.Equal("monitoring-not-monitored", e.Code);
    }

    [Fact]
    public void A_designation_starting_mid_month_covers_that_month_and_one_ending_mid_month_too()
    {
        var designation = Designation(since: new DateOnly(2026, 6, 15), until: new DateOnly(2026, 8, 3));

        Assert.False(designation.CoversMonth(new DateOnly(2026, 5, 1)));
        Assert.True(designation.CoversMonth(new DateOnly(2026, 6, 1)));
        Assert.True(designation.CoversMonth(new DateOnly(2026, 8, 1)));
        Assert.False(designation.CoversMonth(new DateOnly(2026, 9, 1)));
    }

    [Theory]
    [InlineData(-1, 0, 0, 0)]
    [InlineData(10, -1, 0, 0)]
    [InlineData(10, 0, 2, 3)]
    public void Impossible_figures_are_refused(int headcount, int hires, int separations, int layoffs)
    {
        var e = Assert.Throws<DomainException>(() => new EmploymentFigures(headcount, hires, separations, layoffs).Check(null));

        Assert.Equal("monitoring-report-figures", e.Code);
    }

    [Theory]
    [InlineData(15, true)]
    [InlineData(16, false)]
    public void Separations_may_reach_but_not_exceed_the_previous_headcount_plus_hires(int separations, bool valid)
    {
        var figures = new EmploymentFigures(0, 5, separations, 0);

        var error = Record.Exception(() => figures.Check(previousHeadcount: 10));

        Assert.Equal(valid, error is null);
    }

    [Fact]
    public void A_correction_needs_a_note_and_records_who_corrected()
    {
        var report = MonthlyEmploymentReport.Submit(Designation(), new DateOnly(2026, 10, 1), new EmploymentFigures(100, 5, 3, 1), null, Today, "enterprise1", At);

        Assert.Equal("monitoring-correction-note", Assert.Throws<DomainException>(() => report.Correct(new EmploymentFigures(99, 5, 4, 1), null, " ", "enterprise1", At)).Code);
        report.Correct(new EmploymentFigures(99, 5, 4, 1), null, "漏报一人离职", "enterprise1", At.AddHours(1));

        Assert.Equal(99, report.Headcount);
        Assert.Equal("enterprise1", report.CorrectedBy);
        Assert.Equal("漏报一人离职", report.CorrectionNote);
    }

    [Theory]
    [InlineData(100, 0, 10, true)]
    [InlineData(100, 0, 9, false)]
    [InlineData(100, 5, 14, false)]
    [InlineData(100, 5, 15, true)]
    public void An_enterprise_cut_warns_from_exactly_the_share_of_the_start_headcount(int start, int hires, int separations, bool warns)
    {
        var figures = new EmploymentFigures(start + hires - separations, hires, separations, 0);

        var finding = WarningRules.EnterpriseCut(Cut(share: 10, count: null), EnterpriseId, "测试企业", new DateOnly(2026, 10, 1), figures);

        Assert.Equal(warns, finding is not null);
    }

    [Theory]
    [InlineData(20, true)]
    [InlineData(19, false)]
    public void An_enterprise_cut_warns_from_exactly_the_number(int separations, bool warns)
    {
        var figures = new EmploymentFigures(1000 - separations, 0, separations, separations);

        var finding = WarningRules.EnterpriseCut(Cut(share: null, count: 20), EnterpriseId, "测试企业", new DateOnly(2026, 10, 1), figures);

        Assert.Equal(warns, finding is not null);
    }

    [Fact]
    public void An_enterprise_cut_finding_carries_the_figures()
    {
        var finding = WarningRules.EnterpriseCut(Cut(), EnterpriseId, "测试企业", new DateOnly(2026, 10, 1), new EmploymentFigures(70, 0, 30, 25))!;

        Assert.Equal(WarningRules.EnterpriseKey(EnterpriseId), finding.SubjectKey);
        Assert.Equal(100, finding.Before);
        Assert.Equal(70, finding.After);
        Assert.Equal(30, finding.Change);
        Assert.Equal(30m, finding.ChangePercent);
        Assert.Contains("经济性裁员 25 人", finding.Figures, StringComparison.Ordinal);
    }

    [Fact]
    public void A_disabled_threshold_raises_nothing()
    {
        var threshold = Cut();
        threshold.Configure(10, 20, "局务会议决定", enabled: false, "officer1", At);

        Assert.Null(WarningRules.EnterpriseCut(threshold, EnterpriseId, "测试企业", new DateOnly(2026, 10, 1), new EmploymentFigures(50, 0, 50, 50)));
    }

    [Theory]
    [InlineData(50, true)]
    [InlineData(49, false)]
    public void A_sector_warns_when_its_net_loss_across_enterprises_reaches_the_number(int lostBySecond, bool warns)
    {
        var threshold = new WarningThreshold(WarningKind.SectorLoss, null, 57, "界首市就业促进行动方案 二、(四)2", "officer1", At);
        EmploymentFigures[] reports = [new(90, 0, 10, 0), new(200 - lostBySecond, 5, lostBySecond + 5, 0), new(30, 3, 0, 0)];

        var finding = WarningRules.SectorLoss(threshold, "F", "批发和零售业", new DateOnly(2026, 10, 1), reports);

        Assert.Equal(warns, finding is not null);
    }

    [Theory]
    [InlineData(120, true)]
    [InlineData(119, false)]
    public void A_district_warns_when_month_end_unemployment_rises_by_the_share_over_its_3_month_average(int registered, bool warns)
    {
        var threshold = new WarningThreshold(WarningKind.DistrictUnemploymentRise, 20, null, "局务会议决定", "officer1", At);

        var finding = WarningRules.DistrictUnemploymentRise(threshold, "341202", "东城区", new DateOnly(2026, 10, 1), registered, [90, 100, 110]);

        Assert.Equal(warns, finding is not null);
    }

    [Fact]
    public void A_district_with_no_unemployed_before_raises_no_share_warning()
    {
        var threshold = new WarningThreshold(WarningKind.DistrictUnemploymentRise, 20, null, "局务会议决定", "officer1", At);

        Assert.Null(WarningRules.DistrictUnemploymentRise(threshold, "341202", "东城区", new DateOnly(2026, 10, 1), 5, [0, 0, 0]));
    }

    [Fact]
    public void A_district_rise_below_the_minimum_number_raises_nothing()
    {
        var threshold = new WarningThreshold(WarningKind.DistrictUnemploymentRise, 20, 5, "局务会议决定", "officer1", At);

        Assert.Null(WarningRules.DistrictUnemploymentRise(threshold, "341202", "东城区", new DateOnly(2026, 10, 1), 6, [2, 2, 2]));
    }

    [Theory]
    [InlineData(WarningKind.EnterpriseCut, null, null)]
    [InlineData(WarningKind.SectorLoss, 10.0, 5)]
    [InlineData(WarningKind.SectorLoss, null, null)]
    [InlineData(WarningKind.DistrictUnemploymentRise, null, 5)]
    [InlineData(WarningKind.EnterpriseCut, 0.0, null)]
    [InlineData(WarningKind.EnterpriseCut, null, 0)]
    public void Thresholds_that_do_not_fit_their_kind_are_refused(WarningKind kind, double? share, int? count)
    {
        var e = Assert.Throws<DomainException>(() => new WarningThreshold(kind, (decimal?)share, count, "依据", "officer1", At));

        Assert.Equal("monitoring-threshold", e.Code);
    }

    [Fact]
    public void A_threshold_needs_its_basis()
    {
        var e = Assert.Throws<DomainException>(() => new WarningThreshold(WarningKind.EnterpriseCut, 10, null, "  ", "officer1", At));

        Assert.Equal("monitoring-threshold-basis", e.Code);
    }

    [Fact]
    public void A_warning_is_acknowledged_once_with_a_note()
    {
        var finding = WarningRules.EnterpriseCut(Cut(), EnterpriseId, "测试企业", new DateOnly(2026, 10, 1), new EmploymentFigures(70, 0, 30, 25))!;
        var warning = new EmploymentWarning(finding, Cut(), At);

        Assert.Equal("monitoring-warning-note", Assert.Throws<DomainException>(() => warning.Acknowledge("", "officer1", At)).Code);
        warning.Acknowledge("已约谈企业，指导制定安置方案", "officer1", At.AddHours(2));

        Assert.False(warning.IsOpen);
        Assert.Equal("monitoring-warning-acknowledged", Assert.Throws<DomainException>(() => warning.Acknowledge("再次", "officer2", At)).Code);
    }

    [Theory]
    [InlineData(30, true)]
    [InlineData(29, false)]
    public void A_layoff_plan_needs_30_days_notice_before_the_planned_date(int daysBefore, bool valid)
    {
        var planned = new DateOnly(2027, 1, 31);

        var error = Record.Exception(() => new LayoffPlan(EnterpriseId, 40, planned, "订单下降", "转岗安置 20 人，其余依法支付经济补偿", planned.AddDays(-daysBefore), "enterprise1", At));

        Assert.Equal(valid, error is null);
        if (!valid)
        {
            Assert.Equal("layoff-plan-notice", Assert.IsType<DomainException>(error).Code);
        }
    }

    [Fact]
    public void Ending_a_designation_sets_its_last_day_once()
    {
        var designation = Designation();

        designation.End(new DateOnly(2026, 10, 31), "企业经营恢复稳定", "officer1");

        Assert.Equal(new DateOnly(2026, 10, 31), designation.Until);
        Assert.False(designation.IsActiveOn(new DateOnly(2026, 11, 1)));
        Assert.Equal("monitoring-ended", Assert.Throws<DomainException>(() => designation.End(new DateOnly(2026, 11, 30), "再次", "officer1")).Code);
    }
}
