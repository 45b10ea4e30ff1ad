using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;

namespace EmploymentPortal.Web.Features.Entrepreneurship;

/// <summary>Marks a loan overdue (逾期) when an installment is past due and unpaid: officers.</summary>
public static class MarkLoanOverdue
{
    public sealed record Command
    {
        public Guid LoanId { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.LoanId).NotEmpty().WithMessage("请选择贷款。");
        }
    }

    public sealed class Handler(OperationScope scope, PortalCalendar calendar) : ICommandHandler<Command>
    {
        public Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken) =>
            LoanCommands.ChangeAsync(scope, command.LoanId, loan =>
            {
                loan.MarkOverdue(calendar.Today);
                return $"贷款 {loan.Number} 已标记逾期（自 {loan.OverdueSince:yyyy-MM-dd} 起）。";
            }, cancellationToken);
    }
}
