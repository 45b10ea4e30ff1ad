using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;

namespace EmploymentPortal.Web.Features.Entrepreneurship;

/// <summary>Records a repayment (还款登记) as the bank reports it: officers. It pays the oldest installments first.</summary>
public static class RecordLoanRepayment
{
    public sealed record Command
    {
        public Guid LoanId { get; set; }

        public Money? Amount { get; set; }

        public DateTime? PaidOn { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalCalendar calendar)
        {
            RuleFor(c => c.Amount).NotNull().WithMessage("请填写还款金额。").Must(a => a is null || !a.Value.IsZero).WithMessage("还款金额应大于零。");
            RuleFor(c => c.PaidOn).NotNull().WithMessage("请选择还款日期。")
                .Must(d => d is null || DateOnly.FromDateTime(d.Value) <= calendar.Today).WithMessage("还款日期不能晚于今天。");
        }
    }

    public sealed class Handler(OperationScope scope, PortalCalendar calendar) : ICommandHandler<Command>
    {
        public Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken) =>
            LoanCommands.ChangeAsync(scope, command.LoanId, loan =>
            {
                loan.RecordRepayment(command.Amount!.Value, DateOnly.FromDateTime(command.PaidOn!.Value), scope.Principal.UserName, calendar.Now, calendar.Today);
                return $"已登记还款 {command.Amount}（贷款 {loan.Number}），尚欠 {loan.Outstanding}。";
            }, cancellationToken);
    }
}
