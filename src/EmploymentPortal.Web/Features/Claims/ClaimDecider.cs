using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Hires;
using EmploymentPortal.Domain.Posts;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Policies;
using EmploymentPortal.Policies.Evaluation;
using EmploymentPortal.Policies.Model;
using EmploymentPortal.Web.Features.Policies;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Claims;

/// <summary>Configuration section <c>Claims</c>.</summary>
public sealed class ClaimOptions
{
    public const string SectionName = "Claims";

    /// <summary>The largest <see cref="HardCeilingPerClaimFen"/> the portal starts with (10 million yuan).</summary>
    public const long MaxHardCeilingPerClaimFen = 1_000_000_000;

    /// <summary>Claims granted above this amount (fen) need a second officer (复核). Default 3,000 yuan.</summary>
    public long SecondApprovalThresholdFen { get; set; } = 300_000;

    /// <summary>
    /// 单笔硬上限: no claim is ever approved above this amount (fen), whatever the rules compute or
    /// an officer overrides, and a stored amount outside 0 … this is corrupt (excluded from sums,
    /// never paid). Default 1,000,000 yuan, above the enterprise annual cap; at most
    /// <see cref="MaxHardCeilingPerClaimFen"/>, so that no sum of claims can overflow.
    /// </summary>
    public long HardCeilingPerClaimFen { get; set; } = 100_000_000;

    /// <summary>
    /// Most an enterprise may be granted per calendar year across all its live claims (fen);
    /// 0 = no cap. Default 500,000 yuan.
    /// </summary>
    public long EnterpriseAnnualCapFen { get; set; } = 50_000_000;

    // The configuration keys are numbers of fen; the portal reads them as Money here, and only here.

    /// <summary><see cref="SecondApprovalThresholdFen"/> as Money.</summary>
    public Money SecondApprovalThreshold => Money.FromFen(SecondApprovalThresholdFen);

    /// <summary><see cref="HardCeilingPerClaimFen"/> as Money.</summary>
    public Money HardCeilingPerClaim => Money.FromFen(HardCeilingPerClaimFen);

    /// <summary><see cref="EnterpriseAnnualCapFen"/> as Money; null when 0 (no cap).</summary>
    public Money? EnterpriseAnnualCap => EnterpriseAnnualCapFen > 0 ? Money.FromFen(EnterpriseAnnualCapFen) : null;

    /// <summary>How many days an approved subsidy stays on the public notice (公示期).</summary>
    public int PublicNoticeDays { get; set; } = 7;

    /// <summary>The largest attachment accepted, in bytes (5 MB).</summary>
    public long AttachmentMaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>How many attachments a claim may hold.</summary>
    public int AttachmentMaxCount { get; set; } = 10;
}

/// <summary>
/// Runs the rules service for one claim: picks the fact source, builds the facts (records over
/// stated), evaluates the claimed rule (or the best rule of the benefit) in the catalogue in force
/// and serialises the decision with its whole trace for the claim to keep.
/// </summary>
public sealed class ClaimDecider
{
    private readonly PolicyCatalogueService _policies;
    private readonly IEnumerable<IClaimFactSource> _sources;

    public ClaimDecider(PolicyCatalogueService policies, IEnumerable<IClaimFactSource> sources)
    {
        _policies = policies;
        _sources = sources;
    }

    public sealed record Decided(PolicyRule Rule, PolicyDocument Document, IClaimFactSource Source, ClaimDecision Decision, RuleDecision RuleDecision);

    /// <summary>The first registered source that serves the claim (registration order decides).</summary>
    public IClaimFactSource? SourceFor(ClaimantKind claimant, string benefit, bool fromHire = false) => _sources.FirstOrDefault(s => s.Handles(claimant, benefit, fromHire));

    /// <summary>Whether a claim of the benefit may be made from a recorded hire (the pages' hire picker).</summary>
    public bool ClaimsFromHire(ClaimantKind claimant, string benefit) => SourceFor(claimant, benefit, fromHire: true) is RecordedHireFactSource;

