using System.Globalization;
using System.Text.Json.Nodes;
using EmploymentPortal.Policies.Evaluation;
using EmploymentPortal.Policies.Evaluation.Batch;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Policies.Tests;

/// <summary>
/// The batch path (<see cref="CompiledRule"/> over a <see cref="FactRow"/>) decides exactly what
/// the evaluator decides for the same facts: the same outcome, amount and flags, for every rule
/// of the catalogue, on a few thousand fact sets generated from the policy cases (which sit at
/// the boundaries of every rule) by dropping, shifting, flipping and re-typing facts, adding
/// earlier payments and moving the evaluation date and the jurisdiction.
/// </summary>
public class BatchEvaluationTests
{
    private const int FactSets = 3000;

    private sealed class Model
    {
        public required object?[] Values { get; init; }
        public List<PaymentRecord> Payments { get; init; } = [];
        public required DateOnly Date { get; set; }
        public required string Jurisdiction { get; set; }

        public Model Clone() => new() { Values = (object?[])Values.Clone(), Payments = [.. Payments], Date = Date, Jurisdiction = Jurisdiction };

        public void Fill(FactRow row)
        {
            row.Clear();
            for (var i = 0; i < Values.Length; i++)
            {
                switch (Values[i])
                {
                    case bool b: row.Set(i, b); break;
                    case decimal n: row.Set(i, n); break;
                    case DateOnly d: row.Set(i, d); break;
                    case string s: row.Set(i, s); break;
                }
            }

            row.Payments.AddRange(Payments);
        }
    }

    [Fact]
    public void CompiledRules_DecideAsTheEvaluator_OnGeneratedFacts_WithLocalParameters() =>
        AssertSameDecisions(CatalogueFixture.WithLocalParameters, FactSets, seed: 5, expectCompiled: true);

    [Fact]
    public void CompiledRules_DecideAsTheEvaluator_OnGeneratedFacts_WithoutLocalParameters() =>
        AssertSameDecisions(CatalogueFixture.Embedded, FactSets / 3, seed: 6, expectCompiled: true);

    /// <summary>
    /// A host's own definition of a check (here: a copy of isTrue, which the compiler cannot know
    /// to be the standard one) makes its rules go through the evaluator: same decisions.
    /// </summary>
    [Fact]
    public void RulesWithAHostCondition_FallBackToTheEvaluator_AndDecideTheSame()
    {
        var registry = new ConditionRegistry();
        foreach (var definition in ConditionRegistry.Default.Definitions)
        {
            registry.Add(definition.Name == "isTrue" ? definition with { } : definition);
        }

        var catalogue = PolicyCatalogue.LoadEmbedded(CatalogueFixture.PolicyTextDirectory, registry);
        var fallbacks = AssertSameDecisions(catalogue, 600, seed: 7, expectCompiled: false);
        Assert.True(fallbacks > 10, $"{fallbacks} rules fell back");
    }

    [Fact]
    public void FactLayout_RefusesAGroupUsedAsAValue_AndHistory()
    {
        Assert.Throws<ArgumentException>(() => new FactLayout(["person", "person.id"]));
        Assert.Throws<ArgumentException>(() => new FactLayout(["history.payments"]));
        Assert.Throws<ArgumentException>(() => new FactLayout(["person.id", "person.id"]));
        Assert.Equal(1, new FactLayout(["person.id", "person.birthDate"]).SlotOf("person.birthDate"));
        Assert.Equal(-1, new FactLayout(["person.id"]).SlotOf("person.sex"));
    }

    [Fact]
    public void FactRow_ToJsonObject_NestsNamesAndWritesIsoDates()
    {
        var layout = new FactLayout(["person.id", "person.birthDate", "hire.contractMonths", "hire.socialInsurancePaid"]);
        var row = new FactRow(layout);
        row.Set(0, "p1");
        row.Set(1, new DateOnly(2000, 9, 1));
        row.Set(2, 12m);
        row.Set(3, true);
        row.Payments.Add(new PaymentRecord("r", new DateOnly(2020, 8, 1), PersonId: "p1", Months: 3));
        Assert.Equal(
            """{"person":{"id":"p1","birthDate":"2000-09-01"},"hire":{"contractMonths":12,"socialInsurancePaid":true},"history":{"payments":[{"rule":"r","date":"2020-08-01","personId":"p1","months":3}]}}""",
            row.ToJsonObject().ToJsonString());
    }

