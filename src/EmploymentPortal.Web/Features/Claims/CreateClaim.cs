using System.Text.Json.Nodes;
using EmploymentPortal.Data;
using EmploymentPortal.Data.Security;
using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Hires;
using EmploymentPortal.Domain.Posts;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Security;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Claims;

/// <summary>
/// 新建补贴申请: station staff (or the bureau's counter) for a resident of their scope, or an
/// enterprise for a person it hired: from a hire it recorded (<see cref="Command.HireId"/>, hire
/// facts from the record) or named by ID number (hire facts stated). The rules service
/// decides at once; the claim takes the once-only key of its scope, which the database keeps
/// unique, so a concurrent duplicate fails with <see cref="DuplicateCode"/>.
/// </summary>
public static class CreateClaim
{
    public const string DuplicateCode = "claim-duplicate";

    public sealed class Command
    {
        public string? Benefit { get; set; }

        /// <summary>A rule of the benefit; when empty the best rule for the facts is chosen.</summary>
        public string? RuleId { get; set; }

        public Guid? ResidentId { get; set; }

        /// <summary>The person's ID-card number (enterprise claims without a recorded hire).</summary>
        public string? ResidentIdNumber { get; set; }

        /// <summary>
        /// A hire the claiming enterprise recorded (enterprise absorption and social-insurance
        /// claims): the person is the hire's resident and the hire facts come from the record.
        /// </summary>
        public Guid? HireId { get; set; }

        /// <summary>
        /// A public-welfare post placement (station staff, the bureau): the monthly post subsidy or
        /// social-insurance subsidy of <see cref="Month"/>; the person is the placement's resident.
        /// </summary>
        public Guid? PlacementId { get; set; }

        /// <summary>The month claimed for a placement, <c>yyyy-MM</c>.</summary>
        public string? Month { get; set; }

        /// <summary>
        /// The first and last month (<c>yyyy-MM</c>) a monthly subsidy covers (补贴期间), for the rules
        /// paid per month of a person (<see cref="ClaimPeriods.IsMonthly"/>): the months are counted
        /// from it, and a month already covered by another live claim of the person is refused.
        /// </summary>
        public string? PeriodFrom { get; set; }

        /// <inheritdoc cref="PeriodFrom"/>
        public string? PeriodTo { get; set; }

        /// <summary>Facts the claimant states (docs/policies/facts.md); records override them.</summary>
        public JsonObject? Facts { get; set; }

        public string? PayeeName { get; set; }

        public string? PayeeAccount { get; set; }

        public string? PayeeBank { get; set; }

        /// <summary>Submit at once (otherwise a draft).</summary>
        public bool Submit { get; set; }

        /// <summary>
        /// Decide without saving (the page's 预览判定): the same scope, records and checks as a
        /// claim, answered with the rules service's decision (<see cref="Decision"/>) instead of a claim.
        /// </summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public bool Preview { get; set; }
    }

    /// <summary>The decision a <see cref="Command.Preview"/> answers with.</summary>
    public static readonly OutcomeValue<EmploymentPortal.Policies.Evaluation.RuleDecision> Decision = new("decision");

    /// <summary>A placement's programme as a claim sees it: who owns it and the registered enterprise hosting it, if any.</summary>
    private sealed record PlacementHost(string Owner, Guid? HostEnterpriseId);

