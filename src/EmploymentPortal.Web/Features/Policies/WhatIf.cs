using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Policies;
using EmploymentPortal.Policies.Evaluation;
using EmploymentPortal.Policies.Evaluation.Batch;
using EmploymentPortal.Policies.Model;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Policies;

/// <summary>
/// What-if (政策测算): re-evaluates a population under a changed parameter value and reports the
/// difference in people and money against the catalogue in force. Nothing is published or saved.
/// The population is the residents of a district or community, each with the facts their record
/// holds plus scenario facts the officer gives for all of them (e.g. a hire date), or the
/// approved claims of a year, each re-decided on its own frozen facts, rule and decision date
/// (<see cref="RunOnClaimsAsync"/>).
/// </summary>
public static class WhatIf
{
    public sealed record Request(
        string Benefit,
        string Jurisdiction,
        DateOnly Date,
        string ParameterId,
        decimal NewValue,
        DateOnly NewValueFrom,
        Guid? DistrictId,
        Guid? CommunityId,
        JsonObject ScenarioFacts);

    /// <summary>How many people fall under each outcome, and the money for the eligible.</summary>
    public sealed record Tally(int Eligible, int Ineligible, int NeedsInformation, int ManualReview, Money Amount);

    /// <summary>A person whose decision changes; the name is masked (张*), the id is enough to look them up.</summary>
    public sealed record ChangedPerson(Guid ResidentId, string MaskedName, Outcome Before, Money? BeforeAmount, Outcome After, Money? AfterAmount);

    public sealed record Result(int People, Tally Baseline, Tally Variant, int ChangedCount, IReadOnlyList<ChangedPerson> Changed, string BaselineVersion, string VariantVersion);

    /// <summary>At most this many changed people are listed; the counts cover everyone.</summary>
    public const int ListedChanges = 200;

    /// <summary>
    /// The residents of the request decided under the catalogue in force and under the changed
    /// value, on the batch path (<see cref="CompiledRule"/>, docs/policies/batch.md): each rule of
    /// the benefit compiled once per catalogue, each person's facts written into one reused
    /// <see cref="FactRow"/>. Scenario facts a row cannot hold (lists, nulls, <c>history</c>) take
    /// the evaluator's path, which gives the same answers (<see cref="RunWithEvaluatorAsync"/>).
    /// </summary>
    public static Task<Result> RunAsync(PortalDbContext db, PolicyCatalogue current, Request request, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ResidentBatch.TryLayout(request.ScenarioFacts, out var scenario))
        {
            return RunWithEvaluatorAsync(db, current, request, progress, cancellationToken);
        }

