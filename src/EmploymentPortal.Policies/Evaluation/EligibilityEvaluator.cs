using System.Globalization;
using System.Text.Json.Nodes;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Policies.Model;

namespace EmploymentPortal.Policies.Evaluation;

/// <summary>
/// A request to evaluate one benefit kind. <see cref="Facts"/> is the JSON facts object grouped
/// as person, enterprise, hire, business, post, internship, training, community and history
/// (docs/policies/facts.md); a web host can pass the <c>facts</c> of a JSON body straight in.
/// <para>
/// <see cref="IncludeTrace"/> = false is for batches: the outcome, amount, flags and missing
/// facts are the same as with the trace (the same code decides them), but no reason sentences,
/// condition details, amount breakdown or copies of the facts read are made.
/// <see cref="RuleDecision.Reasons"/> is then empty, <see cref="RuleDecision.Breakdown"/> null,
/// and <see cref="RuleDecision.Trace"/> carries only the catalogue version, rule, dates and
/// applicable date (no conditions, facts or parameters).
/// </para>
/// </summary>
public sealed record EvaluationRequest(
    string Benefit,
    string Jurisdiction,
    DateOnly Date,
    JsonObject? Facts,
    bool IncludeOtherJurisdictions = true,
    string? RuleId = null,
    bool IncludeTrace = true);

public interface IEligibilityEvaluator
{
    /// <summary>Evaluates every rule of the requested benefit kind (or the one rule asked for).</summary>
    EvaluationResult Evaluate(EvaluationRequest request);
}

/// <summary>
/// Evaluates rules of the catalogue against facts. Pure: the evaluation date is part of the
/// request, nothing reads a clock, and the same request on the same catalogue version always
/// gives the same decisions and traces. Thread-safe.
/// </summary>
public sealed class EligibilityEvaluator(PolicyCatalogue catalogue) : IEligibilityEvaluator
{
    public PolicyCatalogue Catalogue { get; } = catalogue;

    public EvaluationResult Evaluate(EvaluationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RuleId is not null)
        {
            // One rule (the batch case): no enumerators, one list of one decision.
            var decided = new List<RuleDecision>(1);
            if (Catalogue.FindRule(request.RuleId) is { } one)
            {
                var document = Catalogue.DocumentOf(one);
                var here = InJurisdiction(document, request.Jurisdiction);
                if (here || request.IncludeOtherJurisdictions)
                {
                    decided.Add(EvaluateRule(one, document, here, request));
                }
            }

            return new EvaluationResult(request.Benefit, request.Jurisdiction, request.Date, Catalogue.Version, decided);
        }

        var rules = Catalogue.RulesForBenefit(request.Benefit);
        var decisions = new List<RuleDecision>();
        foreach (var rule in rules)
        {
            var document = Catalogue.DocumentOf(rule);
            var here = InJurisdiction(document, request.Jurisdiction);
            if (here || request.IncludeOtherJurisdictions)
            {
                decisions.Add(EvaluateRule(rule, document, here, request));
            }
        }

