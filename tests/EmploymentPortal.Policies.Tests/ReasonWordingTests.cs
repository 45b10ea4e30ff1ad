using System.Text.Json.Nodes;
using EmploymentPortal.Policies.Evaluation;

namespace EmploymentPortal.Policies.Tests;

/// <summary>Reasons and condition details are Simplified Chinese with the values; fact names and ids stay as they are.</summary>
public class ReasonWordingTests
{
    private const string Absorption = "nanhe-2020-1.absorption-long-term-unemployed";

    private static RuleDecision Evaluate(string facts) =>
        new EligibilityEvaluator(CatalogueFixture.WithLocalParameters).Evaluate(new EvaluationRequest(
            "absorption", "130506", new DateOnly(2021, 3, 1), JsonNode.Parse(facts)!.AsObject(), RuleId: Absorption))
            .Decisions.Single();

    [Fact]
    public void HireOutsideThePeriod_IsGivenInChineseWithTheDates()
    {
        var decision = Evaluate("""
            {"person": {"registeredUnemployedSince": "2020-01-15"},
             "hire": {"date": "2021-01-15", "contractMonths": 12, "socialInsurancePaid": true}}
            """);

        Assert.Contains("录用日期 2021-01-15 不在政策执行期（2020-01-01 至 2020-12-31）内", decision.Reasons);
    }

    [Fact]
    public void MissingFacts_AreListedByTheirNames()
    {
        var decision = Evaluate("""{"person": {"registeredUnemployedSince": "2020-01-15"}}""");

        Assert.Equal(Outcome.NeedsInformation, decision.Outcome);
        Assert.Contains("缺少事实：hire.date、hire.contractMonths、hire.socialInsurancePaid", decision.Reasons);
        Assert.Equal("缺少事实：hire.contractMonths", decision.Trace.Conditions[1].Detail);
    }

    [Fact]
    public void TooShortUnemployment_SaysHowManyMonthsAgainstTheRequiredSix()
    {
        var decision = Evaluate("""
            {"person": {"registeredUnemployedSince": "2020-01-15"},
             "hire": {"date": "2020-06-20", "contractMonths": 6, "socialInsurancePaid": false}}
            """);

        Assert.Equal(Outcome.Ineligible, decision.Outcome);
        Assert.Equal("失业登记日期 2020-01-15 至 录用日期 2020-06-20 满 5 个月，不足 6 个月（2020-01-15 后 6 个月为 2020-07-15）",
            decision.Trace.Conditions[0].Detail);
        Assert.Equal("劳动合同期限 为 6，低于 12", decision.Trace.Conditions[1].Detail);
        Assert.Equal("按规定缴纳社会保险 为“否”，应为“是”", decision.Trace.Conditions[2].Detail);
        Assert.StartsWith("不符合：登记失业半年以上", decision.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void EarlierPayment_IsNamedWithItsDateAndScope()
    {
        var decision = Evaluate("""
            {"person": {"id": "p1", "registeredUnemployedSince": "2020-01-15"},
             "hire": {"date": "2020-07-15", "contractMonths": 12, "socialInsurancePaid": true},
             "enterprise": {"id": "e1"},
             "history": {"payments": [{"rule": "nanhe-2020-1.absorption-long-term-unemployed", "personId": "p1", "enterpriseId": "e1", "date": "2020-08-01"}]}}
            """);

        Assert.Equal(Outcome.Ineligible, decision.Outcome);
        Assert.Contains("已享受过该补贴：已于 2020-08-01 按 nanhe-2020-1.absorption-long-term-unemployed 发放（按同一人员和企业一次性）", decision.Reasons);
    }

    [Fact]
    public void AmountLines_AreChinese()
    {
        var decision = Evaluate("""
            {"person": {"registeredUnemployedSince": "2020-01-15"},
             "hire": {"date": "2020-07-15", "contractMonths": 12, "socialInsurancePaid": true}}
            """);

        var line = Assert.Single(decision.Breakdown!.Lines);
        Assert.Equal("按人计", line.Description);
        Assert.Equal("100000 分 × 1 人", line.Formula);
    }
}
