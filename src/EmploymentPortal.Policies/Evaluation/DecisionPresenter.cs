using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Policies.Dates;
using EmploymentPortal.Policies.Model;

namespace EmploymentPortal.Policies.Evaluation;

/// <summary>A decision as people read it: every text is Chinese words, with no key, id or code.</summary>
public sealed record DecisionView(
    string Title,
    Outcome Outcome,
    string OutcomeWords,
    IReadOnlyList<ConditionView> Conditions,
    AmountView? Amount,
    CitationView Citation,
    IReadOnlyList<string> Flags,
    IReadOnlyList<string> MissingFacts,
    IReadOnlyList<string> Notes);

/// <summary>
/// One condition: what it is about (<see cref="Subject"/>, e.g. 企业规模), the fact held
/// (小型企业) and what the document requires (小型企业或微型企业), its state in words.
/// </summary>
public sealed record ConditionView(string Subject, string Held, string Required, ConditionStatus Status, string StatusWords, CitationView Citation);

/// <summary>The amount with its formula in words (¥1,000.00/人 × 3 人 = ¥3,000.00), the caps and counting notes.</summary>
public sealed record AmountView(string Formula, Money Total, IReadOnlyList<string> Notes);

/// <summary>
/// A citation as the bureau cites it: the document number (or the title in 《》 when the document
/// has none), the article (第十条), and the quoted words of the clause. Never the text's file name.
/// </summary>
public sealed record CitationView(string Document, string Article, string Quote)
{
    /// <summary>邢南政发〔2020〕1号 第十条.</summary>
    public string Label => string.IsNullOrEmpty(Article) ? Document : Document + " " + Article;
}

/// <summary>
/// Turns a <see cref="RuleDecision"/> (and its trace) into a <see cref="DecisionView"/>: the words
/// come from <see cref="DecisionWords"/>, the document numbers from the catalogue's document
/// records, the arguments of each condition from the rule (when the catalogue still has it; a
/// decision kept from an older catalogue falls back to the condition's own description).
/// </summary>
public sealed partial class DecisionPresenter(PolicyCatalogue catalogue)
{
    private const string NotStated = "未提供";

    /// <summary>The condition checks this presenter words (the catalogue test requires every check the catalogue uses).</summary>
    public static IReadOnlySet<string> WordedChecks { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "isTrue", "isFalse", "oneOf", "oneOfOpen", "compare", "dateCompare", "monthsBetween", "yearsBetween",
        "ageOn", "sameCalendarYear", "nanheLayoffRateWithinLimit", "startupLoanNewHireRatio",
    };

    public DecisionView Present(RuleDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var rule = catalogue.FindRule(decision.RuleId);
        var document = catalogue.FindDocument(decision.DocumentId);
        var conditions = new List<ConditionView>(decision.Trace.Conditions.Count);
        for (var i = 0; i < decision.Trace.Conditions.Count; i++)
        {
            var trace = decision.Trace.Conditions[i];
            var args = rule is not null && rule.Conditions.Count == decision.Trace.Conditions.Count && rule.Conditions[i].Check == trace.Check
                ? rule.Conditions[i].Args
                : null;
            conditions.Add(Condition(trace, args, document, decision.Trace.EvaluationDate));
        }

        return new DecisionView(
            Plain(decision.Title),
            decision.Outcome,
            DecisionWords.Outcome(decision.Outcome),
            conditions,
            Amount(decision, rule),
            Cite(decision.Reference, document),
            decision.Flags.Select(DecisionWords.Flag).ToList(),
            decision.MissingFacts.Select(DecisionWords.Fact).Distinct().ToList(),
            Notes(decision));
    }

