using EmploymentPortal.Policies.Dates;

namespace EmploymentPortal.Policies.Evaluation;

/// <summary>
/// The condition implementations shipped with the library. Thresholds use
/// <see cref="Threshold"/>, dates use <see cref="PolicyDates"/>: one definition each.
/// </summary>
internal static class StandardConditions
{
    /// <summary>
    /// One instance of each definition, so the batch compiler (<see cref="Batch.CompiledRule"/>) can
    /// recognise a registry entry as the standard one (by reference) before compiling it.
    /// </summary>
    public static IEnumerable<ConditionDefinition> All => Definitions;

    internal static readonly ConditionDefinition[] Definitions =
    [
        new("isTrue", "The fact is true.", ["fact"], [], [], IsTrue),
        new("isFalse", "The fact is false.", ["fact"], [], [], IsFalse),
        new("oneOf", "The fact is one of the listed values (comma separated).", ["fact"], [], ["values"], OneOf),
        new("oneOfOpen", "An open list (…等): a listed value passes; another goes to an officer (manual review) unless the 'accepted' fact, an officer's acceptance, names it.", ["fact", "accepted"], [], ["values"], OneOfOpen),
        new("compare", "A number fact against a parameter: op atLeast (以上), atMost (以下/不超过), moreThan (超过), lessThan (不足).", ["fact"], ["parameter"], ["op"], Compare),
        new("dateCompare", "A date fact against another date fact (or evaluationDate): op atMost = on or before, lessThan = before.", ["fact", "other"], [], ["op"], DateCompare),
        new("monthsBetween", "Compares 'to' with 'from' + N months (clamped to month end): op atLeast = N个月以上, atMost = N个月以内.", ["from", "to"], ["parameter"], ["op"], MonthsBetween),
        new("yearsBetween", "Compares 'to' with 'from' + N years (clamped): op atMost = N年内, lessThan = 不足N年.", ["from", "to"], ["parameter"], ["op"], YearsBetween),
        new("ageOn", "Age in completed years on a date against a parameter.", ["birth", "on"], ["parameter"], ["op"], AgeOn),
        new("sameCalendarYear", "Two dates fall in the same calendar year (毕业年度).", ["fact", "other"], [], [], SameCalendarYear),
        new("nanheLayoffRateWithinLimit", "Nanhe (二): layoff rate within the limit; enterprises with 30 insured employees or fewer (含) may lay off up to 20 %.", ["rate", "employees"], ["smallEnterpriseSize", "smallEnterpriseLimit", "limit"], [], NanheLayoffRateWithinLimit),
        new("startupLoanNewHireRatio", "Nanhe (十): new hires this year / current employees at least the ratio; enterprises with more than 100 employees (超过) need the lower ratio.", ["newHires", "employees"], ["ratio", "largeEnterpriseSize", "largeEnterpriseRatio"], [], StartupLoanNewHireRatio),
    ];

    private static ConditionVerdict IsTrue(ConditionContext ctx) => Expect(ctx, true);

    private static ConditionVerdict IsFalse(ConditionContext ctx) => Expect(ctx, false);

    private static ConditionVerdict Expect(ConditionContext ctx, bool expected)
    {
        if (ctx.BoolFact("fact") is not { } value)
        {
            return ctx.Incomplete();
        }

        if (!ctx.Traced)
        {
            return ConditionVerdict.Of(value == expected);
        }

        var fact = Wording.Fact(ctx.Arg("fact"));
        return value == expected
            ? ConditionVerdict.Of(true, $"{fact} 为{Wording.Bool(value)}")
            : ConditionVerdict.Of(false, $"{fact} 为{Wording.Bool(value)}，应为{Wording.Bool(expected)}");
    }

    private static ConditionVerdict OneOf(ConditionContext ctx)
    {
        if (ctx.TextFact("fact") is not { } value)
        {
            return ctx.Incomplete();
        }

        var allowed = ctx.Arg("values").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var pass = allowed.Contains(value, StringComparer.Ordinal);
        return !ctx.Traced ? ConditionVerdict.Of(pass) : ConditionVerdict.Of(pass, $"{Wording.Fact(ctx.Arg("fact"))} 为 {value}，{(pass ? "在" : "不在")}允许的取值（{Wording.List(allowed)}）内");
    }

