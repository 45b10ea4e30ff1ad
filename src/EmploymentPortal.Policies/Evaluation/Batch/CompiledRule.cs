using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Policies.Model;

namespace EmploymentPortal.Policies.Evaluation.Batch;

/// <summary>The flags of a <see cref="BatchDecision"/>, one bit each, in the order the evaluator lists them.</summary>
[Flags]
public enum DecisionFlagSet
{
    None = 0,
    Discretionary = 1,
    AmountNotStated = 2,
    MaximumOnly = 4,
    MinimumOnly = 8,
    DraftDocument = 16,
    NotThisJurisdiction = 32,
    LocalParameterMissing = 64,
    EndNotStated = 128,
    OpenList = 256,
    OpenListAccepted = 512,
}

/// <summary>
/// What a batch needs of a decision: the outcome, the amount and the flags, exactly as
/// <see cref="RuleDecision"/> has them, without reasons, missing-fact names or trace. The full
/// decision of any one person is the evaluator's (the same facts as <see cref="FactRow.ToJsonObject"/>).
/// </summary>
public readonly record struct BatchDecision(Outcome Outcome, Money? Amount, DecisionFlagSet Flags)
{
    // In DecisionFlags.Order (the evaluator sorts its flags by it).
    private static readonly (DecisionFlagSet Bit, string Name)[] Names =
    [
        (DecisionFlagSet.Discretionary, DecisionFlags.Discretionary),
        (DecisionFlagSet.AmountNotStated, DecisionFlags.AmountNotStated),
        (DecisionFlagSet.MaximumOnly, DecisionFlags.MaximumOnly),
        (DecisionFlagSet.MinimumOnly, DecisionFlags.MinimumOnly),
        (DecisionFlagSet.DraftDocument, DecisionFlags.DraftDocument),
        (DecisionFlagSet.EndNotStated, DecisionFlags.EndNotStated),
        (DecisionFlagSet.NotThisJurisdiction, DecisionFlags.NotThisJurisdiction),
        (DecisionFlagSet.OpenList, DecisionFlags.OpenList),
        (DecisionFlagSet.OpenListAccepted, DecisionFlags.OpenListAccepted),
        (DecisionFlagSet.LocalParameterMissing, DecisionFlags.LocalParameterMissing),
    ];

    /// <summary>The flags as <see cref="RuleDecision.Flags"/> lists them (same strings, same order).</summary>
    public IReadOnlyList<string> FlagNames()
    {
        var list = new List<string>();
        foreach (var (bit, name) in Names)
        {
            if ((Flags & bit) != 0)
            {
                list.Add(name);
            }
        }

        return list;
    }

    /// <summary>The flag set of a list of flag strings (unknown strings are ignored).</summary>
    public static DecisionFlagSet FlagsOf(IEnumerable<string> flags)
    {
        var set = DecisionFlagSet.None;
        foreach (var flag in flags)
        {
            foreach (var (bit, name) in Names)
            {
                if (flag == name)
                {
                    set |= bit;
                }
            }
        }

        return set;
    }
}

/// <summary>
/// One rule compiled for batches over a <see cref="FactLayout"/>: fact names are resolved to
/// slots, parameters to their histories, condition arguments and thresholds are parsed once,
/// and <see cref="Evaluate"/> decides a <see cref="FactRow"/> without allocating (no JSON, no
/// trace records, no lists, no closures). It decides exactly what
/// <see cref="EligibilityEvaluator"/> decides for <see cref="FactRow.ToJsonObject"/> (outcome,
/// amount, flags); <c>BatchEvaluationTests</c> checks it on generated facts for every rule.
/// A rule with a condition the compiler does not know (one a host registered, or arguments it
/// cannot parse) is not compiled: <see cref="IsCompiled"/> is false and <see cref="Evaluate"/>
/// builds the JSON facts and asks the evaluator, so the answer is the same, only slower.
/// Immutable and thread-safe; each thread uses its own <see cref="FactRow"/>.
/// </summary>
public sealed class CompiledRule
{
    private readonly PolicyCatalogue _catalogue;
    private readonly bool _inJurisdiction;
    private readonly DecisionFlagSet _flags;
    private readonly int _horizonMonths;
    private readonly int _appliesOnSlot; // -2: the evaluation date
    private readonly RulePeriod[] _periods;
    private readonly BatchCondition[] _conditions;
    private readonly OnceOnlyRule? _onceOnly;
    private readonly int _personIdSlot;
    private readonly int _enterpriseIdSlot;
    private readonly int _communityIdSlot;
    private readonly CompiledAmount? _amount;
    private readonly EligibilityEvaluator? _fallback;