        return CompareAsync(
            current, request.ParameterId, request.NewValue, request.NewValueFrom,
            Population(db, request).AsAsyncEnumerable(),
            resident => (resident.Id, resident.Name),
            (baseline, variant) =>
            {
                var before = new ResidentBatch(baseline.Catalogue, request, scenario);
                var after = new ResidentBatch(variant.Catalogue, request, scenario);
                return resident => (before.Decide(resident), after.Decide(resident));
            },
            progress,
            cancellationToken);
    }

    /// <summary>
    /// <see cref="RunAsync"/> with every person's facts as JSON decided by the
    /// <see cref="EligibilityEvaluator"/>: the reference the batch path is held to
    /// (WhatIfTests), and the path for scenario facts a <see cref="FactRow"/> cannot hold.
    /// </summary>
    internal static Task<Result> RunWithEvaluatorAsync(PortalDbContext db, PolicyCatalogue current, Request request, IProgress<int>? progress = null, CancellationToken cancellationToken = default) =>
        CompareAsync(
            current, request.ParameterId, request.NewValue, request.NewValueFrom,
            Population(db, request).AsAsyncEnumerable(),
            resident => (resident.Id, resident.Name),
            (baseline, variant) => resident =>
            {
                var facts = (JsonObject)request.ScenarioFacts.DeepClone();
                var person = facts["person"] as JsonObject ?? new JsonObject();
                person["birthDate"] = resident.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                person["sex"] = SexFact(resident.Sex);
                facts["person"] = person;
                EvaluationRequest evaluation = new(request.Benefit, request.Jurisdiction, request.Date, facts, IncludeOtherJurisdictions: false, IncludeTrace: false);
                return (Best(baseline.Evaluate(evaluation)), Best(variant.Evaluate(evaluation)));
            },
            progress,
            cancellationToken);

    private static string SexFact(Sex sex) => sex == Sex.Male ? "male" : "female";

    /// <summary>
    /// Decides every member of a population under the catalogue in force and under the changed
    /// value, and counts people, money and the members whose decision or amount changes.
    /// <paramref name="deciderFor"/> makes, for the two evaluators, what decides a member under both.
    /// </summary>
    private static async Task<Result> CompareAsync<T>(
        PolicyCatalogue current,
        string parameterId,
        decimal newValue,
        DateOnly newValueFrom,
        IAsyncEnumerable<T> population,
        Func<T, (Guid ResidentId, string Name)> who,
        Func<EligibilityEvaluator, EligibilityEvaluator, Func<T, ((Outcome Outcome, Money? Amount) Before, (Outcome Outcome, Money? Amount) After)>> deciderFor,
        IProgress<int>? progress,
        CancellationToken cancellationToken)
    {
        var reference = new Citation("测算（未发布）", "—", $"{parameterId} = {newValue} 自 {newValueFrom:yyyy-MM-dd}", Local: true, SetBy: "what-if");
        var variantCatalogue = current.WithHypotheticalValue(parameterId, newValue, newValueFrom, reference);
        var baseline = new EligibilityEvaluator(current);
        var variant = new EligibilityEvaluator(variantCatalogue);
        var decide = deciderFor(baseline, variant);
        var before = new Counter();
        var after = new Counter();
        var changed = new List<ChangedPerson>();
        var changedCount = 0;
        var people = 0;

        await foreach (var member in population.WithCancellation(cancellationToken))
        {
            var ((outcomeBefore, amountBefore), (outcomeAfter, amountAfter)) = decide(member);
            before.Add(outcomeBefore, amountBefore);
            after.Add(outcomeAfter, amountAfter);
            if (outcomeBefore != outcomeAfter || amountBefore != amountAfter)
            {
                changedCount++;
                if (changed.Count < ListedChanges)
                {
                    var (id, name) = who(member);
                    changed.Add(new ChangedPerson(id, MaskName(name), outcomeBefore, amountBefore, outcomeAfter, amountAfter));
                }
            }

            if (++people % 500 == 0)
            {
                progress?.Report(people);
            }
        }

        progress?.Report(people);
        return new Result(people, before.ToTally(), after.ToTally(), changedCount, changed, current.Version, variantCatalogue.Version);
    }

    /// <summary>
    /// The approved claims (approved, in a payment batch or paid) decided in <c>Year</c>, of one
    /// benefit kind or all, re-decided under the changed value.
    /// </summary>
    public sealed record ClaimsRequest(string ParameterId, decimal NewValue, DateOnly NewValueFrom, int Year, string? Benefit);

    private static readonly ClaimStatus[] ApprovedStatuses = [ClaimStatus.Approved, ClaimStatus.InPaymentBatch, ClaimStatus.Paid];

    /// <summary>
    /// Re-decides every claim of <paramref name="request"/> with the facts frozen in it, its rule and
    /// its decision date, under the catalogue in force and under the changed value: how many of
    /// the approved claims, and how much money, the change would have moved. A claim whose rule is
    /// no longer in the catalogue is counted as ineligible on both sides.
    /// </summary>
    public static Task<Result> RunOnClaimsAsync(PortalDbContext db, PolicyCatalogue current, ClaimsRequest request, IProgress<int>? progress = null, CancellationToken cancellationToken = default) =>
        CompareAsync(
            current, request.ParameterId, request.NewValue, request.NewValueFrom,
            ClaimPopulation(db, request).Select(c => new ClaimRow(c.ResidentId ?? c.CommunityId, c.PersonName, c.RuleId, c.DecidedOn, c.FactsJson)).AsAsyncEnumerable(),
            claim => (claim.ResidentId, claim.PersonName),
            (baseline, variant) => claim =>
            {
                var facts = JsonNode.Parse(claim.FactsJson) as JsonObject ?? [];
                return (Decide(baseline), Decide(variant));

                (Outcome Outcome, Money? Amount) Decide(EligibilityEvaluator evaluator)
                {
                    if (evaluator.Catalogue.FindRule(claim.RuleId) is not { } rule)
                    {
                        return (Outcome.Ineligible, null);
                    }

                    var jurisdiction = evaluator.Catalogue.DocumentOf(rule).Jurisdictions[0];
                    var decision = evaluator.Evaluate(new EvaluationRequest(rule.Benefit, jurisdiction, claim.DecidedOn, facts, IncludeOtherJurisdictions: false, RuleId: rule.Id, IncludeTrace: false)).Decisions.Single();
                    return (decision.Outcome, decision.Outcome == Outcome.Eligible ? decision.Amount : null);
                }
            },
            progress,
            cancellationToken);

    private sealed record ClaimRow(Guid ResidentId, string PersonName, string RuleId, DateOnly DecidedOn, string FactsJson);

    /// <summary>How many claims the request covers (for the progress bar).</summary>
    public static Task<int> CountAsync(PortalDbContext db, ClaimsRequest request, CancellationToken cancellationToken = default) =>
        ClaimPopulation(db, request).CountAsync(cancellationToken);

    private static IQueryable<Claim> ClaimPopulation(PortalDbContext db, ClaimsRequest request)
    {
        var from = new DateOnly(request.Year, 1, 1);
        var until = new DateOnly(request.Year, 12, 31);
        var claims = db.Claims.AsNoTracking().Where(c => ApprovedStatuses.Contains(c.Status) && c.DecidedOn >= from && c.DecidedOn <= until);
        if (!string.IsNullOrEmpty(request.Benefit))
        {
            claims = claims.Where(c => c.Benefit == request.Benefit);
        }

        return claims.OrderBy(c => c.Id);
    }

    /// <summary>How many residents the request covers (for the progress bar).</summary>
    public static Task<int> CountAsync(PortalDbContext db, Request request, CancellationToken cancellationToken = default) =>
        Population(db, request).CountAsync(cancellationToken);

    /// <summary>
    /// A person's result for the benefit: eligible with the highest amount among the rules of the
    /// jurisdiction when any rule grants it (alternative rules of one benefit are not added up),
    /// otherwise the most actionable other outcome.
    /// </summary>
    private static (Outcome Outcome, Money? Amount) Best(EvaluationResult result) =>
        Best([.. result.Decisions.Select(d => (d.Outcome, d.Amount))]);

    /// <inheritdoc cref="Best(EvaluationResult)"/>
    private static (Outcome Outcome, Money? Amount) Best(ReadOnlySpan<(Outcome Outcome, Money? Amount)> decisions)
    {
        var eligible = false;
        Money? amount = null;
        var manualReview = false;
        var needsInformation = false;
        foreach (var (outcome, fen) in decisions)
        {
            switch (outcome)
            {
                case Outcome.Eligible:
                    eligible = true;
                    if (fen is { } value && (amount is null || value > amount))
                    {
                        amount = value;
                    }

                    break;
                case Outcome.ManualReview:
                    manualReview = true;
                    break;
                case Outcome.NeedsInformation:
                    needsInformation = true;
                    break;
            }
        }

        return eligible ? (Outcome.Eligible, amount)
            : manualReview ? (Outcome.ManualReview, null)
            : needsInformation ? (Outcome.NeedsInformation, null)
            : (Outcome.Ineligible, null);
    }

    private static IQueryable<PopulationRow> Population(PortalDbContext db, Request request)
    {
        var residents = db.Residents.AsNoTracking();
        if (request.CommunityId is { } community)
        {
            residents = residents.Where(r => r.CommunityId == community);
        }
        else if (request.DistrictId is { } district)
        {
            residents = from r in residents
                        join c in db.Communities on r.CommunityId equals c.Id
                        join s in db.Streets on c.StreetId equals s.Id
                        where s.DistrictId == district
                        select r;
        }

        return residents.OrderBy(r => r.Id).Select(r => new PopulationRow(r.Id, r.Name, r.BirthDate, r.Sex));
    }

    /// <summary>The scenario facts as slots of a row, and the slots of the two facts each person brings.</summary>
    private sealed record ScenarioLayout(FactLayout Layout, IReadOnlyList<object> Values, int BirthDateSlot, int SexSlot);

    /// <summary>
    /// The rules of one benefit in the request's jurisdiction, compiled for one catalogue, deciding
    /// residents on one reused row, their rules' decisions combined by the one <c>Best</c> (the evaluator leaves
    /// rules of other jurisdictions out, so the batch does not compile them).
    /// </summary>
    private sealed class ResidentBatch
    {
        private readonly CompiledRule[] _rules;
        private readonly FactRow _row;
        private readonly ScenarioLayout _scenario;
        private readonly DateOnly _date;
        private readonly (Outcome Outcome, Money? Amount)[] _decisions;

        public ResidentBatch(PolicyCatalogue catalogue, Request request, ScenarioLayout scenario)
        {
            _scenario = scenario;
            _date = request.Date;
            _row = new FactRow(scenario.Layout);
            // The scenario's facts come first in the layout: a value's slot is its index.
            for (var slot = 0; slot < scenario.Values.Count; slot++)
            {
                switch (scenario.Values[slot])
                {
                    case bool flag:
                        _row.Set(slot, flag);
                        break;
                    case decimal number:
                        _row.Set(slot, number);
                        break;
                    case var text:
                        _row.Set(slot, (string)text);
                        break;
                }
            }

            _rules = [.. catalogue.RulesForBenefit(request.Benefit)
                .Where(r => catalogue.DocumentOf(r).Jurisdictions.Contains(request.Jurisdiction, StringComparer.Ordinal))
                .Select(r => CompiledRule.Compile(catalogue, r.Id, request.Jurisdiction, scenario.Layout))];
            _decisions = new (Outcome, Money?)[_rules.Length];
        }

        public (Outcome Outcome, Money? Amount) Decide(PopulationRow resident)
        {
            _row.Set(_scenario.BirthDateSlot, resident.BirthDate);
            _row.Set(_scenario.SexSlot, SexFact(resident.Sex));
            for (var i = 0; i < _rules.Length; i++)
            {
                var decision = _rules[i].Evaluate(_row, _date);
                _decisions[i] = (decision.Outcome, decision.Amount);
            }

            return Best(_decisions);
        }

        /// <summary>
        /// The scenario's facts as named slots, with <c>person.birthDate</c> and <c>person.sex</c>
        /// (each person's, over any the scenario gives); false when a fact is something a row
        /// cannot hold exactly as the JSON would be read: a list, a null, <c>history</c>, a number
        /// outside <see cref="decimal"/>.
        /// </summary>
        public static bool TryLayout(JsonObject scenario, [NotNullWhen(true)] out ScenarioLayout? layout)
        {
            layout = null;
            var names = new List<string>();
            var values = new List<object>();
            if (!Flatten(scenario, prefix: null, names, values))
            {
                return false;
            }

            if (names.Any(n => n == "history" || n.StartsWith("history.", StringComparison.Ordinal)))
            {
                return false;
            }

            for (var i = names.Count - 1; i >= 0; i--)
            {
                if (names[i] is "person" or "person.birthDate" or "person.sex")
                {
                    names.RemoveAt(i);
                    values.RemoveAt(i);
                }
            }

            var factLayout = new FactLayout([.. names, "person.birthDate", "person.sex"]);
            layout = new ScenarioLayout(factLayout, values, factLayout.SlotOf("person.birthDate"), factLayout.SlotOf("person.sex"));
            return true;
        }

        private static bool Flatten(JsonObject group, string? prefix, List<string> names, List<object> values)
        {
            foreach (var (key, node) in group)
            {
                var name = prefix is null ? key : prefix + "." + key;
                if (key.Length == 0 || key.Contains('.', StringComparison.Ordinal))
                {
                    return false;
                }

                switch (node)
                {
                    case JsonObject child:
                        if (!Flatten(child, name, names, values))
                        {
                            return false;
                        }

                        break;
                    case JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                        names.Add(name);
                        values.Add(value.GetValueKind() == JsonValueKind.True);
                        break;
                    case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                        names.Add(name);
                        values.Add(value.GetValue<string>());
                        break;
                    case JsonValue value when value.GetValueKind() == JsonValueKind.Number
                        && decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                        names.Add(name);
                        values.Add(number);
                        break;
                    default:
                        return false;
                }
            }

            return true;
        }
    }

    private static string MaskName(string name) => name.Length <= 1 ? "*" : name[0] + new string('*', name.Length - 1);

    private sealed record PopulationRow(Guid Id, string Name, DateOnly BirthDate, Sex Sex);

    private sealed class Counter
    {
        private int _eligible;
        private int _ineligible;
        private int _needsInformation;
        private int _manualReview;
        private Money _amount;

        public void Add(Outcome outcome, Money? amount)
        {
            switch (outcome)
            {
                case Outcome.Eligible:
                    _eligible++;
                    _amount += amount ?? Money.Zero;
                    break;
                case Outcome.NeedsInformation:
                    _needsInformation++;
                    break;
                case Outcome.ManualReview:
                    _manualReview++;
                    break;
                default:
                    _ineligible++;
                    break;
            }
        }

        public Tally ToTally() => new(_eligible, _ineligible, _needsInformation, _manualReview, _amount);
    }
}
