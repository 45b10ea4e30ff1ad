using System.Globalization;
using System.Text.Json.Nodes;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Policies.Dates;
using EmploymentPortal.Policies.Model;

namespace EmploymentPortal.Policies.Evaluation;

internal sealed record AmountResult(
    Money? Amount,
    AmountBreakdown? Breakdown,
    IReadOnlyList<string> MissingFacts,
    IReadOnlyList<string> MissingParameters,
    string? Exhausted,
    string? TooLarge = null);

/// <summary>
/// Computes the amount of an eligible rule in fen: rate × persons × months or a share of a base,
/// then the caps. Yuan parameters are multiplied by 100; a fractional fen is rounded half away
/// from zero once, at the end of each line.
/// </summary>
internal sealed class AmountCalculator(
    PolicyRule rule,
    FactReader facts,
    DateOnly evaluationDate,
    DateOnly onDate,
    Func<string, ParameterTrace?> parameter,
    ConditionRegistry registry,
    bool trace = true)
{
    private readonly List<AmountLine> _lines = [];
    private readonly List<string> _missingParameters = [];

    /// <summary>The Chinese reason of an amount the stated facts make too large to compute.</summary>
    public const string TooLargeReason = "按申报的数额计算的金额超出可计算范围（单笔不能超过 long 范围的分），需经办人核实申报事实";

    public AmountResult Compute()
    {
        try
        {
            return ComputeChecked();
        }
        catch (Exception e) when (IsTooLarge(e))
        {
            // Stated facts (a base, a count, months) so large that rate × count × months leaves
            // decimal or the amount leaves long: no amount, an officer looks at the facts.
            return new AmountResult(null, null, [], [], null, TooLargeReason);
        }
    }

    /// <summary>
    /// True for the failure of an amount too large to compute: decimal overflow in rate × count ×
    /// months, or a total beyond what <see cref="Money"/> holds (<c>money-overflow</c>).
    /// </summary>
    public static bool IsTooLarge(Exception exception) =>
        exception is OverflowException or DomainException { Code: "money-overflow" };

    private AmountResult ComputeChecked()
    {
        var amount = rule.Amount;
        if (amount.Kind == AmountKind.None)
        {
            return new AmountResult(null, null, [], [], null);
        }

        var before = facts.Missing.Count;
        decimal? rate = amount.Rate is null ? null : Yuan(amount.Rate);
        if (rate is not null && amount.Increase is { } increase && IncreaseApplies(increase) is { } share)
        {
            var raised = rate.Value * (1 + share);
            if (trace)
            {
                _lines.Add(new AmountLine("标准上浮", $"{Fen(rate.Value)} × (1 + {Num(share)})", Round(raised)));
            }

            rate = raised;
        }

        decimal? count = amount.Count is null ? null : facts.Number(amount.Count);
        decimal? months = amount.Months is not null ? facts.Number(amount.Months)
            : amount.MonthsWithin is { } within ? MonthsOf(within)
            : amount.MonthsBetween is { } between ? MonthsOf(between)
            : null;
        decimal? requested = amount.RequestedFact is null ? null : facts.Number(amount.RequestedFact);
        decimal? baseFen = amount.BaseFact is not null ? facts.Number(amount.BaseFact)
            : amount.BaseParameter is not null ? Yuan(amount.BaseParameter) : null;
        decimal? shareOf = amount.Share is null ? null : Value(amount.Share);

        List<string> missingFacts = facts.Missing.Count > before ? facts.Missing.GetRange(before, facts.Missing.Count - before) : [];
        if (missingFacts.Count > 0)
        {
            return new AmountResult(null, null, missingFacts, [], null);
        }

        var caps = new List<CapApplied>();
        if (months is not null)
        {
            foreach (var cap in amount.Caps)
            {
                if (cap.Applies != CapTarget.Months)
                {
                    continue;
                }

                if (Value(cap.Parameter) is not { } limit)
                {
                    continue;
                }

                var used = cap.CountsHistory ? MonthsAlreadyPaid() : 0;
                var remaining = limit - used;
                if (cap.CountsHistory && remaining <= 0)
                {
                    return new AmountResult(null, null, [], [], $"{cap.Parameter} 规定的 {Num(limit)} 个月已用完（history.payments 中已发放 {Num(used)} 个月）");
                }

                var capped = Math.Min(months.Value, remaining);
                caps.Add(new CapApplied(cap.Parameter, CapTarget.Months, remaining, months.Value, capped, capped < months.Value));
                months = capped;
            }
        }

        if (requested is not null)
        {
            foreach (var cap in amount.Caps)
            {
                if (cap.Applies != CapTarget.Requested)
                {
                    continue;
                }

                if (Yuan(cap.Parameter) is { } limit)
                {
                    var capped = Math.Min(requested.Value, limit);
                    caps.Add(new CapApplied(cap.Parameter, CapTarget.Requested, limit, requested.Value, capped, capped < requested.Value));
                    requested = capped;
                }
            }
        }

        decimal? total = amount.Kind switch
        {
            AmountKind.LumpSum => Line("一次性定额", rate, null, null),
            AmountKind.PerPerson => Line("按人计", rate, count ?? 1, null),
            AmountKind.PerMonth => Line("按月计", rate, count, months),
            AmountKind.ShareOf => ShareLine(shareOf, baseFen, count, months),
            AmountKind.Requested => requested is null ? null : AddLine("按申请额", trace ? $"{Fen(requested.Value)}" : "", requested.Value),
            _ => null,
        };

        // A figure the bureau has not set yet (or a cap it has not set) leaves the amount open:
        // the decision says so rather than paying an uncapped or made-up sum.
        if (total is null || _missingParameters.Count > 0)
        {
            return new AmountResult(null, null, [], _missingParameters.Distinct().ToList(), null);
        }

        var beforeCaps = Round(total.Value);
        foreach (var cap in amount.Caps)
        {
            if (cap.Applies != CapTarget.Total)
            {
                continue;
            }

            if (Yuan(cap.Parameter) is { } limit)
            {
                var capped = Math.Min(total.Value, limit);
                caps.Add(new CapApplied(cap.Parameter, CapTarget.Total, limit, total.Value, capped, capped < total.Value));
                total = capped;
            }
        }

        var fen = Round(total.Value);
        return new AmountResult(fen, trace ? new AmountBreakdown(_lines, beforeCaps, caps, fen) : null, [], _missingParameters, null);
    }

    /// <summary>
    /// The calendar months of the claim's period the rule pays for (<see cref="MonthsCounter.Within"/>);
    /// null when a date is missing (the reader lists it).
    /// </summary>
    private decimal? MonthsOf(MonthsWithin within)
    {
        var from = facts.Date(within.From);
        var to = facts.Date(within.To);
        var notBefore = within.NotBefore is null ? null : facts.Date(within.NotBefore);
        var after = within.After is null ? null : facts.Date(within.After);
        var notAfter = within.NotAfter is null ? null : facts.Date(within.NotAfter);
        if (from is null || to is null || (within.NotBefore is not null && notBefore is null) ||
            (within.After is not null && after is null) || (within.NotAfter is not null && notAfter is null))
        {
            return null;
        }

        var counted = MonthsCounter.Within(rule.Periods, from.Value, to.Value, notBefore, after, notAfter, out var first, out var last);
        if (trace)
        {
            var bounds = new List<string>();
            if (notBefore is { } nb) bounds.Add($"不早于{Wording.Fact(within.NotBefore!)} {Wording.Month(nb)}");
            if (after is { } af) bounds.Add($"晚于{Wording.Fact(within.After!)} {Wording.Month(af)}");
            if (notAfter is { } na) bounds.Add($"不晚于{Wording.Fact(within.NotAfter!)} {Wording.Month(na)}");
            bounds.Add("在政策执行期（" + string.Join("；", rule.Periods.Select(Wording.Period)) + "）内");
            var taken = counted == 0 ? "无可计发的月份" : $"计入 {Wording.Month(first)} 至 {Wording.Month(last)} 共 {counted} 个月";
            _lines.Add(new AmountLine("计发月数", $"申领期间 {Wording.Month(from.Value)} 至 {Wording.Month(to.Value)}，{string.Join("、", bounds)}：{taken}", Money.Zero));
        }

        return counted;
    }

    /// <summary>The whole months after one held date through another (<see cref="MonthsCounter.Between"/>).</summary>
    private decimal? MonthsOf(MonthsBetween between)
    {
        var from = facts.Date(between.From);
        var through = facts.Date(between.Through);
        if (from is null || through is null)
        {
            return null;
        }

        var counted = MonthsCounter.Between(from.Value, through.Value);
        if (trace)
        {
            _lines.Add(new AmountLine("计发月数",
                $"{Wording.Fact(between.From)} {Wording.Iso(from.Value)} 次日至 {Wording.Fact(between.Through)} {Wording.Iso(through.Value)}：满 {counted} 个月（不足一个月的部分不计）", Money.Zero));
        }

        return counted;
    }

    private decimal? IncreaseApplies(AmountIncrease increase)
    {
        var context = new ConditionContext(increase.When.Args, facts, evaluationDate, onDate, parameter, trace);
        if (rule.Amount.Increase is null || !registry.TryGet(increase.When.Check, out var definition))
        {
            return null;
        }

        var verdict = definition.Evaluate(context);
        if (trace)
        {
            _lines.Add(new AmountLine("上浮条件：" + increase.When.Description, Wording.Status(verdict.Status) + "：" + verdict.Detail, Money.Zero));
        }

        return verdict.Status == ConditionStatus.Pass ? Value(increase.Parameter) : null;
    }

    private decimal MonthsAlreadyPaid()
    {
        var payments = facts.Raw("history.payments") as JsonArray;
        decimal used = 0;
        foreach (var payment in payments?.OfType<JsonObject>() ?? [])
        {
            if (payment["rule"]?.ToString() == rule.Id &&
                decimal.TryParse(payment["months"]?.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var m))
            {
                used += m;
            }
        }

        return used;
    }

    private decimal? Line(string what, decimal? rate, decimal? count, decimal? months)
    {
        if (rate is null)
        {
            return null;
        }

        var value = rate.Value * (count ?? 1) * (months ?? 1);
        var formula = !trace ? "" : Fen(rate.Value) + (count is null ? "" : $" × {Num(count.Value)} 人") + (months is null ? "" : $" × {Num(months.Value)} 个月");
        return AddLine(what, formula, value);
    }

    private decimal? ShareLine(decimal? share, decimal? baseFen, decimal? count, decimal? months)
    {
        if (share is null || baseFen is null)
        {
            return null;
        }

        var value = share.Value * baseFen.Value * (count ?? 1) * (months ?? 1);
        var formula = !trace ? "" : $"{Num(share.Value)} × {Fen(baseFen.Value)}" + (count is null ? "" : $" × {Num(count.Value)} 人") + (months is null ? "" : $" × {Num(months.Value)} 个月");
        return AddLine("按比例", formula, value);
    }

    private decimal AddLine(string what, string formula, decimal value)
    {
        if (trace) _lines.Add(new AmountLine(what, formula, Round(value)));
        return value;
    }

    private decimal? Value(string id)
    {
        var use = parameter(id);
        if (use is null)
        {
            _missingParameters.Add(id);
        }

        return use?.Value;
    }

    private decimal? Yuan(string id) => Value(id) * 100;

    private static Money Round(decimal fen) => Money.RoundFen(fen);

    private static string Fen(decimal fen) => Wording.Fen(fen);

    private static string Num(decimal value) => Wording.Num(value);
}
