using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;

namespace EmploymentPortal.Web.Features.Entrepreneurship;

/// <summary>Records the disbursement (放款) of an approved loan; the repayment schedule is made from it. Officers.</summary>
public static class DisburseLoan
{
    public sealed record Command
    {
        public Guid LoanId { get; set; }

        public DateTime? DisbursedOn { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalCalendar calendar)
        {
            RuleFor(c => c.DisbursedOn).NotNull().WithMessage("请选择放款日期。")
                .Must(d => d is null || DateOnly.FromDateTime(d.Value) <= calendar.Today).WithMessage("放款日期不能晚于今天。");
        }
    }

    public sealed class Handler(OperationScope scope, PortalCalendar calendar) : ICommandHandler<Command>
    {
        public Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken) =>
            LoanCommands.ChangeAsync(scope, command.LoanId, loan =>
            {
                loan.Disburse(DateOnly.FromDateTime(command.DisbursedOn!.Value), calendar.Today);
                return $"已登记放款：贷款 {loan.Number}，{loan.Amount}，{loan.Installments.Count} 期还款计划已生成。";
            }, cancellationToken);
    }
}
