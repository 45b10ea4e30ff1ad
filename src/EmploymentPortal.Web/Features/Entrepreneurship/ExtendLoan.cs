using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Entrepreneurship;
using EmploymentPortal.Web.Features.Policies;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;

namespace EmploymentPortal.Web.Features.Entrepreneurship;

/// <summary>
/// Records an extension of repayment (展期) the bank granted: officers. Whether the interest
/// subsidy continues on it is the rules service's decision on the day it was granted (rule
/// <see cref="LoanConditions.ExtensionRule"/>: during the epidemic, a person's loan, the borrower
/// infected; its end is the one the bureau sets on the policies page). The months are at most the
/// parameter <c>startupLoan.extensionMonths</c> (原则上不超过1年).
/// </summary>
public static class ExtendLoan
{
    public sealed record Command
    {
        public Guid LoanId { get; set; }

        public int? Months { get; set; } = 12;

        public DateTime? GrantedOn { get; set; }

        /// <summary>借款人患新冠肺炎: the condition of (十).</summary>
        public bool BorrowerInfected { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalCalendar calendar)
        {
            RuleFor(c => c.Months).NotNull().WithMessage("请填写展期月数。").InclusiveBetween(1, 60).WithMessage("展期月数应为 1 至 60 个月。");
            RuleFor(c => c.GrantedOn).NotNull().WithMessage("请选择展期日期。")
                .Must(d => d is null || DateOnly.FromDateTime(d.Value) <= calendar.Today).WithMessage("展期日期不能晚于今天。");
        }
    }

    public sealed class Handler(OperationScope scope, PortalCalendar calendar, PolicyCatalogueService policies) : ICommandHandler<Command>
    {
        public Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var grantedOn = DateOnly.FromDateTime(command.GrantedOn!.Value);
            return LoanCommands.ChangeAsync(scope, command.LoanId, loan =>
            {
                var (subsidised, note) = LoanConditions.ExtensionSubsidy(policies, loan.ApplicantKind == LoanApplicantKind.BusinessStart, command.BorrowerInfected, grantedOn);
                loan.Extend(command.Months!.Value, LoanConditions.ExtensionMaximumMonths(policies, grantedOn), grantedOn, subsidised, note, calendar.Today);
                return subsidised
                    ? $"已登记展期 {command.Months} 个月（贷款 {loan.Number}），展期利息继续贴息。"
                    : $"已登记展期 {command.Months} 个月（贷款 {loan.Number}），展期利息不贴息：{note}";
            }, cancellationToken, policies);
        }
    }
}
