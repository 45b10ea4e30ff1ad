using System.Text.Json.Nodes;
using EmploymentPortal.Policies.Evaluation;
using EmploymentPortal.Policies.Evaluation.Batch;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Policies.Tests;

/// <summary>
/// Stated facts too large for any amount in fen (a refund's premiums base of 10²⁷ fen) give a
/// manual review that says why, never an exception (which the API would answer 500).
/// </summary>
public class AmountOverflowTests
{
    private const string SmeRefund = "nanhe-2020-1.job-retention-refund-sme";

    private static RuleDecision Refund(string premiums) =>
        new EligibilityEvaluator(CatalogueFixture.WithLocalParameters).Evaluate(new EvaluationRequest("job-retention-refund", "130506", new DateOnly(2020, 8, 3), Facts(premiums), RuleId: SmeRefund)).Decisions.Single();

    private static JsonObject Facts(string premiums) =>
        JsonNode.Parse("""{"enterprise": {"id": "e1", "size": "small", "unemploymentInsured": true, "insuredEmployees": 30, "layoffRate": 0.1, "unemploymentInsurancePremiumsLastYearFen": PREMIUMS}}""".Replace("PREMIUMS", premiums, StringComparison.Ordinal))!.AsObject();

    [Theory]
    [InlineData("1e27")]
    [InlineData("79228162514264337593543950335")]
    public void A_stated_base_beyond_any_amount_is_a_manual_review_that_says_why(string premiums)
    {
        var decision = Refund(premiums);

        Assert.Equal(Outcome.ManualReview, decision.Outcome);
        Assert.Null(decision.Amount);
        Assert.Contains(decision.Reasons, r => r.Contains("超出可计算范围", StringComparison.Ordinal));
    }

    [Fact]
    public void The_largest_base_whose_amount_fits_is_computed()
    {
        var decision = Refund("9223372036854775807");

        Assert.Equal(Outcome.Eligible, decision.Outcome);
        Assert.True(decision.Amount > Money.Zero);
    }

    [Fact]
    public void The_batch_path_decides_an_amount_too_large_as_the_evaluator()
    {
        var layout = new FactLayout(["enterprise.id", "enterprise.size", "enterprise.unemploymentInsured", "enterprise.insuredEmployees", "enterprise.layoffRate", "enterprise.unemploymentInsurancePremiumsLastYearFen"]);
        var row = new FactRow(layout);
        row.Set(0, "e1");
        row.Set(1, "small");
        row.Set(2, true);
        row.Set(3, 30m);
        row.Set(4, 0.1m);
        row.Set(5, 1e27m);
        var rule = CompiledRule.Compile(CatalogueFixture.WithLocalParameters, SmeRefund, "130506", layout);

        var decision = rule.Evaluate(row, new DateOnly(2020, 8, 3));

        Assert.True(rule.IsCompiled);
        Assert.Equal((Outcome.ManualReview, (Money?)null), (decision.Outcome, decision.Amount));
    }
}
