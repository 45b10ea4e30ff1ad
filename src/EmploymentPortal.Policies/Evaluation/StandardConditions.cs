using System.Globalization;
using EmploymentPortal.Policies.Dates;

namespace EmploymentPortal.Policies.Evaluation;

/// <summary>
/// The condition implementations shipped with the library. Thresholds use
/// <see cref="Threshold"/>, dates use <see cref="PolicyDates"/>: one definition each.
/// </summary>
internal static class StandardConditions
{
    public static IEnumerable<ConditionDefinition> All =>
    [
        new("isTrue", "The fact is true.", ["fact"], [], [], IsTrue),
        new("isFalse", "The fact is false.", ["fact"], [], [], IsFalse),
        new("oneOf", "The fact is one of the listed values (comma separated).", ["fact"], [], ["values"], OneOf),
        new("compare", "A number fact against a parameter: op atLeast (以上), atMost (以下/不超过), moreThan (超过), lessThan (不足).", ["fact"], ["parameter"], ["op"], Compare),
        new("dateCompare", "A date fact against another date fact (or evaluationDate): op atMost = on or before, lessThan = before.", ["fact", "other"], [], ["op"], DateCompare),
        new("monthsBetween", "Compares 'to' with 'from' + N months (clamped to month end): op atLeast = N个月以上, atMost = N个月以内.", ["from", "to"], ["parameter"], ["op"], MonthsBetween),
        new("yearsBetween", "Compares 'to' with 'from' + N years (clamped): op atMost = N年内, lessThan = 不足N年.", ["from", "to"], ["parameter"], ["op"], YearsBetween),
        new("ageOn", "Age in completed years on a date against a parameter.", ["birth", "on"], ["parameter"], ["op"], AgeOn),
        new("sameCalendarYear", "Two dates fall in the same calendar year (毕业年度).", ["fact", "other"], [], [], SameCalendarYear),
        new("nanheLayoffRateWithinLimit", "Nanhe (二): layoff rate within the limit; enterprises with 30 insured employees or fewer (含) may lay off up to 20 %.", ["rate", "employees"], ["smallEnterpriseSize", "smallEnterpriseLimit", "limit"], [], NanheLayoffRateWithinLimit),
        new("startupLoanNewHireRatio", "Nanhe (十): new hires this year / current employees at least the ratio; enterprises with more than 100 employees (超过) need the lower ratio.", ["newHires", "employees"], ["ratio", "largeEnterpriseSize", "largeEnterpriseRatio"], [], StartupLoanNewHireRatio),
    ];

    private static ConditionVerdict IsTrue(ConditionContext ctx) =>
        ctx.BoolFact("fact") is { } value ? ConditionVerdict.Of(value, $"{ctx.Arg("fact")} = {Lower(value)}") : ctx.Incomplete();

    private static ConditionVerdict IsFalse(ConditionContext ctx) =>
        ctx.BoolFact("fact") is { } value ? ConditionVerdict.Of(!value, $"{ctx.Arg("fact")} = {Lower(value)}") : ctx.Incomplete();

    private static ConditionVerdict OneOf(ConditionContext ctx)
    {
        if (ctx.TextFact("fact") is not { } value)
        {
            return ctx.Incomplete();
        }

        var allowed = ctx.Arg("values").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return ConditionVerdict.Of(allowed.Contains(value, StringComparer.Ordinal), $"{ctx.Arg("fact")} = {value}; allowed: {string.Join(", ", allowed)}");
    }

    private static ConditionVerdict Compare(ConditionContext ctx)
    {
        var value = ctx.NumberFact("fact");
        var limit = ctx.Parameter("parameter");
        if (value is null || limit is null)
        {
            return ctx.Incomplete();
        }

        var kind = Threshold.Parse(ctx.Arg("op"));
        return ConditionVerdict.Of(Threshold.Satisfies(kind, value.Value, limit.Value),
            $"{ctx.Arg("fact")} = {Num(value.Value)} {Threshold.Symbol(kind)} {Num(limit.Value)}");
    }

    private static ConditionVerdict DateCompare(ConditionContext ctx)
    {
        var date = ctx.DateFact("fact");
        var other = ctx.DateFact("other");
        if (date is null || other is null)
        {
            return ctx.Incomplete();
        }

        var kind = Threshold.Parse(ctx.Arg("op"));
        return ConditionVerdict.Of(Threshold.Satisfies(kind, date.Value.DayNumber, other.Value.DayNumber),
            $"{ctx.Arg("fact")} = {Iso(date.Value)} {Threshold.Symbol(kind)} {ctx.Arg("other")} = {Iso(other.Value)}");
    }

    private static ConditionVerdict MonthsBetween(ConditionContext ctx) => Between(ctx, "months", 1);

    private static ConditionVerdict YearsBetween(ConditionContext ctx) => Between(ctx, "years", 12);

