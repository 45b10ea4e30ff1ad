using System.Text.Json.Nodes;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Policies;
using EmploymentPortal.Policies.Evaluation;
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

    public static Task<Result> RunAsync(PortalDbContext db, PolicyCatalogue current, Request request, IProgress<int>? progress = null, CancellationToken cancellationToken = default) =>
        CompareAsync(
            current, request.ParameterId, request.NewValue, request.NewValueFrom,
            Population(db, request).AsAsyncEnumerable(),
            resident => (resident.Id, resident.Name),
            resident =>
            {
                var facts = (JsonObject)request.ScenarioFacts.DeepClone();
                var person = facts["person"] as JsonObject ?? new JsonObject();
                person["birthDate"] = resident.BirthDate.ToString("yyyy-MM-dd");
                person["sex"] = resident.Sex == Sex.Male ? "male" : "female";
                facts["person"] = person;
                return evaluator => Best(evaluator.Evaluate(new EvaluationRequest(request.Benefit, request.Jurisdiction, request.Date, facts, IncludeOtherJurisdictions: false)));
            },
            progress,
            cancellationToken);

    /// <summary>
    /// Decides every member of a population under the catalogue in force and under the changed
    /// value, and counts people, money and the members whose decision or amount changes.
    /// <paramref name="decisionOf"/> prepares a member's facts once and decides them with either evaluator.
    /// </summary>
    private static async Task<Result> CompareAsync<T>(
        PolicyCatalogue current,
        string parameterId,
        decimal newValue,
        DateOnly newValueFrom,
        IAsyncEnumerable<T> population,
        Func<T, (Guid ResidentId, string Name)> who,
        Func<T, Func<EligibilityEvaluator, (Outcome Outcome, Money? Amount)>> decisionOf,
        IProgress<int>? progress,
        CancellationToken cancellationToken)
    {
        var reference = new Citation("测算（未发布）", "—", $"{parameterId} = {newValue} 自 {newValueFrom:yyyy-MM-dd}", Local: true, SetBy: "what-if");
        var variantCatalogue = current.WithHypotheticalValue(parameterId, newValue, newValueFrom, reference);
        var baseline = new EligibilityEvaluator(current);
        var variant = new EligibilityEvaluator(variantCatalogue);
        var before = new Counter();
        var after = new Counter();
        var changed = new List<ChangedPerson>();
        var changedCount = 0;
        var people = 0;

        await foreach (var member in population.WithCancellation(cancellationToken))
        {
            var decide = decisionOf(member);
            var (outcomeBefore, amountBefore) = decide(baseline);
            var (outcomeAfter, amountAfter) = decide(variant);
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
            claim =>
            {
                var facts = JsonNode.Parse(claim.FactsJson) as JsonObject ?? [];
                return evaluator =>
                {
                    if (evaluator.Catalogue.FindRule(claim.RuleId) is not { } rule)
                    {
                        return (Outcome.Ineligible, null);
                    }

                    var jurisdiction = evaluator.Catalogue.DocumentOf(rule).Jurisdictions[0];
                    var decision = evaluator.Evaluate(new EvaluationRequest(rule.Benefit, jurisdiction, claim.DecidedOn, facts, IncludeOtherJurisdictions: false, RuleId: rule.Id, IncludeTrace: false)).Decisions.Single();
                    return (decision.Outcome, decision.Outcome == Outcome.Eligible ? decision.Amount : null);
                };
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
    private static (Outcome Outcome, Money? Amount) Best(EvaluationResult result)
    {
        var eligible = result.Decisions.Where(d => d.Outcome == Outcome.Eligible).ToList();
        if (eligible.Count > 0)
        {
            return (Outcome.Eligible, eligible.Max(d => d.Amount));
        }

        foreach (var outcome in new[] { Outcome.ManualReview, Outcome.NeedsInformation })
        {
            if (result.Decisions.Any(d => d.Outcome == outcome))
            {
                return (outcome, null);
            }
        }

        return (Outcome.Ineligible, null);
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