    /// <summary>The rule of the catalogue in force with this id, or null.</summary>
    public PolicyRule? Rule(string ruleId) => _policies.Catalogue.Rules.FirstOrDefault(r => r.Id == ruleId);

    /// <summary>The rules a claimant of this kind may claim (for the pages' pickers).</summary>
    public IReadOnlyList<PolicyRule> ClaimableRules(ClaimantKind claimant)
    {
        var beneficiary = claimant == ClaimantKind.Enterprise ? Beneficiary.Enterprise : Beneficiary.Person;
        return _policies.Catalogue.Rules
            .Where(r => r.Beneficiary == beneficiary && (SourceFor(claimant, r.Benefit) is not null || SourceFor(claimant, r.Benefit, fromHire: true) is not null))
            .Where(r => _policies.Catalogue.DocumentOf(r).Jurisdictions.Any(j => _policies.Jurisdictions.Contains(j)))
            .OrderBy(r => r.Benefit, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The rules the claim page offers: <see cref="ClaimableRules"/> of a document for the
    /// claimant's area, in force on the claim date. The area is the jurisdictions among the served
    /// ones that contain one of <paramref name="districtCodes"/> (the district itself, its city or
    /// its province, GB/T 2260), or every served one when none does (a city whose divisions the
    /// catalogue does not name, e.g. the demo city, and the bureau). A rule that applies on the
    /// hire date (<c>appliesOn: hire.date</c>) is in force for a claim when it is on the claim
    /// date or on the start date of one of <paramref name="hireDates"/>.
    /// </summary>
    public async Task<IReadOnlyList<PolicyRule>> RulesInForceAsync(
        PortalDbContext db, ClaimantKind claimant, IReadOnlyCollection<string> districtCodes, DateOnly date, IReadOnlyCollection<DateOnly> hireDates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(districtCodes);
        ArgumentNullException.ThrowIfNull(hireDates);
        await _policies.EnsureCurrentAsync(db, cancellationToken);
        var catalogue = _policies.Catalogue;
        var around = districtCodes.Where(c => c.Length == 6)
            .SelectMany(c => new[] { c, c[..4] + "00", c[..2] + "0000" })
            .ToHashSet(StringComparer.Ordinal);
        var area = _policies.Jurisdictions.Where(around.Contains).ToList();
        if (area.Count == 0)
        {
            area = [.. _policies.Jurisdictions];
        }

        static bool InForce(PolicyRule rule, DateOnly day) => rule.Periods.Any(p => p.Contains(day));
        return ClaimableRules(claimant)
            .Where(r => catalogue.DocumentOf(r).Jurisdictions.Any(area.Contains))
            .Where(r => InForce(r, date) || (r.AppliesOn == HireDateFact && hireDates.Any(d => InForce(r, d))))
            .ToList();
    }

    /// <summary>The hire's start date as the rules name it.</summary>
    public const string HireDateFact = "hire.date";

    /// <summary>The district codes of the claimant's area: the enterprise's district, or those of a station's communities (none for the bureau).</summary>
    public static async Task<IReadOnlyList<string>> DistrictCodesAsync(PortalDbContext db, EmploymentPortal.Web.Infrastructure.Security.PortalPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var scope = principal.CommunityIds.ToList();
        IQueryable<Guid> communities = principal.IsEnterpriseUser && principal.EnterpriseId is { } enterpriseId
            ? db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.CommunityId)
            : principal.IsStationStaff ? db.Communities.Where(c => scope.Contains(c.Id)).Select(c => c.Id)
            : db.Communities.Where(_ => false).Select(c => c.Id);
        return await (from c in db.Communities
                      join s in db.Streets on c.StreetId equals s.Id
                      join d in db.Districts on s.DistrictId equals d.Id
                      where communities.Contains(c.Id)
                      select d.Code).Distinct().ToListAsync(cancellationToken);
    }

    /// <summary>
    /// What a claim is decided on: who claims which benefit (under one rule, or the best of the
    /// benefit's), for whom, with the facts the claimant states, on which date; and the records the
    /// claim rests on when it has them (a hire, a post placement, the month of a monthly claim, an
    /// internship cohort, the period of covered months, the officer's review facts).
    /// </summary>
    public sealed record DecisionRequest(ClaimantKind Claimant, string Benefit, string? RuleId, Resident Resident, Enterprise? Enterprise, JsonObject Stated, DateOnly Date)
    {
        /// <summary>The claim being decided again, left out of the once-only and cap checks.</summary>
        public Guid? ExcludeClaimId { get; init; }

        public Hire? Hire { get; init; }

        public PostPlacement? Placement { get; init; }

        public DateOnly? Month { get; init; }

        public InternshipOutcome? InternshipCohort { get; init; }

        public ClaimPeriods.Period? Period { get; init; }

        public JsonObject? Review { get; init; }
    }

    /// <exception cref="ClaimRefusedException">The benefit or rule cannot be claimed this way.</exception>
    public async Task<Decided> DecideAsync(PortalDbContext db, DecisionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (claimant, benefit, ruleId, resident, enterprise, stated, date) = request;
        var (excludeClaimId, hire, placement, month, internshipCohort, period, review) =
            (request.ExcludeClaimId, request.Hire, request.Placement, request.Month, request.InternshipCohort, request.Period, request.Review);
        await _policies.EnsureCurrentAsync(db, cancellationToken);
        var catalogue = _policies.Catalogue;
        if (placement is not null && !PlacementFactSource.Fits(placement.Kind, benefit))
        {
            throw new ClaimRefusedException("claim-benefit-not-claimable", placement.Kind == PostKind.Internship
                ? $"见习岗位只能申请就业见习补贴，不能申请“{ClaimFormat.Benefit(benefit)}”。"
                : $"公益性岗位只能按月申请岗位补贴或社会保险补贴，不能申请“{ClaimFormat.Benefit(benefit)}”。");
        }

        var source = placement is not null ? PlacementFactSource.Instance : SourceFor(claimant, benefit, hire is not null)
            ?? throw new ClaimRefusedException("claim-benefit-not-claimable", hire is not null
                ? $"补贴类型“{ClaimFormat.Benefit(benefit)}”不能依据录用记录申领。"
                : $"补贴类型“{ClaimFormat.Benefit(benefit)}”不能由{(claimant == ClaimantKind.Enterprise ? "企业" : "服务站")}申领。");

        // A placement's monthly subsidies: the rules of the benefit in force here for the person
        // (public-welfare posts) or for the unit (internships).
        var beneficiary = placement?.Kind == PostKind.Internship ? Beneficiary.Enterprise : Beneficiary.Person;
        var rules = placement is not null
            ? catalogue.Rules.Where(r => r.Beneficiary == beneficiary && r.Benefit == benefit)
                .Where(r => catalogue.DocumentOf(r).Jurisdictions.Any(j => _policies.Jurisdictions.Contains(j)))
                .OrderBy(r => r.Id, StringComparer.Ordinal).ToList()
            : ClaimableRules(claimant).Where(r => r.Benefit == benefit).ToList();
        if (ruleId is not null)
        {
            rules = rules.Where(r => r.Id == ruleId).ToList();
        }

        if (rules.Count == 0)
        {
            throw new ClaimRefusedException("claim-rule-unknown", ruleId is null ? $"本地没有适用于“{ClaimFormat.Benefit(benefit)}”的政策规则。" : "所选政策规则不存在，或不属于该补贴类型。");
        }

        if (stated.ContainsKey("history"))
        {
            throw new ClaimRefusedException("claim-history-stated", "享受记录（history）由平台根据已批准的申请生成，不能申报。");
        }

        if (stated.ContainsKey("claim") || stated.ContainsKey("review"))
        {
            throw new ClaimRefusedException("claim-history-stated", "申领期间（claim）由平台根据填写的补贴期间记录，经办人认定（review）由人社局审核时记录，都不能申报。");
        }

        var history = await HistoryAsync(db, resident.Id, enterprise?.Id, excludeClaimId, cancellationToken);
        var records = source.RecordFacts(new ClaimFactContext(claimant, benefit, resident, enterprise, date, history, hire, placement, month, internshipCohort));
        if (period is not null)
        {
            // The months a monthly subsidy pays are counted from the claim's period (a record of
            // the portal), not stated: the rules service reads the period, or the host counts it.
            records["claim"] = ClaimPeriods.Facts(period);
        }

        if (review is not null)
        {
            records["review"] = review.DeepClone();
        }

        var facts = ClaimFacts.Merge(stated, records);
        var countedFromPeriod = period is null ? [] : rules.Select(ClaimPeriods.MonthsPath).OfType<string>().ToHashSet(StringComparer.Ordinal);

        return Best(rules, source, benefit, stated, facts, date, records, countedFromPeriod);
    }

    /// <summary>
    /// Decides a claim again as at submission (same resident, enterprise, hire, placement and
    /// period), on <paramref name="stated"/> facts and <paramref name="date"/>, with an officer's
    /// <paramref name="review"/> facts (an accepted member of an open list) when given.
    /// </summary>
    /// <exception cref="ClaimRefusedException">The claim's rule cannot be claimed this way any more.</exception>
    public async Task<Decided> RedecideAsync(PortalDbContext db, Claim claim, JsonObject stated, DateOnly date, CancellationToken cancellationToken, JsonObject? review = null)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (claim.ResidentId is not { } residentId)
        {
            // A community's award is decided again on the community's latest assessment.
            return await DecideCommunityAsync(db, claim.Benefit, await FileCommunityAward.FactsAsync(db, claim.CommunityId, date, cancellationToken), date, cancellationToken);
        }

        var enterprise = claim.EnterpriseId is { } eid ? await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == eid, cancellationToken) : null;

