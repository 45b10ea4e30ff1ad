using EmploymentPortal.Domain.Circles;

namespace EmploymentPortal.Domain.Tests.Circles;

/// <summary>
/// The standing of a small hand-built community, threshold by threshold: 50 residents of working
/// age, 2 registered unemployed (4 %), both contacted this month, 3 openings within 3 km.
/// </summary>
public sealed class CircleStandingTests
{
    private static readonly CircleIndicators Community = new(WorkingAgeResidents: 50, RegisteredUnemployed: 2, FollowedUpThisMonth: 2, ZeroEmploymentFamilies: 0, OpeningsWithinRadius: 3);

    [Fact]
    public void Community_at_every_default_threshold_meets_the_standard()
    {
        var assessment = CircleStanding.Assess(Community, CircleThresholds.Defaults);

        Assert.All(assessment.Checks, c => Assert.Equal(CheckResult.Met, c.Result));
        Assert.True(assessment.MeetsStandard);
        Assert.Equal(4.00m, assessment.Indicators.UnemploymentRatePercent);
        Assert.Equal(1.5m, assessment.Indicators.OpeningsPerUnemployed);
    }

    [Fact]
    public void One_more_registered_unemployed_breaks_the_unemployment_rate_and_openings_per_person()
    {
        var assessment = CircleStanding.Assess(Community with { RegisteredUnemployed = 3, FollowedUpThisMonth = 3 }, CircleThresholds.Defaults);

        Assert.Equal(CheckResult.NotMet, Check(assessment, "unemployment-rate").Result);
        Assert.Contains("6%", Check(assessment, "unemployment-rate").Explanation, StringComparison.Ordinal);
        Assert.Equal(CheckResult.Met, Check(assessment, "openings-per-unemployed").Result); // 3 openings / 3 people = 1.0
        Assert.False(assessment.MeetsStandard);
    }

    [Fact]
    public void A_zero_employment_family_breaks_the_standard_and_missing_household_data_does_not()
    {
        var withFamily = CircleStanding.Assess(Community with { ZeroEmploymentFamilies = 1 }, CircleThresholds.Defaults);
        var unknown = CircleStanding.Assess(Community with { ZeroEmploymentFamilies = null }, CircleThresholds.Defaults);
        var notRequired = CircleStanding.Assess(Community with { ZeroEmploymentFamilies = 1 }, CircleThresholds.Defaults with { RequireZeroEmploymentFamiliesCleared = false });

        Assert.Equal(CheckResult.NotMet, Check(withFamily, "zero-employment-families").Result);
        Assert.False(withFamily.MeetsStandard);
        Assert.Equal(CheckResult.NotAssessed, Check(unknown, "zero-employment-families").Result);
        Assert.True(unknown.MeetsStandard);
        Assert.True(notRequired.MeetsStandard);
    }

    [Fact]
    public void One_of_two_contacted_is_50_percent_follow_up_coverage_below_90()
    {
        var assessment = CircleStanding.Assess(Community with { FollowedUpThisMonth = 1 }, CircleThresholds.Defaults);

        Assert.Equal(50m, assessment.Indicators.FollowUpCoveragePercent);
        Assert.Equal(CheckResult.NotMet, Check(assessment, "follow-up-coverage").Result);
        Assert.Equal(CheckResult.Met, Check(assessment, "unemployment-rate").Result);
        Assert.False(assessment.MeetsStandard);
    }

    [Fact]
    public void One_opening_for_two_registered_unemployed_is_below_one_per_person()
    {
        var assessment = CircleStanding.Assess(Community with { OpeningsWithinRadius = 1 }, CircleThresholds.Defaults);

        Assert.Equal(0.5m, assessment.Indicators.OpeningsPerUnemployed);
        Assert.Equal(CheckResult.NotMet, Check(assessment, "openings-per-unemployed").Result);
        Assert.False(assessment.MeetsStandard);
    }

    [Fact]
    public void A_stricter_rate_set_by_the_bureau_applies_from_its_date()
    {
        var stricter = new CircleStandard(CircleThresholds.Defaults with { MaxUnemploymentRatePercent = 3.0m }, new DateOnly(2026, 12, 1), "officer1", "提高标准");

        var november = CircleStandard.InForce([stricter], new DateOnly(2026, 11, 30));
        var december = CircleStandard.InForce([stricter], new DateOnly(2026, 12, 1));

        Assert.True(CircleStanding.Assess(Community, november).MeetsStandard);
        Assert.False(CircleStanding.Assess(Community, december).MeetsStandard);
    }

    [Theory]
    [InlineData(2021, null)]
    [InlineData(2022, 40)]
    [InlineData(2024, 60)]
    [InlineData(2025, 70)]
    [InlineData(2030, 70)]
    public void City_target_share_follows_002(int year, int? percent)
    {
        Assert.Equal(percent is { } p ? (decimal?)p : null, CircleStanding.TargetSharePercent(year));
    }

    private static ThresholdCheck Check(CircleAssessment assessment, string code) => assessment.Checks.Single(c => c.Code == code);

    [Fact]
    public void A_target_the_bureau_set_for_a_year_wins_over_the_drafts_and_the_latest_setting_wins()
    {
        var at = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.FromHours(8));
        CircleTarget[] set =
        [
            new(2026, 60m, "officer1", "年度就业工作目标", at),
            new(2026, 65m, "officer2", "调整后的年度目标", at.AddDays(30)),
            new(2027, 80m, "officer1", "三年行动计划", at),
        ];

        Assert.Equal(65m, CircleStanding.TargetSharePercent(2026, set));
        Assert.Equal(80m, CircleStanding.TargetSharePercent(2027, set));
        Assert.Equal(50m, CircleStanding.TargetSharePercent(2023, set)); // the draft's reading
        Assert.Null(CircleStanding.TargetSharePercent(2021, set));
        Assert.Equal("circle-target-range", Assert.Throws<EmploymentPortal.Domain.Common.DomainException>(() => new CircleTarget(2026, 120m, "officer1", "x", at)).Code);
        Assert.Equal("circle-target-range", Assert.Throws<EmploymentPortal.Domain.Common.DomainException>(() => new CircleTarget(2019, 50m, "officer1", "x", at)).Code);
    }
}
