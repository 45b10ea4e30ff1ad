using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Entrepreneurship;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Features.Policies;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Entrepreneurship;

/// <summary>
/// Records an application for a guaranteed business loan (创业担保贷款申请): a bureau officer, for a
/// resident's business start or for a small firm named by its credit code. The documents'
/// conditions are decided by the rules service (<see cref="LoanConditions"/>); an application that
/// fails them is refused with the reason and the clause.
/// </summary>
public static class ApplyForLoan
{
    public const string ConditionsCode = "loan-conditions-not-met";

    public sealed record Command
    {
        public Guid? BusinessStartId { get; set; }

        /// <summary>A small firm's unified social credit code (instead of a business start).</summary>
        public string? EnterpriseCreditCode { get; set; }

        public Money? Amount { get; set; }

        public int? TermMonths { get; set; } = 24;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c).Custom((c, context) =>
            {
                var hasCode = !string.IsNullOrWhiteSpace(c.EnterpriseCreditCode);
                if ((c.BusinessStartId is null) == !hasCode)
                {
                    context.AddFailure(nameof(Command.BusinessStartId), "请选择申请贷款的创业实体，或填写小微企业的统一社会信用代码（二者选一）。");
                }
            });
            RuleFor(c => c.EnterpriseCreditCode).Custom((value, context) =>
            {
                if (!string.IsNullOrWhiteSpace(value) && !UnifiedSocialCreditCode.TryParse(value, out _, out var error))
                {
                    context.AddFailure(error);
                }
            });
            RuleFor(c => c.Amount).NotNull().WithMessage("请填写贷款金额。")
                .Must(a => a is null || !a.Value.IsZero).WithMessage("贷款金额应大于零。");
            RuleFor(c => c.TermMonths).NotNull().WithMessage("请填写贷款期限。")
                .InclusiveBetween(1, GuaranteedLoan.MaxTermMonths).WithMessage($"贷款期限应为 1 至 {GuaranteedLoan.MaxTermMonths} 个月。");
        }
    }

    public sealed class Handler(OperationScope scope, PortalCalendar calendar, PolicyCatalogueService policies) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            if (!principal.IsBureauOfficer)
            {
                return FeatureOutcome.Denied("只有人社局经办人员可以登记创业担保贷款。");
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                await policies.EnsureCurrentAsync(db, cancellationToken);
                var amount = command.Amount!.Value;
                LoanApplicant applicant;
                (LoanEligibility? Eligibility, string? Refusal) decided;
                if (command.BusinessStartId is { } startId)
                {
                    var start = await db.BusinessStarts.AsNoTracking().FirstOrDefaultAsync(b => b.Id == startId, cancellationToken);
                    if (start is null)
                    {
                        return FeatureOutcome.MissingField(nameof(Command.BusinessStartId), "所选创业实体不存在。");
                    }

                    applicant = new LoanApplicant(LoanApplicantKind.BusinessStart, start.Id, null, start.ResidentId, start.Name);
                    decided = LoanConditions.ForBusinessStart(policies, amount, calendar.Today);
                }
                else
                {
                    var code = UnifiedSocialCreditCode.Parse(command.EnterpriseCreditCode).Value;
                    var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.CreditCode == code, cancellationToken);
                    if (enterprise is null)
                    {
                        return FeatureOutcome.Field(nameof(Command.EnterpriseCreditCode), "没有使用该统一社会信用代码注册的企业。");
                    }

                    applicant = new LoanApplicant(LoanApplicantKind.SmallEnterprise, null, enterprise.Id, null, enterprise.Name);
                    decided = await LoanConditions.ForSmallEnterpriseAsync(db, policies, enterprise, amount, calendar.Today, cancellationToken);
                }

                if (decided.Eligibility is null)
                {
                    return FeatureOutcome.Refused(ConditionsCode, decided.Refusal!);
                }

                var loan = GuaranteedLoan.Apply(applicant, amount, command.TermMonths!.Value, decided.Eligibility, calendar.Today, principal.UserName, calendar.Now);
                db.GuaranteedLoans.Add(loan);
                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success($"已登记创业担保贷款申请 {loan.Number}（{loan.ApplicantName}，{loan.Amount}，{loan.TermMonths} 个月）。", loan.Id);
            });
        }
    }
}
