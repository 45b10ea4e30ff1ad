using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EmploymentPortal.Policies.Evaluation;
using EmploymentPortal.Policies.Model;

namespace EmploymentPortal.Policies.Tests;

/// <summary>
/// The bureau's words for everything a decision shows: the whole catalogue is walked, and any fact
/// key, listed value, operator, check or flag without Chinese words fails the test.
/// </summary>
public partial class DecisionWordsTests
{
    private static PolicyCatalogue Catalogue => CatalogueFixture.WithLocalParameters;

    [Fact]
    public void EveryFactValueOperatorAndCheckTheCatalogueUses_HasChineseWords()
    {
        var gaps = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var rule in Catalogue.Rules)
        {
            var conditions = rule.Conditions.ToList();
            if (rule.Amount.Increase is { } increase)
            {
                conditions.Add(increase.When);
            }

            foreach (var condition in conditions)
            {
                if (!DecisionPresenter.WordedChecks.Contains(condition.Check))
                {
                    gaps.Add($"{rule.Id}: check {condition.Check}");
                }

                Assert.True(Catalogue.Conditions.TryGet(condition.Check, out var definition), condition.Check);
                foreach (var arg in definition.FactArgs)
                {
                    if (condition.Args.TryGetValue(arg, out var fact) && !DecisionWords.HasFactName(fact))
                    {
                        gaps.Add($"{rule.Id}: fact {fact}");
                    }
                }

                if (condition.Args.TryGetValue("op", out var op) && !DecisionWords.HasOperator(op))
                {
                    gaps.Add($"{rule.Id}: operator {op}");
                }

                if (condition.Args.TryGetValue("values", out var values))
                {
                    foreach (var value in values.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (!DecisionWords.HasValueName(condition.Args["fact"], value))
                        {
                            gaps.Add($"{rule.Id}: value {condition.Args["fact"]}={value}");
                        }
                    }
                }

                if (HasLatin(DecisionPresenter.Plain(condition.Description)))
                {
                    gaps.Add($"{rule.Id}: description {condition.Description}");
                }
            }

            var amount = rule.Amount;
            string?[] amountFacts =
            [
                rule.AppliesOn, amount.Count, amount.Months, amount.RequestedFact, amount.BaseFact,
                amount.MonthsWithin?.From, amount.MonthsWithin?.To, amount.MonthsWithin?.NotBefore, amount.MonthsWithin?.After, amount.MonthsWithin?.NotAfter,
                amount.MonthsBetween?.From, amount.MonthsBetween?.Through,
            ];
            foreach (var fact in amountFacts.OfType<string>())
            {
                if (!DecisionWords.HasFactName(fact))
                {
                    gaps.Add($"{rule.Id}: fact {fact}");
                }
            }

            if (HasLatin(DecisionPresenter.Plain(rule.Title)))
            {
                gaps.Add($"{rule.Id}: title {rule.Title}");
            }
        }

        foreach (var flag in DecisionFlags.Order)
        {
            if (!DecisionWords.HasFlag(flag))
            {
                gaps.Add($"flag {flag}");
            }
        }

