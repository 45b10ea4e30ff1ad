using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Policies.Dates;
using EmploymentPortal.Policies.Model;

namespace EmploymentPortal.Policies.Evaluation.Batch;

/// <summary>
/// A standard condition (<see cref="StandardConditions"/>) with its arguments resolved: fact slots,
/// parameter histories, the threshold. <see cref="Evaluate"/> returns the status the standard
/// definition returns without trace, and throws where it throws. Each class below mirrors one
/// definition; read them side by side.
/// </summary>
internal abstract class BatchCondition
{
    public abstract ConditionStatus Evaluate(FactRow facts, DateOnly evaluationDate, DateOnly onDate);

    /// <summary>ConditionContext.Incomplete without trace: missing when a fact was missing, else manual review.</summary>
    protected static ConditionStatus Incomplete(bool factMissing) => factMissing ? ConditionStatus.Missing : ConditionStatus.ManualReview;

    protected static ConditionStatus Of(bool pass) => pass ? ConditionStatus.Pass : ConditionStatus.Fail;
}

/// <summary>A date argument: a fact slot, or the evaluation date.</summary>
internal readonly record struct DateArg(int Slot, bool IsEvaluationDate)
{
    public bool TryRead(FactRow facts, DateOnly evaluationDate, out DateOnly date)
    {
        if (IsEvaluationDate)
        {
            date = evaluationDate;
            return true;
        }

        return facts.TryDate(Slot, out date);
    }
}

/// <summary>Compiles the standard conditions; anything else is refused (the rule then goes through the evaluator).</summary>
internal sealed class ConditionCompiler(PolicyCatalogue catalogue, Func<string, int> slot)
{
    private static readonly Dictionary<string, ConditionDefinition> Standard =
        StandardConditions.Definitions.ToDictionary(d => d.Name, StringComparer.Ordinal);

    public bool TryCompile(RuleCondition condition, out BatchCondition compiled)
    {
        compiled = null!;
        if (!catalogue.Conditions.TryGet(condition.Check, out var definition))
        {
            // The evaluator: "没有注册实现" — manual review, nothing read.
            compiled = new ConstantCondition(ConditionStatus.ManualReview);
            return true;
        }

        if (!Standard.TryGetValue(condition.Check, out var standard) || !ReferenceEquals(standard, definition))
        {
            return false; // a host's own condition
        }

        var args = condition.Args;
        try
        {
            compiled = condition.Check switch
            {
                "isTrue" => new ExpectCondition(Fact(args, "fact"), true),
                "isFalse" => new ExpectCondition(Fact(args, "fact"), false),
                "oneOf" => new OneOfCondition(Fact(args, "fact"),
                    Arg(args, "values").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)),
                "oneOfOpen" => new OneOfOpenCondition(Fact(args, "fact"), Fact(args, "accepted"),
                    Arg(args, "values").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)),
                "compare" => new CompareCondition(Fact(args, "fact"), Parameter(args, "parameter"), Threshold.Parse(Arg(args, "op"))),
                "dateCompare" => new DateCompareCondition(Date(args, "fact"), Date(args, "other"), Threshold.Parse(Arg(args, "op"))),
                "monthsBetween" => new BetweenCondition(Date(args, "from"), Date(args, "to"), Parameter(args, "parameter"), Threshold.Parse(Arg(args, "op")), 1),
                "yearsBetween" => new BetweenCondition(Date(args, "from"), Date(args, "to"), Parameter(args, "parameter"), Threshold.Parse(Arg(args, "op")), 12),
                "ageOn" => new AgeOnCondition(Date(args, "birth"), Date(args, "on"), Parameter(args, "parameter"), Threshold.Parse(Arg(args, "op"))),
                "sameCalendarYear" => new SameCalendarYearCondition(Date(args, "fact"), Date(args, "other")),
                "nanheLayoffRateWithinLimit" => new NanheLayoffCondition(Fact(args, "rate"), Fact(args, "employees"),
                    Parameter(args, "smallEnterpriseSize"), Parameter(args, "smallEnterpriseLimit"), Parameter(args, "limit")),
                "startupLoanNewHireRatio" => new StartupLoanRatioCondition(Fact(args, "newHires"), Fact(args, "employees"),
                    Parameter(args, "largeEnterpriseSize"), Parameter(args, "ratio"), Parameter(args, "largeEnterpriseRatio")),
                _ => null!,
            };
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException)
        {
            // An argument missing or unparseable (the loader refuses these; a hand-built catalogue
            // might not): the evaluator's own handling of it is kept by not compiling.
            return false;
        }

        return compiled is not null;
    }

    public PolicyParameter Parameter(string id) =>
        catalogue.Parameters.TryGetValue(id, out var parameter) ? parameter : throw new KeyNotFoundException(id);

    private static string Arg(IReadOnlyDictionary<string, string> args, string name) =>
        args.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"Condition argument '{name}' is not set.");

    private int Fact(IReadOnlyDictionary<string, string> args, string name) => slot(Arg(args, name));

    private DateArg Date(IReadOnlyDictionary<string, string> args, string name)
    {
        var fact = Arg(args, name);
        return fact == PolicyRule.EvaluationDate ? new DateArg(-1, true) : new DateArg(slot(fact), false);
    }

    private PolicyParameter Parameter(IReadOnlyDictionary<string, string> args, string name) => Parameter(Arg(args, name));
}

