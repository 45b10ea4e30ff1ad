using System.Text.Json.Nodes;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Policies;
using EmploymentPortal.Policies.Evaluation;
using EmploymentPortal.Web.Features.Policies;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Residents.Unemployment;

/// <summary>
/// What the station states with the resident before a 失业登记 (or when checking whether a
/// registered person stays on the register); null: not stated, which the rules service answers
/// with 需补充信息. A fact the portal's records hold is never taken from here.
/// </summary>
/// <remarks>RegistrationPlace: Where the registration is made when it is not the community the resident lives in: <c>hukou</c>, <c>employment</c>, <c>insured</c> or <c>other</c>.</remarks>
public sealed record StatedRegistrationFacts(bool? AbleToWork, bool? WantsWork, bool? CurrentlyUnemployed, string? RegistrationPlace = null)
{
    public static readonly StatedRegistrationFacts None = new(null, null, null);

    /// <summary>The places a registration may be stated to be made at (besides the residence, which the records decide).</summary>
    public static readonly IReadOnlyList<string> Places = ["residence", "hukou", "employment", "insured", "other"];
}

/// <summary>
/// The unemployment register's conditions, decided by the rules service: 邢南政发〔2020〕1号 (二十)
/// (劳动年龄内、有劳动能力、有就业要求、处于失业状态，在常住地登记) and 界首市就业促进行动方案 二、(二)2
/// (失业农民工 may also register where their household is registered, where they work or are
/// insured). The facts the portal holds are taken from its records: the two days of working age
/// from the birth date and sex, whether the person is a migrant worker, whether they are in work (a
/// hire current on the day, or a status of work on the register) and whether the registering
/// community is the one they live in. The rest is asked (<see cref="StatedRegistrationFacts"/>).
/// </summary>
public sealed class RegistrationConditions(PolicyCatalogueService policies)
{
    /// <summary>The rule that states the conditions; the others of the kind only widen where one may register.</summary>
    public const string GeneralRule = "nanhe-2020-1.unemployment-registration";

    /// <summary>The rule that states the conditions of staying on the register.</summary>
    public const string GeneralKeptRule = "nanhe-2020-1.unemployment-registration-kept";

    /// <summary>The fact of where the registration is made.</summary>
    public const string PlaceFact = "registration.place";

    /// <summary>
    /// The decisions of every rule of the kind (<see cref="BenefitKinds.UnemploymentRegistration"/> or
    /// <see cref="BenefitKinds.UnemploymentRegistrationKept"/>) and whether they allow the registration
    /// (or keep the person on the register): <see cref="Allowed"/>.
    /// </summary>
    /// <remarks>FromRecords: The facts taken from the portal's records (not asked). Facts: Every fact the decisions were made on.</remarks>
    public sealed record Evaluation(string Kind, DateOnly Date, IReadOnlyList<RuleDecision> Decisions, bool Allowed, IReadOnlyList<string> FromRecords, JsonObject Facts)
    {
        /// <summary>The decision of the rule that states the conditions.</summary>
        public RuleDecision? General => Decisions.FirstOrDefault(d => d.RuleId is GeneralRule or GeneralKeptRule);

        /// <summary>
        /// The decisions people need to see: the general one, and a rule that widens the place of
        /// registration only when it is met or the records say the person is one it is for.
        /// </summary>
        public IReadOnlyList<RuleDecision> Shown => Decisions
            .Where(d => d == General || d.Outcome == Outcome.Eligible || Facts["person"]?["migrantWorker"] is JsonValue v && v.TryGetValue<bool>(out var yes) && yes)
            .ToList();
    }

    /// <summary>Decides whether <paramref name="resident"/> may be registered on <paramref name="date"/> at <paramref name="registeringCommunityId"/>.</summary>
    public async Task<Evaluation> ForRegistrationAsync(PortalDbContext db, Resident resident, Guid registeringCommunityId, DateOnly date, StatedRegistrationFacts stated, CancellationToken cancellationToken)
    {
        var atResidence = registeringCommunityId == resident.CommunityId;
        return await EvaluateAsync(db, BenefitKinds.UnemploymentRegistration, resident, date, stated, atResidence ? true : null, cancellationToken);
    }

    /// <summary>
    /// Decides whether a registered <paramref name="resident"/> stays on the register on
    /// <paramref name="date"/>; a condition no longer met is the ground for leaving it (注销).
    /// The community of registration is read from the 失业登记号 (SY + its code + yyyyMM + sequence).
    /// </summary>
    public async Task<Evaluation> ForStayingAsync(PortalDbContext db, Resident resident, DateOnly date, StatedRegistrationFacts stated, CancellationToken cancellationToken)
    {
        var number = resident.UnemploymentRegistrationNumber;
        var code = number is { Length: > 12 } && number.StartsWith("SY", StringComparison.Ordinal) ? number[2..^10] : null;
        bool? atResidence = null;
        if (code is not null)
        {
            var residenceCode = await db.Communities.Where(c => c.Id == resident.CommunityId).Select(c => c.Code).SingleAsync(cancellationToken);
            var known = await db.Communities.AnyAsync(c => c.Code == code, cancellationToken);
            atResidence = known ? code == residenceCode : null;
        }

        return await EvaluateAsync(db, BenefitKinds.UnemploymentRegistrationKept, resident, date, stated, atResidence, cancellationToken);
    }

