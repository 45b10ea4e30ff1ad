using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmploymentPortal.Policies.Evaluation;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace EmploymentPortal.Policies.Tests;

/// <summary>
/// Policy cases as data, OpenFisca style: every case in every <c>cases/*.yaml</c> file is one
/// theory row. A new file needs no code. Each case states the benefit, jurisdiction, date, facts
/// and the expected rule, clause, outcome and amount in fen (null when no amount is expected).
/// </summary>
public class PolicyCaseTests
{
    public sealed class CaseFile
    {
        public List<PolicyCase> Cases { get; set; } = [];
    }

    public sealed class PolicyCase
    {
        public string Name { get; set; } = "";
        public string Benefit { get; set; } = "";
        public string Jurisdiction { get; set; } = "";
        public string Date { get; set; } = "";
        public Dictionary<string, object?> Facts { get; set; } = [];
        public Expectation Expect { get; set; } = new();
    }

    public sealed class Expectation
    {
        public string Rule { get; set; } = "";
        public string Clause { get; set; } = "";
        public string Outcome { get; set; } = "";
        public long? AmountFen { get; set; }
        public List<string> Flags { get; set; } = [];
        public List<string> Missing { get; set; } = [];
    }

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    private static readonly Lazy<Dictionary<string, PolicyCase>> AllCases = new(() =>
    {
        var cases = new Dictionary<string, PolicyCase>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "cases"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var file = Deserializer.Deserialize<CaseFile>(File.ReadAllText(path));
            foreach (var policyCase in file.Cases)
            {
                cases.Add($"{Path.GetFileNameWithoutExtension(path)}: {policyCase.Name}", policyCase);
            }
        }

        return cases;
    });

    /// <summary>Every case of every case file (for tests that derive facts from them).</summary>
    internal static IReadOnlyCollection<PolicyCase> Cases => AllCases.Value.Values;

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in AllCases.Value.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void PolicyCase_DecidesAsExpected(string name)
    {
        var policyCase = AllCases.Value[name];
        var evaluator = new EligibilityEvaluator(CatalogueFixture.WithLocalParameters);
        var request = new EvaluationRequest(
            policyCase.Benefit,
            policyCase.Jurisdiction,
            DateOnly.ParseExact(policyCase.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            (JsonObject)ToJson(policyCase.Facts)!);

        var result = evaluator.Evaluate(request);

        var expect = policyCase.Expect;
        var decision = result.Decisions.SingleOrDefault(d => d.RuleId == expect.Rule);
        Assert.True(decision is not null, $"no decision for rule {expect.Rule}; decisions: {string.Join(", ", result.Decisions.Select(d => d.RuleId))}");
        var explanation = JsonSerializer.Serialize(decision, PolicyJson.Options);
        Assert.True(expect.Clause == decision.Reference.Section, $"clause: expected {expect.Clause}, rule cites {decision.Reference.Section}");
        Assert.True(expect.Outcome == OutcomeName(decision.Outcome), $"outcome: expected {expect.Outcome}, got {OutcomeName(decision.Outcome)}\n{explanation}");
        Assert.True(expect.AmountFen == decision.Amount?.Fen, $"amount: expected {expect.AmountFen?.ToString(CultureInfo.InvariantCulture) ?? "null"} fen, got {decision.Amount?.ToString() ?? "null"}\n{explanation}");
        foreach (var flag in expect.Flags)
        {
            Assert.True(decision.Flags.Contains(flag), $"flag {flag} expected; flags: {string.Join(", ", decision.Flags)}");
        }

        foreach (var fact in expect.Missing)
        {
            Assert.True(decision.MissingFacts.Contains(fact), $"missing fact {fact} expected; missing: {string.Join(", ", decision.MissingFacts)}");
        }
    }

    /// <summary>
    /// The batch form (<see cref="EvaluationRequest.IncludeTrace"/> false) decides every rule of
    /// the case's benefit, in every jurisdiction, exactly as the full evaluation: outcome,
    /// amount, flags and missing facts, in the same order. A third run gives the dates as
    /// <see cref="DateOnly"/> values instead of ISO strings.
    /// </summary>
    [Theory]
    [MemberData(nameof(CaseNames))]
    public void PolicyCase_DecidesTheSameWithoutTrace(string name)
    {
        var policyCase = AllCases.Value[name];
        var evaluator = new EligibilityEvaluator(CatalogueFixture.WithLocalParameters);
        var date = DateOnly.ParseExact(policyCase.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        EvaluationResult Run(bool trace, bool typedDates)
        {
            var facts = (JsonObject)ToJson(policyCase.Facts)!;
            if (typedDates)
            {
                TypeDates(facts);
            }

            return evaluator.Evaluate(new EvaluationRequest(policyCase.Benefit, policyCase.Jurisdiction, date, facts, IncludeTrace: trace));
        }

        var full = Run(trace: true, typedDates: false);
        Assert.NotEmpty(full.Decisions);
        foreach (var (trace, typedDates) in new[] { (false, false), (false, true), (true, true) })
        {
            var other = Run(trace, typedDates);
            var what = $"trace {trace}, DateOnly facts {typedDates}";
            Assert.Equal(full.Decisions.Select(d => d.RuleId), other.Decisions.Select(d => d.RuleId));
            foreach (var (expected, actual) in full.Decisions.Zip(other.Decisions))
            {
                Assert.True(expected.Outcome == actual.Outcome, $"{expected.RuleId} ({what}): outcome {expected.Outcome} vs {actual.Outcome}");
                Assert.True(expected.Amount == actual.Amount, $"{expected.RuleId} ({what}): amount {expected.Amount} vs {actual.Amount}");
                Assert.Equal(expected.Flags, actual.Flags);
                Assert.Equal(expected.MissingFacts, actual.MissingFacts);
                Assert.Equal(expected.Trace.ApplicableDate, actual.Trace.ApplicableDate);
                if (!trace)
                {
                    Assert.Empty(actual.Reasons);
                    Assert.Null(actual.Breakdown);
                    Assert.Empty(actual.Trace.Conditions);
                }
                else
                {
                    Assert.Equal(expected.Reasons, actual.Reasons);
                }
            }
        }
    }

    /// <summary>
    /// Replaces every valid ISO date string in the facts with a <see cref="DateOnly"/> value,
    /// except in <c>history</c>: payment records are matched as JSON text, not read as date facts.
    /// </summary>
    private static void TypeDates(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).Where(k => k != "history").ToList())
                {
                    if (obj[key] is JsonValue v && v.TryGetValue<string>(out var s) &&
                        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    {
                        obj[key] = JsonValue.Create(d);
                    }
                    else
                    {
                        TypeDates(obj[key]);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    TypeDates(item);
                }

                break;
        }
    }

    [Fact]
    public void CaseFiles_HoldAtLeastEightyCases()
    {
        Assert.True(AllCases.Value.Count >= 80, $"{AllCases.Value.Count} cases");
    }

    [Fact]
    public void EveryRuleOfTheCatalogue_HasAtLeastOneCase()
    {
        var tested = AllCases.Value.Values.Select(c => c.Expect.Rule).ToHashSet(StringComparer.Ordinal);

        var untested = CatalogueFixture.Embedded.Rules.Select(r => r.Id).Where(id => !tested.Contains(id)).ToList();

        Assert.True(untested.Count == 0, "rules without a case: " + string.Join(", ", untested));
    }

    private static string OutcomeName(Outcome outcome) => JsonSerializer.Serialize(outcome, PolicyJson.Options).Trim('"');

    /// <summary>YAML scalars arrive as strings: true/false become booleans, numbers numbers, the rest strings.</summary>
    internal static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        IDictionary<object, object?> map => new JsonObject(map.Select(kv => KeyValuePair.Create(kv.Key.ToString()!, ToJson(kv.Value)))),
        IDictionary<string, object?> map => new JsonObject(map.Select(kv => KeyValuePair.Create(kv.Key, ToJson(kv.Value)))),
        IEnumerable<object?> list when value is not string => new JsonArray(list.Select(ToJson).ToArray()),
        string s when s is "true" or "false" => JsonValue.Create(s == "true"),
        string s when long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
        string s when decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        string s => JsonValue.Create(s),
        _ => JsonValue.Create(value.ToString()),
    };
}
