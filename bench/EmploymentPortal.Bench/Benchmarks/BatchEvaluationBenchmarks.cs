using BenchmarkDotNet.Attributes;
using EmploymentPortal.Policies;
using EmploymentPortal.Policies.Evaluation;
using EmploymentPortal.Policies.Evaluation.Batch;
using EmploymentPortal.Policies.Loading;

namespace EmploymentPortal.Bench.Benchmarks;

/// <summary>
/// One rule for 1,000 residents a call (issue 5's batch), the way evaluate-batch does it: the
/// evaluator without trace over one JSON facts object updated in place, against the compiled rule
/// over one typed <see cref="FactRow"/>. Divide by 1,000 for a decision; MemoryDiagnoser's
/// "Allocated" is per call, so per 1,000 decisions.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class BatchEvaluationBenchmarks
{
    private const string RuleId = "nanhe-2020-1.labour-preparatory-training";
    private static readonly DateOnly Date = new(2020, 9, 1);

    private EligibilityEvaluator _evaluator = null!;
    private CompiledRule _compiled = null!;
    private FactRow _row = null!;
    private System.Text.Json.Nodes.JsonObject _person = null!;
    private System.Text.Json.Nodes.JsonObject _facts = null!;
    private DateOnly[] _births = null!;

    [GlobalSetup]
    public void Setup()
    {
        var texts = Environment.GetEnvironmentVariable("PORTAL_POLICY_TEXTS") ?? PolicyTextLocator.Locate();
        var catalogue = PolicyCatalogue.LoadEmbedded(texts);
        _evaluator = new EligibilityEvaluator(catalogue);
        var layout = new FactLayout(["person.birthDate", "person.registeredUnemployed", "training.startDate"]);
        _compiled = CompiledRule.Compile(catalogue, RuleId, "130506", layout);
        _row = new FactRow(layout);
        _row.Set(1, true);
        _row.Set(2, Date);
        _person = new() { ["birthDate"] = System.Text.Json.Nodes.JsonValue.Create(Date), ["registeredUnemployed"] = true };
        _facts = new() { ["person"] = _person, ["training"] = new System.Text.Json.Nodes.JsonObject { ["startDate"] = System.Text.Json.Nodes.JsonValue.Create(Date) } };
        var random = new Random(1);
        _births = Enumerable.Range(0, 1000).Select(_ => new DateOnly(1966, 1, 1).AddDays(random.Next(43 * 365))).ToArray();
    }

    [Benchmark(Baseline = true, Description = "evaluator, no trace, JSON facts updated in place (1,000 residents)")]
    public int Evaluator()
    {
        var eligible = 0;
        foreach (var birth in _births)
        {
            _person["birthDate"] = System.Text.Json.Nodes.JsonValue.Create(birth);
            var decision = _evaluator.Evaluate(new EvaluationRequest("training", "130506", Date, _facts,
                IncludeOtherJurisdictions: false, RuleId: RuleId, IncludeTrace: false)).Decisions[0];
            eligible += decision.Outcome == Outcome.Eligible ? 1 : 0;
        }

        return eligible;
    }

    [Benchmark(Description = "compiled rule, typed fact row (1,000 residents)")]
    public int Compiled()
    {
        var eligible = 0;
        foreach (var birth in _births)
        {
            _row.Set(0, birth);
            eligible += _compiled.Evaluate(_row, Date).Outcome == Outcome.Eligible ? 1 : 0;
        }

        return eligible;
    }
}