internal static class ParameterValues
{
    /// <summary>The value on the date, as ConditionContext.Parameter and AmountCalculator.Value read it.</summary>
    public static decimal? At(this PolicyParameter parameter, DateOnly onDate) => parameter.ValueAt(onDate)?.Value;

    /// <summary>ConditionContext.WholeParameter.</summary>
    public static int? WholeAt(this PolicyParameter parameter, DateOnly onDate) => parameter.At(onDate) is { } v ? (int)v : null;
}

internal sealed class ConstantCondition(ConditionStatus status) : BatchCondition
{
    public override ConditionStatus Evaluate(FactRow facts, DateOnly evaluationDate, DateOnly onDate) => status;
}

internal sealed class ExpectCondition(int fact, bool expected) : BatchCondition
{
    public override ConditionStatus Evaluate(FactRow facts, DateOnly evaluationDate, DateOnly onDate) =>
        facts.TryBool(fact, out var value) ? Of(value == expected) : ConditionStatus.Missing;
}

internal sealed class OneOfCondition(int fact, string[] allowed) : BatchCondition
{
    public override ConditionStatus Evaluate(FactRow facts, DateOnly evaluationDate, DateOnly onDate)
    {
        if (facts.Text(fact) is not { } value)
        {
            return ConditionStatus.Missing;
        }

        foreach (var a in allowed)
        {
            if (string.Equals(a, value, StringComparison.Ordinal))
            {
                return ConditionStatus.Pass;
            }
        }

        return ConditionStatus.Fail;
    }
}

/// <summary>StandardConditions.OneOfOpen: the flag it raises goes into the decision's flags.</summary>
internal sealed class OneOfOpenCondition(int fact, int accepted, string[] allowed) : BatchCondition
{
    public override ConditionStatus Evaluate(FactRow facts, DateOnly evaluationDate, DateOnly onDate)
    {
        var flags = DecisionFlagSet.None;
        return Evaluate(facts, ref flags);
    }

    public ConditionStatus Evaluate(FactRow facts, ref DecisionFlagSet flags)
    {
        if (facts.Text(fact) is not { } value)
        {
            return ConditionStatus.Missing;
        }

        foreach (var a in allowed)
        {
            if (string.Equals(a, value, StringComparison.Ordinal))
            {
                return ConditionStatus.Pass;
            }
        }

        if (string.Equals(facts.Text(accepted), value, StringComparison.Ordinal))
        {
            flags |= DecisionFlagSet.OpenListAccepted;
            return ConditionStatus.Pass;
        }

        flags |= DecisionFlagSet.OpenList;
        return ConditionStatus.ManualReview;
    }
}

internal sealed class CompareCondition(int fact, PolicyParameter parameter, ThresholdKind kind) : BatchCondition
{
    public override ConditionStatus Evaluate(FactRow facts, DateOnly evaluationDate, DateOnly onDate)
    {
        var has = facts.TryNumber(fact, out var value);
        var limit = parameter.At(onDate);
        if (!has || limit is null)
        {
            return Incomplete(!has);
        }

        return Of(Threshold.Satisfies(kind, value, limit.Value));
    }
}

internal sealed class DateCompareCondition(DateArg fact, DateArg other, ThresholdKind kind) : BatchCondition
{
    public override ConditionStatus Evaluate(FactRow facts, DateOnly evaluationDate, DateOnly onDate)
    {
        var hasDate = fact.TryRead(facts, evaluationDate, out var date);
        var hasOther = other.TryRead(facts, evaluationDate, out var second);
        if (!hasDate || !hasOther)
        {
            return ConditionStatus.Missing;
        }

        return Of(Threshold.Satisfies(kind, date.DayNumber, second.DayNumber));
    }
}

