using System.Text.RegularExpressions;
using Bunit;
using EmploymentPortal.Policies;
using EmploymentPortal.Policies.Evaluation;
using EmploymentPortal.Policies.Loading;
using EmploymentPortal.Policies.Model;
using EmploymentPortal.Web.Features.Claims;
using EmploymentPortal.Web.Features.Policies;

namespace EmploymentPortal.IntegrationTests.Components;

/// <summary>
/// The typed claim forms (issue 15): for a rule of every benefit family a claimant files, the facts
/// the claimant states are fields typed by the check that reads them and labelled in Chinese words,
/// never a JSON box, a fact key or an English group name.
/// </summary>
public sealed partial class ClaimFactFormTests : MudComponentTest
{
    private static readonly Lazy<PolicyCatalogue> _catalogue = new(() => PolicyCatalogue.LoadEmbedded(PolicyTextLocator.Locate(AppContext.BaseDirectory)));

    /// <summary>One rule per benefit family a person or an enterprise claims, the one reading the most stated facts.</summary>
    public static TheoryData<string> RulePerBenefit()
    {
        var data = new TheoryData<string>();
        foreach (var family in _catalogue.Value.Rules.Where(r => r.Beneficiary is Beneficiary.Person or Beneficiary.Enterprise).GroupBy(r => r.Benefit).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            data.Add(family.OrderByDescending(r => ClaimFactForm.Fields(r).Count).ThenBy(r => r.Id, StringComparer.Ordinal).First().Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RulePerBenefit))]
    public void Each_stated_fact_is_a_typed_field_labelled_in_Chinese_words(string ruleId)
    {
        var rule = _catalogue.Value.FindRule(ruleId)!;
        var fields = ClaimFactForm.Fields(rule);

        var form = Render<FactsForm>(p => p.Add(x => x.Fields, fields).Add(x => x.Values, new Dictionary<string, object?>()));

        var labels = form.FindAll("label").Select(l => l.TextContent.Trim()).Where(t => t.Length > 0).ToList();
        foreach (var field in fields)
        {
            Assert.NotEmpty(form.FindAll($"[data-testid='fact-{field.Path}']"));
            Assert.Contains(DecisionWords.Fact(field.Path), labels);
        }

        Assert.All(labels, label => Assert.DoesNotMatch(AsciiWord(), label));
        Assert.DoesNotContain("{}", form.Markup, StringComparison.Ordinal);
        Assert.Empty(form.FindAll("textarea"));
        Assert.All(form.FindAll(".mud-select-item, .mud-list-item"), item => Assert.DoesNotMatch(AsciiWord(), item.TextContent));
    }

    [Fact]
    public void Values_entered_show_in_words_and_are_stated_typed()
    {
        var rule = _catalogue.Value.Rules.First(r => r.Conditions.Any(c => c.Check == "isTrue") && r.Conditions.Any(c => c.Check == "oneOf"));
        var fields = ClaimFactForm.AllFields(rule);
        var yesNo = fields.First(f => f.Kind == FactInputKind.YesNo);
        var choice = fields.First(f => f.Kind == FactInputKind.Choice);
        var values = new Dictionary<string, object?> { [yesNo.Path] = true, [choice.Path] = choice.Choices[0] };

        var form = Render<FactsForm>(p => p.Add(x => x.Fields, fields).Add(x => x.Values, values));

        Assert.Equal("是", ShownValue(form, yesNo.Path));
        Assert.Equal(DecisionWords.Value(choice.Path, choice.Choices[0]), ShownValue(form, choice.Path));
        var facts = ClaimFactForm.Apply([], fields, values).ToJsonString();
        Assert.Contains($"\"{yesNo.Path.Split('.')[1]}\":true", facts, StringComparison.Ordinal);
        Assert.Contains($"\"{choice.Path.Split('.')[1]}\":\"{choice.Choices[0]}\"", facts, StringComparison.Ordinal);
    }

    /// <summary>The text a MudSelect shows for its value (its input's value).</summary>
    private static string? ShownValue(IRenderedComponent<FactsForm> form, string path) =>
        form.Find($".mud-input-control:has([data-testid='fact-{path}']) input, .mud-input-control[data-testid='fact-{path}'] input").GetAttribute("value");

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex AsciiWord();
}
