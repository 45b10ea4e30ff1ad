using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EmploymentPortal.Policies.Model;

namespace EmploymentPortal.Policies.Evaluation;

/// <summary>What the evaluator decided for one rule.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Outcome>))]
public enum Outcome
{
    [JsonStringEnumMemberName("eligible")] Eligible,
    [JsonStringEnumMemberName("ineligible")] Ineligible,
    /// <summary>Facts are missing; <see cref="RuleDecision.MissingFacts"/> lists them.</summary>
    [JsonStringEnumMemberName("needsInformation")] NeedsInformation,
    /// <summary>The rule cannot be decided by the data alone; an officer must decide.</summary>
    [JsonStringEnumMemberName("manualReview")] ManualReview,
}

/// <summary>The state of one condition in a trace.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConditionStatus>))]
public enum ConditionStatus
{
    [JsonStringEnumMemberName("pass")] Pass,
    [JsonStringEnumMemberName("fail")] Fail,
    [JsonStringEnumMemberName("missing")] Missing,
    [JsonStringEnumMemberName("manualReview")] ManualReview,
}

/// <summary>The flags a decision can carry. Stable strings; a host may show them as badges.</summary>
public static class DecisionFlags
{
    /// <summary>The document says 可/可给予: the bureau may, not must, grant it.</summary>
    public const string Discretionary = "discretionary";
    /// <summary>The document names the benefit but states no figure; the amount is a local parameter.</summary>
    public const string AmountNotStated = "amountNotStated";
    /// <summary>The figure is a maximum (最高, 不高于, 不超过); the bureau may grant less.</summary>
    public const string MaximumOnly = "maximumOnly";
    /// <summary>The figure is a minimum (不低于); the bureau may grant more.</summary>
    public const string MinimumOnly = "minimumOnly";
    /// <summary>The document is a draft for comment (征求意见稿).</summary>
    public const string DraftDocument = "draftDocument";
    /// <summary>The rule belongs to another jurisdiction than the one asked about.</summary>
    public const string NotThisJurisdiction = "notThisJurisdiction";
    /// <summary>A local parameter the amount needs has no value on the date; the amount is null.</summary>
    public const string LocalParameterMissing = "localParameterMissing";
}

public sealed record EvaluationResult(
    string Benefit,
    string Jurisdiction,
    DateOnly Date,
    string CatalogueVersion,
    IReadOnlyList<RuleDecision> Decisions);

/// <summary>
/// The decision of one rule. <see cref="AmountFen"/> is null when the rule grants no money,
/// when the outcome is not eligible, or when the amount is a local parameter not yet set; an
/// eligible decision with 0 is a real zero.
/// </summary>
public sealed record RuleDecision(
    string RuleId,
    string DocumentId,
    string Title,
    string Benefit,
    Beneficiary Beneficiary,
    Outcome Outcome,
    long? AmountFen,
    AmountBreakdown? Breakdown,
    IReadOnlyList<string> Flags,
    IReadOnlyList<string> MissingFacts,
    IReadOnlyList<string> Reasons,
    Citation Reference,
    DecisionTrace Trace);

/// <summary>Everything the decision rested on, to be kept with it.</summary>
public sealed record DecisionTrace(
    string CatalogueVersion,
    string RuleId,
    DateOnly EvaluationDate,
    DateOnly? ApplicableDate,
    string AppliesOn,
    PeriodTrace? Period,
    IReadOnlyList<ConditionTrace> Conditions,
    OnceOnlyTrace? OnceOnly,
    IReadOnlyList<ParameterTrace> Parameters,
    IReadOnlyList<FactRead> AmountFacts);

public sealed record PeriodTrace(bool InPeriod, RulePeriod? Matched, IReadOnlyList<RulePeriod> Periods);

public sealed record ConditionTrace(
    string Check,
    string Description,
    ConditionStatus Result,
    string Detail,
    IReadOnlyList<FactRead> Facts,
    IReadOnlyList<ParameterTrace> Parameters,
    Citation Reference);

public sealed record OnceOnlyTrace(OnceOnlyScope Scope, bool PerCalendarYear, bool AlreadyPaid, string Detail, Citation Reference);

/// <summary>A parameter value used, with the dates it is in force and its source.</summary>
public sealed record ParameterTrace(
    string Id,
    decimal Value,
    ParameterUnit Unit,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveUntil,
    DateOnly AppliedOn,
    Citation Reference);

/// <summary>A fact read during evaluation; <see cref="Value"/> is null when it was missing.</summary>
public sealed record FactRead(string Name, JsonNode? Value, bool Missing);

public sealed record AmountBreakdown(
    IReadOnlyList<AmountLine> Lines,
    long BeforeCapsFen,
    IReadOnlyList<CapApplied> Caps,
    long TotalFen);

/// <summary>One step of the computation, e.g. "100000 分 × 3 人" (Chinese, as the reasons).</summary>
public sealed record AmountLine(string Description, string Formula, long AmountFen);

public sealed record CapApplied(string Parameter, CapTarget Applies, decimal Limit, decimal Before, decimal After, bool Applied);
