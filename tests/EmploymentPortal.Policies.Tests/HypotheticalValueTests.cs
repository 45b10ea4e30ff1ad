using System.Text.Json.Nodes;
using EmploymentPortal.Policies.Evaluation;
using EmploymentPortal.Policies.Model;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Policies.Tests;

/// <summary>What-if catalogues: a changed value from a date, earlier history kept, never the published version.</summary>
public sealed class HypotheticalValueTests
{
    private static readonly Citation WhatIf = new("测算", "—", "测算取值", Local: true, SetBy: "what-if");

    [Fact]
    public void Hypothetical_value_applies_from_its_date_and_earlier_values_stay()
    {
        var catalogue = CatalogueFixture.Embedded;

        var variant = catalogue.WithHypotheticalValue("nanhe-2020-1.absorption.ratePerPerson", 1500m, new DateOnly(2020, 9, 1), WhatIf);

        var parameter = variant.Parameters["nanhe-2020-1.absorption.ratePerPerson"];
        Assert.Equal(1000m, parameter.ValueAt(new DateOnly(2020, 8, 31))?.Value);
        Assert.Equal(1500m, parameter.ValueAt(new DateOnly(2020, 9, 1))?.Value);
        Assert.Equal(1000m, catalogue.Parameters["nanhe-2020-1.absorption.ratePerPerson"].ValueAt(new DateOnly(2020, 9, 1))?.Value);
        Assert.NotEqual(catalogue.Version, variant.Version);
        Assert.Contains("+whatif.", variant.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluation_under_a_hypothetical_rate_pays_the_new_amount()
    {
        var variant = CatalogueFixture.Embedded.WithHypotheticalValue("nanhe-2020-1.absorption.ratePerPerson", 1500m, new DateOnly(2020, 1, 1), WhatIf);
        var facts = JsonNode.Parse("""{"person": {"registeredUnemployedSince": "2020-01-10"}, "hire": {"date": "2020-09-15", "contractMonths": 12, "socialInsurancePaid": true}}""")!.AsObject();

        var result = new EligibilityEvaluator(variant).Evaluate(new EvaluationRequest("absorption", "130506", new DateOnly(2020, 10, 1), facts));

        var decision = result.Decisions.Single(d => d.RuleId == "nanhe-2020-1.absorption-long-term-unemployed");
        Assert.Equal(Outcome.Eligible, decision.Outcome);
        Assert.Equal(Money.FromFen(150_000), decision.Amount);
    }

    [Fact]
    public void Unknown_parameter_is_refused()
    {
        Assert.Throws<Loading.PolicyCatalogueException>(() => CatalogueFixture.Embedded.WithHypotheticalValue("no.such.parameter", 1m, new DateOnly(2020, 1, 1), WhatIf));
    }
}