internal sealed class BetweenCondition(DateArg from, DateArg to, PolicyParameter parameter, ThresholdKind kind, int monthsPerUnit) : BatchCondition
{
    public override ConditionStatus Evaluate(FactRow facts, DateOnly evaluationDate, DateOnly onDate)
    {
        var hasFrom = from.TryRead(facts, evaluationDate, out var start);
        var hasTo = to.TryRead(facts, evaluationDate, out var end);
        var n = parameter.WholeAt(onDate);
        if (!hasFrom || !hasTo || n is null)
        {
            return Incomplete(!hasFrom || !hasTo);
        }

        var boundary = PolicyDates.AddMonths(start, n.Value * monthsPerUnit);
        return Of(Threshold.Satisfies(kind, end.DayNumber, boundary.DayNumber));
    }
}

internal sealed class AgeOnCondition(DateArg birth, DateArg on, PolicyParameter parameter, ThresholdKind kind) : BatchCondition
{
    public override ConditionStatus Evaluate(FactRow facts, DateOnly evaluationDate, DateOnly onDate)
    {
        var hasBirth = birth.TryRead(facts, evaluationDate, out var born);
        var hasOn = on.TryRead(facts, evaluationDate, out var day);
        var limit = parameter.WholeAt(onDate);
        if (!hasBirth || !hasOn || limit is null)
        {
            return Incomplete(!hasBirth || !hasOn);
        }

        return Of(Threshold.Satisfies(kind, PolicyDates.AgeOn(born, day), limit.Value));
    }
}

internal sealed class SameCalendarYearCondition(DateArg fact, DateArg other) : BatchCondition
{
    public override ConditionStatus Evaluate(FactRow facts, DateOnly evaluationDate, DateOnly onDate)
    {
        var hasDate = fact.TryRead(facts, evaluationDate, out var date);
        var hasOther = other.TryRead(facts, evaluationDate, out var second);
        if (!hasDate || !hasOther)
        {
            return ConditionStatus.Missing;
        }

        return Of(date.Year == second.Year);
    }
}

internal sealed class NanheLayoffCondition(int rate, int employees, PolicyParameter smallSize, PolicyParameter smallLimit, PolicyParameter limit) : BatchCondition
{
    public override ConditionStatus Evaluate(FactRow facts, DateOnly evaluationDate, DateOnly onDate)
    {
        var hasRate = facts.TryNumber(rate, out var r);
        var hasEmployees = facts.TryNumber(employees, out var e);
        if (!hasRate || !hasEmployees)
        {
            return ConditionStatus.Missing;
        }

        if (smallSize.At(onDate) is not { } size)
        {
            return ConditionStatus.ManualReview;
        }

        var small = Threshold.Satisfies(ThresholdKind.AtMost, e, size);
        if ((small ? smallLimit : limit).At(onDate) is not { } l)
        {
            return ConditionStatus.ManualReview;
        }

        return Of(Threshold.Satisfies(ThresholdKind.AtMost, r, l));
    }
}

internal sealed class StartupLoanRatioCondition(int newHires, int employees, PolicyParameter largeSize, PolicyParameter ratio, PolicyParameter largeRatio) : BatchCondition
{
    public override ConditionStatus Evaluate(FactRow facts, DateOnly evaluationDate, DateOnly onDate)
    {
        var hasHires = facts.TryNumber(newHires, out var hires);
        var hasEmployees = facts.TryNumber(employees, out var e);
        var size = largeSize.At(onDate);
        if (!hasHires || !hasEmployees || size is null)
        {
            return Incomplete(!hasHires || !hasEmployees);
        }

        if (e <= 0)
        {
            return ConditionStatus.ManualReview;
        }

        var large = Threshold.Satisfies(ThresholdKind.MoreThan, e, size.Value);
        if ((large ? largeRatio : ratio).At(onDate) is not { } r)
        {
            return ConditionStatus.ManualReview;
        }

        return Of(Threshold.Satisfies(ThresholdKind.AtLeast, hires / e, r));
    }
}

/// <summary>
/// The amount of an eligible decision, as <see cref="AmountCalculator"/> computes it without
/// trace: the same reads, the same decimal operations in the same order, the same caps.
/// </summary>
internal sealed class CompiledAmount
{
    private readonly PolicyRule _rule;
    private readonly AmountKind _kind;
    private readonly PolicyParameter? _rate;
    private readonly BatchCondition? _increaseWhen;
    private readonly PolicyParameter? _increase;
    private readonly int _count;
    private readonly int _months;
    private readonly int _requested;
    private readonly int _baseFact;
    private readonly PolicyParameter? _baseParameter;
    private readonly PolicyParameter? _share;
    private readonly (PolicyParameter Parameter, CapTarget Applies, bool CountsHistory)[] _caps;
    private readonly bool _hasCount, _hasMonths, _hasRequested, _hasBaseFact;
    private readonly int _withinFrom = -1, _withinTo = -1, _notBefore = -1, _after = -1, _notAfter = -1, _betweenFrom = -1, _betweenThrough = -1;
    private readonly bool _hasWithin, _hasNotBefore, _hasAfter, _hasNotAfter, _hasBetween;

