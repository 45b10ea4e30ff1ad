using System.Text.Json.Serialization;

namespace EmploymentPortal.Policies.Model;

/// <summary>
/// Where a rule, condition, parameter value or period comes from: the policy text file in
/// <c>shared/policies</c>, the section as the document writes it (e.g. <c>(十)</c>), and a short
/// quote that occurs verbatim in that file. For a local parameter set by the bureau,
/// <see cref="File"/> names the bureau's own document and <see cref="Local"/> is true.
/// </summary>
public sealed record Citation(string File, string Section, string Quote, bool Local = false, string? SetBy = null);

/// <summary>
/// A policy document: one YAML file in the catalogue. <see cref="Date"/> is quoted from the text
/// (<see cref="Dated"/>, e.g. the signing line) or, where the text does not carry it, inferred
/// with the reasoning in <see cref="DateInferred"/>.
/// </summary>
public sealed record PolicyDocument(
    string Id,
    string Issuer,
    string? DocumentNumber,
    string Title,
    DateOnly Date,
    IReadOnlyList<string> Jurisdictions,
    bool Draft,
    string SourceFile,
    string? Summary,
    IReadOnlyList<string> NotModelled,
    Citation? Dated = null,
    string? DateInferred = null);

/// <summary>
/// One dated value of a parameter; it applies from <see cref="From"/> until the next value starts
/// or <see cref="Until"/>. <see cref="Inferred"/> says why a date that is not in the quoted words
/// is what it is (e.g. a figure the document states without a date of its own applies with the
/// document's rules).
/// </summary>
public sealed record ParameterValue(DateOnly From, DateOnly? Until, decimal Value, Citation Reference, string? Inferred = null)
{
    public bool Covers(DateOnly date, DateOnly? nextFrom) =>
        date >= From && (Until is null || date <= Until) && (nextFrom is null || date < nextFrom);
}

/// <summary>
/// A parameter (amount, threshold, duration) as a dated history of values, OpenFisca style.
/// Local parameters are set by the bureau where the document names a benefit but states no
/// figure; their values come from a <see cref="LocalParameterOverlay"/>.
/// </summary>
public sealed record PolicyParameter(
    string Id,
    string DocumentId,
    ParameterUnit Unit,
    string Description,
    bool Local,
    IReadOnlyList<ParameterValue> Values)
{
    /// <summary>The value in force on <paramref name="date"/>, or null.</summary>
    public ParameterValue? ValueAt(DateOnly date)
    {
        for (var i = 0; i < Values.Count; i++)
        {
            DateOnly? next = i + 1 < Values.Count ? Values[i + 1].From : null;
            if (Values[i].Covers(date, next))
            {
                return Values[i];
            }
        }

        return null;
    }
}

[JsonConverter(typeof(JsonStringEnumConverter<ParameterUnit>))]
public enum ParameterUnit
{
    /// <summary>Yuan (元); converted to fen for amounts.</summary>
    [JsonStringEnumMemberName("cny")] Cny,
    /// <summary>A share: 0.8 is 80 %.</summary>
    [JsonStringEnumMemberName("ratio")] Ratio,
    [JsonStringEnumMemberName("months")] Months,
    [JsonStringEnumMemberName("years")] Years,
    [JsonStringEnumMemberName("days")] Days,
    [JsonStringEnumMemberName("count")] Count,
}

/// <summary>
/// An effective period of a rule, both ends included; an open end is null. <see cref="Reference"/>
/// quotes the words that set the period; a date those words do not state carries its reasoning
/// (<see cref="FromInferred"/>, <see cref="UntilInferred"/>). <see cref="End"/> says how the period
/// ends: on a date the text states, not stated although the text limits the rule to a period
/// (<see cref="LimitedBy"/> quotes those words: 疫情防控期间, 阶段性 …), standing (the text limits it
/// to no period), or on a date the bureau set (<see cref="EndBasis"/>: its document, who set it).
/// </summary>
public sealed record RulePeriod(
    DateOnly From,
    DateOnly? Until,
    Citation Reference,
    string? FromInferred = null,
    string? UntilInferred = null,
    PeriodEnd End = PeriodEnd.Stated,
    Citation? LimitedBy = null,
    Citation? EndBasis = null)
{
    public bool Contains(DateOnly date) => date >= From && (Until is null || date <= Until);
}

