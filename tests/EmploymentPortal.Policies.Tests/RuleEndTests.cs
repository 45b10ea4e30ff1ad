using System.Text.Json.Nodes;
using EmploymentPortal.Policies.Dates;
using EmploymentPortal.Policies.Evaluation;
using EmploymentPortal.Policies.Evaluation.Batch;
using EmploymentPortal.Policies.Loading;
using EmploymentPortal.Policies.Model;

namespace EmploymentPortal.Policies.Tests;

/// <summary>
/// Rules that end: the end the text states, an end the text does not state (a manual review after
/// the horizon), and the end the bureau sets; the dates of the catalogue are in the words they cite.
/// </summary>
public class RuleEndTests
{
    private const string SmeRefund = "nanhe-2020-1.job-retention-refund-sme";

    private static readonly Citation Basis = new("国务院联防联控机制综合组 关于对新型冠状病毒感染实施“乙类乙管”的总体方案", "三", "自2023年1月8日起", Local: true, SetBy: "测试经办人");

    private static RuleDecision Refund(PolicyCatalogue catalogue, DateOnly date) =>
        new EligibilityEvaluator(catalogue).Evaluate(new EvaluationRequest("job-retention-refund", "130506", date, JsonNode.Parse("""
            {"enterprise": {"id": "e1", "size": "small", "unemploymentInsured": true, "insuredEmployees": 30, "layoffRate": 0.1, "unemploymentInsurancePremiumsLastYearFen": 5000000}}
            """)!.AsObject(), RuleId: SmeRefund)).Decisions.Single();

    [Fact]
    public void PastTheHorizon_TheDecisionSaysWhyInChinese()
    {
        var decision = Refund(CatalogueFixture.WithLocalParameters, new DateOnly(2024, 3, 1));

        Assert.Equal(Outcome.ManualReview, decision.Outcome);
        var reason = Assert.Single(decision.Reasons, r => r.StartsWith("需经办人核实", StringComparison.Ordinal));
        Assert.Contains("疫情防控期间", reason, StringComparison.Ordinal);
        Assert.Contains("评估日期 2024-03-01 已超过自 2020-07-27 起 12 个月的核实期限（至 2021-07-27", reason, StringComparison.Ordinal);
        Assert.Contains("Policies:UnstatedEndHorizonMonths", reason, StringComparison.Ordinal);
        Assert.Equal(PeriodEnd.NotStated, decision.Trace.Period!.Matched!.End);
        Assert.Equal("疫情防控期间,将中小微企业失业保险稳岗返还政策裁员率标准放宽", decision.Trace.Period.Matched.LimitedBy!.Quote);
    }

    [Fact]
    public void TheHorizon_IsConfigurable_AndPartOfTheVersion()
    {
        var catalogue = CatalogueFixture.WithLocalParameters.WithUnstatedEndHorizon(36);

        Assert.Equal(Outcome.Eligible, Refund(catalogue, new DateOnly(2023, 7, 27)).Outcome);
        Assert.Equal(Outcome.ManualReview, Refund(catalogue, new DateOnly(2023, 7, 28)).Outcome);
        Assert.NotEqual(CatalogueFixture.WithLocalParameters.Version, catalogue.Version);
        Assert.Same(catalogue, catalogue.WithUnstatedEndHorizon(36));
    }

    [Fact]
    public void TheBureausEnd_IsHonoured_UpToItsLastDay_AndCitedAfterIt()
    {
        var ended = CatalogueFixture.WithLocalParameters.WithRuleEnds([new RuleEnd(SmeRefund, new DateOnly(2023, 1, 7), Basis)]);

        var lastDay = Refund(ended, new DateOnly(2023, 1, 7));
        var after = Refund(ended, new DateOnly(2023, 1, 8));

        Assert.Equal(Outcome.Eligible, lastDay.Outcome);
        Assert.DoesNotContain(DecisionFlags.EndNotStated, lastDay.Flags);
        Assert.Equal(Outcome.Ineligible, after.Outcome);
        Assert.Contains(after.Reasons, r => r.Contains("2020-07-27 至 2023-01-07（截止日期由人社局依据国务院联防联控机制综合组", StringComparison.Ordinal));
        Assert.Equal(PeriodEnd.SetByBureau, after.Trace.Period!.Periods[^1].End);
        Assert.Equal("测试经办人", after.Trace.Period.Periods[^1].EndBasis!.SetBy);
        Assert.NotEqual(CatalogueFixture.WithLocalParameters.Version, ended.Version);
    }