    private CompiledAmount(PolicyRule rule, ConditionCompiler compiler, Func<string, int> slot, BatchCondition? increaseWhen)
    {
        _rule = rule;
        var amount = rule.Amount;
        _kind = amount.Kind;
        _rate = amount.Rate is null ? null : compiler.Parameter(amount.Rate);
        _increaseWhen = increaseWhen;
        _increase = increaseWhen is null ? null : compiler.Parameter(amount.Increase!.Parameter);
        _hasCount = amount.Count is not null;
        _count = amount.Count is null ? -1 : slot(amount.Count);
        _hasMonths = amount.Months is not null;
        _months = amount.Months is null ? -1 : slot(amount.Months);
        if (amount.MonthsWithin is { } within)
        {
            _hasWithin = true;
            _withinFrom = slot(within.From);
            _withinTo = slot(within.To);
            (_hasNotBefore, _notBefore) = within.NotBefore is null ? (false, -1) : (true, slot(within.NotBefore));
            (_hasAfter, _after) = within.After is null ? (false, -1) : (true, slot(within.After));
            (_hasNotAfter, _notAfter) = within.NotAfter is null ? (false, -1) : (true, slot(within.NotAfter));
        }

        if (amount.MonthsBetween is { } between)
        {
            _hasBetween = true;
            _betweenFrom = slot(between.From);
            _betweenThrough = slot(between.Through);
        }
        _hasRequested = amount.RequestedFact is not null;
        _requested = amount.RequestedFact is null ? -1 : slot(amount.RequestedFact);
        _hasBaseFact = amount.BaseFact is not null;
        _baseFact = amount.BaseFact is null ? -1 : slot(amount.BaseFact);
        _baseParameter = amount.BaseFact is null && amount.BaseParameter is not null ? compiler.Parameter(amount.BaseParameter) : null;
        _share = amount.Share is null ? null : compiler.Parameter(amount.Share);
        _caps = [.. amount.Caps.Select(c => (compiler.Parameter(c.Parameter), c.Applies, c.CountsHistory))];
    }

    public static bool TryCompile(PolicyRule rule, PolicyCatalogue catalogue, ConditionCompiler compiler, Func<string, int> slot, out CompiledAmount? amount)
    {
        amount = null;
        if (rule.Amount.Kind == AmountKind.None)
        {
            amount = new CompiledAmount(rule, compiler, slot, null);
            return true;
        }

        BatchCondition? when = null;
        if (rule.Amount.Increase is { } increase && catalogue.Conditions.TryGet(increase.When.Check, out _))
        {
            // The increase condition is evaluated only when registered (else: no increase).
            if (!compiler.TryCompile(increase.When, out when))
            {
                return false;
            }
        }

        try
        {
            amount = new CompiledAmount(rule, compiler, slot, when);
            return true;
        }
        catch (KeyNotFoundException)
        {
            return false; // an unknown parameter: the evaluator throws, let it
        }
    }

    public BatchDecision Decide(FactRow facts, DateOnly evaluationDate, DateOnly onDate, DecisionFlagSet flags)
    {
        try
        {
            return DecideChecked(facts, evaluationDate, onDate, flags);
        }
        catch (Exception e) when (AmountCalculator.IsTooLarge(e))
        {
            // As AmountCalculator: an amount the stated facts make too large is an officer's.
            return new BatchDecision(Outcome.ManualReview, null, flags);
        }
    }

