using System.Globalization;
using EmploymentPortal.Policies.Dates;
using EmploymentPortal.Policies.Model;

namespace EmploymentPortal.Policies.Evaluation;

/// <summary>
/// The words of reasons, condition details and amount lines. The readers are bureau officers, so
/// every sentence the evaluator writes is Simplified Chinese; fact names, parameter ids and rule
/// ids stay as they are (they are identifiers the facts JSON and the catalogue use). Dates are
/// ISO, numbers invariant, so a sentence is the same on every machine.
/// </summary>
internal static class Wording
{
    /// <summary>The Chinese name of a fact, or its id when it has none.</summary>
    public static string Fact(string name) => DecisionWords.HasFactName(name) ? DecisionWords.Fact(name) : name;

    /// <summary>Items joined with the Chinese enumeration comma.</summary>
    public static string List(IEnumerable<string> items) => string.Join("、", items);

    /// <summary>
    /// How a number stands to a limit, as the verdict found it: for "at least 12" a pass reads
    /// 不低于 12 and a failure 低于 12.
    /// </summary>
    public static string Relation(ThresholdKind kind, bool pass) => (kind, pass) switch
    {
        (ThresholdKind.AtLeast, true) => "不低于",
        (ThresholdKind.AtLeast, false) => "低于",
        (ThresholdKind.AtMost, true) => "不超过",
        (ThresholdKind.AtMost, false) => "超过",
        (ThresholdKind.MoreThan, true) => "超过",
        (ThresholdKind.MoreThan, false) => "未超过",
        (ThresholdKind.LessThan, true) => "低于",
        (ThresholdKind.LessThan, false) => "不低于",
        _ => "?",
    };

    /// <summary>How a date stands to another date, as the verdict found it (atMost = on or before).</summary>
    public static string DateRelation(ThresholdKind kind, bool pass) => (kind, pass) switch
    {
        (ThresholdKind.AtLeast, true) => "不早于",
        (ThresholdKind.AtLeast, false) => "早于",
        (ThresholdKind.AtMost, true) => "不晚于",
        (ThresholdKind.AtMost, false) => "晚于",
        (ThresholdKind.MoreThan, true) => "晚于",
        (ThresholdKind.MoreThan, false) => "不晚于",
        (ThresholdKind.LessThan, true) => "早于",
        (ThresholdKind.LessThan, false) => "不早于",
        _ => "?",
    };

    /// <summary>
    /// A span of time against the policy's span, as the verdict found it: 已满 6 个月 / 不足 6 个月
    /// (以上), 在 2 年以内 / 超过 2 年 (以内), 超过 / 未超过 (超过), 不足 / 已满 (不足).
    /// </summary>
    public static string Span(ThresholdKind kind, bool pass, string span) => (kind, pass) switch
    {
        (ThresholdKind.AtLeast, true) => $"已满 {span}",
        (ThresholdKind.AtLeast, false) => $"不足 {span}",
        (ThresholdKind.AtMost, true) => $"在 {span}以内",
        (ThresholdKind.AtMost, false) => $"超过 {span}",
        (ThresholdKind.MoreThan, true) => $"超过 {span}",
        (ThresholdKind.MoreThan, false) => $"未超过 {span}",
        (ThresholdKind.LessThan, true) => $"不足 {span}",
        (ThresholdKind.LessThan, false) => $"已满 {span}",
        _ => "?",
    };

    public static string Status(ConditionStatus status) => status switch
    {
        ConditionStatus.Pass => "符合",
        ConditionStatus.Fail => "不符合",
        ConditionStatus.Missing => "缺少信息",
        _ => "需人工审核",
    };

    public static string Scope(OnceOnlyScope scope) => scope switch
    {
        OnceOnlyScope.Person => "人员",
        OnceOnlyScope.Enterprise => "企业",
        OnceOnlyScope.PersonAndEnterprise => "同一人员和企业",
        _ => "社区",
    };

    public static string Bool(bool value) => value ? "“是”" : "“否”";

    public static string Period(RulePeriod period) => period switch
    {
        { Until: { } until, End: PeriodEnd.SetByBureau, EndBasis: { } basis } => $"{Iso(period.From)} 至 {Iso(until)}（截止日期由人社局依据{basis.File}设定）",
        { Until: { } until } => $"{Iso(period.From)} 至 {Iso(until)}",
        { End: PeriodEnd.NotStated } => $"{Iso(period.From)} 起，文件未载明截止日期",
        _ => $"{Iso(period.From)} 起",
    };

    /// <summary>Why a date past the horizon of a period without a stated end goes to an officer.</summary>
    public static string PastHorizon(RulePeriod period, string appliesOn, DateOnly day, DateOnly horizonEnd, int months) =>
        $"需经办人核实：文件将该政策限定于“{period.LimitedBy?.Quote}”，未载明截止日期，人社局也尚未设定；" +
        $"{Fact(appliesOn)} {Iso(day)} 已超过自 {Iso(period.From)} 起 {months} 个月的核实期限（至 {Iso(horizonEnd)}，配置项 Policies:UnstatedEndHorizonMonths），" +
        "须核实该政策是否仍在执行，或由人社局设定截止日期";

    /// <summary>The note on a decision within the horizon of a period without a stated end.</summary>
    public static string EndNotStated(RulePeriod period, int months) =>
        $"文件将该政策限定于“{period.LimitedBy?.Quote}”，未载明截止日期；自 {Iso(period.From)} 起 {months} 个月后的申请须经办人核实（人社局可在政策页面设定截止日期）";

    public static string Fen(decimal fen) => Num(fen) + " 分";

    /// <summary>yyyy-MM.</summary>
    public static string Month(DateOnly date) => Iso(date)[..7];

    /// <summary>yyyy-MM-dd, as <c>date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)</c> but without the format parser (a hot path of traces).</summary>
    public static string Iso(DateOnly date) => string.Create(10, date, static (chars, d) =>
    {
        Write(chars[..4], d.Year);
        chars[4] = '-';
        Write(chars.Slice(5, 2), d.Month);
        chars[7] = '-';
        Write(chars.Slice(8, 2), d.Day);
    });

    private static void Write(Span<char> chars, int value)
    {
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            chars[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    public static string Num(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