        Assert.True(gaps.Count == 0, "Without Chinese words:\n" + string.Join("\n", gaps));
    }

    [Fact]
    public void EveryCitationOfTheCatalogue_NamesADocumentNotAFile()
    {
        var presenter = new DecisionPresenter(Catalogue);
        var bad = new List<string>();
        foreach (var rule in Catalogue.Rules)
        {
            var document = Catalogue.DocumentOf(rule);
            foreach (var reference in rule.Conditions.Select(c => c.Reference).Prepend(rule.Reference))
            {
                var citation = presenter.Cite(reference, document);
                if (citation.Label.Contains(".txt", StringComparison.Ordinal) || HasLatin(citation.Label))
                {
                    bad.Add($"{rule.Id}: {citation.Label}");
                }
            }
        }

        Assert.True(bad.Count == 0, string.Join("\n", bad));
    }

    [Theory]
    [InlineData("(十)", "第十条")]
    [InlineData("(二十三)", "第二十三条")]
    [InlineData("三、(四)", "第三部分第四条")]
    [InlineData("专栏2", "专栏2")]
    [InlineData("第四章 五、2", "第四章 五、2")]
    public void Article_IsWrittenAsTheBureauCitesIt(string section, string article) =>
        Assert.Equal(article, DecisionPresenter.Article(section));

    [Fact]
    public void AbsorptionDecision_IsPresentedInWordsWithFactThresholdFormulaAndDocumentNumber()
    {
        var decision = Evaluate("""
            {"person": {"registeredUnemployedSince": "2020-01-15"},
             "hire": {"date": "2020-07-15", "contractMonths": 12, "socialInsurancePaid": true}}
            """, "absorption", "nanhe-2020-1.absorption-long-term-unemployed");

        var view = new DecisionPresenter(Catalogue).Present(decision);

        Assert.Equal("符合条件", view.OutcomeWords);
        Assert.Equal("邢南政发〔2020〕1号 第十条", view.Citation.Label);
        var contract = Assert.Single(view.Conditions, c => c.Subject == "劳动合同期限");
        Assert.Equal("12 个月", contract.Held);
        Assert.Equal("不低于 12 个月", contract.Required);
        Assert.Equal("符合", contract.StatusWords);
        var unemployed = view.Conditions[0];
        Assert.Equal("失业登记日期至录用日期", unemployed.Subject);
        Assert.Equal("2020-01-15 至 2020-07-15，满 6 个月", unemployed.Held);
        Assert.Equal("满 6 个月以上", unemployed.Required);
        Assert.Equal("¥1,000.00/人 × 1 人 = ¥1,000.00", view.Amount!.Formula);
        AssertNoIdentifiers(view);
    }

    [Fact]
    public void ListedFacts_ShowTheHeldValueAndTheRequiredValuesInWords()
    {
        var rule = Catalogue.Rules.First(r => r.Conditions.Any(c => c.Check == "oneOf" && c.Args["fact"] == "enterprise.size"));
        var decision = Evaluate("""{"enterprise": {"size": "large"}}""", rule.Benefit, rule.Id);

        var view = new DecisionPresenter(Catalogue).Present(decision);

        var size = Assert.Single(view.Conditions, c => c.Subject == "企业规模");
        Assert.Equal("大型企业", size.Held);
        Assert.Contains("小型企业或微型企业", size.Required, StringComparison.Ordinal);
        Assert.Equal(ConditionStatus.Fail, size.Status);
        Assert.Equal("不符合", size.StatusWords);
        AssertNoIdentifiers(view);
    }

    [Fact]
    public void MonthlyAmount_ShowsRatePersonsAndMonths_AndTheCapInWords()
    {
        var decision = Evaluate("""
            {"enterprise": {"unemploymentInsured": true, "temporaryDifficultyWithProspects": true, "noOrFewLayoffs": true,
                            "insuredEmployees": 3, "refundMonths": 8}}
            """, "job-retention-refund", "nanhe-2020-1.job-retention-refund-hardship-benefit");

        var view = new DecisionPresenter(Catalogue).Present(decision);

        Assert.Equal("¥1,200.00/月 × 3 人 × 6 个月 = ¥21,600.00", view.Amount!.Formula);
        Assert.Contains("计发月数以 6 个月为限（申请 8 个月）", view.Amount.Notes);
        var insured = Assert.Single(view.Conditions, c => c.Subject == "依法参加失业保险");
        Assert.Equal(("是", "是"), (insured.Held, insured.Required));
        Assert.Contains(view.Flags, flag => flag.StartsWith("文件规定为“可”给予", StringComparison.Ordinal));
        AssertNoIdentifiers(view);
    }

    [Fact]
    public void MissingFacts_AreNamedInWords()
    {
        var decision = Evaluate("{}", "job-retention-refund", "nanhe-2020-1.job-retention-refund-hardship-benefit");

        var view = new DecisionPresenter(Catalogue).Present(decision);

        Assert.Equal("需补充信息", view.OutcomeWords);
        Assert.Contains("依法参加失业保险", view.MissingFacts);
        Assert.All(view.Conditions, c => Assert.Equal("未提供", c.Held));
        AssertNoIdentifiers(view);
    }

    [Fact]
    public void DateFactsHeldAsDateOnlyValues_AreShownAsDates()
    {
        var facts = new JsonObject
        {
            ["person"] = new JsonObject
            {
                ["workingAgeFrom"] = JsonValue.Create(new DateOnly(2024, 2, 29)),
                ["statutoryRetirementDate"] = JsonValue.Create(new DateOnly(2064, 2, 29)),
            },
        };
        var decision = new EligibilityEvaluator(Catalogue).Evaluate(new EvaluationRequest(
            "unemployment-registration", "130506", new DateOnly(2024, 2, 28), facts, RuleId: "nanhe-2020-1.unemployment-registration")).Decisions.Single();

        var view = new DecisionPresenter(Catalogue).Present(decision);

        Assert.Equal("2024-02-29", view.Conditions[0].Held);
        Assert.Equal(ConditionStatus.Fail, view.Conditions[0].Status);
        Assert.Equal("2064-02-29", view.Conditions[1].Held);
    }

    private static RuleDecision Evaluate(string facts, string benefit, string ruleId) =>
        new EligibilityEvaluator(Catalogue).Evaluate(new EvaluationRequest(
            benefit, Catalogue.DocumentOf(Catalogue.FindRule(ruleId)!).Jurisdictions[0], new DateOnly(2020, 9, 1), JsonNode.Parse(facts)!.AsObject(), RuleId: ruleId))
            .Decisions.Single();

    private static void AssertNoIdentifiers(DecisionView view)
    {
        var texts = new List<string> { view.Title, view.OutcomeWords, view.Citation.Label, view.Citation.Quote };
        texts.AddRange(view.Conditions.SelectMany(c => new[] { c.Subject, c.Held, c.Required, c.StatusWords, c.Citation.Label }));
        texts.AddRange(view.Flags);
        texts.AddRange(view.MissingFacts);
        texts.AddRange(view.Notes);
        if (view.Amount is { } amount)
        {
            texts.Add(amount.Formula);
            texts.AddRange(amount.Notes);
        }

        Assert.All(texts, text => Assert.False(HasLatin(text), text));
    }

    private static bool HasLatin(string text) => Latin().IsMatch(text);

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex Latin();
}
