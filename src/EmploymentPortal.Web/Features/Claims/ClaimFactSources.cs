using System.Text.Json.Nodes;
using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Domain.Enterprises;
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
    JsonArray HistoryPayments);

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

    /// <summary>The benefit kinds the source serves for the claimant kind.</summary>
    bool Handles(ClaimantKind claimant, string benefit);

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

    public bool Handles(ClaimantKind claimant, string benefit) =>
        claimant is ClaimantKind.Station or ClaimantKind.Bureau && Benefits.Contains(benefit);

    public JsonObject RecordFacts(ClaimFactContext context) => ClaimFacts.FromRecords(context);
}

/// <summary>
/// An enterprise claims for a person it hired (一次性吸纳就业补贴, 社会保险补贴 …), naming the person by
/// ID number. Until hires are recorded (issue #4), the hire facts are what the enterprise
/// <b>states</b>; the claim is marked <c>enterprise-stated</c> so officers see that. The person's
/// registration history and the enterprise record still come from the portal.
/// </summary>
public sealed class EnterpriseStatedFactSource : IClaimFactSource
{
    public static readonly IReadOnlySet<string> Benefits = new HashSet<string>(StringComparer.Ordinal)
    {
        BenefitKinds.Absorption,
        BenefitKinds.SocialInsurance,
    };

    public string Name => "enterprise-stated";

    public bool Handles(ClaimantKind claimant, string benefit) =>
        claimant == ClaimantKind.Enterprise && Benefits.Contains(benefit);

    public JsonObject RecordFacts(ClaimFactContext context) => ClaimFacts.FromRecords(context);
}

/// <summary>Facts from the registry and merging with stated facts.</summary>
public static class ClaimFacts
{
    public static JsonObject FromRecords(ClaimFactContext context)
    {
        var resident = context.Resident;
        var date = context.EvaluationDate;
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

    /// <summary>
    /// A skeleton of the facts a rule reads that the records do not supply (values null), for the
    /// claim form: the claimant fills in what they state.
    /// </summary>
    public static JsonObject Template(EmploymentPortal.Policies.Model.PolicyRule rule)
    {
        var names = rule.Conditions.SelectMany(c => c.Args.Values)
            .Append(rule.AppliesOn)
            .Append(rule.Amount.Months ?? string.Empty)
            .Append(rule.Amount.Count ?? string.Empty)
            .Append(rule.Amount.RequestedFact ?? string.Empty)
            .Append(rule.Amount.BaseFact ?? string.Empty)
            .Where(v => v.Contains('.', StringComparison.Ordinal) && Groups.Contains(v[..v.IndexOf('.', StringComparison.Ordinal)]))
            .Where(v => !RecordFactNames.Contains(v))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var template = new JsonObject();
        foreach (var name in names)
        {
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            var group = name[..dot];
            if (template[group] is not JsonObject obj)
            {
                obj = [];
                template[group] = obj;
            }

            obj[name[(dot + 1)..]] = null;
        }

        return template;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
