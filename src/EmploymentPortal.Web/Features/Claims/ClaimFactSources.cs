using System.Text.Json.Nodes;
using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Hires;
using EmploymentPortal.Domain.Posts;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Policies;

namespace EmploymentPortal.Web.Features.Claims;

/// <summary>What a fact source may read to build the rules service's facts for one claim.</summary>
public sealed record ClaimFactContext(
    ClaimantKind ClaimantKind,
    string Benefit,
    Resident Resident,
    Enterprise? Enterprise,
    DateOnly EvaluationDate,
    JsonArray HistoryPayments,
    Hire? Hire = null,
    PostPlacement? Placement = null,
    DateOnly? Month = null,
    InternshipOutcome? InternshipCohort = null);

/// <summary>
/// Builds the facts the portal's records hold for a claim. Pluggable per benefit kind and
/// claimant: resident-based benefits read the registry now; enterprise absorption subsidies will
/// read recorded hires (issue #4) once they exist. Facts a source builds always win over facts the
/// claimant states for the same name.
/// </summary>
public interface IClaimFactSource
{
    /// <summary>Stored with the claim (<see cref="Claim.FactSource"/>).</summary>
    string Name { get; }

    /// <summary>
    /// The benefit kinds the source serves for the claimant kind, for a claim made from a recorded
    /// hire (<paramref name="fromHire"/>) or not. The decider takes the first registered source
    /// that answers true.
    /// </summary>
    bool Handles(ClaimantKind claimant, string benefit, bool fromHire);

    /// <summary>The facts from the portal's records.</summary>
    JsonObject RecordFacts(ClaimFactContext context);
}

/// <summary>
/// Station staff (or the bureau's counter) claim for a resident: 一次性创业补贴, 灵活就业社会保险补贴,
/// 失业补助金, 职业培训补贴. Person facts come from the resident registry and its
/// employment-status history; the rest (business, training, months claimed) is stated.
/// </summary>
public sealed class ResidentRecordFactSource : IClaimFactSource
{
    public static readonly IReadOnlySet<string> Benefits = new HashSet<string>(StringComparer.Ordinal)
    {
        BenefitKinds.Entrepreneurship,
        BenefitKinds.FlexibleEmploymentSocialInsurance,
        BenefitKinds.UnemploymentSubsidy,
        BenefitKinds.Training,
    };

    public string Name => "resident-records";

    public bool Handles(ClaimantKind claimant, string benefit, bool fromHire) =>
        !fromHire && claimant is ClaimantKind.Station or ClaimantKind.Bureau && Benefits.Contains(benefit);

    public JsonObject RecordFacts(ClaimFactContext context) => ClaimFacts.FromRecords(context);
}

/// <summary>
/// An enterprise claims for a person it hired (一次性吸纳就业补贴, 社会保险补贴 …), naming the person by
/// ID number without a recorded hire: the hire facts are what the enterprise <b>states</b>; the
/// claim is marked <c>enterprise-stated</c> so officers see that. The person's registration
/// history and the enterprise record still come from the portal. Registered after
/// <see cref="RecordedHireFactSource"/>, which serves the claims made from a recorded hire.
/// </summary>
public sealed class EnterpriseStatedFactSource : IClaimFactSource
{
    public static readonly IReadOnlySet<string> Benefits = new HashSet<string>(StringComparer.Ordinal)
    {
        BenefitKinds.Absorption,
        BenefitKinds.SocialInsurance,
    };

    public string Name => "enterprise-stated";

    public bool Handles(ClaimantKind claimant, string benefit, bool fromHire) =>
        claimant == ClaimantKind.Enterprise && Benefits.Contains(benefit);

    public JsonObject RecordFacts(ClaimFactContext context) => ClaimFacts.FromRecords(context);
}