    private static ConditionVerdict Between(ConditionContext ctx, string unit, int monthsPerUnit)
    {
        var from = ctx.DateFact("from");
        var to = ctx.DateFact("to");
        var n = ctx.WholeParameter("parameter");
        if (from is null || to is null || n is null)
        {
            return ctx.Incomplete();
        }

        var kind = Threshold.Parse(ctx.Arg("op"));
        var boundary = PolicyDates.AddMonths(from.Value, n.Value * monthsPerUnit);
        return ConditionVerdict.Of(Threshold.Satisfies(kind, to.Value.DayNumber, boundary.DayNumber),
            $"{ctx.Arg("to")} = {Iso(to.Value)} {Threshold.Symbol(kind)} {ctx.Arg("from")} + {n} {unit} = {Iso(boundary)} " +
            $"({PolicyDates.WholeMonthsBetween(from.Value, to.Value)} whole months)");
    }

    private static ConditionVerdict AgeOn(ConditionContext ctx)
    {
        var birth = ctx.DateFact("birth");
        var on = ctx.DateFact("on");
        var limit = ctx.WholeParameter("parameter");
        if (birth is null || on is null || limit is null)
        {
            return ctx.Incomplete();
        }

        var kind = Threshold.Parse(ctx.Arg("op"));
        var age = PolicyDates.AgeOn(birth.Value, on.Value);
        return ConditionVerdict.Of(Threshold.Satisfies(kind, age, limit.Value),
            $"age on {Iso(on.Value)} = {age} {Threshold.Symbol(kind)} {limit}");
    }

    private static ConditionVerdict SameCalendarYear(ConditionContext ctx)
    {
        var date = ctx.DateFact("fact");
        var other = ctx.DateFact("other");
        if (date is null || other is null)
        {
            return ctx.Incomplete();
        }

        return ConditionVerdict.Of(date.Value.Year == other.Value.Year,
            $"{ctx.Arg("fact")} = {Iso(date.Value)}, {ctx.Arg("other")} = {Iso(other.Value)}");
    }

    // 邢南政发〔2020〕1号 (二): "对参保职工30人(含)以下的企业,裁员率放宽至不超过企业职工总数20%";
    // larger enterprises: not above the national surveyed urban unemployment-rate target, which the
    // document does not state (a local parameter).
    private static ConditionVerdict NanheLayoffRateWithinLimit(ConditionContext ctx)
    {
        var rate = ctx.NumberFact("rate");
        var employees = ctx.NumberFact("employees");
        if (rate is null || employees is null)
        {
            return ctx.Incomplete();
        }

        var smallSize = ctx.Parameter("smallEnterpriseSize");
        if (smallSize is null)
        {
            return ctx.Incomplete();
        }

        var small = Threshold.Satisfies(ThresholdKind.AtMost, employees.Value, smallSize.Value);
        var limit = small ? ctx.Parameter("smallEnterpriseLimit") : ctx.Parameter("limit");
        if (limit is null)
        {
            return ctx.Incomplete();
        }

        return ConditionVerdict.Of(Threshold.Satisfies(ThresholdKind.AtMost, rate.Value, limit.Value),
            $"{(small ? "insured employees " + Num(employees.Value) + " <= " + Num(smallSize.Value) : "insured employees " + Num(employees.Value) + " > " + Num(smallSize.Value))}; layoff rate {Num(rate.Value)} <= {Num(limit.Value)}");
    }

    // 邢南政发〔2020〕1号 (十): "当年新招用符合条件人员占现有职工比例下调为20%,职工超过100人的比例下调为10%".
    private static ConditionVerdict StartupLoanNewHireRatio(ConditionContext ctx)
    {
        var newHires = ctx.NumberFact("newHires");
        var employees = ctx.NumberFact("employees");
        var largeSize = ctx.Parameter("largeEnterpriseSize");
        if (newHires is null || employees is null || largeSize is null)
        {
            return ctx.Incomplete();
        }

        if (employees.Value <= 0)
        {
            return new ConditionVerdict(ConditionStatus.ManualReview, "no current employees: the ratio is undefined");
        }

        var large = Threshold.Satisfies(ThresholdKind.MoreThan, employees.Value, largeSize.Value);
        var ratio = large ? ctx.Parameter("largeEnterpriseRatio") : ctx.Parameter("ratio");
        if (ratio is null)
        {
            return ctx.Incomplete();
        }

        var actual = newHires.Value / employees.Value;
        return ConditionVerdict.Of(Threshold.Satisfies(ThresholdKind.AtLeast, actual, ratio.Value),
            $"new hires {Num(newHires.Value)} / employees {Num(employees.Value)} = {actual:0.####} >= {Num(ratio.Value)} ({(large ? "more than" : "at most")} {Num(largeSize.Value)} employees)");
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Num(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Lower(bool value) => value ? "true" : "false";
}