        return new EvaluationResult(request.Benefit, request.Jurisdiction, request.Date, Catalogue.Version, decisions);
    }

    private RuleDecision EvaluateRule(PolicyRule rule, PolicyDocument document, bool inJurisdiction, EvaluationRequest request)
    {
        var flags = new List<string>();
        if (rule.Discretionary) flags.Add(DecisionFlags.Discretionary);
        if (rule.AmountNotStated) flags.Add(DecisionFlags.AmountNotStated);
        if (rule.MaximumOnly) flags.Add(DecisionFlags.MaximumOnly);
        if (rule.MinimumOnly) flags.Add(DecisionFlags.MinimumOnly);
        if (document.Draft) flags.Add(DecisionFlags.DraftDocument);
        if (rule.LastPeriod?.End == PeriodEnd.NotStated) flags.Add(DecisionFlags.EndNotStated);

        if (!inJurisdiction)
        {
            flags.Add(DecisionFlags.NotThisJurisdiction);
            var trace = new DecisionTrace(Catalogue.Version, rule.Id, request.Date, null, rule.AppliesOn, null, [], null, [], []);
            return Decision(rule, Outcome.Ineligible, null, null, flags, [], !request.IncludeTrace ? [] :
                [$"本规则适用于 {Wording.List(document.Jurisdictions)}，不适用于 {request.Jurisdiction}"], trace);
        }

        var traced = request.IncludeTrace;
        var facts = new FactReader(request.Facts ?? [], traced);
        // Untraced, neither list is made: every use below is behind `traced`.
        var reasons = traced ? new List<string>() : null;
        var parameters = traced ? new List<ParameterTrace>() : null;

        DateOnly? applicable = rule.AppliesOn == PolicyRule.EvaluationDate ? request.Date : facts.Date(rule.AppliesOn);
        facts.TakeReads();
        var onDate = applicable ?? request.Date;

        ParameterTrace? Parameter(string id)
        {
            var parameter = Catalogue.Parameters[id];
            var value = parameter.ValueAt(onDate);
            if (value is null)
            {
                return null;
            }

            if (!traced)
            {
                return new ParameterTrace(id, value.Value, parameter.Unit, value.From, value.Until, onDate, value.Reference);
            }

            var next = parameter.Values.FirstOrDefault(v => v.From > value.From)?.From;
            var until = value.Until ?? next?.AddDays(-1);
            var use = new ParameterTrace(id, value.Value, parameter.Unit, value.From, until, onDate, value.Reference);
            if (!parameters!.Contains(use))
            {
                parameters!.Add(use);
            }

            return use;
        }

        // Effective period, on the date the rule says it applies to.
        PeriodTrace? period = null;
        var outsidePeriod = false;
        var pastHorizon = false;
        if (applicable is { } day)
        {
            RulePeriod? matched = null;
            foreach (var p in rule.Periods)
            {
                if (p.Contains(day))
                {
                    matched = p;
                    break;
                }
            }

            period = traced ? new PeriodTrace(matched is not null, matched, rule.Periods) : null;
            if (matched is null)
            {
                outsidePeriod = true;
                if (traced) reasons!.Add($"{Wording.Fact(rule.AppliesOn)} {Iso(day)} 不在政策执行期（{string.Join("；", rule.Periods.Select(Wording.Period))}）内");
            }
            else if (PastHorizon(matched, day) is { } horizonEnd)
            {
                // The text limits the rule to a period without stating its end: past the horizon
                // nobody may assume it still runs; an officer checks (or the bureau sets the end).
                pastHorizon = true;
                if (traced) reasons!.Add(Wording.PastHorizon(matched, rule.AppliesOn, day, horizonEnd, Catalogue.UnstatedEndHorizonMonths));
            }
        }

        var conditions = new List<ConditionTrace>(rule.Conditions.Count);
        foreach (var condition in rule.Conditions)
        {
            conditions.Add(Check(condition, facts, request.Date, onDate, Parameter, traced, out var raised));
            if (raised is not null && !flags.Contains(raised))
            {
                flags.Add(raised);
            }
        }

        if (traced)
        {
            foreach (var failed in conditions.Where(c => c.Result == ConditionStatus.Fail))
            {
                reasons!.Add($"不符合：{failed.Description}（{failed.Detail}）");
            }

            foreach (var review in conditions.Where(c => c.Result == ConditionStatus.ManualReview))
            {
                reasons!.Add($"需经办人审核：{review.Description}（{review.Detail}）");
            }
        }

        var onceOnly = rule.OnceOnly is { } once ? CheckOnceOnly(rule, once, facts, onDate, traced) : null;
        if (traced && onceOnly is { AlreadyPaid: true })
        {
            reasons!.Add(onceOnly.Detail);
        }

        var missing = new List<string>();
        if (applicable is null)
        {
            missing.Add(rule.AppliesOn);
        }

        // Untraced, a condition's Facts holds only its missing reads (FactReader records no others).
        var anyFail = false;
        var anyReview = false;
        foreach (var condition in conditions)
        {
            switch (condition.Result)
            {
                case ConditionStatus.Missing:
                    foreach (var read in condition.Facts)
                    {
                        if (read.Missing)
                        {
                            missing.Add(read.Name);
                        }
                    }

                    break;
                case ConditionStatus.Fail:
                    anyFail = true;
                    break;
                case ConditionStatus.ManualReview:
                    anyReview = true;
                    break;
            }
        }

        var ineligible = outsidePeriod || anyFail || onceOnly is { AlreadyPaid: true };
        var outcome = ineligible ? Outcome.Ineligible
            : missing.Count > 0 ? Outcome.NeedsInformation
            : anyReview || pastHorizon ? Outcome.ManualReview
            : Outcome.Eligible;

        Money? amount = null;
        AmountBreakdown? breakdown = null;
        IReadOnlyList<FactRead> amountFacts = [];
        if (outcome == Outcome.Eligible)
        {
            var calculator = new AmountCalculator(rule, facts, request.Date, onDate, Parameter, Catalogue.Conditions, traced);
            var result = calculator.Compute();
            amountFacts = facts.TakeReads();
            if (result.MissingFacts.Count > 0)
            {
                outcome = Outcome.NeedsInformation;
                missing.AddRange(result.MissingFacts);
            }
            else if (result.TooLarge is { } tooLarge)
            {
                outcome = Outcome.ManualReview;
                if (traced) reasons!.Add(tooLarge);
            }
            else if (result.Exhausted is { } exhausted)
            {
                outcome = Outcome.Ineligible;
                if (traced) reasons!.Add(exhausted);
            }
            else
            {
                amount = result.Amount;
                breakdown = result.Breakdown;
                if (result.MissingParameters.Count > 0)
                {
                    flags.Add(DecisionFlags.LocalParameterMissing);
                    if (traced) reasons!.Add($"补贴标准由本地设定，{Iso(onDate)} 尚无取值：{Wording.List(result.MissingParameters)}");
                }
            }
        }

        if (traced && outcome == Outcome.NeedsInformation)
        {
            reasons!.Add("缺少事实：" + Wording.List(missing.Distinct()));
        }

        // What an officer must weigh, in words, beside the flags.
        if (traced)
        {
            foreach (var flag in flags)
            {
                if (flag is DecisionFlags.Discretionary or DecisionFlags.OpenListAccepted || (flag == DecisionFlags.EndNotStated && !pastHorizon))
                {
                    reasons!.Add("提示：" + (flag == DecisionFlags.EndNotStated ? Wording.EndNotStated(rule.LastPeriod!, Catalogue.UnstatedEndHorizonMonths) : DecisionFlags.Describe(flag)));
                }
            }
        }

        var decisionTrace = traced
            ? new DecisionTrace(Catalogue.Version, rule.Id, request.Date, applicable, rule.AppliesOn, period, conditions, onceOnly, parameters!, amountFacts)
            : new DecisionTrace(Catalogue.Version, rule.Id, request.Date, applicable, rule.AppliesOn, null, [], null, [], []);
        IReadOnlyList<string> missingFacts = missing.Count == 0 ? [] : missing.Distinct().ToList();
        return Decision(rule, outcome, amount, breakdown, flags, missingFacts, (IReadOnlyList<string>?)reasons ?? [], decisionTrace);
    }

    /// <summary>
    /// The last day of the horizon when <paramref name="day"/> is past it in a period whose end the
    /// text does not state; null otherwise.
    /// </summary>
    private DateOnly? PastHorizon(RulePeriod period, DateOnly day)
    {
        if (period.End != PeriodEnd.NotStated)
        {
            return null;
        }

        var last = Dates.PolicyDates.AddMonths(period.From, Catalogue.UnstatedEndHorizonMonths);
        return day > last ? last : null;
    }

    private ConditionTrace Check(RuleCondition condition, FactReader facts, DateOnly evaluationDate, DateOnly onDate, Func<string, ParameterTrace?> parameter, bool traced, out string? flag)
    {
        var context = new ConditionContext(condition.Args, facts, evaluationDate, onDate, parameter, traced);
        ConditionVerdict verdict;
        if (!Catalogue.Conditions.TryGet(condition.Check, out var definition))
        {
            verdict = new ConditionVerdict(ConditionStatus.ManualReview, $"条件 {condition.Check} 没有注册实现，无法自动判定");
        }
        else
        {
            try
            {
                verdict = definition.Evaluate(context);
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException)
            {
                // The loader refuses malformed arguments, so this is a host-registered condition's
                // fault; the message is the developer's, in English.
                verdict = new ConditionVerdict(ConditionStatus.ManualReview, $"条件 {condition.Check} 无法计算：{e.Message}");
            }
        }

        flag = verdict.Flag;
        return new ConditionTrace(condition.Check, condition.Description, verdict.Status, verdict.Detail,
            facts.TakeReads(), context.ParametersUsed, condition.Reference);
    }

    /// <summary>
    /// Looks in <c>history.payments</c> for a payment under the same rule to the same subject.
    /// An id is compared only when both the payment and the facts carry it: the host passes the
    /// claimant's own history.
    /// </summary>
    private static OnceOnlyTrace CheckOnceOnly(PolicyRule rule, OnceOnlyRule once, FactReader facts, DateOnly onDate, bool traced)
    {
        var personId = once.Scope is OnceOnlyScope.Person or OnceOnlyScope.PersonAndEnterprise ? facts.OptionalText("person.id") : null;
        var enterpriseId = once.Scope is OnceOnlyScope.Enterprise or OnceOnlyScope.PersonAndEnterprise ? facts.OptionalText("enterprise.id") : null;
        var communityId = once.Scope is OnceOnlyScope.Community ? facts.OptionalText("community.id") : null;
        var payments = facts.Raw("history.payments") as JsonArray;
        facts.TakeReads();

        static bool Same(string? expected, JsonObject payment, string key) =>
            expected is null || payment[key] is not JsonValue v || v.ToString() == expected;

        foreach (var payment in payments?.OfType<JsonObject>() ?? [])
        {
            if (payment["rule"]?.ToString() != rule.Id)
            {
                continue;
            }

            if (!Same(personId, payment, "personId") || !Same(enterpriseId, payment, "enterpriseId") || !Same(communityId, payment, "communityId"))
            {
                continue;
            }

            var paidOn = payment["date"]?.ToString();
            if (once.PerCalendarYear &&
                (!DateOnly.TryParseExact(paidOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var paid) || paid.Year != onDate.Year))
            {
                continue;
            }

            return !traced ? new OnceOnlyTrace(once.Scope, once.PerCalendarYear, true, "", once.Reference) : new OnceOnlyTrace(once.Scope, once.PerCalendarYear, true,
                $"已享受过该补贴：{(paidOn is null ? "此前" : $"已于 {paidOn} ")}按 {rule.Id} 发放（按{Wording.Scope(once.Scope)}{(once.PerCalendarYear ? "每自然年度" : "")}一次性）",
                once.Reference);
        }

        return !traced ? new OnceOnlyTrace(once.Scope, once.PerCalendarYear, false, "", once.Reference) : new OnceOnlyTrace(once.Scope, once.PerCalendarYear, false,
            $"history.payments 中没有 {rule.Id} 的发放记录（共提供 {payments?.Count ?? 0} 条）", once.Reference);
    }

    private RuleDecision Decision(PolicyRule rule, Outcome outcome, Money? amount, AmountBreakdown? breakdown,
        List<string> flags, IReadOnlyList<string> missing, IReadOnlyList<string> reasons, DecisionTrace trace)
    {
        // One order for every decision (and the batch path): DecisionFlags.Order.
        flags.Sort(static (a, b) => FlagRank(a).CompareTo(FlagRank(b)));
        return new(rule.Id, rule.DocumentId, rule.Title, rule.Benefit, rule.Beneficiary, outcome, amount, breakdown, flags, missing, reasons, rule.Reference, trace);
    }

    private static int FlagRank(string flag)
    {
        var order = DecisionFlags.Order;
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i] == flag)
            {
                return i;
            }
        }

        return order.Count;
    }

    private static string Iso(DateOnly date) => Wording.Iso(date);

    private static bool InJurisdiction(PolicyDocument document, string jurisdiction)
    {
        var list = document.Jurisdictions;
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], jurisdiction, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
