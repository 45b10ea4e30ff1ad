using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Entrepreneurship;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;

namespace EmploymentPortal.Web.Features.Entrepreneurship;

/// <summary>Marks an overdue loan defaulted (违约，担保机构代偿) with what happened: officers.</summary>
public static class MarkLoanDefault
{
    public sealed record Command
    {
        public Guid LoanId { get; set; }

        public DateTime? DefaultedOn { get; set; }

        public string Note { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalCalendar calendar)
        {
            RuleFor(c => c.DefaultedOn).NotNull().WithMessage("请选择违约日期。")
                .Must(d => d is null || DateOnly.FromDateTime(d.Value) <= calendar.Today).WithMessage("违约日期不能晚于今天。");
            RuleFor(c => c.Note).NotEmpty().WithMessage("请写明违约情况（如担保机构代偿）。")
                .MaximumLength(GuaranteedLoan.MaxNoteLength).WithMessage($"说明不能超过 {GuaranteedLoan.MaxNoteLength} 个字符。");
        }
    }

    public sealed class Handler(OperationScope scope, PortalCalendar calendar) : ICommandHandler<Command>
    {
        public Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken) =>
            LoanCommands.ChangeAsync(scope, command.LoanId, loan =>
            {
                loan.MarkDefault(DateOnly.FromDateTime(command.DefaultedOn!.Value), command.Note, calendar.Today);
                return $"贷款 {loan.Number} 已标记违约代偿。";
            }, cancellationToken);
    }
}
