using System.Text.Json.Serialization;

namespace EmploymentPortal.Policies.Model;

/// <summary>
/// Where a rule, condition, parameter value or period comes from: the policy text file in
/// <c>shared/policies</c>, the section as the document writes it (e.g. <c>(十)</c>), and a short
/// quote that occurs verbatim in that file. For a local parameter set by the bureau,
/// <see cref="File"/> names the bureau's own document and <see cref="Local"/> is true.
/// </summary>
public sealed record Citation(string File, string Section, string Quote, bool Local = false, string? SetBy = null);

/// <summary>A policy document: one YAML file in the catalogue.</summary>
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
    IReadOnlyList<string> NotModelled);

/// <summary>One dated value of a parameter; it applies from <see cref="From"/> until the next value starts or <see cref="Until"/>.</summary>
public sealed record ParameterValue(DateOnly From, DateOnly? Until, decimal Value, Citation Reference)
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

/// <summary>An effective period of a rule, both ends included; an open end is null.</summary>
public sealed record RulePeriod(DateOnly From, DateOnly? Until, Citation Reference)
{
    public bool Contains(DateOnly date) => date >= From && (Until is null || date <= Until);
}

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
    IReadOnlyList<AmountCap> Caps);

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
    string? Notes)
{
    /// <summary>The pseudo-fact naming the evaluation date.</summary>
    public const string EvaluationDate = "evaluationDate";
}