    /// <summary>The citation of <paramref name="reference"/> in a document of the catalogue.</summary>
    public CitationView Cite(Citation reference, PolicyDocument? document)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var name = reference.Local || document is null
            ? FileLike().IsMatch(reference.File) ? "人社局设定" : reference.File
            : document.DocumentNumber ?? "《" + document.Title + "》";
        return new CitationView(name, Article(reference.Section), reference.Quote);
    }

    /// <summary>
    /// The article as the bureau cites it: (十) → 第十条, 三、(四) → 第三部分第四条; other sections
    /// (专栏2, 第四章 五、2) as the document writes them, with Chinese brackets.
    /// </summary>
    public static string Article(string section)
    {
        if (string.IsNullOrWhiteSpace(section))
        {
            return string.Empty;
        }

        var item = ItemSection().Match(section);
        if (item.Success)
        {
            return item.Groups["part"].Success
                ? $"第{item.Groups["part"].Value}部分第{item.Groups["item"].Value}条"
                : $"第{item.Groups["item"].Value}条";
        }

        return section.Replace('(', '（').Replace(')', '）');
    }

    /// <summary>
    /// A parameter in the bureau's words: its description without English (the catalogue's
    /// descriptions mix both), or the quoted words of its first value when nothing Chinese is left.
    /// </summary>
    public static string ParameterName(PolicyParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var words = Plain(parameter.Description);
        var cut = AsciiWord().Match(words);
        if (cut.Success)
        {
            words = words[..cut.Index];
        }

        words = words.TrimEnd(' ', ';', '；', ',', '，', '(', '（');
        return words.Length > 0 ? words : parameter.Values.FirstOrDefault()?.Reference.Quote ?? "本地参数";
    }

    /// <summary>A catalogue text without its English glosses: "登记失业半年以上 (registered …)" → "登记失业半年以上".</summary>
    public static string Plain(string text) => EnglishGloss().Replace(text ?? string.Empty, string.Empty).Trim();

    private ConditionView Condition(ConditionTrace trace, IReadOnlyDictionary<string, string>? args, PolicyDocument? document, DateOnly evaluationDate)
    {
        var citation = Cite(trace.Reference, document);
        var status = DecisionWords.Status(trace.Result);
        var description = Plain(trace.Description);
        if (args is null)
        {
            return new ConditionView(description, trace.Result == ConditionStatus.Missing ? NotStated : status, description, trace.Result, status, citation);
        }

        string Arg(string name) => args.GetValueOrDefault(name) ?? string.Empty;
        JsonNode? Held(string arg) => trace.Facts.FirstOrDefault(f => f.Name == Arg(arg) && !f.Missing)?.Value;
        ParameterTrace? Parameter(string arg) => trace.Parameters.FirstOrDefault(p => p.Id == Arg(arg));
        // A host may hold a date fact as a DateOnly value (docs/policies/facts.md), whose ToString is JSON with quotes.
        DateOnly? Day(string arg) => Arg(arg) == PolicyRule.EvaluationDate ? evaluationDate
            : Held(arg) is JsonValue value && value.TryGetValue<DateOnly>(out var held) ? held
            : Held(arg) is { } node && DateOnly.TryParse(node.ToString(), CultureInfo.InvariantCulture, out var d) ? d : null;
        string Date(string arg) => Day(arg) is { } day ? Wording.Iso(day) : NotStated;
        ThresholdKind Op() => Threshold.Parse(Arg("op"));

        (string Subject, string Held, string Required) words = trace.Check switch
        {
            "isTrue" or "isFalse" => (
                DecisionWords.Fact(Arg("fact")),
                Held("fact") is JsonValue b && b.TryGetValue<bool>(out var yes) ? DecisionWords.YesNo(yes)
                    : Held("fact") is { } other ? DecisionWords.YesNo(string.Equals(other.ToString(), "true", StringComparison.OrdinalIgnoreCase)) : NotStated,
                DecisionWords.YesNo(trace.Check == "isTrue")),
            "oneOf" or "oneOfOpen" => (
                DecisionWords.Fact(Arg("fact")),
                Held("fact") is { } v ? DecisionWords.Value(Arg("fact"), v.ToString()) : NotStated,
                DecisionWords.Values(Arg("fact"), Split(Arg("values"))) + (trace.Check == "oneOfOpen" ? "等" : string.Empty)),
            "compare" => Compare(Arg("fact"), Held("fact"), Parameter("parameter"), Op()),
            "dateCompare" => (
                DecisionWords.Fact(Arg("fact")),
                Date("fact"),
                $"{DecisionWords.DateOperator(Op())}{DecisionWords.Fact(Arg("other"))}" + (Day("other") is { } otherDay ? $"（{Wording.Iso(otherDay)}）" : string.Empty)),
            "monthsBetween" or "yearsBetween" => Between(trace.Check == "yearsBetween", Arg("from"), Arg("to"), Day("from"), Day("to"), Parameter("parameter"), Op()),
            "ageOn" => (
                $"{DecisionWords.Fact(Arg("on"))}时的年龄",
                Day("birth") is { } born && Day("on") is { } onDate ? $"{PolicyDates.AgeOn(born, onDate)} 周岁" : NotStated,
                Parameter("parameter") is { } age ? $"{DecisionWords.Operator(Op())} {Wording.Num(age.Value)} 周岁" : description),
            "sameCalendarYear" => (
                $"{DecisionWords.Fact(Arg("fact"))}与{DecisionWords.Fact(Arg("other"))}",
                trace.Result switch { ConditionStatus.Pass => "同一年度", ConditionStatus.Fail => "不在同一年度", _ => NotStated },
                "同一年度"),
            "nanheLayoffRateWithinLimit" => (
                DecisionWords.Fact(Arg("rate")),
                Held("rate") is { } rate && Number(rate) is { } r ? DecisionWords.Quantity(r, ParameterUnit.Ratio) : NotStated,
                LayoffLimit(Parameter)),
            "startupLoanNewHireRatio" => (
                "当年新招用符合条件人员占现有职工比例",
                Held("newHires") is { } hires && Held("employees") is { } staff && Number(hires) is { } h && Number(staff) is { } s && s > 0
                    ? DecisionWords.Quantity(Math.Round(h / s, 4), ParameterUnit.Ratio) : NotStated,
                NewHireRatio(Parameter)),
            _ => (description, status, description),
        };

        return new ConditionView(words.Subject, words.Held, words.Required, trace.Result, status, citation);
    }

    private static (string, string, string) Compare(string fact, JsonNode? held, ParameterTrace? limit, ThresholdKind op)
    {
        var unit = limit?.Unit ?? ParameterUnit.Count;
        var value = held is null ? null : Number(held);
        return (
            DecisionWords.Fact(fact),
            value is { } v ? DecisionWords.Quantity(v, unit) : NotStated,
            limit is null ? "由人社局设定" : $"{DecisionWords.Operator(op)} {DecisionWords.Quantity(limit.Value, unit)}");
    }

    private static (string, string, string) Between(bool years, string fromFact, string toFact, DateOnly? from, DateOnly? to, ParameterTrace? limit, ThresholdKind op)
    {
        var subject = $"{DecisionWords.Fact(fromFact)}至{DecisionWords.Fact(toFact)}";
        var span = limit is null ? null : Wording.Num(limit.Value) + (years ? " 年" : " 个月");
        var held = from is { } f && to is { } t
            ? $"{Wording.Iso(f)} 至 {Wording.Iso(t)}，满 {PolicyDates.WholeMonthsBetween(f, t)} 个月"
            : NotStated;
        return (subject, held, span is null ? "由人社局设定" : DecisionWords.SpanOperator(op, span));
    }

    private static string LayoffLimit(Func<string, ParameterTrace?> parameter)
    {
        var small = parameter("smallEnterpriseSize");
        var smallLimit = parameter("smallEnterpriseLimit");
        var limit = parameter("limit");
        var parts = new List<string>();
        if (small is not null && smallLimit is not null)
        {
            parts.Add($"参保职工 {Wording.Num(small.Value)} 人（含）以下的企业不超过 {DecisionWords.Quantity(smallLimit.Value, ParameterUnit.Ratio)}");
        }

        parts.Add(limit is not null ? $"其他企业不超过 {DecisionWords.Quantity(limit.Value, ParameterUnit.Ratio)}" : "其他企业不超过上年度全国城镇调查失业率控制目标");
        return string.Join("；", parts);
    }

    private static string NewHireRatio(Func<string, ParameterTrace?> parameter)
    {
        var ratio = parameter("ratio");
        var large = parameter("largeEnterpriseSize");
        var largeRatio = parameter("largeEnterpriseRatio");
        var parts = new List<string>();
        if (ratio is not null)
        {
            parts.Add($"不低于 {DecisionWords.Quantity(ratio.Value, ParameterUnit.Ratio)}");
        }

        if (large is not null && largeRatio is not null)
        {
            parts.Add($"职工超过 {Wording.Num(large.Value)} 人的企业不低于 {DecisionWords.Quantity(largeRatio.Value, ParameterUnit.Ratio)}");
        }

        return parts.Count == 0 ? "按文件规定的比例" : string.Join("；", parts);
    }

    private static AmountView? Amount(RuleDecision decision, PolicyRule? rule)
    {
        if (decision.Amount is not { } total)
        {
            return null;
        }

        var breakdown = decision.Breakdown;
        var notes = breakdown?.Lines.Where(l => l.Amount == Money.Zero && l.Description != "标准上浮")
            .Select(l => Plain(l.Description) + "：" + Sentence(l.Formula)).ToList() ?? [];
        if (rule is null || breakdown is null)
        {
            return new AmountView($"合计 {total}", total, notes);
        }

        var amount = rule.Amount;
        ParameterTrace? Parameter(string? id) => id is null ? null : decision.Trace.Parameters.FirstOrDefault(p => p.Id == id);
        decimal? Fact(string? name) => name is null ? null
            : decision.Trace.AmountFacts.FirstOrDefault(f => f.Name == name && !f.Missing)?.Value is { } v ? Number(v) : null;

        var rate = Parameter(amount.Rate) is { } r ? Money.RoundFen(r.Value * 100) : (Money?)null;
        var increase = breakdown.Lines.Any(l => l.Description == "标准上浮") && amount.Increase is { } inc && Parameter(inc.Parameter) is { } share
            ? $"（1 + {Wording.Num(share.Value * 100)}%）" : null;
        var count = Fact(amount.Count);
        var monthsCap = breakdown.Caps.FirstOrDefault(c => c.Applies == CapTarget.Months);
        var months = monthsCap?.After ?? Fact(amount.Months);
        var main = breakdown.Lines.LastOrDefault(l => l.Amount != Money.Zero || breakdown.BeforeCaps == Money.Zero);
        if (months is null && amount.CountsMonths && rate is { Fen: > 0 } perMonth && main is not null)
        {
            var per = perMonth.Fen * (count ?? 1);
            if (per > 0 && increase is null && main.Amount.Fen % per == 0)
            {
                months = main.Amount.Fen / per;
            }
        }

        var factors = new List<string>();
        switch (amount.Kind)
        {
            case AmountKind.LumpSum when rate is { } lump:
                factors.Add($"定额 {lump}" + (increase is null ? string.Empty : " × " + increase));
                break;
            case AmountKind.PerPerson when rate is { } perPerson:
                factors.Add($"{perPerson}/人" + (increase is null ? string.Empty : " × " + increase));
                factors.Add($"{Wording.Num(count ?? 1)} 人");
                break;
            case AmountKind.PerMonth when rate is { } monthly:
                factors.Add($"{monthly}/月" + (increase is null ? string.Empty : " × " + increase));
                if (count is { } persons) factors.Add($"{Wording.Num(persons)} 人");
                if (months is { } m) factors.Add($"{Wording.Num(m)} 个月");
                break;
            case AmountKind.ShareOf:
                var baseFen = amount.BaseFact is not null ? Fact(amount.BaseFact) : Parameter(amount.BaseParameter) is { } bp ? bp.Value * 100 : null;
                if (baseFen is { } b) factors.Add(Money.RoundFen(b).ToString());
                if (Parameter(amount.Share) is { } s) factors.Add($"{Wording.Num(s.Value * 100)}%");
                if (count is { } n) factors.Add($"{Wording.Num(n)} 人");
                if (months is { } sm) factors.Add($"{Wording.Num(sm)} 个月");
                break;
            case AmountKind.Requested:
                var requestedCap = breakdown.Caps.FirstOrDefault(c => c.Applies == CapTarget.Requested);
                var requested = requestedCap?.Before ?? Fact(amount.RequestedFact);
                if (requested is { } q) factors.Add("申请金额 " + Money.RoundFen(q));
                break;
        }

        var formula = factors.Count == 0 ? string.Empty : string.Join(" × ", factors) + " = " + breakdown.BeforeCaps;
        foreach (var cap in breakdown.Caps.Where(c => c.Applied))
        {
            notes.Add(cap.Applies switch
            {
                CapTarget.Months => $"计发月数以 {Wording.Num(cap.Limit)} 个月为限（申请 {Wording.Num(cap.Before)} 个月）",
                CapTarget.Requested => $"申请金额超过上限 {Money.RoundFen(cap.Limit)}，按上限计",
                _ => $"超过上限 {Money.RoundFen(cap.Limit)}，按上限核定",
            });
        }

        formula = string.IsNullOrEmpty(formula) ? $"合计 {total}"
            : breakdown.BeforeCaps == total ? formula
            : formula + $"，封顶后 {total}";
        return new AmountView(formula, total, notes);
    }

    private IReadOnlyList<string> Notes(RuleDecision decision)
    {
        var notes = new List<string>();
        if (decision.Trace.Period is { InPeriod: false } period && decision.Trace.ApplicableDate is { } day)
        {
            notes.Add($"{DecisionWords.Fact(decision.Trace.AppliesOn)} {Wording.Iso(day)} 不在政策执行期（{string.Join("；", period.Periods.Select(PeriodWords))}）内");
        }

        if (decision.Trace.OnceOnly is { AlreadyPaid: true } once)
        {
            notes.Add($"已享受过该补贴（按{Wording.Scope(once.Scope)}{(once.PerCalendarYear ? "每自然年度" : string.Empty)}一次性）");
        }

        foreach (var reason in decision.Reasons)
        {
            var words = reason switch
            {
                _ when reason.StartsWith("不符合：", StringComparison.Ordinal) || reason.StartsWith("需经办人审核：", StringComparison.Ordinal)
                    || reason.StartsWith("缺少事实：", StringComparison.Ordinal) || reason.StartsWith("提示：", StringComparison.Ordinal)
                    || reason.Contains("不在政策执行期", StringComparison.Ordinal) || reason.StartsWith("已享受过该补贴", StringComparison.Ordinal)
                    || reason.StartsWith("本规则适用于", StringComparison.Ordinal) => null,
                _ when reason.Contains("核实期限", StringComparison.Ordinal) => "文件限定了实施期间但未载明截止日期，申请日期已超过核实期限：须经办人核实该政策是否仍在执行，或由人社局设定截止日期",
                _ when reason == AmountCalculator.TooLargeReason => "按申报的数额计算的金额超出可计算范围，需经办人核实申报事实",
                _ when reason.Contains("已用完", StringComparison.Ordinal) => "文件规定的计发月数已用完",
                _ when reason.StartsWith("补贴标准由本地设定", StringComparison.Ordinal) => "补贴标准由人社局设定，尚无取值",
                _ => Sentence(reason),
            };
            if (!string.IsNullOrEmpty(words))
            {
                notes.Add(words);
            }
        }

        return notes;
    }

    private string PeriodWords(RulePeriod period) => period switch
    {
        { Until: { } until } => $"{Wording.Iso(period.From)} 至 {Wording.Iso(until)}",
        { End: PeriodEnd.NotStated } => $"{Wording.Iso(period.From)} 起，文件未载明截止日期",
        _ => $"{Wording.Iso(period.From)} 起",
    };

    /// <summary>A trace sentence with fact keys replaced by their names; a sentence still holding an identifier is left out (null).</summary>
    private static string Sentence(string text)
    {
        var words = FactKey().Replace(Plain(text), m => DecisionWords.HasFactName(m.Value) ? DecisionWords.Fact(m.Value) : m.Value);
        return AsciiWord().IsMatch(words) ? string.Empty : words;
    }

    private static decimal? Number(JsonNode node) =>
        node is JsonValue value && value.TryGetValue<decimal>(out var d) ? d
        : decimal.TryParse(node.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    private static string[] Split(string values) => values.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"^(?:(?<part>[一二三四五六七八九十]+)、)?\((?<item>[一二三四五六七八九十百]+)\)$")]
    private static partial Regex ItemSection();

    [GeneratedRegex(@"\s*\([^()]*[A-Za-z][^()]*\)")]
    private static partial Regex EnglishGloss();

    [GeneratedRegex(@"\b[a-z][A-Za-z]*(?:\.[a-z][A-Za-z]*)+\b|\bevaluationDate\b")]
    private static partial Regex FactKey();

    [GeneratedRegex(@"[A-Za-z]{2,}")]
    private static partial Regex AsciiWord();

    [GeneratedRegex(@"\.(txt|md|pdf|docx?)$", RegexOptions.IgnoreCase)]
    private static partial Regex FileLike();
}