/// <summary>How a rule's period ends.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PeriodEnd>))]
public enum PeriodEnd
{
    /// <summary>On the date the text states (<see cref="RulePeriod.Until"/>).</summary>
    [JsonStringEnumMemberName("stated")] Stated,
    /// <summary>
    /// The text limits the rule to a period (疫情防控期间, 阶段性, 今年 …) but states no end: after the
    /// catalogue's horizon an evaluation is a manual review, until the bureau sets the end.
    /// </summary>
    [JsonStringEnumMemberName("notStated")] NotStated,
    /// <summary>The text limits the rule to no period; it runs until the bureau records its end.</summary>
    [JsonStringEnumMemberName("standing")] Standing,
    /// <summary>The bureau set the end (<see cref="RulePeriod.EndBasis"/>: e.g. the document that ended the emergency response).</summary>
    [JsonStringEnumMemberName("setByBureau")] SetByBureau,
}

/// <summary>
/// The months a monthly amount pays, counted from the claim's period rather than stated: the
/// calendar months from <see cref="From"/> to <see cref="To"/> (date facts, e.g.
/// <c>claim.periodFrom</c>/<c>claim.periodTo</c>) that lie in the rule's effective period, not
/// before the month of <see cref="NotBefore"/>, after the month of <see cref="After"/> and not
/// after the month of <see cref="NotAfter"/> (each an optional date fact).
/// </summary>
public sealed record MonthsWithin(string From, string To, string? NotBefore, string? After, string? NotAfter);

/// <summary>
/// The months a monthly amount pays, counted between two held dates: the whole months from the day
/// after <see cref="From"/> to the day after <see cref="Through"/> (both date facts; e.g. the
/// internship's leaving date and its planned last day). A part month is not paid.
/// </summary>
public sealed record MonthsBetween(string From, string Through);

/// <summary>A condition of a rule: a named check from the <c>ConditionRegistry</c> with its arguments.</summary>
public sealed record RuleCondition(string Check, string Description, IReadOnlyDictionary<string, string> Args, Citation Reference);

/// <summary>A cap on an amount or on a number of months.</summary>
public sealed record AmountCap(string Parameter, CapTarget Applies, bool CountsHistory);

[JsonConverter(typeof(JsonStringEnumConverter<CapTarget>))]
public enum CapTarget
{
    /// <summary>Caps the total amount (最高不超过50万元).</summary>
    [JsonStringEnumMemberName("total")] Total,
    /// <summary>Caps the number of subsidised months (最长不超过6个月).</summary>
    [JsonStringEnumMemberName("months")] Months,
    /// <summary>Caps the amount requested (a loan up to 15万元).</summary>
    [JsonStringEnumMemberName("requested")] Requested,
}

[JsonConverter(typeof(JsonStringEnumConverter<AmountKind>))]
public enum AmountKind
{
    /// <summary>No money: a loan extension, a placement. The decision carries no amount.</summary>
    [JsonStringEnumMemberName("none")] None,
    /// <summary>One sum (a community award per year).</summary>
    [JsonStringEnumMemberName("lumpSum")] LumpSum,
    /// <summary>Rate × number of persons (500元/人).</summary>
    [JsonStringEnumMemberName("perPerson")] PerPerson,
    /// <summary>Rate × number of months (× persons when a count is given).</summary>
    [JsonStringEnumMemberName("perMonth")] PerMonth,
    /// <summary>A share of another amount (不高于失业保险金的80%), optionally × months.</summary>
    [JsonStringEnumMemberName("shareOf")] ShareOf,
    /// <summary>The amount requested, capped (a guaranteed loan up to a maximum).</summary>
    [JsonStringEnumMemberName("requested")] Requested,
}

