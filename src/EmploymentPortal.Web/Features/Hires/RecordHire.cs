using EmploymentPortal.Data;
using EmploymentPortal.Data.Security;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Hires;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Security;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Hires;

/// <summary>
/// Records that a resident was hired (登记录用). An enterprise user records hires of their own
/// enterprise and names the resident by full ID number and name: a pair that matches no
/// registered resident is one field error, whatever the reason, so the form reveals nothing about
/// other people. Station staff record a hire of a resident of their communities (from the
/// resident's page) and name the enterprise by its credit code. Only a verified enterprise hires;
/// the resident's status becomes 就业 from the start date (see <see cref="Hire.Record"/>).
/// </summary>
public static class RecordHire
{
    public const string EnterpriseNotVerifiedCode = "enterprise-not-verified";
    public const string DuplicateCode = "hire-duplicate";

    public sealed record Command
    {
        /// <summary>Station staff: the resident (ignored for enterprise users).</summary>
        public Guid? ResidentId { get; set; }

        /// <summary>
        /// Enterprise users: a referral of the station to one of the enterprise's vacancies, answered
        /// 录用, names the resident instead of the ID number and name (the enterprise never saw them).
        /// </summary>
        public Guid? ReferralId { get; set; }

        /// <summary>Enterprise users: the resident's full ID number.</summary>
        public string? IdNumber { get; set; }

        /// <summary>Enterprise users: the resident's name, which must match the ID number.</summary>
        public string? Name { get; set; }

        /// <summary>Station staff: the hiring enterprise's unified social credit code (ignored for enterprise users).</summary>
        public string? EnterpriseCreditCode { get; set; }

        public string Position { get; set; } = string.Empty;

        public DateTime? StartDate { get; set; }

        public ContractType? ContractType { get; set; } = Domain.Hires.ContractType.FixedTerm;

        public DateTime? ContractStart { get; set; }

        public DateTime? ContractEnd { get; set; }

        public bool SocialInsurancePaid { get; set; }

        /// <summary>Any day of the first month of contributions.</summary>
        public DateTime? SocialInsuranceFrom { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalCalendar calendar, CurrentUser user)
        {
            RuleFor(c => c).Custom((c, context) =>
            {
                foreach (var (field, message) in Handler.MissingIdentification(c, user.Principal is { IsEnterpriseUser: true, EnterpriseId: not null }))
                {
                    context.AddFailure(field, message);
                }
            });
            RuleFor(c => c.IdNumber).Custom((value, context) =>
            {
                if (!string.IsNullOrWhiteSpace(value) && !IdCardNumber.TryParse(value, out _, out var error, calendar.Today))
                {
                    context.AddFailure(error);
                }
            });
            RuleFor(c => c.Name).MaximumLength(50).WithMessage("姓名不能超过 50 个字符。");
            RuleFor(c => c.EnterpriseCreditCode).Custom((value, context) =>
            {
                if (!string.IsNullOrWhiteSpace(value) && !UnifiedSocialCreditCode.TryParse(value, out _, out var error))
                {
                    context.AddFailure(error);
                }
            });
            RuleFor(c => c.Position)
                .NotEmpty().WithMessage("请输入录用岗位。")
                .MaximumLength(100).WithMessage("录用岗位不能超过 100 个字符。");
            RuleFor(c => c.StartDate)
                .NotNull().WithMessage("请选择入职日期。")
                .Must(d => d is null || DateOnly.FromDateTime(d.Value) <= calendar.Today).WithMessage("入职日期不能晚于今天：请在入职后登记。");
            RuleFor(c => c.ContractType)
                .NotNull().WithMessage("请选择劳动合同期限类型。")
                .IsInEnum().WithMessage("所选劳动合同期限类型无效。");
            RuleFor(c => c.ContractStart).NotNull().WithMessage("请选择合同起始日期。");
            RuleFor(c => c.ContractEnd)
                .NotNull().When(c => c.ContractType == Domain.Hires.ContractType.FixedTerm).WithMessage("固定期限劳动合同请填写合同终止日期。");
            RuleFor(c => c.ContractEnd)
                .Must((c, end) => end!.Value.Date > c.ContractStart!.Value.Date).When(c => c.ContractEnd is not null && c.ContractStart is not null)
                .WithMessage("合同终止日期应晚于合同起始日期。");
            RuleFor(c => c.StartDate)
                .Must((c, start) => start!.Value.Date <= c.ContractEnd!.Value.Date).When(c => c.StartDate is not null && c.ContractEnd is not null)
                .WithMessage("入职日期不能晚于合同终止日期。");
            RuleFor(c => c.SocialInsuranceFrom)
                .NotNull().When(c => c.SocialInsurancePaid).WithMessage("缴纳社会保险时请选择参保起始月份。");
            RuleFor(c => c.SocialInsuranceFrom)
                .Must((c, from) => Month(from!.Value) >= Month(c.StartDate!.Value)).When(c => c.SocialInsurancePaid && c.SocialInsuranceFrom is not null && c.StartDate is not null)
                .WithMessage("参保起始月份不能早于入职月份。");
        }

        private static int Month(DateTime date) => (date.Year * 12) + date.Month;
    }

    public sealed class Handler : ICommandHandler<Command>
    {
        private readonly OperationScope _scope;
        private readonly PortalCalendar _calendar;

        public Handler(OperationScope scope, PortalCalendar calendar)
        {
            _scope = scope;
            _calendar = calendar;
        }

        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = _scope.Principal;
            var asEnterprise = principal is { IsEnterpriseUser: true, EnterpriseId: not null };
            if (!asEnterprise && !principal.IsStationStaff)
            {
                return FeatureOutcome.Denied("只有企业用户或社区服务站工作人员可以登记录用。");
            }