    private CompiledRule(PolicyCatalogue catalogue, PolicyRule rule, string jurisdiction, FactLayout layout)
    {
        _catalogue = catalogue;
        Rule = rule;
        Jurisdiction = jurisdiction;
        Layout = layout;
        var document = catalogue.DocumentOf(rule);
        _inJurisdiction = document.Jurisdictions.Contains(jurisdiction, StringComparer.Ordinal);
        _flags = (rule.Discretionary ? DecisionFlagSet.Discretionary : 0)
                 | (rule.AmountNotStated ? DecisionFlagSet.AmountNotStated : 0)
                 | (rule.MaximumOnly ? DecisionFlagSet.MaximumOnly : 0)
                 | (rule.MinimumOnly ? DecisionFlagSet.MinimumOnly : 0)
                 | (document.Draft ? DecisionFlagSet.DraftDocument : 0)
                 | (rule.LastPeriod?.End == PeriodEnd.NotStated ? DecisionFlagSet.EndNotStated : 0);
        _horizonMonths = catalogue.UnstatedEndHorizonMonths;

        var reads = new List<string>();
        int Slot(string fact)
        {
            if (!reads.Contains(fact))
            {
                reads.Add(fact);
            }

            return layout.SlotOf(fact);
        }

        var compiler = new ConditionCompiler(catalogue, Slot);
        _appliesOnSlot = rule.AppliesOn == PolicyRule.EvaluationDate ? -2 : Slot(rule.AppliesOn);
        _periods = [.. rule.Periods];
        var conditions = new BatchCondition[rule.Conditions.Count];
        var compiled = true;
        for (var i = 0; i < conditions.Length && compiled; i++)
        {
            compiled = compiler.TryCompile(rule.Conditions[i], out conditions[i]!);
        }

        _conditions = conditions;
        _onceOnly = rule.OnceOnly;
        _personIdSlot = _onceOnly?.Scope is OnceOnlyScope.Person or OnceOnlyScope.PersonAndEnterprise ? Slot("person.id") : -1;
        _enterpriseIdSlot = _onceOnly?.Scope is OnceOnlyScope.Enterprise or OnceOnlyScope.PersonAndEnterprise ? Slot("enterprise.id") : -1;
        _communityIdSlot = _onceOnly?.Scope is OnceOnlyScope.Community ? Slot("community.id") : -1;
        if (compiled)
        {
            compiled = CompiledAmount.TryCompile(rule, catalogue, compiler, Slot, out _amount);
        }

        IsCompiled = compiled;
        _fallback = compiled ? null : new EligibilityEvaluator(catalogue);
        FactsRead = reads;
    }

    public PolicyRule Rule { get; }

    public string Jurisdiction { get; }

    public FactLayout Layout { get; }

    /// <summary>False when the rule goes through the evaluator (see the class summary).</summary>
    public bool IsCompiled { get; }

    /// <summary>
    /// The fact names the rule may read (its date, conditions, once-only ids and amount), in
    /// order; a batch need only fill these slots. (<c>history.payments</c> is read from
    /// <see cref="FactRow.Payments"/> by once-only rules and month caps.) Complete only when
    /// <see cref="IsCompiled"/>: a host's condition may read any fact, so fill them all then.
    /// </summary>
    public IReadOnlyList<string> FactsRead { get; }