/// <summary>
/// An enterprise claims for a hire it recorded in the portal (issue 4): the <c>hire.*</c> facts come
/// from the recorded <see cref="Hire"/> (start date, contract type and term, social insurance),
/// the person facts from the resident's registration history <b>as it stood on the day before the
/// hire started</b> (the hire itself ends the registered unemployment), the key groups and the
/// enterprise's size and head counts from the facts frozen on the hire (the situation when
/// hiring; the live enterprise record only when a frozen value is missing). Nothing of the hire is
/// stated, so the claim is shown as coming from records. Only the months claimed
/// (<c>hire.subsidisedMonths</c>) and facts no record holds remain stated.
/// </summary>
public sealed class RecordedHireFactSource : IClaimFactSource
{
    /// <summary>Fact names this source supplies (the claim form does not ask for them).</summary>
    public static readonly IReadOnlySet<string> SuppliedFactNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "hire.date", "hire.contractMonths", "hire.contractType", "hire.socialInsurancePaid", "hire.socialInsuranceFrom",
        "person.hardToEmploy",
    };

    public string Name => "recorded-hire";

    public bool Handles(ClaimantKind claimant, string benefit, bool fromHire) =>
        fromHire && claimant == ClaimantKind.Enterprise && EnterpriseStatedFactSource.Benefits.Contains(benefit);

    public JsonObject RecordFacts(ClaimFactContext context)
    {
        var hire = context.Hire ?? throw new InvalidOperationException("A recorded-hire claim needs its hire.");
        var frozen = hire.Facts;

        // The person as the registry knew them just before the hire: the spell of registered
        // unemployment the hire ended, not today's status (employed, by that very hire).
        var facts = ClaimFacts.FromRecords(context, hire.StartDate.AddDays(-1));
        var person = (JsonObject)facts["person"]!;
        var registered = frozen.StatusBeforeHire == EmploymentStatus.RegisteredUnemployed;
        person["registeredUnemployed"] = registered;
        person["unemployed"] = registered;
        if (!registered)
        {
            person.Remove("registeredUnemployedSince");
        }
        else if (!person.ContainsKey("registeredUnemployedSince"))
        {
            // Registered and hired on the same day.
            person["registeredUnemployedSince"] = ClaimFacts.Iso(hire.StartDate);
        }

        person["hardToEmploy"] = frozen.IsIn(KeyGroup.EmploymentDifficulty);
        facts["community"] = new JsonObject { ["id"] = frozen.ResidentCommunityId.ToString() };

        if (facts["enterprise"] is JsonObject enterprise)
        {
            if (frozen.EnterpriseSize is { } size)
            {
                enterprise["size"] = size.ToString().ToLowerInvariant();
            }

            if (frozen.EnterpriseTotalEmployees is { } employees)
            {
                enterprise["employees"] = employees;
            }

            if (frozen.EnterpriseInsuredEmployees is { } insured)
            {
                enterprise["insuredEmployees"] = insured;
            }
        }

        var h = new JsonObject
        {
            ["id"] = hire.Id.ToString(),
            ["date"] = ClaimFacts.Iso(hire.StartDate),
            ["contractType"] = hire.ContractType switch
            {
                ContractType.FixedTerm => "fixedTerm",
                ContractType.OpenEnded => "openEnded",
                _ => "taskBased",
            },
            ["socialInsurancePaid"] = hire.SocialInsurancePaid,
        };

        // Without a fixed end (open-ended, task-based) the record holds no term in months; the
        // enterprise may state hire.contractMonths, and it shows as stated.
        if (hire.ContractTermMonths is { } months)
        {
            h["contractMonths"] = months;
        }

        if (hire.SocialInsuranceFrom is { } from)
        {
            h["socialInsuranceFrom"] = ClaimFacts.Iso(from);
        }

        facts["hire"] = h;
        return facts;
    }
}

/// <summary>Facts from the registry and merging with stated facts.</summary>
public static class ClaimFacts
{
    public static JsonObject FromRecords(ClaimFactContext context) => FromRecords(context, context.EvaluationDate);

    /// <summary>The registry's facts with the employment status as it stood on <paramref name="statusDate"/>.</summary>
    public static JsonObject FromRecords(ClaimFactContext context, DateOnly statusDate)
    {
        var resident = context.Resident;
        var date = statusDate;
        var person = new JsonObject
        {
            ["id"] = resident.Id.ToString(),
            ["birthDate"] = Iso(resident.BirthDate),
        };
        var status = resident.StatusOn(date);
        var registered = status == EmploymentStatus.RegisteredUnemployed;
        person["registeredUnemployed"] = registered;
        person["unemployed"] = registered;
        if (registered)
        {
            // 登记失业半年以上 counts from the start of the uninterrupted spell.
            var spellStart = resident.StatusHistory
                .Where(c => c.EffectiveFrom <= date)
                .Reverse()
                .TakeWhile(c => c.Status == EmploymentStatus.RegisteredUnemployed)
                .LastOrDefault();
            if (spellStart is not null)
            {
                person["registeredUnemployedSince"] = Iso(spellStart.EffectiveFrom);
            }
        }

        if (resident.GraduatedOn is { } graduated)
        {
            person["graduate"] = true;
            person["graduationDate"] = Iso(graduated);
        }

        if (resident.LeftSchoolOn is { } left)
        {
            person["schoolLeavingDate"] = Iso(left);
        }

        person["returningMigrantWorker"] = resident.MigrantWorker == MigrantWorkerStatus.ReturningMigrantWorker;
        person["relocated"] = resident.IsRelocatedResident;

        var facts = new JsonObject
        {
            ["person"] = person,
            ["community"] = new JsonObject { ["id"] = resident.CommunityId.ToString() },
            ["history"] = new JsonObject { ["payments"] = context.HistoryPayments.DeepClone() },
        };

        if (context.Enterprise is { } enterprise)
        {
            var e = new JsonObject { ["id"] = enterprise.Id.ToString() };
            if (enterprise.Size is { } size)
            {
                e["size"] = size.ToString().ToLowerInvariant();
            }

            if (enterprise.TotalEmployees is { } employees)
            {
                e["employees"] = employees;
            }

            if (enterprise.InsuredEmployees is { } insured)
            {
                e["insuredEmployees"] = insured;
            }

            facts["enterprise"] = e;
        }

        return facts;
    }

