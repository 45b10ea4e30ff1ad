using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EmploymentPortal.Domain.ValueObjects;
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
    /// <summary>
    /// The text limits the rule to a period (疫情防控期间, 阶段性 …) without stating its end, and the
    /// bureau has not set one: after the catalogue's horizon the decision is a manual review.
    /// </summary>
    public const string EndNotStated = "endNotStated";
    /// <summary>
    /// A value is not among the members an open list names (…等): an officer decides whether it
    /// belongs (manual review).
    /// </summary>
    public const string OpenList = "openList";
    /// <summary>An officer accepted a member an open list does not name (<c>review.*</c> facts), with a reason on the claim.</summary>
    public const string OpenListAccepted = "openListAccepted";
    /// <summary>
    /// Set by a host, not by the evaluator: a count of months the decision pays was stated by the
    /// claimant, not taken from the host's records; an officer must check it and give a reason.
    /// </summary>
    public const string MonthsStated = "monthsStated";

    /// <summary>The order in which a decision lists its flags (the batch path lists them alike).</summary>
    public static readonly IReadOnlyList<string> Order =
    [
        Discretionary, AmountNotStated, MaximumOnly, MinimumOnly, DraftDocument, EndNotStated,
        NotThisJurisdiction, OpenList, OpenListAccepted, LocalParameterMissing, MonthsStated,
    ];

    /// <summary>What a flag means, in Chinese, for officers (the decision's reasons and the pages).</summary>
    public static string Describe(string flag) => flag switch
    {
        Discretionary => "文件规定为“可”给予：是否给予由经办人酌情决定",
        AmountNotStated => "文件未规定金额，金额为人社局设定的本地参数",
        MaximumOnly => "文件规定的是上限（最高、不超过），可少于该金额",
        MinimumOnly => "文件规定的是下限（不低于），可高于该金额",
        DraftDocument => "依据的文件为征求意见稿",
        EndNotStated => "文件限定了实施期间但未载明截止日期",
        NotThisJurisdiction => "规则不适用于本地区",
        OpenList => "文件为开放列举（“……等”），所列之外的成员须经办人认定",
        OpenListAccepted => "经办人已认定所列之外的成员属于文件列举的范围",
        LocalParameterMissing => "本地参数尚未设定",
        MonthsStated => "计发月数为申请人申报，平台没有可核对的记录，须经办人核实并写明理由",
        _ => flag,
    };
}

public sealed record EvaluationResult(
    string Benefit,
    string Jurisdiction,
    DateOnly Date,
    string CatalogueVersion,
    IReadOnlyList<RuleDecision> Decisions);

/// <summary>
/// The decision of one rule. <see cref="Amount"/> is null when the rule grants no money,
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
    Money? Amount,
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
    Money BeforeCaps,
    IReadOnlyList<CapApplied> Caps,
    Money Total);

/// <summary>One step of the computation, e.g. "100000 分 × 3 人" (Chinese, as the reasons).</summary>
public sealed record AmountLine(string Description, string Formula, Money Amount);

public sealed record CapApplied(string Parameter, CapTarget Applies, decimal Limit, decimal Before, decimal After, bool Applied);