    private BatchDecision DecideChecked(FactRow facts, DateOnly evaluationDate, DateOnly onDate, DecisionFlagSet flags)
    {
        if (_kind == AmountKind.None)
        {
            return new BatchDecision(Outcome.Eligible, null, flags);
        }

        var missingParameter = false;
        var missingFact = false;

        decimal? Value(PolicyParameter p)
        {
            var v = p.At(onDate);
            missingParameter |= v is null;
            return v;
        }

        decimal? Yuan(PolicyParameter p) => Value(p) * 100;

        decimal? Number(bool named, int slot)
        {
            if (!named)
            {
                return null;
            }

            if (facts.TryNumber(slot, out var n))
            {
                return n;
            }

            missingFact = true;
            return null;
        }

        var rate = _rate is null ? null : Yuan(_rate);
        if (rate is not null && _increaseWhen is not null)
        {
            // Evaluated without the evaluator's exception handling, as AmountCalculator does.
            var status = _increaseWhen.Evaluate(facts, evaluationDate, onDate);
            missingFact |= status == ConditionStatus.Missing;
            if (status == ConditionStatus.Pass && Value(_increase!) is { } share)
            {
                rate = rate.Value * (1 + share);
            }
        }

        DateOnly? Date(bool named, int slot)
        {
            if (!named)
            {
                return null;
            }

            if (facts.TryDate(slot, out var d))
            {
                return d;
            }

            missingFact = true;
            return null;
        }

        var count = Number(_hasCount, _count);
        var months = Number(_hasMonths, _months);
        if (_hasWithin)
        {
            // As AmountCalculator.MonthsOf(MonthsWithin): every date is read, then counted.
            var from = Date(true, _withinFrom);
            var to = Date(true, _withinTo);
            var notBefore = Date(_hasNotBefore, _notBefore);
            var after = Date(_hasAfter, _after);
            var notAfter = Date(_hasNotAfter, _notAfter);
            if (from is not null && to is not null && (!_hasNotBefore || notBefore is not null) && (!_hasAfter || after is not null) && (!_hasNotAfter || notAfter is not null))
            {
                months = MonthsCounter.Within(_rule.Periods, from.Value, to.Value, notBefore, after, notAfter, out _, out _);
            }
        }
        else if (_hasBetween)
        {
            var from = Date(true, _betweenFrom);
            var through = Date(true, _betweenThrough);
            if (from is not null && through is not null)
            {
                months = MonthsCounter.Between(from.Value, through.Value);
            }
        }
        var requested = Number(_hasRequested, _requested);
        var baseFen = _hasBaseFact ? Number(true, _baseFact) : _baseParameter is not null ? Yuan(_baseParameter) : null;
        var shareOf = _share is null ? null : Value(_share);
        if (missingFact)
        {
            return new BatchDecision(Outcome.NeedsInformation, null, flags);
        }

        if (months is not null)
        {
            foreach (var cap in _caps)
            {
                if (cap.Applies != CapTarget.Months || Value(cap.Parameter) is not { } limit)
                {
                    continue;
                }

                var used = cap.CountsHistory ? MonthsAlreadyPaid(facts) : 0;
                var remaining = limit - used;
                if (cap.CountsHistory && remaining <= 0)
                {
                    return new BatchDecision(Outcome.Ineligible, null, flags);
                }

                months = Math.Min(months.Value, remaining);
            }
        }

        if (requested is not null)
        {
            foreach (var cap in _caps)
            {
                if (cap.Applies == CapTarget.Requested && Yuan(cap.Parameter) is { } limit)
                {
                    requested = Math.Min(requested.Value, limit);
                }
            }
        }

        decimal? total = _kind switch
        {
            AmountKind.LumpSum => Line(rate, null, null),
            AmountKind.PerPerson => Line(rate, count ?? 1, null),
            AmountKind.PerMonth => Line(rate, count, months),
            AmountKind.ShareOf => shareOf is null || baseFen is null ? null : shareOf.Value * baseFen.Value * (count ?? 1) * (months ?? 1),
            AmountKind.Requested => requested,
            _ => null,
        };

        var missing = missingParameter ? DecisionFlagSet.LocalParameterMissing : DecisionFlagSet.None;
        if (total is null || missingParameter)
        {
            return new BatchDecision(Outcome.Eligible, null, flags | missing);
        }

        // AmountCalculator rounds the total before the caps (for the breakdown) even without
        // trace; an amount too large for a long is a manual review there, so it is here too.
        _ = Money.RoundFen(total.Value);
        foreach (var cap in _caps)
        {
            if (cap.Applies == CapTarget.Total && Yuan(cap.Parameter) is { } limit)
            {
                total = Math.Min(total.Value, limit);
            }
        }

        // A total cap without a value leaves the amount as it is and flags it (as the evaluator).
        missing = missingParameter ? DecisionFlagSet.LocalParameterMissing : DecisionFlagSet.None;
        return new BatchDecision(Outcome.Eligible, Money.RoundFen(total.Value), flags | missing);
    }

    private static decimal? Line(decimal? rate, decimal? count, decimal? months) =>
        rate is null ? null : rate.Value * (count ?? 1) * (months ?? 1);

    private decimal MonthsAlreadyPaid(FactRow facts)
    {
        decimal used = 0;
        foreach (var payment in facts.Payments)
        {
            if (payment.Rule == _rule.Id && payment.Months is { } m)
            {
                used += m;
            }
        }

        return used;
    }
}
