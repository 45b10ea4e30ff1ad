using System.Text.Json.Nodes;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Claims;

/// <summary>
/// The “three-kilometre fully-employed community” award (002 三、(一): 不低于6000元/年) claimed by
/// the bureau for a community its latest monthly assessment recognises (docs/circles.md). It goes
/// through the claims workflow like any claim: decided by the rules service on the assessment's
/// facts, once per community and calendar year (the once-only key in the database), approved by
/// officers other than the one who filed it, paid in a batch, shown on the public notice.
/// </summary>
public static class FileCommunityAward
{
    public const string Benefit = "community-award";
    public const string NotAssessedCode = "community-not-assessed";
    public const string NotRecognisedCode = "community-not-recognised";

    public sealed class Command
    {
        public Guid? CommunityId { get; set; }

        /// <summary>The payee, by default the community (its residents' committee).</summary>
        public string? PayeeName { get; set; }

        public string? PayeeAccount { get; set; }

        public string? PayeeBank { get; set; }

        public bool Submit { get; set; } = true;
    }

    /// <summary>The <c>community.*</c> facts of the community's latest assessment up to <paramref name="today"/>'s month.</summary>
    public static async Task<JsonObject> FactsAsync(PortalDbContext db, Guid communityId, DateOnly today, CancellationToken cancellationToken = default)
    {
        var month = PortalCalendar.MonthOf(today);
        var latest = await db.CommunityAssessments.AsNoTracking()
            .Where(a => a.CommunityId == communityId && a.Month <= month)
            .OrderByDescending(a => a.Month)
            .Select(a => new { a.Month, a.MeetsStandard, a.Summary })
            .FirstOrDefaultAsync(cancellationToken);
        var facts = new JsonObject { ["id"] = communityId.ToString() };
        if (latest is not null)
        {
            facts["recognisedFullyEmployed"] = latest.MeetsStandard;
            facts["assessmentMonth"] = latest.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            facts["assessmentSummary"] = latest.Summary;
        }

        return facts;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.CommunityId).NotNull().WithMessage("请选择社区。");
            RuleFor(c => c.PayeeAccount)
                .Must((c, _) => ClaimCommandSupport.PayeeFits(c.PayeeName, c.PayeeAccount, c.PayeeBank)).WithMessage(ClaimCommandSupport.PayeeTooLong)
                .Must(ClaimCommandSupport.IsAccountNumber).WithMessage(ClaimCommandSupport.AccountNotDigits);
        }
    }

    public sealed class Handler(OperationScope scope, PortalCalendar calendar, ClaimDecider decider) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            if (!principal.IsBureauOfficer)
            {
                return FeatureOutcome.Denied("只有人社局经办人员可以申请社区奖补。");
            }

            var communityId = command.CommunityId!.Value;
            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var community = await (
                    from c in db.Communities.AsNoTracking()
                    join s in db.Streets on c.StreetId equals s.Id
                    where c.Id == communityId
                    select new { c.Id, c.Name, s.DistrictId })
                    .FirstOrDefaultAsync(cancellationToken);
                if (community is null)
                {
                    return FeatureOutcome.Missing("社区");
                }

                var today = calendar.Today;
                var facts = await FactsAsync(db, communityId, today, cancellationToken);
                if (!facts.ContainsKey("recognisedFullyEmployed"))
                {
                    return FeatureOutcome.Refused(NotAssessedCode, $"{community.Name}还没有评估结果，不能申请奖补。");
                }

                if (facts["recognisedFullyEmployed"]!.GetValue<bool>() != true)
                {
                    return FeatureOutcome.Refused(NotRecognisedCode, $"{community.Name}最近一次评估（{facts["assessmentMonth"]}）未达到“三公里”充分就业社区标准，不能申请奖补。");
                }

                ClaimDecider.Decided decided;
                try
                {
                    decided = await decider.DecideCommunityAsync(db, Benefit, facts, today, cancellationToken);
                }
                catch (ClaimRefusedException e)
                {
                    return FeatureOutcome.Refused(e.Code, e.Message);
                }

                var key = ClaimDecider.OnceOnlyKey(decided.Rule, null, null, communityId, today);
                if (key is not null && await db.Claims.AsNoTracking().Where(c => c.OnceOnlyKey == key).Select(c => c.Number).FirstOrDefaultAsync(cancellationToken) is { } existing)
                {
                    return Duplicate(community.Name, existing);
                }

                var subject = new ClaimSubject(
                    decided.Rule.Benefit, decided.Rule.Id, decided.Rule.Title, decided.Document.DocumentNumber, ClaimantKind.Bureau,
                    null, null, communityId, community.DistrictId, community.Name, decided.Source.Name);
                var payee = new ClaimPayee(string.IsNullOrWhiteSpace(command.PayeeName) ? community.Name : command.PayeeName.Trim(), command.PayeeAccount?.Trim() ?? string.Empty, command.PayeeBank);
                var now = calendar.Now;
                var actor = ClaimCommandSupport.Actor(principal);
                var claim = Claim.Draft(subject, payee, decided.Decision, key, actor, now);
                try
                {
                    if (command.Submit)
                    {
                        claim.Submit(decided.Decision, actor, now);
                        ClaimCommandSupport.Notify(db, claim, now);
                    }

                    db.Claims.Add(claim);
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException e) when (key is not null && ClaimCommandSupport.IsUniqueViolation(e))
                {
                    return Duplicate(community.Name, null);
                }

                return FeatureOutcome.Success($"{community.Name}的奖补申请 {claim.Number} 已{(claim.Status == ClaimStatus.Submitted ? "提交" : "保存为草稿")}：规则判定{ClaimFormat.Outcome(claim.Outcome)}，金额 {ClaimFormat.Yuan(claim.Amount)}。", claim.Id);
            });
        }

        private static FeatureOutcome Duplicate(string community, string? existing) =>
            FeatureOutcome.Conflicting(CreateClaim.DuplicateCode, existing is null
                ? $"{community}本年度的奖补已有申请（同时提交的重复申请只保留一份）。"
                : $"{community}本年度的奖补已有申请 {existing}，不能重复申请。");
    }

    /// <summary>Communities recognised by their latest assessment, with this year's award claim if any (the bureau's page).</summary>
    public sealed record Candidate(Guid CommunityId, string Community, string District, DateOnly Month, string Summary, Guid? ClaimId, string? ClaimNumber, ClaimStatus? ClaimStatus);

    public static async Task<List<Candidate>> CandidatesAsync(PortalDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        var month = PortalCalendar.MonthOf(today);
        var latestMonths = db.CommunityAssessments.Where(a => a.Month <= month).GroupBy(a => a.CommunityId).Select(g => new { CommunityId = g.Key, Month = g.Max(a => a.Month) });
        var rows = await (
            from l in latestMonths
            join a in db.CommunityAssessments on new { l.CommunityId, l.Month } equals new { a.CommunityId, a.Month }
            join c in db.Communities on a.CommunityId equals c.Id
            join s in db.Streets on c.StreetId equals s.Id
            join d in db.Districts on s.DistrictId equals d.Id
            where a.MeetsStandard
            orderby c.Code
            select new { c.Id, c.Name, District = d.Name, a.Month, a.Summary })
            .Take(2000)
            .ToListAsync(cancellationToken);
        var year = today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var ids = rows.Select(r => r.Id).ToList();
        var claims = await db.Claims.AsNoTracking()
            .Where(c => c.Benefit == Benefit && c.ResidentId == null && ids.Contains(c.CommunityId) && c.OnceOnlyKey != null && c.OnceOnlyKey.EndsWith("|" + year))
            .Select(c => new { c.CommunityId, c.Id, c.Number, c.Status })
            .ToListAsync(cancellationToken);
        return rows.Select(r =>
        {
            var claim = claims.FirstOrDefault(c => c.CommunityId == r.Id);
            return new Candidate(r.Id, r.Name, r.District, r.Month, r.Summary, claim?.Id, claim?.Number, claim?.Status);
        }).ToList();
    }
}