    /// <returns>The number of rules that were not compiled.</returns>
    private static int AssertSameDecisions(PolicyCatalogue catalogue, int sets, int seed, bool expectCompiled)
    {
        var evaluator = new EligibilityEvaluator(catalogue);
        var cases = PolicyCaseTests.Cases.ToList();
        var caseFacts = cases.Select(c => (JsonObject)PolicyCaseTests.ToJson(c.Facts)!).ToList();

        // The layout: every fact any rule reads and every fact the cases give.
        var empty = new FactLayout([]);
        var names = new List<string>();
        foreach (var rule in catalogue.Rules)
        {
            names.AddRange(CompiledRule.Compile(catalogue, rule.Id, "", empty).FactsRead);
        }

        foreach (var facts in caseFacts)
        {
            Leaves(facts, "", (name, _) => names.Add(name));
        }

        var layout = new FactLayout(names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        var jurisdictions = catalogue.Documents.SelectMany(d => d.Jurisdictions).Append("999999").Distinct().Order(StringComparer.Ordinal).ToList();
        var compiled = new Dictionary<(string, string), CompiledRule>();
        foreach (var rule in catalogue.Rules)
        {
            foreach (var jurisdiction in jurisdictions)
            {
                var c = CompiledRule.Compile(catalogue, rule.Id, jurisdiction, layout);
                compiled[(rule.Id, jurisdiction)] = c;
                if (expectCompiled)
                {
                    Assert.True(c.IsCompiled, $"{rule.Id} is not compiled");
                }
            }
        }

        // The seeds: each case's facts in the layout; the values seen per slot, for mutations.
        var seeds = new List<Model>();
        var seen = Enumerable.Range(0, layout.Count).Select(_ => new List<object>()).ToArray();
        for (var i = 0; i < cases.Count; i++)
        {
            var model = new Model
            {
                Values = new object?[layout.Count],
                Date = DateOnly.ParseExact(cases[i].Date, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Jurisdiction = cases[i].Jurisdiction,
            };
            Leaves(caseFacts[i], "", (name, value) =>
            {
                var slot = layout.SlotOf(name);
                model.Values[slot] = Typed(value);
                if (model.Values[slot] is { } v)
                {
                    seen[slot].Add(v);
                }
            });
            if (caseFacts[i]["history"]?["payments"] is JsonArray payments)
            {
                model.Payments.AddRange(payments.OfType<JsonObject>().Select(Payment));
            }

            seeds.Add(model);
        }

        var random = new Random(seed);
        var ruleIds = catalogue.Rules.Select(r => r.Id).ToList();
        var row = new FactRow(layout);
        var outcomes = new int[4];
        var withAmount = 0;
        var mismatches = new List<string>();
        for (var set = 0; set < sets; set++)
        {
            var model = seeds[random.Next(seeds.Count)].Clone();
            if (set > 0)
            {
                Mutate(model, random, seen, ruleIds, jurisdictions);
            }

            model.Fill(row);
            // What a web host passes: the JSON text of the facts, parsed.
            var json = row.ToJsonObject().ToJsonString();
            foreach (var rule in catalogue.Rules)
            {
                var expected = evaluator.Evaluate(new EvaluationRequest(rule.Benefit, model.Jurisdiction, model.Date,
                    (JsonObject)JsonNode.Parse(json)!, RuleId: rule.Id)).Decisions.Single();
                var actual = compiled[(rule.Id, model.Jurisdiction)].Evaluate(row, model.Date);
                outcomes[(int)expected.Outcome]++;
                withAmount += expected.Amount is null ? 0 : 1;
                if (expected.Outcome != actual.Outcome || expected.Amount != actual.Amount || !expected.Flags.SequenceEqual(actual.FlagNames()))
                {
                    mismatches.Add($"set {set}, {rule.Id} in {model.Jurisdiction} on {model.Date:yyyy-MM-dd}: evaluator {expected.Outcome} {expected.Amount} [{string.Join(",", expected.Flags)}], " +
                                   $"batch {actual.Outcome} {actual.Amount} [{string.Join(",", actual.FlagNames())}]; facts {json}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} mismatches, e.g.\n{string.Join("\n", mismatches.Take(5))}");

        // The generated facts reach every outcome often enough for the comparison to mean something.
        var total = outcomes.Sum();
        foreach (var outcome in new[] { Outcome.Eligible, Outcome.Ineligible, Outcome.NeedsInformation })
        {
            Assert.True(outcomes[(int)outcome] > total / 200, $"{outcome}: {outcomes[(int)outcome]} of {total}");
        }

        // Manual review is rare (a local parameter without value in a condition, no employees):
        // the long runs must meet it at least once.
        Assert.True(!expectCompiled || outcomes[(int)Outcome.ManualReview] > 0, $"no manual review in {total}");

        // Each fact set derives from one rule's case, so most rules see foreign facts; amounts come
        // mostly from the rule of the case.
        Assert.True(withAmount >= sets / 20, $"{withAmount} decisions with an amount in {sets} fact sets");
        return compiled.Values.Count(c => !c.IsCompiled) / jurisdictions.Count;
    }

    private static void Mutate(Model model, Random random, List<object>[] seen, List<string> ruleIds, List<string> jurisdictions)
    {
        for (var i = 0; i < model.Values.Length; i++)
        {
            var roll = random.NextDouble();
            var value = model.Values[i];
            if (value is null)
            {
                if (roll < 0.04)
                {
                    model.Values[i] = seen[i].Count > 0 ? seen[i][random.Next(seen[i].Count)] : RandomValue(random);
                }

                continue;
            }

            if (roll < 0.08)
            {
                model.Values[i] = null;
            }
            else if (roll < 0.20)
            {
                model.Values[i] = value switch
                {
                    bool b => !b,
                    decimal n => random.Next(6) switch
                    {
                        0 => n + 1,
                        1 => n - 1,
                        2 => n * 2,
                        3 => 0m,
                        4 => n + 0.01m,
                        _ => random.Next(0, 200),
                    },
                    DateOnly d => random.Next(5) switch
                    {
                        0 => d.AddDays(1),
                        1 => d.AddDays(-1),
                        2 => d.AddMonths(random.Next(-24, 25)),
                        3 => d.AddYears(random.Next(-3, 4)),
                        _ => d.AddDays(random.Next(-400, 401)),
                    },
                    string s => seen[i].Count > 0 && random.Next(3) > 0 ? seen[i][random.Next(seen[i].Count)] : s + "x",
                    _ => value,
                };
            }
            else if (roll < 0.24)
            {
                // Another shape: as text (which the reader may or may not convert) or a wrong type.
                model.Values[i] = random.Next(6) switch
                {
                    0 => value switch
                    {
                        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        decimal n => n.ToString(CultureInfo.InvariantCulture),
                        bool b => b ? "True" : "false",
                        _ => value,
                    },
                    1 => "2020-02-30",
                    2 => "abc",
                    3 => true,
                    4 => 12m,
                    _ => new DateOnly(2020, 7, 15),
                };
            }
        }

        var paymentsRoll = random.NextDouble();
        if (paymentsRoll < 0.10)
        {
            model.Payments.Clear();
        }
        else if (paymentsRoll < 0.35)
        {
            var ids = new[] { null, "p1", "p2", "e1", "e2", "c1" };
            model.Payments.Add(new PaymentRecord(
                ruleIds[random.Next(ruleIds.Count)],
                random.Next(5) == 0 ? null : new DateOnly(2018, 1, 1).AddDays(random.Next(365 * 7)),
                ids[random.Next(ids.Length)],
                ids[random.Next(ids.Length)],
                ids[random.Next(ids.Length)],
                random.Next(3) == 0 ? Money.FromFen(random.Next(100_000)) : null,
                random.Next(3) == 0 ? null : random.Next(1, 13)));
        }

        var dateRoll = random.NextDouble();
        if (dateRoll < 0.15)
        {
            model.Date = model.Date.AddDays(random.Next(-500, 501));
        }
        else if (dateRoll < 0.2)
        {
            model.Date = model.Date.AddYears(random.Next(-2, 3));
        }

        if (random.NextDouble() < 0.1)
        {
            model.Jurisdiction = jurisdictions[random.Next(jurisdictions.Count)];
        }
    }

    private static object RandomValue(Random random) => random.Next(4) switch
    {
        0 => random.Next(2) == 0,
        1 => (decimal)random.Next(0, 120),
        2 => new DateOnly(1960, 1, 1).AddDays(random.Next(365 * 66)),
        _ => "x",
    };

    /// <summary>The leaves of a facts object (history excepted), with their dotted names.</summary>
    private static void Leaves(JsonObject node, string prefix, Action<string, JsonValue> leaf)
    {
        foreach (var (key, child) in node)
        {
            if (prefix.Length == 0 && key == "history")
            {
                continue;
            }

            var name = prefix.Length == 0 ? key : prefix + "." + key;
            switch (child)
            {
                case JsonObject obj:
                    Leaves(obj, name, leaf);
                    break;
                case JsonValue value:
                    leaf(name, value);
                    break;
            }
        }
    }

    private static object? Typed(JsonValue value) => value.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.True => true,
        System.Text.Json.JsonValueKind.False => false,
        System.Text.Json.JsonValueKind.Number => decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture),
        System.Text.Json.JsonValueKind.String when DateOnly.TryParseExact(value.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
        System.Text.Json.JsonValueKind.String => value.GetValue<string>(),
        _ => null,
    };

    private static PaymentRecord Payment(JsonObject payment)
    {
        static string? Text(JsonNode? node) => node?.ToString();
        static decimal? Number(JsonNode? node) => node is null ? null : decimal.Parse(node.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        return new PaymentRecord(
            Text(payment["rule"]) ?? "",
            Text(payment["date"]) is { } date ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            Text(payment["personId"]),
            Text(payment["enterpriseId"]),
            Text(payment["communityId"]),
            Number(payment["amountFen"]) is { } fen ? Money.FromFen((long)fen) : null,
            Number(payment["months"]));
    }
}