/// <summary>
/// An increase of the rate when a condition holds, e.g. the internship subsidy +10 % when
/// 留用率50%以上.
/// </summary>
public sealed record AmountIncrease(string Parameter, RuleCondition When);

/// <summary>How the amount of a rule is computed; every number comes from a parameter or a fact.</summary>
public sealed record AmountRule(
    AmountKind Kind,
    string? Rate,
    string? Count,
    string? Months,
    string? Share,
    string? BaseFact,
    string? BaseParameter,
    string? RequestedFact,
    AmountIncrease? Increase,
    IReadOnlyList<AmountCap> Caps,
    MonthsWithin? MonthsWithin = null,
    MonthsBetween? MonthsBetween = null)
{
    /// <summary>True when the amount counts months (a months fact, or months the rules service counts).</summary>
    public bool CountsMonths => Months is not null || MonthsWithin is not null || MonthsBetween is not null;
}

[JsonConverter(typeof(JsonStringEnumConverter<OnceOnlyScope>))]
public enum OnceOnlyScope
{
    [JsonStringEnumMemberName("person")] Person,
    [JsonStringEnumMemberName("enterprise")] Enterprise,
    [JsonStringEnumMemberName("personAndEnterprise")] PersonAndEnterprise,
    [JsonStringEnumMemberName("community")] Community,
}

/// <summary>A once-only limit (一次性, 同一企业只能享受一次), optionally once per calendar year.</summary>
public sealed record OnceOnlyRule(OnceOnlyScope Scope, bool PerCalendarYear, Citation Reference);

/// <summary>Where the money of a benefit comes from (所需资金从…列支), as a document states it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FundSource>))]
public enum FundSource
{
    /// <summary>The document does not say.</summary>
    [JsonStringEnumMemberName("notStated")] NotStated,

    /// <summary>就业补助资金.</summary>
    [JsonStringEnumMemberName("employmentSubsidyFund")] EmploymentSubsidyFund,

    /// <summary>失业保险基金.</summary>
    [JsonStringEnumMemberName("unemploymentInsuranceFund")] UnemploymentInsuranceFund,

    /// <summary>地方财政资金 (the local or provincial budget).</summary>
    [JsonStringEnumMemberName("localFiscal")] LocalFiscal,
}

/// <summary>The fund a rule's money comes from, with the words that say so.</summary>
public sealed record RuleFund(FundSource Source, Citation Reference);

[JsonConverter(typeof(JsonStringEnumConverter<Beneficiary>))]
public enum Beneficiary
{
    [JsonStringEnumMemberName("person")] Person,
    [JsonStringEnumMemberName("enterprise")] Enterprise,
    [JsonStringEnumMemberName("community")] Community,
    /// <summary>A service organisation (运营机构, 人力资源服务机构).</summary>
    [JsonStringEnumMemberName("organisation")] Organisation,
    /// <summary>A local government receiving an award (岗位所在地).</summary>
    [JsonStringEnumMemberName("locality")] Locality,
}

/// <summary>A rule of a policy document: one benefit, its conditions, amount, caps and periods.</summary>
public sealed record PolicyRule(
    string Id,
    string DocumentId,
    string Title,
    string Benefit,
    Beneficiary Beneficiary,
    Citation Reference,
    bool Discretionary,
    bool AmountNotStated,
    bool MaximumOnly,
    bool MinimumOnly,
    string AppliesOn,
    string? AppliesOnNote,
    IReadOnlyList<RulePeriod> Periods,
    IReadOnlyList<RuleCondition> Conditions,
    AmountRule Amount,
    OnceOnlyRule? OnceOnly,
    string? Notes,
    RuleFund? Fund = null)
{
    /// <summary>The fund the document names for the rule's money, or <see cref="FundSource.NotStated"/>.</summary>
    public FundSource FundSource => Fund?.Source ?? FundSource.NotStated;

    /// <summary>The pseudo-fact naming the evaluation date.</summary>
    public const string EvaluationDate = "evaluationDate";

    /// <summary>The last period: the one that says how (and whether) the rule ends.</summary>
    public RulePeriod? LastPeriod => Periods.Count == 0 ? null : Periods[^1];
}
