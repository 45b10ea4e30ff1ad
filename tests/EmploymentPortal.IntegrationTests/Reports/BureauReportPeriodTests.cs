using EmploymentPortal.Policies;
using EmploymentPortal.Web.Features.Reports;

namespace EmploymentPortal.IntegrationTests.Reports;

/// <summary>The report's periods of the China calendar and its subsidy families, without a database.</summary>
public sealed class BureauReportPeriodTests
{
    [Theory]
    [InlineData("2024-02", "2024-02-01", "2024-02-29", "2023-02-01", "2024年2月")]
    [InlineData("2026-Q4", "2026-10-01", "2026-12-31", "2025-10-01", "2026年第四季度")]
    [InlineData("2025-q1", "2025-01-01", "2025-03-31", "2024-01-01", "2025年第一季度")]
    public void A_period_covers_its_china_days_and_names_the_same_period_last_year(string text, string start, string end, string lastYearStart, string label)
    {
        var period = BureauReport.ReportPeriod.Parse(text)!;

        Assert.Equal((DateOnly.Parse(start), DateOnly.Parse(end)), (period.Start, period.End));
        Assert.Equal(DateOnly.Parse(lastYearStart), period.SameLastYear.Start);
        Assert.Equal(label, period.Label);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-Q0")]
    [InlineData("2026-Q5")]
    [InlineData("2026")]
    [InlineData("26-03")]
    [InlineData("2026-3")]
    public void A_malformed_period_is_refused(string text)
    {
        Assert.Null(BureauReport.ReportPeriod.Parse(text));
    }

    [Fact]
    public void Every_benefit_kind_is_in_exactly_one_named_family()
    {
        var listed = BenefitFamilies.All.SelectMany(f => f.Benefits).ToList();

        Assert.Equal(listed.Count, listed.Distinct(StringComparer.Ordinal).Count());
        Assert.All(BenefitKinds.All, b => Assert.NotEqual(BenefitFamilies.OtherKey, BenefitFamilies.Of(b)));
    }
}
