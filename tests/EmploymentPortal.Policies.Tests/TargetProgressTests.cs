using EmploymentPortal.Policies.Indicators;

namespace EmploymentPortal.Policies.Tests;

/// <summary>Windows, % achieved and the status rule (docs/indicators.md, "Status").</summary>
public sealed class TargetProgressTests
{
    private static readonly Lazy<IndicatorCatalogue> _catalogue = new(() => IndicatorCatalogue.LoadEmbedded(CatalogueFixture.Embedded));

    private static IndicatorTarget Target(string id) => _catalogue.Value.Find(id) ?? throw new InvalidOperationException(id);

    [Fact]
    public void A_five_year_total_asked_for_one_year_is_compared_with_its_whole_period()
    {
        var total = Target("tongren-2022.urban-new-employment");

        var windows = TargetWindow.Within(total, 2023, 2023);

        var window = Assert.Single(windows);
        Assert.Equal((new DateOnly(2021, 1, 1), new DateOnly(2025, 12, 31)), (window.Start, window.End));
        Assert.Equal("2021—2025年（5年累计）", window.Label);
    }

    [Fact]
    public void A_five_year_total_is_not_met_by_a_year_that_reaches_its_yearly_pace()
    {
        var total = Target("tongren-2022.urban-new-employment");
        var window = TargetWindow.Within(total, 2021, 2021).Single();

        // 4.5 万 in 2021 alone, reported at the end of 2021: above the yearly pace of 4 万, far from the 20 万 total.
        var comparison = TargetComparison.Of(total, window, 4.5m, new DateOnly(2021, 12, 31));

        Assert.Equal(4m, comparison.YearlyPace);
        Assert.Equal(22.5m, comparison.PercentAchieved);
        Assert.NotEqual(ProgressStatus.Achieved, comparison.Status);
        Assert.Equal(ProgressStatus.OnTrack, comparison.Status);
        Assert.Equal(Math.Round(20m * 365 / 1826, 4), comparison.Expected);
    }

    [Fact]
    public void A_five_year_total_behind_its_pro_rata_figure_is_at_risk_and_missed_after_its_end()
    {
        var total = Target("tongren-2022.urban-new-employment");
        var window = TargetWindow.Within(total, 2021, 2025).Single();

        var running = TargetComparison.Of(total, window, 10m, new DateOnly(2023, 12, 31));
        var ended = TargetComparison.Of(total, window, 19.99m, new DateOnly(2026, 1, 1));
        var met = TargetComparison.Of(total, window, 20m, new DateOnly(2026, 1, 1));

        Assert.Equal(ProgressStatus.AtRisk, running.Status);
        Assert.Equal(ProgressStatus.Missed, ended.Status);
        Assert.Equal(ProgressStatus.Achieved, met.Status);
    }

    [Fact]
    public void A_yearly_target_gives_one_window_per_year_asked()
    {
        var yearly = Target("jieshou-2022.job-fairs");

        var windows = TargetWindow.Within(yearly, 2020, 2024);

        Assert.Equal([2022, 2023, 2024], windows.Select(w => w.Start.Year));
    }

    [Fact]
    public void A_limit_is_on_track_while_under_it_and_a_level_is_not_achieved_before_its_year_ends()
    {
        var rate = Target("tongren-2022.registered-unemployment-rate");
        var contracts = Target("tongren-2022.labour-contract-rate");
        var year = TargetWindow.OfYear(2023);

        Assert.Equal(ProgressStatus.OnTrack, TargetComparison.Of(rate, year, 4.9m, new DateOnly(2023, 6, 30)).Status);
        Assert.Equal(ProgressStatus.AtRisk, TargetComparison.Of(rate, year, 5.1m, new DateOnly(2023, 6, 30)).Status);
        Assert.Equal(ProgressStatus.Achieved, TargetComparison.Of(rate, year, 5m, new DateOnly(2024, 1, 1)).Status);
        Assert.Equal(ProgressStatus.OnTrack, TargetComparison.Of(contracts, year, 96m, new DateOnly(2023, 6, 30)).Status);
        Assert.Equal(95m, TargetComparison.Of(contracts, year, 96m, new DateOnly(2023, 6, 30)).Expected);
    }

    [Fact]
    public void Without_a_figure_or_before_its_window_there_is_no_status_to_judge()
    {
        var yearly = Target("jieshou-2022.job-fairs");

        Assert.Equal(ProgressStatus.NoFigure, TargetComparison.Of(yearly, TargetWindow.OfYear(2023), null, new DateOnly(2023, 6, 30)).Status);
        Assert.Equal(ProgressStatus.NotStarted, TargetComparison.Of(yearly, TargetWindow.OfYear(2030), 3m, new DateOnly(2023, 6, 30)).Status);
    }

    [Fact]
    public void A_zero_target_has_no_percentage_and_is_met_only_at_zero()
    {
        var families = Target("ningde-2021.zero-employment-families");
        var year = TargetWindow.OfYear(2021);

        var cleared = TargetComparison.Of(families, year, 0m, new DateOnly(2022, 1, 1));
        var open = TargetComparison.Of(families, year, 2m, new DateOnly(2022, 1, 1));

        Assert.Null(cleared.PercentAchieved);
        Assert.Equal(ProgressStatus.Achieved, cleared.Status);
        Assert.Equal(ProgressStatus.Missed, open.Status);
    }
}
