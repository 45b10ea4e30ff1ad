using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bunit;
using EmploymentPortal.Policies;
using EmploymentPortal.Policies.Evaluation;
using EmploymentPortal.Policies.Loading;
using EmploymentPortal.Web.Components.Decisions;

namespace EmploymentPortal.IntegrationTests.Components;

/// <summary>
/// The one decision component: conditions in Chinese words with the held fact and the threshold,
/// met or not by icon and words, the amount formula, the citation as document number + article
/// with the quoted words on expand; no file name and no internal identifier in the rendered text.
/// </summary>
public sealed partial class DecisionPanelTests : MudComponentTest
{
    private static readonly Lazy<PolicyCatalogue> _catalogue = new(() => PolicyCatalogue.LoadEmbedded(PolicyTextLocator.Locate(AppContext.BaseDirectory)));

    private static PolicyCatalogue Catalogue => _catalogue.Value;

    [Fact]
    public void An_eligible_absorption_decision_shows_conditions_formula_and_document_number()
    {
        var decision = Evaluate("absorption", "nanhe-2020-1.absorption-long-term-unemployed", """
            {"person": {"registeredUnemployedSince": "2020-01-15"},
             "hire": {"date": "2020-07-15", "contractMonths": 12, "socialInsurancePaid": true}}
            """);

        var panel = Render<DecisionPanel>(p => p.Add(x => x.Decision, decision).Add(x => x.Catalogue, Catalogue));
        var text = Normalize(panel.Find("[data-testid=decision]").TextContent);

        Assert.Contains(Normalize("劳动合同期限：12 个月（要求：不低于 12 个月）符合"), text, StringComparison.Ordinal);
        Assert.Contains(Normalize("失业登记日期至录用日期：2020-01-15 至 2020-07-15，满 6 个月（要求：满 6 个月以上）符合"), text, StringComparison.Ordinal);
        Assert.Contains(Normalize("按规定缴纳社会保险：是（要求：是）符合"), text, StringComparison.Ordinal);
        Assert.Contains(Normalize("¥1,000.00/人 × 1 人 = ¥1,000.00"), text, StringComparison.Ordinal);
        Assert.Contains(Normalize("依据：邢南政发〔2020〕1号 第十条"), text, StringComparison.Ordinal);
        Assert.Equal("符合条件", panel.Find("[data-testid=decision-outcome]").TextContent.Trim());
        Assert.Equal(3, panel.FindAll("[data-testid=decision-condition] svg").Count);
        AssertNoFileNameOrIdentifier(text);
    }

    [Fact]
    public void The_quoted_clause_shows_on_expand()
    {
        var decision = Evaluate("absorption", "nanhe-2020-1.absorption-long-term-unemployed", "{}");
        var panel = Render<DecisionPanel>(p => p.Add(x => x.Decision, decision).Add(x => x.Catalogue, Catalogue));

        panel.Find("[data-testid=decision-quotes] .mud-expand-panel-header").Click();

        var quote = panel.WaitForElement("[data-testid=cited-clause]");
        Assert.Contains("邢南政发〔2020〕1号 第十条：“", quote.TextContent, StringComparison.Ordinal);
        Assert.Contains(Catalogue.FindRule("nanhe-2020-1.absorption-long-term-unemployed")!.Reference.Quote, quote.TextContent, StringComparison.Ordinal);
        AssertNoFileNameOrIdentifier(panel.Find("[data-testid=decision]").TextContent);
    }

    [Fact]
    public void An_unmet_listed_condition_names_the_value_held_and_the_values_required_and_the_flags_in_words()
    {
        var rule = Catalogue.Rules.First(r => r.Conditions.Any(c => c.Check == "oneOf" && c.Args["fact"] == "enterprise.size") && r.Discretionary);
        var decision = Evaluate(rule.Benefit, rule.Id, """{"enterprise": {"size": "large"}}""", Catalogue.DocumentOf(rule).Jurisdictions[0]);

        var panel = Render<DecisionPanel>(p => p.Add(x => x.Decision, decision).Add(x => x.Catalogue, Catalogue));
        var text = Normalize(panel.Find("[data-testid=decision]").TextContent);

        Assert.Matches("企业规模：大型企业（要求：[^）]*小型企业或微型企业）不符合", text);
        Assert.Contains("不符合条件", panel.Find("[data-testid=decision-outcome]").TextContent, StringComparison.Ordinal);
        Assert.Contains(Normalize("提示：文件规定为“可”给予"), text, StringComparison.Ordinal);
        Assert.Single(panel.FindAll("[data-testid=decision-flag-discretionary]"));
        Assert.Contains(Normalize("缺少信息："), text, StringComparison.Ordinal);
        AssertNoFileNameOrIdentifier(text);
    }

    private static RuleDecision Evaluate(string benefit, string ruleId, string facts, string jurisdiction = "130506") =>
        new EligibilityEvaluator(Catalogue).Evaluate(new EvaluationRequest(benefit, jurisdiction, new DateOnly(2020, 9, 1), JsonNode.Parse(facts)!.AsObject(), RuleId: ruleId))
            .Decisions.Single();

    private static string Normalize(string text) => Whitespace().Replace(text, string.Empty);

    private static void AssertNoFileNameOrIdentifier(string text)
    {
        Assert.DoesNotContain(".txt", text, StringComparison.Ordinal);
        Assert.DoesNotContain("enterprise.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("person.", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(Latin(), text);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex Latin();
}