    /// <summary>
    /// The stated facts with the record facts laid over them, member by member: a claimant cannot
    /// state a different birth date or registration date than the registry holds.
    /// </summary>
    public static JsonObject Merge(JsonObject stated, JsonObject records)
    {
        var merged = (JsonObject)stated.DeepClone();
        Overlay(merged, records);
        return merged;
    }

    private static void Overlay(JsonObject target, JsonObject source)
    {
        foreach (var (name, value) in source)
        {
            if (value is JsonObject child && target[name] is JsonObject existing)
            {
                Overlay(existing, child);
            }
            else
            {
                target[name] = value?.DeepClone();
            }
        }
    }

    /// <summary>Fact names the registry supplies (never asked of the claimant).</summary>
    public static readonly IReadOnlySet<string> RecordFactNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "person.id", "person.birthDate", "person.registeredUnemployed", "person.registeredUnemployedSince", "person.unemployed",
        "person.graduate", "person.graduationDate", "person.schoolLeavingDate", "person.returningMigrantWorker", "person.relocated",
        "community.id", "enterprise.id", "enterprise.size", "enterprise.employees", "enterprise.insuredEmployees",
    };

    private static readonly string[] Groups = ["person", "enterprise", "hire", "business", "post", "internship", "training", "community"];

    /// <summary>The facts a rule reads that the records do not supply: what a claimant states, in name order.</summary>
    public static IReadOnlyList<string> StatedFactNames(EmploymentPortal.Policies.Model.PolicyRule rule, IReadOnlySet<string>? alsoSupplied = null) =>
        ReadFactNames(rule)
            .Where(v => !RecordFactNames.Contains(v) && alsoSupplied?.Contains(v) != true)
            .ToList();

    /// <summary>
    /// Every fact a rule reads in the groups a claim describes (the records' facts included), in
    /// name order; with <paramref name="withClaimPeriod"/> also the claim's period
    /// (<c>claim.periodFrom</c>/<c>periodTo</c>), for the bureau's sandbox where nobody sets them.
    /// </summary>
    public static IReadOnlyList<string> ReadFactNames(EmploymentPortal.Policies.Model.PolicyRule rule, bool withClaimPeriod = false) =>
        rule.Conditions.SelectMany(c => c.Args.Values)
            .Append(rule.AppliesOn)
            .Append(rule.Amount.Months ?? string.Empty)
            .Append(rule.Amount.Count ?? string.Empty)
            .Append(rule.Amount.RequestedFact ?? string.Empty)
            .Append(rule.Amount.BaseFact ?? string.Empty)
            .Append(rule.Amount.MonthsWithin?.NotBefore ?? string.Empty)
            .Append(rule.Amount.MonthsWithin?.After ?? string.Empty)
            .Append(rule.Amount.MonthsWithin?.NotAfter ?? string.Empty)
            .Append(withClaimPeriod ? rule.Amount.MonthsWithin?.From ?? string.Empty : string.Empty)
            .Append(withClaimPeriod ? rule.Amount.MonthsWithin?.To ?? string.Empty : string.Empty)
            .Append(rule.Amount.MonthsBetween?.From ?? string.Empty)
            .Append(rule.Amount.MonthsBetween?.Through ?? string.Empty)
            .Where(v => v.Contains('.', StringComparison.Ordinal)
                && (Groups.Contains(v[..v.IndexOf('.', StringComparison.Ordinal)]) || (withClaimPeriod && v.StartsWith("claim.", StringComparison.Ordinal))))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// A skeleton of the facts a rule reads that the records do not supply (values null): what the
    /// claimant states.
    /// </summary>
    public static JsonObject Template(EmploymentPortal.Policies.Model.PolicyRule rule, IReadOnlySet<string>? alsoSupplied = null)
    {
        var template = new JsonObject();
        foreach (var name in StatedFactNames(rule, alsoSupplied))
        {
            Set(template, name, null);
        }

        return template;
    }

    /// <summary>Sets the fact at a dotted <paramref name="path"/> (<c>person.subsidisedMonths</c>), creating the groups on the way.</summary>
    public static void Set(JsonObject facts, string path, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var parts = path.Split('.');
        var node = facts;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject child)
            {
                node[part] = child = [];
            }

            node = child;
        }

        node[parts[^1]] = value;
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// A community's award: the facts are the community's latest monthly assessment against the
/// fully-employed community standard (docs/circles.md), put together by <see cref="FileCommunityAward"/>;
/// never picked for a person's claim.
/// </summary>
public sealed class CommunityAssessmentFactSource : IClaimFactSource
{
    public static readonly CommunityAssessmentFactSource Instance = new();