        // A claim made from a recorded hire is decided again on the same hire.
        var hire = claim.HireId is { } hid ? await db.Hires.AsNoTracking().FirstAsync(h => h.Id == hid, cancellationToken) : null;
        var placed = claim.PlacementId is { } pid ? await PlacementAsync(db, pid, cancellationToken) : null;
        var resident = await db.Residents.Include(r => r.StatusHistory).FirstAsync(r => r.Id == residentId, cancellationToken);

        // The months of a monthly subsidy stay those of its period, whatever a correction states.
        var period = ClaimPeriods.Of(claim.CoveredMonths.Select(m => m.Month));
        if (period is not null && Rule(claim.RuleId) is { } rule && ClaimPeriods.MonthsPath(rule) is { } monthsPath)
        {
            stated = ClaimPeriods.WithMonths(stated, monthsPath, claim.CoveredMonths.Count);
        }

        return await DecideAsync(
            db,
            new DecisionRequest(claim.ClaimantKind, claim.Benefit, claim.RuleId, resident, enterprise, stated, date)
            {
                ExcludeClaimId = claim.Id,
                Hire = hire,
                Placement = placed?.Placement,
                Month = claim.ClaimMonth,
                InternshipCohort = placed?.Cohort,
                Period = period,
                Review = review,
            },
            cancellationToken);
    }

    /// <summary>
    /// The decision of a community's award (<see cref="Beneficiary.Community"/>, e.g. the
    /// three-kilometre fully-employed community award) on the facts of its assessment; filed by
    /// the bureau.
    /// </summary>
    /// <exception cref="ClaimRefusedException">No rule of the benefit for communities is in force here.</exception>
    public async Task<Decided> DecideCommunityAsync(PortalDbContext db, string benefit, JsonObject communityFacts, DateOnly date, CancellationToken cancellationToken)
    {
        await _policies.EnsureCurrentAsync(db, cancellationToken);
        var catalogue = _policies.Catalogue;
        var rules = catalogue.Rules
            .Where(r => r.Beneficiary == Beneficiary.Community && r.Benefit == benefit)
            .Where(r => catalogue.DocumentOf(r).Jurisdictions.Any(j => _policies.Jurisdictions.Contains(j)))
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        if (rules.Count == 0)
        {
            throw new ClaimRefusedException("claim-rule-unknown", $"本地没有适用于“{benefit}”的社区奖补规则。");
        }

        var facts = new JsonObject { ["community"] = communityFacts };
        return Best(rules, CommunityAssessmentFactSource.Instance, benefit, [], facts, date, facts, new HashSet<string>());
    }

    private Decided Best(IReadOnlyList<PolicyRule> rules, IClaimFactSource source, string benefit, JsonObject stated, JsonObject facts, DateOnly date, JsonObject records, IReadOnlySet<string> countedFromPeriod)
    {
        var catalogue = _policies.Catalogue;
        Decided? best = null;
        foreach (var rule in rules)
        {
            var document = catalogue.DocumentOf(rule);
            var jurisdiction = document.Jurisdictions.First(j => _policies.Jurisdictions.Contains(j));
            var result = _policies.Evaluator.Evaluate(new EvaluationRequest(benefit, jurisdiction, date, (JsonObject)facts.DeepClone(), IncludeOtherJurisdictions: false, RuleId: rule.Id));
            var decision = StatedMonthsToAnOfficer(rule, result.Decisions.Single(), facts, records, countedFromPeriod);
            var candidate = new Decided(rule, document, source, ToClaimDecision(decision, stated, facts, result.CatalogueVersion, date), decision);
            if (best is null || Rank(candidate.RuleDecision).CompareTo(Rank(best.RuleDecision)) > 0)
            {
                best = candidate;
            }
        }

        return best!;
    }

    /// <summary>
    /// A count of months the decision pays (<c>amount.months</c>: post months, refund months …) that
    /// neither the portal's records nor the claim's period give was stated by the claimant: the
    /// decision goes to an officer (manual review, flag <see cref="DecisionFlags.MonthsStated"/>),
    /// who must check it and give a reason to approve (approval against the rules' decision).
    /// </summary>
    private static RuleDecision StatedMonthsToAnOfficer(PolicyRule rule, RuleDecision decision, JsonObject facts, JsonObject records, IReadOnlySet<string> countedFromPeriod)
    {
        if (rule.Amount.Months is not { } path || decision.Outcome is not (Outcome.Eligible or Outcome.ManualReview)
            || countedFromPeriod.Contains(path) || new FactReader(records, trace: false).Has(path))
        {
            return decision;
        }

        var stated = new FactReader(facts, trace: false).Raw(path)?.ToJsonString() ?? "?";
        return decision with
        {
            Outcome = Outcome.ManualReview,
            Amount = null,
            Flags = [.. decision.Flags, DecisionFlags.MonthsStated],
            Reasons = [.. decision.Reasons, $"需经办人核实：计发月数 {path} = {stated} 为申请人申报，平台没有可核对的记录（岗位安置、录用登记或申领期间）；批准须写明核实情况和理由"],
        };
    }

    /// <summary>The once-only key of a claim under <paramref name="rule"/>, or null when the rule may be claimed repeatedly.</summary>
    public static string? OnceOnlyKey(PolicyRule rule, Guid? residentId, Guid? enterpriseId, Guid communityId, DateOnly date)
    {
        if (rule.OnceOnly is not { } once)
        {
            return null;
        }

        var key = once.Scope switch
        {
            OnceOnlyScope.Person => $"{rule.Benefit}|person:{residentId:N}",
            OnceOnlyScope.Enterprise => $"{rule.Benefit}|enterprise:{enterpriseId:N}",
            OnceOnlyScope.PersonAndEnterprise => $"{rule.Benefit}|person:{residentId:N}|enterprise:{enterpriseId:N}",
            _ => $"{rule.Benefit}|community:{communityId:N}",
        };
        return once.PerCalendarYear ? $"{key}|{date.Year.ToString(CultureInfo.InvariantCulture)}" : key;
    }

    /// <summary>A placement and, for an internship, its programme's cohort (the 留用率 of those who have left).</summary>
    public static async Task<(PostPlacement Placement, InternshipOutcome? Cohort)?> PlacementAsync(PortalDbContext db, Guid placementId, CancellationToken cancellationToken)
    {
        var placement = await db.PostPlacements.AsNoTracking().FirstOrDefaultAsync(p => p.Id == placementId, cancellationToken);
        if (placement is null)
        {
            return null;
        }

        InternshipOutcome? cohort = placement.Kind == PostKind.Internship
            ? PostStatistics.InternshipOutcomeOf(await db.PostPlacements.AsNoTracking().Where(p => p.ProgrammeId == placement.ProgrammeId).ToListAsync(cancellationToken))
            : null;
        return (placement, cohort);
    }

    /// <summary>
    /// The key of a monthly subsidy of a placement (rules without a once-only scope, claimed month
    /// by month): one claim per benefit, placement and month.
    /// </summary>
    public static string PlacementMonthKey(PolicyRule rule, Guid placementId, DateOnly month) =>
        $"{rule.Benefit}|placement:{placementId:N}|{month.ToString("yyyy-MM", CultureInfo.InvariantCulture)}";

    // Eligible with the highest amount first; then an officer's manual review; then missing
    // information; ineligible last (alternative rules of one benefit are not added up).
    private static (int, Money, int) Rank(RuleDecision d) => d.Outcome switch
    {
        Outcome.Eligible => (4, d.Amount ?? Money.Zero, 0),
        Outcome.ManualReview => (3, Money.Zero, 0),
        Outcome.NeedsInformation => (2, Money.Zero, -d.MissingFacts.Count),
        _ => (1, Money.Zero, 0),
    };

    private static ClaimDecision ToClaimDecision(RuleDecision decision, JsonObject stated, JsonObject facts, string catalogueVersion, DateOnly date) =>
        new(
            decision.Outcome switch
            {
                Outcome.Eligible => ClaimOutcome.Eligible,
                Outcome.Ineligible => ClaimOutcome.Ineligible,
                Outcome.NeedsInformation => ClaimOutcome.NeedsInformation,
                _ => ClaimOutcome.ManualReview,
            },
            decision.Outcome == Outcome.Eligible ? decision.Amount : null,
            decision.MissingFacts,
            stated.ToJsonString(PolicyJson.Options),
            facts.ToJsonString(PolicyJson.Options),
            JsonSerializer.Serialize(decision, PolicyJson.Options),
            catalogueVersion,
            date,
            decision.MissingFacts.Select(DecisionWords.Fact).Distinct(StringComparer.Ordinal).ToList());

    /// <summary>Earlier granted claims of the person (and the enterprise) as <c>history.payments</c>.</summary>
    private static async Task<JsonArray> HistoryAsync(PortalDbContext db, Guid residentId, Guid? enterpriseId, Guid? excludeClaimId, CancellationToken cancellationToken)
    {
        var granted = await db.Claims.AsNoTracking()
            .Where(c => c.ResidentId == residentId || (enterpriseId != null && c.EnterpriseId == enterpriseId))
            .Where(c => c.Status == ClaimStatus.Approved || c.Status == ClaimStatus.InPaymentBatch || c.Status == ClaimStatus.Paid)
            .Where(c => excludeClaimId == null || c.Id != excludeClaimId)
            .Select(c => new { c.RuleId, c.ResidentId, c.EnterpriseId, c.Amount, c.ApprovedAt, Months = c.CoveredMonths.Count(), c.ClaimMonth })
            .ToListAsync(cancellationToken);
        var payments = new JsonArray();
        foreach (var c in granted)
        {
            var payment = new JsonObject
            {
                ["rule"] = c.RuleId,
                ["date"] = (c.ApprovedAt ?? DateTimeOffset.UnixEpoch).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["personId"] = c.ResidentId.ToString(),
            };
            if (c.EnterpriseId is { } e)
            {
                payment["enterpriseId"] = e.ToString();
            }

            if (c.Amount is { } amount)
            {
                // The fact vocabulary names the amount in fen (docs/policies/facts.md).
                payment["amountFen"] = amount.Fen;
            }

            // The months paid, so that a cap over months already paid (最长6个月, 24个月) holds across claims.
            if (c.Months > 0 || c.ClaimMonth is not null)
            {
                payment["months"] = c.Months > 0 ? c.Months : 1;
            }

            payments.Add(payment);
        }

        return payments;
    }
}

/// <summary>A claim that cannot be made at all (unknown rule, wrong claimant); carries a stable code.</summary>
public sealed class ClaimRefusedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