    // A list the text closes with 等 (餐饮、零售、旅游…等特困行业): the named members pass; another
    // is not refused but left to an officer, who may accept it with a reason (recorded by the host
    // as the 'accepted' fact, e.g. review.acceptedIndustry = the value accepted).
    private static ConditionVerdict OneOfOpen(ConditionContext ctx)
    {
        if (ctx.TextFact("fact") is not { } value)
        {
            return ctx.Incomplete();
        }

        var allowed = ctx.Arg("values").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (allowed.Contains(value, StringComparer.Ordinal))
        {
            return !ctx.Traced ? ConditionVerdict.Of(true) : ConditionVerdict.Of(true, $"{Wording.Fact(ctx.Arg("fact"))} 为 {value}，在所列取值（{Wording.List(allowed)}）内");
        }

        var accepted = ctx.Facts.OptionalText(ctx.Arg("accepted"));
        if (string.Equals(accepted, value, StringComparison.Ordinal))
        {
            return new ConditionVerdict(ConditionStatus.Pass, !ctx.Traced ? "" :
                $"{Wording.Fact(ctx.Arg("fact"))} 为 {value}，不在所列取值（{Wording.List(allowed)}）内，经办人已认定其属于文件列举（“等”）的范围（{ctx.Arg("accepted")}）")
            { Flag = DecisionFlags.OpenListAccepted };
        }

        return new ConditionVerdict(ConditionStatus.ManualReview, !ctx.Traced ? "" :
            $"{Wording.Fact(ctx.Arg("fact"))} 为 {value}，不在所列取值（{Wording.List(allowed)}）内；文件为开放列举（“等”），是否属于所列范围由经办人认定并写明理由")
        { Flag = DecisionFlags.OpenList };
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
        var pass = Threshold.Satisfies(kind, value.Value, limit.Value);
        return !ctx.Traced ? ConditionVerdict.Of(pass) : ConditionVerdict.Of(pass,
            $"{Wording.Fact(ctx.Arg("fact"))} 为 {Num(value.Value)}，{Wording.Relation(kind, pass)} {Num(limit.Value)}");
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
        var pass = Threshold.Satisfies(kind, date.Value.DayNumber, other.Value.DayNumber);
        return !ctx.Traced ? ConditionVerdict.Of(pass) : ConditionVerdict.Of(pass,
            $"{Wording.Fact(ctx.Arg("fact"))} {Iso(date.Value)} {Wording.DateRelation(kind, pass)} {Wording.Fact(ctx.Arg("other"))} {Iso(other.Value)}");
    }

    private static ConditionVerdict MonthsBetween(ConditionContext ctx) => Between(ctx, "个月", 1);

    private static ConditionVerdict YearsBetween(ConditionContext ctx) => Between(ctx, "年", 12);

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
        var pass = Threshold.Satisfies(kind, to.Value.DayNumber, boundary.DayNumber);
        if (!ctx.Traced)
        {
            return ConditionVerdict.Of(pass);
        }

        var span = $"{n} {unit}";

        // e.g. 失业登记日期 2020-01-15 至 录用日期 2020-06-20 满 5 个月，不足 6 个月（2020-01-15 后 6 个月为 2020-07-15）
        return ConditionVerdict.Of(pass,
            $"{Wording.Fact(ctx.Arg("from"))} {Iso(from.Value)} 至 {Wording.Fact(ctx.Arg("to"))} {Iso(to.Value)} " +
            $"满 {PolicyDates.WholeMonthsBetween(from.Value, to.Value)} 个月，{Wording.Span(kind, pass, span)}" +
            $"（{Iso(from.Value)} 后 {span}为 {Iso(boundary)}）");
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
        var pass = Threshold.Satisfies(kind, age, limit.Value);
        return !ctx.Traced ? ConditionVerdict.Of(pass) : ConditionVerdict.Of(pass,
            $"{Wording.Fact(ctx.Arg("on"))} {Iso(on.Value)} 时年满 {age} 周岁（{Wording.Fact(ctx.Arg("birth"))} {Iso(birth.Value)}），{Wording.Relation(kind, pass)} {limit} 周岁");
    }

    private static ConditionVerdict SameCalendarYear(ConditionContext ctx)
    {
        var date = ctx.DateFact("fact");
        var other = ctx.DateFact("other");
        if (date is null || other is null)
        {
            return ctx.Incomplete();
        }

        var same = date.Value.Year == other.Value.Year;
        return !ctx.Traced ? ConditionVerdict.Of(same) : ConditionVerdict.Of(same, same
            ? $"{Wording.Fact(ctx.Arg("fact"))} {Iso(date.Value)} 与 {Wording.Fact(ctx.Arg("other"))} {Iso(other.Value)} 同在 {date.Value.Year} 年"
            : $"{Wording.Fact(ctx.Arg("fact"))} {Iso(date.Value)}（{date.Value.Year} 年）与 {Wording.Fact(ctx.Arg("other"))} {Iso(other.Value)}（{other.Value.Year} 年）不在同一年度");
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

        var pass = Threshold.Satisfies(ThresholdKind.AtMost, rate.Value, limit.Value);
        return !ctx.Traced ? ConditionVerdict.Of(pass) : ConditionVerdict.Of(pass,
            $"参保职工 {Num(employees.Value)} 人，{(small ? "不超过" : "超过")} {Num(smallSize.Value)} 人；" +
            $"裁员率 {Num(rate.Value)}，{Wording.Relation(ThresholdKind.AtMost, pass)} {Num(limit.Value)}");
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
            return new ConditionVerdict(ConditionStatus.ManualReview, $"现有职工人数为 {Num(employees.Value)}，无法计算新招用人员比例");
        }

        var large = Threshold.Satisfies(ThresholdKind.MoreThan, employees.Value, largeSize.Value);
        var ratio = large ? ctx.Parameter("largeEnterpriseRatio") : ctx.Parameter("ratio");
        if (ratio is null)
        {
            return ctx.Incomplete();
        }

        var actual = newHires.Value / employees.Value;
        var pass = Threshold.Satisfies(ThresholdKind.AtLeast, actual, ratio.Value);
        return !ctx.Traced ? ConditionVerdict.Of(pass) : ConditionVerdict.Of(pass,
            $"当年新招用 {Num(newHires.Value)} 人 / 现有职工 {Num(employees.Value)} 人 = {Num(actual)}，" +
            $"{Wording.Relation(ThresholdKind.AtLeast, pass)} {Num(ratio.Value)}（职工{(large ? "超过" : "不超过")} {Num(largeSize.Value)} 人）");
    }

    private static string Iso(DateOnly date) => Wording.Iso(date);

    private static string Num(decimal value) => Wording.Num(value);
}