    /// <summary>Compiles <paramref name="ruleId"/> for facts in <paramref name="layout"/>, decided as in <paramref name="jurisdiction"/>.</summary>
    /// <exception cref="ArgumentException">The catalogue has no such rule.</exception>
    public static CompiledRule Compile(PolicyCatalogue catalogue, string ruleId, string jurisdiction, FactLayout layout)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(layout);
        var rule = catalogue.FindRule(ruleId) ?? throw new ArgumentException($"No rule '{ruleId}' in catalogue {catalogue.Version}.", nameof(ruleId));
        return new CompiledRule(catalogue, rule, jurisdiction, layout);
    }

    /// <summary>
    /// The decision for <paramref name="facts"/> on <paramref name="date"/>: the outcome, amount
    /// and flags of <c>Evaluate(new EvaluationRequest(rule.Benefit, Jurisdiction, date,
    /// facts.ToJsonObject(), RuleId: rule.Id))</c>.
    /// </summary>
    public BatchDecision Evaluate(FactRow facts, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (!ReferenceEquals(facts.Layout, Layout))
        {
            throw new ArgumentException("The row has another layout than the rule was compiled for.", nameof(facts));
        }

        if (!_inJurisdiction)
        {
            return new BatchDecision(Outcome.Ineligible, null, _flags | DecisionFlagSet.NotThisJurisdiction);
        }

        if (_fallback is not null)
        {
            return Fallback(facts, date);
        }

        DateOnly? applicable = _appliesOnSlot == -2 ? date : facts.TryDate(_appliesOnSlot, out var d) ? d : null;
        var onDate = applicable ?? date;
        var outsidePeriod = false;
        var pastHorizon = false;
        if (applicable is { } day)
        {
            outsidePeriod = true;
            foreach (var period in _periods)
            {
                if (period.Contains(day))
                {
                    outsidePeriod = false;
                    // As the evaluator: past the horizon of an end the text does not state.
                    pastHorizon = period.End == PeriodEnd.NotStated && day > Dates.PolicyDates.AddMonths(period.From, _horizonMonths);
                    break;
                }
            }
        }

        var flags = _flags;
        var anyMissing = applicable is null;
        var anyFail = false;
        var anyReview = false;
        foreach (var condition in _conditions)
        {
            ConditionStatus status;
            try
            {
                status = condition is OneOfOpenCondition open ? open.Evaluate(facts, ref flags) : condition.Evaluate(facts, date, onDate);
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException)
            {
                // As the evaluator: a condition that cannot be computed needs an officer.
                status = ConditionStatus.ManualReview;
            }

            switch (status)
            {
                case ConditionStatus.Missing:
                    anyMissing = true;
                    break;
                case ConditionStatus.Fail:
                    anyFail = true;
                    break;
                case ConditionStatus.ManualReview:
                    anyReview = true;
                    break;
            }
        }

        var alreadyPaid = _onceOnly is not null && AlreadyPaid(facts, onDate);
        if (outsidePeriod || anyFail || alreadyPaid)
        {
            return new BatchDecision(Outcome.Ineligible, null, flags);
        }

        if (anyMissing)
        {
            return new BatchDecision(Outcome.NeedsInformation, null, flags);
        }

        if (anyReview || pastHorizon)
        {
            return new BatchDecision(Outcome.ManualReview, null, flags);
        }

        return _amount!.Decide(facts, date, onDate, flags);
    }

    private bool AlreadyPaid(FactRow facts, DateOnly onDate)
    {
        var payments = facts.Payments;
        if (payments.Count == 0)
        {
            return false;
        }

        var once = _onceOnly!;
        var personId = _personIdSlot >= 0 ? facts.Text(_personIdSlot) : null;
        var enterpriseId = _enterpriseIdSlot >= 0 ? facts.Text(_enterpriseIdSlot) : null;
        var communityId = _communityIdSlot >= 0 ? facts.Text(_communityIdSlot) : null;
        foreach (var payment in payments)
        {
            if (payment.Rule != Rule.Id)
            {
                continue;
            }

            // An id is compared only when both the payment and the facts carry it.
            if (!Same(personId, payment.PersonId) || !Same(enterpriseId, payment.EnterpriseId) || !Same(communityId, payment.CommunityId))
            {
                continue;
            }

            if (once.PerCalendarYear && (payment.Date is not { } paid || paid.Year != onDate.Year))
            {
                continue;
            }

            return true;
        }

        return false;

        static bool Same(string? expected, string? actual) => expected is null || actual is null || actual == expected;
    }

    private BatchDecision Fallback(FactRow facts, DateOnly date)
    {
        var result = _fallback!.Evaluate(new EvaluationRequest(Rule.Benefit, Jurisdiction, date, facts.ToJsonObject(),
            IncludeOtherJurisdictions: true, RuleId: Rule.Id, IncludeTrace: false));
        var decision = result.Decisions[0];
        return new BatchDecision(decision.Outcome, decision.Amount, BatchDecision.FlagsOf(decision.Flags));
    }

    /// <summary>The catalogue the rule was compiled from (its version is the one the evaluator would trace).</summary>
    public PolicyCatalogue Catalogue => _catalogue;
}
