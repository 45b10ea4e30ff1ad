using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Entrepreneurship;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;

namespace EmploymentPortal.Web.Features.Entrepreneurship;

/// <summary>Records the guarantee institution's decision on a loan application (担保机构审核意见): officers.</summary>
public static class RecordGuaranteeDecision
{
    public sealed record Command
    {
        public Guid LoanId { get; set; }

        public string Institution { get; set; } = string.Empty;

        public bool Approved { get; set; } = true;

        public DateTime? DecidedOn { get; set; }

        public string? Note { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalCalendar calendar)
        {
            RuleFor(c => c.Institution).NotEmpty().WithMessage("请填写担保机构名称。").MaximumLength(100).WithMessage("担保机构名称不能超过 100 个字符。");
            RuleFor(c => c.DecidedOn).NotNull().WithMessage("请选择审核日期。")
                .Must(d => d is null || DateOnly.FromDateTime(d.Value) <= calendar.Today).WithMessage("审核日期不能晚于今天。");
            RuleFor(c => c.Note).NotEmpty().When(c => !c.Approved).WithMessage("不同意担保时须写明原因。")
                .MaximumLength(GuaranteedLoan.MaxNoteLength).WithMessage($"说明不能超过 {GuaranteedLoan.MaxNoteLength} 个字符。");
        }
    }

    public sealed class Handler(OperationScope scope, PortalCalendar calendar) : ICommandHandler<Command>
    {
        public Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken) =>
            LoanCommands.ChangeAsync(scope, command.LoanId, loan =>
            {
                loan.RecordGuaranteeDecision(command.Institution, command.Approved, DateOnly.FromDateTime(command.DecidedOn!.Value), command.Note, scope.Principal.UserName, calendar.Today);
                return command.Approved ? $"已登记：{loan.GuaranteeInstitution}同意为贷款 {loan.Number} 提供担保。" : $"已登记：{loan.GuaranteeInstitution}不同意担保（贷款 {loan.Number}）。";
            }, cancellationToken);
    }
}