    private async Task<Evaluation> EvaluateAsync(PortalDbContext db, string kind, Resident resident, DateOnly date, StatedRegistrationFacts stated, bool? atResidence, CancellationToken cancellationToken)
    {
        var fromRecords = new List<string> { "person.workingAgeFrom", "person.statutoryRetirementDate", "person.migrantWorker" };
        var person = new JsonObject
        {
            ["workingAgeFrom"] = JsonValue.Create(StatutoryRetirement.WorkingAgeFrom(resident.BirthDate)),
            ["statutoryRetirementDate"] = JsonValue.Create(StatutoryRetirement.RetirementDate(resident.BirthDate, resident.Sex)),
            ["migrantWorker"] = resident.MigrantWorker != MigrantWorkerStatus.None,
        };
        if (stated.AbleToWork is { } able)
        {
            person["ableToWork"] = able;
        }

        if (stated.WantsWork is { } wants)
        {
            person["wantsWork"] = wants;
        }

        // In work by the records: a hire current on the day, or a status of work on the register.
        // No hire does not prove no work (work the portal does not record), so then it is asked.
        var residentId = resident.Id;
        var hired = await db.Hires.AnyAsync(h => h.ResidentId == residentId && h.StartDate <= date && (h.EndedOn == null || h.EndedOn >= date), cancellationToken);
        var working = resident.StatusOn(date) is EmploymentStatus.Employed or EmploymentStatus.FlexiblyEmployed or EmploymentStatus.SelfEmployed or EmploymentStatus.PublicWelfarePost;
        if (hired || working)
        {
            person["unemployed"] = false;
            fromRecords.Add("person.unemployed");
        }
        else if (stated.CurrentlyUnemployed is { } unemployed)
        {
            person["unemployed"] = unemployed;
        }

        var registration = new JsonObject();
        if (atResidence == true)
        {
            registration["place"] = "residence";
            fromRecords.Add(PlaceFact);
        }
        else if (stated.RegistrationPlace is { } place && StatedRegistrationFacts.Places.Contains(place) && place != "residence")
        {
            registration["place"] = place;
        }

        var facts = new JsonObject { ["person"] = person, ["registration"] = registration };
        await policies.EnsureCurrentAsync(db, cancellationToken);
        var catalogue = policies.Catalogue;
        var decisions = new List<RuleDecision>();
        foreach (var rule in catalogue.RulesForBenefit(kind))
        {
            // Each rule in a jurisdiction this portal serves, as claims are decided (ClaimDecider).
            var jurisdiction = catalogue.DocumentOf(rule).Jurisdictions.FirstOrDefault(j => policies.Jurisdictions.Contains(j));
            if (jurisdiction is null)
            {
                continue;
            }

            decisions.AddRange(policies.Evaluator.Evaluate(new EvaluationRequest(kind, jurisdiction, date, (JsonObject)facts.DeepClone(), IncludeOtherJurisdictions: false, RuleId: rule.Id)).Decisions);
        }

        return new Evaluation(kind, date, decisions, Allows(decisions), fromRecords, facts);
    }

    /// <summary>
    /// The general rule met; or every condition of it that is not met is the place of registration
    /// and a rule that widens the place (Jieshou 二、(二)2 for unemployed migrant workers) is met.
    /// </summary>
    private static bool Allows(IReadOnlyList<RuleDecision> decisions)
    {
        var general = decisions.FirstOrDefault(d => d.RuleId is GeneralRule or GeneralKeptRule);
        if (general is null)
        {
            return false;
        }

        if (general.Outcome == Outcome.Eligible)
        {
            return true;
        }

        var onlyThePlace = general.Trace.Conditions.Where(c => c.Result != ConditionStatus.Pass).All(c => c.Facts.All(f => f.Name == PlaceFact))
            && general.MissingFacts.All(f => f == PlaceFact);
        return onlyThePlace && decisions.Any(d => d != general && d.Outcome == Outcome.Eligible);
    }

    /// <summary>The conditions not met and the facts missing, as sentences for a refusal (words of the decision panel).</summary>
    public static IReadOnlyList<string> Refusals(Evaluation evaluation, PolicyCatalogue catalogue)
    {
        if (evaluation.General is not { } general)
        {
            return ["失业登记条件未能判定。"];
        }

        var view = new DecisionPresenter(catalogue).Present(general);
        var sentences = view.Conditions.Where(c => c.Status == ConditionStatus.Fail)
            .Select(c => $"{c.Subject}：{c.Held}（要求：{c.Required}）。")
            .ToList();
        if (view.MissingFacts.Count > 0)
        {
            sentences.Add($"需补充信息：{string.Join("、", view.MissingFacts)}。");
        }

        if (sentences.Count == 0)
        {
            sentences.Add($"{view.OutcomeWords}。");
        }

        sentences.Add($"依据：{view.Citation.Label}。");
        return sentences;
    }
}