    public string Name => "community-assessment";

    public bool Handles(ClaimantKind claimant, string benefit, bool fromHire) => false;

    public JsonObject RecordFacts(ClaimFactContext context) =>
        throw new InvalidOperationException("A community award's facts come from the assessment, not from a person's records.");
}

/// <summary>
/// A monthly subsidy of a placement, claimed by station staff or the bureau for one placement and
/// one month: on a public-welfare post (公益性岗位岗位补贴, 社会保险补贴; Nanhe 2020 (十六)) the
/// person's facts from the registry (就业困难人员 certification as
/// <c>person.hardToEmployThroughMarket</c>) and the post facts from the placement; on an internship
/// (就业见习补贴, (十四)) the unit's facts: one intern, one month, the planned and the actual last day
/// and whether the unit kept the intern (the remaining-period subsidy counts its months from them),
/// and the programme cohort's 留用率 once an intern has left. One claim per benefit, placement and month.
/// </summary>
public sealed class PlacementFactSource : IClaimFactSource
{
    public static readonly PlacementFactSource Instance = new();

    public static readonly IReadOnlySet<string> Benefits = new HashSet<string>(StringComparer.Ordinal)
    {
        BenefitKinds.PublicWelfarePost,
        BenefitKinds.SocialInsurance,
        BenefitKinds.Internship,
    };

    /// <summary>Whether a placement of <paramref name="kind"/> is claimed under <paramref name="benefit"/>.</summary>
    public static bool Fits(PostKind kind, string benefit) =>
        kind == PostKind.Internship ? benefit == BenefitKinds.Internship : benefit is BenefitKinds.PublicWelfarePost or BenefitKinds.SocialInsurance;

    public string Name => "post-placement";

    /// <summary>Chosen by the decider for claims that name a placement, never by benefit alone.</summary>
    public bool Handles(ClaimantKind claimant, string benefit, bool fromHire) => false;

    public JsonObject RecordFacts(ClaimFactContext context)
    {
        var placement = context.Placement ?? throw new InvalidOperationException("A placement claim needs its placement.");
        var month = context.Month ?? throw new InvalidOperationException("A placement claim needs its month.");
        var facts = ClaimFacts.FromRecords(context);
        var resident = context.Resident;
        if (resident.DifficultyCategory is not null && resident.DifficultyRevokedOn is null)
        {
            // Certified 就业困难人员: the registry says so; otherwise the claimant states it.
            ((JsonObject)facts["person"]!)["hardToEmployThroughMarket"] = true;
        }

        if (placement.Kind == PostKind.Internship)
        {
            var internship = new JsonObject
            {
                ["placementId"] = placement.Id.ToString(),
                ["registered"] = true,
                ["interns"] = 1,
                ["completedMonths"] = 1,
                ["month"] = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                ["plannedEndDate"] = ClaimFacts.Iso(placement.PlannedEnd),
                ["retained"] = placement.Retained,
            };

            // The remaining-period subsidy counts its months from these held dates, never from a stated number.
            if (placement.EndedOn is { } left)
            {
                internship["leftOn"] = ClaimFacts.Iso(left);
            }
            if (context.InternshipCohort is { Ended: > 0 } cohort)
            {
                internship["unitRetentionRate"] = (decimal)cohort.Retained / cohort.Ended;
            }

            facts["internship"] = internship;
            return facts;
        }

        facts["post"] = new JsonObject
        {
            ["placementId"] = placement.Id.ToString(),
            ["publicWelfarePost"] = placement.Kind == PostKind.PublicWelfare,
            ["months"] = 1,
            ["month"] = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            ["startDate"] = ClaimFacts.Iso(placement.StartDate),
            ["subsidyEndDate"] = ClaimFacts.Iso(placement.EndedOn ?? placement.PlannedEnd),
        };
        return facts;
    }
}