    /// <summary>The claim's input on its own: the benefit, the month or period, the person's ID number, the payee.</summary>
    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalCalendar calendar)
        {
            RuleFor(c => c.Benefit).Must(b => !string.IsNullOrWhiteSpace(b)).WithMessage("请选择补贴类型。");
            RuleFor(c => c.PlacementId).Null().When(c => c.HireId is not null).WithMessage("岗位月度补贴依据岗位安置记录申请，不能同时选择录用记录。");
            RuleFor(c => c.Month).Must(m => ParseMonth(m) is not null).When(c => c.PlacementId is not null).WithMessage("请填写申请的月份（yyyy-MM）。");
            RuleFor(c => c).Custom((c, context) =>
            {
                var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
                var period = ClaimPeriods.Parse(c.PeriodFrom, c.PeriodTo, errors);
                if (period is not null && c.PlacementId is not null)
                {
                    errors[nameof(Command.PeriodFrom)] = ["岗位月度补贴按月份申请，不填写补贴期间。"];
                }

                foreach (var (field, messages) in errors)
                {
                    foreach (var message in messages)
                    {
                        context.AddFailure(field, message);
                    }
                }
            });
            RuleFor(c => c.ResidentIdNumber).Custom((number, context) =>
            {
                if (string.IsNullOrWhiteSpace(number))
                {
                    context.AddFailure("请填写申请对象的身份证号码。");
                }
                else if (!IdCardNumber.TryParse(number, out _, out var idError, calendar.Today))
                {
                    context.AddFailure(idError);
                }
            }).When(NeedsIdNumber);
            RuleFor(c => c.PayeeAccount)
                .Must((c, _) => ClaimCommandSupport.PayeeFits(c.PayeeName, c.PayeeAccount, c.PayeeBank)).WithMessage(ClaimCommandSupport.PayeeTooLong)
                .Must(ClaimCommandSupport.IsAccountNumber).WithMessage(ClaimCommandSupport.AccountNotDigits);
        }

        /// <summary>Without a resident id the ID number names the person; with a hire it is optional and, when given, must be the hire's resident.</summary>
        public static bool NeedsIdNumber(Command c) =>
            c.ResidentId is null && c.PlacementId is null && (c.HireId is null || !string.IsNullOrWhiteSpace(c.ResidentIdNumber));

        public static DateOnly? ParseMonth(string? month) =>
            DateOnly.TryParseExact((month ?? string.Empty) + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var first) ? first : null;
    }

    public sealed class Handler : ICommandHandler<Command>
    {
        private readonly OperationScope _scope;
        private readonly PortalCalendar _calendar;
        private readonly ClaimDecider _decider;
        private readonly ClaimOptions _options;
        private readonly ClaimAmounts _amounts;

        public Handler(OperationScope scope, PortalCalendar calendar, ClaimDecider decider, ClaimOptions options, ClaimAmounts amounts)
        {
            _scope = scope;
            _calendar = calendar;
            _decider = decider;
            _options = options;
            _amounts = amounts;
        }

        /// <summary>
        /// Who claims; the records the claim rests on; the person and the claiming enterprise; the
        /// rules service's decision; the months it covers and the once-only key; the draft with
        /// its supervision flags; saved (and submitted) in one go. Each step that refuses answers
        /// the outcome the request gets.
        /// </summary>
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = _scope.Principal;
            if (ClaimantOf(principal) is not { } claimant)
            {
                return FeatureOutcome.Denied("只有服务站、企业或人社局经办人员可以申请补贴。");
            }

            if (command.HireId is not null && claimant != ClaimantKind.Enterprise)
            {
                return FeatureOutcome.Field("hireId", "只有录用单位可以依据录用记录申请补贴。");
            }

            // The validator has checked the month, the period and the ID number; here they are read.
            DateOnly? month = command.PlacementId is null ? null : Validator.ParseMonth(command.Month);
            var period = ClaimPeriods.Parse(command.PeriodFrom, command.PeriodTo, new Dictionary<string, string[]>(StringComparer.Ordinal));
            IdCardNumber? idCard = Validator.NeedsIdNumber(command) && IdCardNumber.TryParse(command.ResidentIdNumber, out var parsed, out _, _calendar.Today) ? parsed : null;

            return await _scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var (records, refusal) = await RecordsAsync(db, command, claimant, month, cancellationToken);
                if (records is null)
                {
                    return refusal!;
                }

                var (resident, enterprise, refused) = await PartiesAsync(db, command, claimant, records, idCard, cancellationToken);
                if (resident is null)
                {
                    return refused!;
                }

                var today = _calendar.Today;
                var benefit = command.Benefit!.Trim();
                ClaimDecider.Decided decided;
                try
                {
                    decided = await _decider.DecideAsync(db, DecisionRequest(command, claimant, benefit, resident, enterprise, records, month, period, today), cancellationToken);
                }
                catch (ClaimRefusedException e)
                {
                    return FeatureOutcome.Field("benefit", e.Message, e.Code);
                }

                var (months, monthsRefusal) = await CoveredMonthsAsync(db, decided, resident, records, period, today, cancellationToken);
                if (monthsRefusal is not null)
                {
                    return monthsRefusal;
                }

                var key = ClaimDecider.OnceOnlyKey(decided.Rule, resident.Id, enterprise?.Id, resident.CommunityId, today)
                    ?? (records.Placement is { } placed ? ClaimDecider.PlacementMonthKey(decided.Rule, placed.Id, month!.Value) : null);
                if (key is not null && await db.Claims.AsNoTracking().Where(c => c.OnceOnlyKey == key).Select(c => c.Number).FirstOrDefaultAsync(cancellationToken) is { } existing)
                {
                    return Duplicate(existing);
                }

                if (command.Preview)
                {
                    return FeatureOutcome.Success($"预览：规则判定{ClaimFormat.Outcome(decided.Decision.Outcome)}，金额 {ClaimFormat.Yuan(decided.Decision.Amount)}。尚未保存。")
                        .With(Decision, decided.RuleDecision);
                }

                // A draft the rules find ineligible claims nothing yet: it holds no once-only scope, so
                // the same facts can be filed under the right rule; submitting it takes the scope.
                if (!command.Submit && decided.Decision.Outcome == ClaimOutcome.Ineligible && records.Placement is null)
                {
                    key = null;
                }

                var now = _calendar.Now;
                var claim = await DraftAsync(db, command, claimant, decided, resident, enterprise, records, month, key, months, now, cancellationToken);
                return await SaveAsync(db, command, claim, decided.Decision, key, months.Key, now, cancellationToken);
            });
        }

        /// <summary>The kind of claimant the signed-in user is, or null when the role may not claim.</summary>
        private static ClaimantKind? ClaimantOf(PortalPrincipal principal) =>
            principal.IsEnterpriseUser && principal.EnterpriseId is not null ? ClaimantKind.Enterprise
            : principal.IsStationStaff ? ClaimantKind.Station
            : principal.IsBureauOfficer ? ClaimantKind.Bureau
            : null;

        /// <summary>The hire or post placement the claim rests on, when it names one.</summary>
        private sealed record Records(Hire? Hire, PostPlacement? Placement, PlacementHost? Host, InternshipOutcome? Cohort);

        /// <summary>The months a monthly subsidy covers and the key that lets each be claimed once (none for other subsidies).</summary>
        private sealed record CoveredMonths(string? Key, IReadOnlyList<DateOnly> Months);

        private async Task<(Records? Records, FeatureOutcome? Refusal)> RecordsAsync(PortalDbContext db, Command command, ClaimantKind claimant, DateOnly? month, CancellationToken cancellationToken)
        {
            var principal = _scope.Principal;

            // A hire of another enterprise is "not found", as on the hires' own endpoints.
            Hire? hire = null;
            if (command.HireId is { } hireId)
            {
                hire = await db.Hires.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hireId && h.EnterpriseId == principal.EnterpriseId, cancellationToken);
                if (hire is null)
                {
                    return (null, FeatureOutcome.Missing("录用记录"));
                }
            }

            if (command.PlacementId is not { } placementId)
            {
                return (new Records(hire, null, null, null), null);
            }

            // A placement names the person; its months run from the start to the last day.
            if (await ClaimDecider.PlacementAsync(db, placementId, cancellationToken) is not { } found)
            {
                return (null, FeatureOutcome.Missing("岗位安置记录"));
            }

            var (placement, cohort) = found;

            // An enterprise claims only the placements of the programmes it hosts; any other is "not found".
            var programmeId = placement.ProgrammeId;
            var host = await db.PostProgrammes.AsNoTracking().Where(p => p.Id == programmeId)
                .Select(p => new PlacementHost(p.Owner, p.HostEnterpriseId)).FirstAsync(cancellationToken);
            if (claimant == ClaimantKind.Enterprise && host.HostEnterpriseId != principal.EnterpriseId)
            {
                return (null, FeatureOutcome.Missing("岗位安置记录"));
            }

            var last = placement.EndedOn ?? placement.PlannedEnd;
            if (month < PortalCalendar.MonthOf(placement.StartDate) || month > PortalCalendar.MonthOf(last))
            {
                return (null, FeatureOutcome.Field("month", $"该安置的在岗期间为 {placement.StartDate:yyyy-MM-dd} 至 {last:yyyy-MM-dd}，所选月份不在其中。"));
            }

            if (month > _calendar.CurrentMonth)
            {
                return (null, FeatureOutcome.Field("month", "不能申请尚未到来的月份。"));
            }

            return (new Records(hire, placement, host, cohort), null);
        }

        /// <summary>The person the claim is for (in the caller's scope) and, for an enterprise, the verified claiming enterprise.</summary>
        private async Task<(Resident? Resident, Enterprise? Enterprise, FeatureOutcome? Refusal)> PartiesAsync(
            PortalDbContext db, Command command, ClaimantKind claimant, Records records, IdCardNumber? idCard, CancellationToken cancellationToken)
        {
            var principal = _scope.Principal;
            var residents = db.Residents.Include(r => r.StatusHistory);
            var resident = records.Placement is { } placement
                ? await residents.FirstOrDefaultAsync(r => r.Id == placement.ResidentId, cancellationToken)
                : records.Hire is { } hire
                ? await residents.FirstOrDefaultAsync(r => r.Id == hire.ResidentId, cancellationToken)
                : command.ResidentId is { } rid
                ? await residents.FirstOrDefaultAsync(r => r.Id == rid, cancellationToken)
                : await residents.WithIdNumber(db, idCard!.Value.Value).FirstOrDefaultAsync(cancellationToken);
            if (records.Hire is not null && resident is not null && ((command.ResidentId is { } named && named != resident.Id) || (idCard is { } card && card.Value != resident.IdNumber)))
            {
                return (null, null, FeatureOutcome.Field("hireId", "所选录用记录的人员与填写的申请对象不一致。"));
            }

            if (resident is null || (claimant == ClaimantKind.Station && !principal.CanSeeCommunity(resident.CommunityId)))
            {
                return (null, null, FeatureOutcome.Missing("申请对象（居民）"));
            }

            if (claimant != ClaimantKind.Enterprise)
            {
                return (resident, null, null);
            }

            var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == principal.EnterpriseId, cancellationToken);
            if (enterprise is null)
            {
                return (null, null, FeatureOutcome.Missing("企业"));
            }

            return enterprise.Status != EnterpriseStatus.Verified
                ? (null, null, FeatureOutcome.Refused("enterprise-not-verified", "企业尚未通过认证，不能申请补贴。"))
                : (resident, enterprise, null);
        }

        /// <summary>
        /// What the rules service decides on. A period states the months of every rule of the
        /// benefit paid per month of the person (what was stated there is replaced), so the rules
        /// are decided with them once.
        /// </summary>
        private ClaimDecider.DecisionRequest DecisionRequest(Command command, ClaimantKind claimant, string benefit, Resident resident, Enterprise? enterprise, Records records, DateOnly? month, ClaimPeriods.Period? period, DateOnly today)
        {
            var stated = command.Facts ?? [];
            if (period is { } given && records.Placement is null)
            {
                foreach (var path in _decider.ClaimableRules(claimant).Where(r => r.Benefit == benefit).Select(ClaimPeriods.MonthsPath).OfType<string>().Distinct())
                {
                    stated = ClaimPeriods.WithMonths(stated, path, given.Months.Count);
                }
            }

            var rule = string.IsNullOrWhiteSpace(command.RuleId) ? null : command.RuleId.Trim();
            return new ClaimDecider.DecisionRequest(claimant, benefit, rule, resident, enterprise, stated, today)
            {
                Hire = records.Hire,
                Placement = records.Placement,
                Month = month,
                InternshipCohort = records.Cohort,
                Period = records.Placement is null ? period : null,
            };
        }

        /// <summary>A subsidy paid per month of the person: the period gives the months, and each month is claimed once.</summary>
        private static async Task<(CoveredMonths Months, FeatureOutcome? Refusal)> CoveredMonthsAsync(
            PortalDbContext db, ClaimDecider.Decided decided, Resident resident, Records records, ClaimPeriods.Period? period, DateOnly today, CancellationToken cancellationToken)
        {
            var none = new CoveredMonths(null, []);
            if (records.Placement is not null)
            {
                return (none, null);
            }

            if (!ClaimPeriods.IsMonthly(decided.Rule))
            {
                return (none, period is null ? null : FeatureOutcome.Field("periodFrom", "该补贴不按月计发，不填写补贴期间。"));
            }

            if (period is not { } p)
            {
                return (none, FeatureOutcome.Field("periodFrom", "按月计发的补贴须填写补贴期间（起止月份），平台据此计算月数，同一月份不能重复申领。"));
            }

            if (p.To > PortalCalendar.MonthOf(today))
            {
                return (none, FeatureOutcome.Field("periodTo", "补贴期间不能包含尚未到来的月份。"));
            }

            var monthsKey = ClaimPeriods.Key(decided.Rule.Benefit, resident.Id);
            var taken = await ClaimPeriods.TakenAsync(db, monthsKey, p.Months, cancellationToken);
            return taken.Count > 0
                ? (none, FeatureOutcome.Conflicting(DuplicateCode,
                    $"补贴期间中的 {string.Join("、", taken.Select(t => t.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)))} 已由申请 {string.Join("、", taken.Select(t => t.Number).Distinct())} 申领，同一月份不能重复申领。"))
                : (new CoveredMonths(monthsKey, p.Months), null);
        }

        /// <summary>The draft claim with its subject, payee, decision and covered months, and the 资金监管 flags.</summary>
        private async Task<Claim> DraftAsync(
            PortalDbContext db, Command command, ClaimantKind claimant, ClaimDecider.Decided decided, Resident resident, Enterprise? enterprise, Records records,
            DateOnly? month, string? key, CoveredMonths months, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var districtId = await db.Communities.Where(c => c.Id == resident.CommunityId)
                .Join(db.Streets, c => c.StreetId, s => s.Id, (c, s) => s.DistrictId)
                .FirstAsync(cancellationToken);
            var subject = new ClaimSubject(
                decided.Rule.Benefit,
                decided.Rule.Id,
                decided.Rule.Title,
                decided.Document.DocumentNumber,
                claimant,
                enterprise?.Id,
                resident.Id,
                resident.CommunityId,
                districtId,
                resident.Name,
                decided.Source.Name,
                records.Hire?.Id,
                records.Placement?.Id,
                month);

            // An internship subsidy is the unit's: paid to the programme's host by default.
            var unit = records.Placement?.Kind == PostKind.Internship ? records.Host!.Owner : null;
            var payee = new ClaimPayee(
                command.PayeeName ?? unit ?? (claimant == ClaimantKind.Enterprise ? enterprise!.Name : resident.Name),
                command.PayeeAccount ?? string.Empty,
                command.PayeeBank);
            var claim = Claim.Draft(subject, payee, decided.Decision, key, ClaimCommandSupport.Actor(_scope.Principal), now);
            if (months.Key is not null)
            {
                claim.Cover(months.Key, months.Months);
            }

            // 资金监管: a one-time subsidy for the same person claimed by another enterprise.
            if (claimant == ClaimantKind.Enterprise && decided.Rule.OnceOnly is { Scope: EmploymentPortal.Policies.Model.OnceOnlyScope.PersonAndEnterprise })
            {
                var others = await db.Claims
                    .Where(c => c.Benefit == claim.Benefit && c.ResidentId == resident.Id && c.EnterpriseId != enterprise!.Id && c.OnceOnlyKey != null)
                    .ToListAsync(cancellationToken);
                foreach (var other in others)
                {
                    other.FlagForSupervision($"同一人员另由其他企业申领同类一次性补贴（申请 {claim.Number}）。");
                }

                if (others.Count > 0)
                {
                    claim.FlagForSupervision($"同一人员已由其他企业申领同类一次性补贴（申请 {string.Join("、", others.Select(o => o.Number))}）。");
                }
            }

            return claim;
        }

        /// <summary>Adds the claim (submitted within the enterprise's yearly cap when asked), one transaction on PostgreSQL; a concurrent duplicate is a 409.</summary>
        private async Task<FeatureOutcome> SaveAsync(PortalDbContext db, Command command, Claim claim, ClaimDecision decision, string? key, string? monthsKey, DateTimeOffset now, CancellationToken cancellationToken)
        {
            await using var transaction = db.Database.IsNpgsql() && command.Submit ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            try
            {
                if (command.Submit)
                {
                    await ClaimCommandSupport.LockEnterpriseAsync(db, claim.EnterpriseId, cancellationToken);
                    claim.Submit(decision, ClaimCommandSupport.Actor(_scope.Principal), now);
                    await ClaimCommandSupport.EnsureWithinEnterpriseCapAsync(db, claim, _options, _amounts, cancellationToken);
                    ClaimCommandSupport.Notify(db, claim, now);
                }

                db.Claims.Add(claim);
                await db.SaveChangesAsync(cancellationToken);
                if (transaction is not null)
                {
                    await transaction.CommitAsync(cancellationToken);
                }
            }
            catch (DbUpdateException e) when (key is not null && ClaimCommandSupport.IsUniqueViolation(e))
            {
                return Duplicate(null);
            }
            catch (DbUpdateException e) when (monthsKey is not null && ClaimCommandSupport.IsUniqueViolation(e))
            {
                return FeatureOutcome.Conflicting(DuplicateCode, "补贴期间中的月份已由同时提交的另一份申请申领，同一月份不能重复申领。");
            }

            var message = claim.Status == ClaimStatus.Submitted
                ? $"申请 {claim.Number} 已提交：规则判定{ClaimFormat.Outcome(claim.Outcome)}，金额 {ClaimFormat.Yuan(claim.Amount)}。"
                : $"申请 {claim.Number} 已保存为草稿：规则判定{ClaimFormat.Outcome(claim.Outcome)}。";
            return FeatureOutcome.Success(message, claim.Id);
        }

    }

    /// <summary>The 409 of a once-only scope another claim holds (<paramref name="existing"/>, when known).</summary>
    public static FeatureOutcome Duplicate(string? existing) =>
        FeatureOutcome.Conflicting(DuplicateCode, existing is null
            ? "该人员的同类一次性补贴已有申请（同时提交的重复申请只保留一份）。"
            : $"该人员的同类一次性补贴已有申请 {existing}，不能重复申请。");
}