            // The validator has checked the input, and who is identified for the one who records.

            return await _scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                Enterprise? enterprise;
                Resident? resident;
                if (asEnterprise)
                {
                    enterprise = await db.Enterprises.FirstOrDefaultAsync(e => e.Id == principal.EnterpriseId, cancellationToken);
                    if (enterprise is null)
                    {
                        return FeatureOutcome.Missing("企业");
                    }

                    if (enterprise.Status != EnterpriseStatus.Verified)
                    {
                        return FeatureOutcome.Refused(EnterpriseNotVerifiedCode, "本企业尚未通过认证（或已被暂停），不能登记录用人员。");
                    }

                    if (command.ReferralId is { } referralId)
                    {
                        // A referral of the station to this enterprise, answered 录用: its resident.
                        var referred = await db.JobReferrals.AsNoTracking()
                            .Where(r => r.Id == referralId && r.EnterpriseId == enterprise.Id && r.Status == Domain.Circles.ReferralStatus.Hired)
                            .Select(r => (Guid?)r.ResidentId).FirstOrDefaultAsync(cancellationToken);
                        if (referred is null)
                        {
                            return FeatureOutcome.Field(nameof(Command.ReferralId), "只能依据本企业已答复“录用”的推荐登记录用。");
                        }

                        resident = await db.Residents.Include(r => r.StatusHistory).FirstAsync(r => r.Id == referred, cancellationToken);
                    }
                    else
                    {
                        var idNumber = IdCardNumber.Parse(command.IdNumber).Value;
                        var name = command.Name!.Trim();
                        resident = await db.Residents.Include(r => r.StatusHistory).WithIdNumber(db, idNumber)
                            .FirstOrDefaultAsync(cancellationToken);
                        if (resident is null || resident.Name != name)
                        {
                            return FeatureOutcome.Field(nameof(Command.IdNumber), "未找到身份证号码与姓名一致的登记居民，请核对；尚未登记的居民请先到社区服务站登记。");
                        }
                    }
                }
                else
                {
                    resident = await db.Residents.VisibleTo(principal).Include(r => r.StatusHistory)
                        .FirstOrDefaultAsync(r => r.Id == command.ResidentId, cancellationToken);
                    if (resident is null)
                    {
                        return FeatureOutcome.Missing("居民");
                    }

                    var code = UnifiedSocialCreditCode.Parse(command.EnterpriseCreditCode).Value;
                    enterprise = await db.Enterprises.FirstOrDefaultAsync(e => e.CreditCode == code, cancellationToken);
                    if (enterprise is null)
                    {
                        return FeatureOutcome.Field(nameof(Command.EnterpriseCreditCode), "没有使用该统一社会信用代码注册的企业。");
                    }

                    if (enterprise.Status != EnterpriseStatus.Verified)
                    {
                        return FeatureOutcome.Field(nameof(Command.EnterpriseCreditCode), "该企业尚未通过认证或已被暂停，不能登记录用。");
                    }
                }

                var start = DateOnly.FromDateTime(command.StartDate!.Value);
                if (await db.Hires.AnyAsync(h => h.EnterpriseId == enterprise.Id && h.ResidentId == resident.Id && h.StartDate == start, cancellationToken))
                {
                    return Duplicate();
                }

                var terms = new HireTerms(
                    command.Position,
                    start,
                    command.ContractType!.Value,
                    DateOnly.FromDateTime(command.ContractStart!.Value),
                    command.ContractEnd is { } end ? DateOnly.FromDateTime(end) : null,
                    command.SocialInsurancePaid,
                    command.SocialInsurancePaid && command.SocialInsuranceFrom is { } from ? DateOnly.FromDateTime(from) : null);
                var recorder = new HireRecorder(asEnterprise ? HireRecorderRole.Enterprise : HireRecorderRole.Station, principal.UserName, _calendar.Now);
                try
                {
                    var hire = Hire.Record(enterprise, resident, terms, recorder, _calendar.Today);
                    db.Hires.Add(hire);
                    // The hire may clear the resident's zero-employment family (动态清零) at once.
                    await Households.ZeroEmploymentSync.ReassessForResidentAsync(db, resident, _calendar.Today, cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                    return FeatureOutcome.Success($"已登记{resident.Name}的录用信息（{enterprise.Name}，{hire.Position}）。", hire.Id);
                }
                catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
                {
                    // The unique index: the same hire was recorded at the same moment by someone else.
                    return Duplicate();
                }
            });
        }

        /// <summary>What identifies the person and the enterprise depends on who records: the validator's rule.</summary>
        internal static List<(string Field, string Message)> MissingIdentification(Command command, bool asEnterprise)
        {
            var missing = new List<(string, string)>();
            if (asEnterprise && command.ReferralId is null)
            {
                if (string.IsNullOrWhiteSpace(command.IdNumber))
                {
                    missing.Add((nameof(Command.IdNumber), "请输入被录用人员的身份证号码。"));
                }

                if (string.IsNullOrWhiteSpace(command.Name))
                {
                    missing.Add((nameof(Command.Name), "请输入被录用人员的姓名。"));
                }
            }
            else if (!asEnterprise)
            {
                if (command.ResidentId is null)
                {
                    missing.Add((nameof(Command.ResidentId), "请选择被录用的居民。"));
                }

                if (string.IsNullOrWhiteSpace(command.EnterpriseCreditCode))
                {
                    missing.Add((nameof(Command.EnterpriseCreditCode), "请输入录用企业的统一社会信用代码。"));
                }
            }

            return missing;
        }

        private static FeatureOutcome Duplicate() =>
            FeatureOutcome.Conflicting(DuplicateCode, "该居民在这家企业同一入职日期的录用已经登记过。");
    }
}
