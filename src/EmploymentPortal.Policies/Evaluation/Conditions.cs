using EmploymentPortal.Policies.Dates;
using EmploymentPortal.Policies.Model;

namespace EmploymentPortal.Policies.Evaluation;

/// <summary>
/// The verdict of one condition with a sentence for the trace, and a decision flag the verdict
/// raises (<see cref="DecisionFlags.OpenList"/>, <see cref="DecisionFlags.OpenListAccepted"/>), if any.
/// </summary>
public sealed record ConditionVerdict(ConditionStatus Status, string Detail)
{
    /// <summary>A flag the decision carries because of this verdict (null: none).</summary>
    public string? Flag { get; init; }

    private static readonly ConditionVerdict[] Bare =
        [new(ConditionStatus.Pass, ""), new(ConditionStatus.Fail, ""), new(ConditionStatus.Missing, ""), new(ConditionStatus.ManualReview, "")];

    public static ConditionVerdict Of(bool pass, string detail) => new(pass ? ConditionStatus.Pass : ConditionStatus.Fail, detail);

    /// <summary>A shared verdict without a sentence, for evaluations without a trace (<see cref="ConditionContext.Traced"/> false).</summary>
    public static ConditionVerdict Without(ConditionStatus status) => Bare[(int)status];

    /// <summary>Pass or fail without a sentence.</summary>
    public static ConditionVerdict Of(bool pass) => Without(pass ? ConditionStatus.Pass : ConditionStatus.Fail);
}

/// <summary>What a condition implementation sees: its arguments, the facts, the parameters and the dates.</summary>
public sealed class ConditionContext
{
    private readonly Func<string, ParameterTrace?> _parameter;
    // Made on first use: most conditions use one parameter or none, and a batch makes millions of contexts.
    private List<ParameterTrace>? _parametersUsed;
    private List<string>? _parametersMissing;

    internal ConditionContext(
        IReadOnlyDictionary<string, string> args,
        FactReader facts,
        DateOnly evaluationDate,
        DateOnly applicableDate,
        Func<string, ParameterTrace?> parameter,
        bool traced = true)
    {
        Traced = traced;
        Args = args;
        Facts = facts;
        EvaluationDate = evaluationDate;
        ApplicableDate = applicableDate;
        _parameter = parameter;
    }

    public IReadOnlyDictionary<string, string> Args { get; }

    /// <summary>
    /// False when the request asked for no trace: the verdict's <see cref="ConditionVerdict.Detail"/>
    /// is not shown to anyone, so a condition may skip writing it (<see cref="ConditionVerdict.Of(bool)"/>).
    /// The status must not depend on it.
    /// </summary>
    public bool Traced { get; }
    public FactReader Facts { get; }
    public DateOnly EvaluationDate { get; }

    /// <summary>The date the rule's period and parameters apply to (per rule: hire date, evaluation date, ...).</summary>
    public DateOnly ApplicableDate { get; }

    /// <summary>The parameters used, for the trace (empty when <see cref="Traced"/> is false).</summary>
    public IReadOnlyList<ParameterTrace> ParametersUsed => (IReadOnlyList<ParameterTrace>?)_parametersUsed ?? [];

    public string Arg(string name) => Args.TryGetValue(name, out var value)
        ? value
        : throw new InvalidOperationException($"Condition argument '{name}' is not set.");

    public string? OptionalArg(string name) => Args.GetValueOrDefault(name);

    /// <summary>A date fact named by argument <paramref name="arg"/>; <c>evaluationDate</c> is the evaluation date.</summary>
    public DateOnly? DateFact(string arg)
    {
        var name = Arg(arg);
        return name == PolicyRule.EvaluationDate ? EvaluationDate : Facts.Date(name);
    }

    public decimal? NumberFact(string arg) => Facts.Number(Arg(arg));

    public bool? BoolFact(string arg) => Facts.Bool(Arg(arg));

    public string? TextFact(string arg) => Facts.Text(Arg(arg));

    /// <summary>The value of the parameter named by argument <paramref name="arg"/> on the applicable date, or null (and a manual review) when it has none.</summary>
    public decimal? Parameter(string arg)
    {
        var id = Arg(arg);
        var use = _parameter(id);
        if (use is null)
        {
            (_parametersMissing ??= []).Add(id);
            return null;
        }

        if (Traced)
        {
            (_parametersUsed ??= []).Add(use);
        }

        return use.Value;
    }

    public int? WholeParameter(string arg) => Parameter(arg) is { } v ? (int)v : null;

    /// <summary>The verdict when facts or parameters were missing: needs information first, then manual review.</summary>
    public ConditionVerdict Incomplete()
    {
        var missing = Facts.MissingInCurrentSection();
        if (!Traced)
        {
            return ConditionVerdict.Without(missing.Count > 0 ? ConditionStatus.Missing : ConditionStatus.ManualReview);
        }

        if (missing.Count > 0)
        {
            return new ConditionVerdict(ConditionStatus.Missing, "缺少事实：" + Wording.List(missing));
        }

        return _parametersMissing is { Count: > 0 }
            ? new ConditionVerdict(ConditionStatus.ManualReview, $"参数 {Wording.List(_parametersMissing)} 在 {Wording.Iso(ApplicableDate)} 尚无取值（由本地设定）")
            : new ConditionVerdict(ConditionStatus.ManualReview, "信息不全，无法判定");
    }
}

/// <summary>A condition implementation: a name the catalogue uses and the C# that decides it.</summary>
public sealed record ConditionDefinition(
    string Name,
    string Description,
    IReadOnlyList<string> FactArgs,
    IReadOnlyList<string> ParameterArgs,
    IReadOnlyList<string> LiteralArgs,
    Func<ConditionContext, ConditionVerdict> Evaluate);

/// <summary>
/// The condition implementations, keyed by the name a rule's <c>check</c> uses. Generic checks
/// cover most clauses (a fact is true, a number against a threshold, months between two dates);
/// clauses with their own logic get their own C# (e.g. <c>nanheLayoffRateWithinLimit</c>).
/// A host may add its own with <see cref="Add"/>.
/// </summary>
public sealed class ConditionRegistry
{
    private readonly Dictionary<string, ConditionDefinition> _definitions = new(StringComparer.Ordinal);

    public static ConditionRegistry Default { get; } = CreateDefault();

    public IReadOnlyCollection<ConditionDefinition> Definitions => _definitions.Values;

    public ConditionRegistry Add(ConditionDefinition definition)
    {
        _definitions.Add(definition.Name, definition);
        return this;
    }

    public bool TryGet(string name, out ConditionDefinition definition) =>
        _definitions.TryGetValue(name, out definition!);

    private static ConditionRegistry CreateDefault()
    {
        var registry = new ConditionRegistry();
        foreach (var definition in StandardConditions.All)
        {
            registry.Add(definition);
        }

        return registry;
    }
}