    [Fact]
    public void TheBureausEnd_IsHonouredByTheBatchPath()
    {
        var ended = CatalogueFixture.WithLocalParameters.WithRuleEnds([new RuleEnd(SmeRefund, new DateOnly(2023, 1, 7), Basis)]);
        var layout = new FactLayout(["enterprise.id", "enterprise.size", "enterprise.unemploymentInsured", "enterprise.insuredEmployees", "enterprise.layoffRate", "enterprise.unemploymentInsurancePremiumsLastYearFen"]);
        var row = new FactRow(layout);
        row.Set(0, "e1");
        row.Set(1, "small");
        row.Set(2, true);
        row.Set(3, 30m);
        row.Set(4, 0.1m);
        row.Set(5, 5000000m);
        var rule = CompiledRule.Compile(ended, SmeRefund, "130506", layout);

        Assert.True(rule.IsCompiled);
        Assert.Equal(Outcome.Eligible, rule.Evaluate(row, new DateOnly(2023, 1, 7)).Outcome);
        Assert.Equal(Outcome.Ineligible, rule.Evaluate(row, new DateOnly(2023, 1, 8)).Outcome);
        Assert.Equal(Outcome.ManualReview, CompiledRule.Compile(CatalogueFixture.WithLocalParameters, SmeRefund, "130506", layout).Evaluate(row, new DateOnly(2023, 1, 8)).Outcome);
    }

    [Fact]
    public void TheLastEndGivenForARule_IsTheOneInForce()
    {
        var ended = CatalogueFixture.WithLocalParameters.WithRuleEnds([
            new RuleEnd(SmeRefund, new DateOnly(2021, 1, 1), Basis),
            new RuleEnd(SmeRefund, new DateOnly(2023, 1, 7), Basis)]);

        Assert.Equal(new DateOnly(2023, 1, 7), ended.FindRule(SmeRefund)!.LastPeriod!.Until);
    }

    [Fact]
    public void AnEndForARuleWhoseEndTheTextStates_IsRefused()
    {
        var error = Assert.Throws<PolicyCatalogueException>(() => CatalogueFixture.Embedded.WithRuleEnds(
            [new RuleEnd("nanhe-2020-1.absorption-long-term-unemployed", new DateOnly(2021, 6, 30), Basis)]));

        Assert.Contains(error.Errors, e => e.Contains("the text states the end", StringComparison.Ordinal));
    }

    [Fact]
    public void AnEndBeforeTheRuleStarts_IsRefused()
    {
        Assert.Throws<PolicyCatalogueException>(() => CatalogueFixture.Embedded.WithRuleEnds([new RuleEnd(SmeRefund, new DateOnly(2020, 7, 26), Basis)]));
    }

    [Fact]
    public void EveryRuleOfTheCatalogue_SaysHowItEnds()
    {
        foreach (var rule in CatalogueFixture.Embedded.Rules)
        {
            var last = rule.LastPeriod!;
            Assert.True(last.Until is not null || last.End is PeriodEnd.NotStated or PeriodEnd.Standing, $"{rule.Id} has an open end without a kind");
            Assert.True(last.End != PeriodEnd.NotStated || last.LimitedBy is not null, $"{rule.Id}: no words limit it");
        }
    }

    [Fact]
    public void TheRulesLimitedToAPeriodWithoutAnEnd_AreThoseTheTextsLimit()
    {
        var notStated = CatalogueFixture.Embedded.Rules.Where(r => r.LastPeriod!.End == PeriodEnd.NotStated).Select(r => r.Id).Order(StringComparer.Ordinal);

        Assert.Equal(
            [
                "jieshou-2022.stable-employment",
                "nanhe-2020-1.job-retention-refund-sme",
                "nanhe-2020-1.startup-loan-extension-covid",
                "ningde-2021.internship-subsidy",
                "ningde-2021.job-retention-refund",
                "ningde-2021.temporary-living-allowance",
                "ningde-2021.training-by-work",
                "ningde-2021.training-living-allowance",
                "ningde-2021.unemployment-subsidy",
            ],
            notStated);
    }

