using System.Text.Json;
using System.Text.Json.Nodes;
using EmploymentPortal.Policies.Evaluation;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Policies.Tests;

public class EvaluatorTests
{
    private static EvaluationResult EvaluateAbsorption() =>
        new EligibilityEvaluator(CatalogueFixture.WithLocalParameters).Evaluate(new EvaluationRequest(
            "absorption", "130506", new DateOnly(2020, 9, 1),
            JsonNode.Parse("""
                {"person": {"id": "p1", "registeredUnemployedSince": "2020-01-15"},
                 "hire": {"date": "2020-07-15", "contractMonths": 12, "socialInsurancePaid": true},
                 "enterprise": {"id": "e1"}}
                """)!.AsObject()));

    [Fact]
    public void Trace_RecordsFactsParametersVersionAndQuote()
    {
        var decision = EvaluateAbsorption().Decisions.Single(d => d.RuleId == "nanhe-2020-1.absorption-long-term-unemployed");

        var unemployed = decision.Trace.Conditions[0];
        Assert.Equal(ConditionStatus.Pass, unemployed.Result);
        Assert.Contains(unemployed.Facts, f => f.Name == "person.registeredUnemployedSince" && f.Value!.ToString() == "2020-01-15");
        var rate = Assert.Single(decision.Trace.Parameters, p => p.Id == "nanhe-2020-1.absorption.ratePerPerson");
        Assert.Equal(new DateOnly(2020, 1, 1), rate.EffectiveFrom);
        Assert.Equal("001_4804ea4ffb61eafb.txt", decision.Reference.File);
        Assert.Equal(CatalogueFixture.WithLocalParameters.Version, decision.Trace.CatalogueVersion);
        Assert.Equal(Money.FromFen(100_000), decision.Breakdown!.Total);
    }

    [Fact]
    public void Result_SerializesToCamelCaseJsonWithStringOutcomes()
    {
        var json = JsonSerializer.Serialize(EvaluateAbsorption(), PolicyJson.Options);

        Assert.Contains("\"outcome\":\"eligible\"", json, StringComparison.Ordinal);
        Assert.Contains("\"amount\":\"1000.00\"", json, StringComparison.Ordinal);
        Assert.Contains("\"catalogueVersion\"", json, StringComparison.Ordinal);
        Assert.Contains("按每人1000元标准给予一次性吸纳就业补贴", json, StringComparison.Ordinal);
    }

    [Fact]
    public void SameRequest_GivesTheSameDecision_NoClockIsRead()
    {
        var first = JsonSerializer.Serialize(EvaluateAbsorption(), PolicyJson.Options);
        var second = JsonSerializer.Serialize(EvaluateAbsorption(), PolicyJson.Options);

        Assert.Equal(first, second);
    }

    [Fact]
    public void OtherJurisdictions_CanBeLeftOut()
    {
        var result = new EligibilityEvaluator(CatalogueFixture.Embedded).Evaluate(
            new EvaluationRequest("absorption", "341282", new DateOnly(2022, 6, 1), [], IncludeOtherJurisdictions: false));

        Assert.Empty(result.Decisions);
    }

    [Fact]
    public void DescribeRules_ListsParametersWithTheirQuotes()
    {
        var rules = CatalogueFixture.Embedded.DescribeRules("jieshou-2022")!;

        var stable = rules.Single(r => r.Rule.Id == "jieshou-2022.stable-employment");
        Assert.Contains(stable.Parameters, p => p.Id == "jieshou-2022.stableEmployment.maximum" && p.Values[0].Value == 500000m);
        Assert.True(stable.Document.Draft);
    }

    [Fact]
    public void EmbeddedCatalogue_CoversTheBenefitKindsOfTheIssue()
    {
        string[] kinds =
        [
            "absorption", "public-welfare-post", "social-insurance", "flexible-employment-social-insurance", "internship",
            "training", "retention-training", "entrepreneurship", "startup-loan", "job-retention-refund",
            "unemployment-subsidy", "stable-employment", "temporary-post-award", "community-award",
        ];

        var missing = kinds.Where(k => !CatalogueFixture.Embedded.RulesForBenefit(k).Any()).ToList();

        Assert.Empty(missing);
    }
}
