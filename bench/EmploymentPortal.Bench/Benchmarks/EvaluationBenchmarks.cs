using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using EmploymentPortal.Policies;
using EmploymentPortal.Policies.Evaluation;
using EmploymentPortal.Policies.Loading;

namespace EmploymentPortal.Bench.Benchmarks;

/// <summary>
/// One decision of the rules service with its full trace (issue 5: goal ≤ 50 µs median). The
/// catalogue loads once; each call evaluates one rule of Nanhe (130506) against facts parsed once
/// (the facts object is only read), except <see cref="PreparatoryTraining_WithFactsBuilt"/>,
/// which also builds the facts object, as evaluate-batch does for every resident.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class EvaluationBenchmarks
{
    private EligibilityEvaluator _evaluator = null!;
    private EvaluationRequest _absorption = null!;
    private EvaluationRequest _entrepreneurship = null!;
    private EvaluationRequest _absorptionAllRules = null!;

    [GlobalSetup]
    public void Setup()
    {
        // BenchmarkDotNet runs the benchmarks from a generated project under bin/; walking up from
        // there still reaches shared/policies, and PORTAL_POLICY_TEXTS overrides it.
        var texts = Environment.GetEnvironmentVariable("PORTAL_POLICY_TEXTS") ?? PolicyTextLocator.Locate();
        _evaluator = new EligibilityEvaluator(PolicyCatalogue.LoadEmbedded(texts));

        // 一次性吸纳就业补贴 (十): registered unemployed 6 months, 12-month contract, insured; once only.
        _absorption = new EvaluationRequest("absorption", "130506", new DateOnly(2020, 9, 1), Parse("""
            {"person": {"id": "p1", "registeredUnemployedSince": "2020-01-15"},
             "hire": {"date": "2020-07-15", "contractMonths": 12, "socialInsurancePaid": true},
             "enterprise": {"id": "e1"},
             "history": {"payments": [{"rule": "nanhe-2020-1.absorption-graduates-sme", "personId": "p0", "enterpriseId": "e1", "date": "2020-08-01"}]}}
            """), RuleId: "nanhe-2020-1.absorption-long-term-unemployed");

        // 返乡农民工一次性创业补贴 (十一): the rule with the most conditions (three facts and a months check).
        _entrepreneurship = new EvaluationRequest("entrepreneurship", "130506", new DateOnly(2020, 9, 15), Parse("""
            {"person": {"id": "p3", "returningMigrantWorker": true},
             "business": {"firstBusiness": true, "operatingNormally": true, "startDate": "2020-03-15"}}
            """), RuleId: "nanhe-2020-1.entrepreneurship-returning-migrant");

        // Every absorption rule of the catalogue (all documents) for the same hire: what the sandbox does.
        _absorptionAllRules = _absorption with { RuleId = null };
    }

    [Benchmark(Description = "absorption, eligible hire (1 rule, 3 conditions)")]
    public RuleDecision Absorption_EligibleHire() => _evaluator.Evaluate(_absorption).Decisions[0];

    [Benchmark(Description = "entrepreneurship, returning migrant (1 rule, 4 conditions)")]
    public RuleDecision Entrepreneurship_FourConditions() => _evaluator.Evaluate(_entrepreneurship).Decisions[0];

    [Benchmark(Description = "absorption, every rule of the benefit")]
    public EvaluationResult Absorption_AllRules() => _evaluator.Evaluate(_absorptionAllRules);

    [Benchmark(Description = "preparatory training, facts built per call")]
    public RuleDecision PreparatoryTraining_WithFactsBuilt() => _evaluator.Evaluate(new EvaluationRequest(
        "training", "130506", new DateOnly(2020, 9, 1),
        new JsonObject
        {
            ["person"] = new JsonObject { ["id"] = "p1", ["birthDate"] = "2001-03-04", ["sex"] = "female", ["registeredUnemployed"] = true },
            ["training"] = new JsonObject { ["startDate"] = "2020-09-01" },
        },
        RuleId: "nanhe-2020-1.labour-preparatory-training")).Decisions[0];

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