    [Fact]
    public void TheYingkouDocumentsDate_IsInferred_ItIsNotInItsText()
    {
        var yingkou = CatalogueFixture.Embedded.FindDocument("yingkou-2024")!;

        Assert.Null(yingkou.Dated);
        Assert.Contains("辽就劳办〔2024〕2号", yingkou.DateInferred, StringComparison.Ordinal);
        Assert.All(CatalogueFixture.Embedded.RulesOfDocument("yingkou-2024"), r => Assert.NotNull(r.Periods[0].FromInferred));
    }

    [Fact]
    public void NoPeriodCitesTheSigningLine()
    {
        foreach (var rule in CatalogueFixture.Embedded.Rules)
        {
            var document = CatalogueFixture.Embedded.DocumentOf(rule);
            Assert.All(rule.Periods, p => Assert.NotEqual(document.Dated?.Quote, p.Reference.Quote));
        }
    }

    [Theory]
    [InlineData("实施期限为2020年1月1日至12月31日", "2020-01-01", true, true)]
    [InlineData("实施期限为2020年1月1日至12月31日", "2020-12-31", true, true)]
    [InlineData("实施期限为2020年1月1日至12月31日", "2020-06-30", false, false)]
    [InlineData("实施期限延长至2020年12月31日", "2020-12-31", true, true)]
    [InlineData("2022年,因疫情防控实施静态管理7日以上的县(市、区)", "2022-01-01", true, false)]
    [InlineData("2022年,因疫情防控实施静态管理7日以上的县(市、区)", "2022-12-31", false, true)]
    [InlineData("二〇二二年二月", "2022-02-01", true, false)]
    [InlineData("二〇二二年二月", "2022-02-28", false, true)]
    [InlineData("对参保职工30人(含)以下的企业", "2020-01-01", false, false)]
    public void DateWords_FindTheDatesAQuoteStates(string quote, string date, bool start, bool end)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(start, DateWords.StatesStart(quote, day));
        Assert.Equal(end, DateWords.StatesEnd(quote, day));
    }

    [Fact]
    public void DateWords_AMonthIsNotADay()
    {
        Assert.False(DateWords.StatesDay("二〇二二年二月", new DateOnly(2022, 2, 1)));
        Assert.True(DateWords.StatesDay("2021年8月6日", new DateOnly(2021, 8, 6)));
    }

    [Theory]
    [InlineData("2020-09-15", "2020-12-31", 3)]
    [InlineData("2020-09-30", "2020-12-31", 3)]
    [InlineData("2020-10-01", "2020-12-31", 2)]
    [InlineData("2020-12-30", "2020-12-31", 0)]
    [InlineData("2020-12-31", "2020-12-31", 0)]
    [InlineData("2021-01-05", "2020-12-31", 0)]
    public void MonthsBetween_CountsTheWholeMonthsLeft(string from, string through, int months)
    {
        Assert.Equal(months, MonthsCounter.Between(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(through, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void MonthsWithin_CountsAMonthSharedByTwoPeriodsOnce()
    {
        var reference = new Citation("f", "s", "q");
        IReadOnlyList<RulePeriod> periods = [new RulePeriod(new DateOnly(2020, 1, 1), new DateOnly(2020, 6, 10), reference), new RulePeriod(new DateOnly(2020, 6, 11), null, reference, End: PeriodEnd.Standing)];

        var months = MonthsCounter.Within(periods, new DateOnly(2020, 5, 1), new DateOnly(2020, 7, 31), null, null, null, out var first, out var last);

        Assert.Equal(3, months);
        Assert.Equal(new DateOnly(2020, 5, 1), first);
        Assert.Equal(new DateOnly(2020, 7, 1), last);
    }
}
