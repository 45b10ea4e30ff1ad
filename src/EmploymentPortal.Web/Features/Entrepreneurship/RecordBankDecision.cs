using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Entrepreneurship;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;

namespace EmploymentPortal.Web.Features.Entrepreneurship;

/// <summary>
/// Records the lending bank's decision (经办银行审批意见): officers. An approval names the amount
/// lent (at most the amount applied for) and the annual rate in per cent (3.85 for 3.85 %).
/// </summary>
public static class RecordBankDecision
{
    public sealed record Command
    {
        public Guid LoanId { get; set; }

        public string Bank { get; set; } = string.Empty;

        public bool Approved { get; set; } = true;

        public Money? LentAmount { get; set; }

        /// <summary>年利率 in per cent, e.g. 3.85.</summary>
        public decimal? AnnualRatePercent { get; set; }

        public DateTime? DecidedOn { get; set; }

        public string? Note { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalCalendar calendar)
        {
            RuleFor(c => c.Bank).NotEmpty().WithMessage("请填写经办银行名称。").MaximumLength(100).WithMessage("经办银行名称不能超过 100 个字符。");
            RuleFor(c => c.DecidedOn).NotNull().WithMessage("请选择审批日期。")
                .Must(d => d is null || DateOnly.FromDateTime(d.Value) <= calendar.Today).WithMessage("审批日期不能晚于今天。");
            RuleFor(c => c.LentAmount).NotNull().When(c => c.Approved).WithMessage("请填写银行放贷金额。");
            RuleFor(c => c.AnnualRatePercent).NotNull().When(c => c.Approved).WithMessage("请填写年利率（%）。")
                .Must(r => r is null || (r > 0 && r < 100 && decimal.Round(r.Value, 4) == r.Value)).WithMessage("年利率应大于 0、小于 100，最多四位小数。");
            RuleFor(c => c.Note).NotEmpty().When(c => !c.Approved).WithMessage("不同意放贷时须写明原因。")
                .MaximumLength(GuaranteedLoan.MaxNoteLength).WithMessage($"说明不能超过 {GuaranteedLoan.MaxNoteLength} 个字符。");
        }
    }

    public sealed class Handler(OperationScope scope, PortalCalendar calendar) : ICommandHandler<Command>
    {
        public Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken) =>
            LoanCommands.ChangeAsync(scope, command.LoanId, loan =>
            {
                loan.RecordBankDecision(command.Bank, command.Approved, command.LentAmount, command.AnnualRatePercent, DateOnly.FromDateTime(command.DecidedOn!.Value), command.Note, scope.Principal.UserName, calendar.Today);
                return command.Approved
                    ? $"已登记：{loan.Bank}同意放贷 {loan.Amount}，年利率 {command.AnnualRatePercent}%（贷款 {loan.Number}）。"
                    : $"已登记：{loan.Bank}不同意放贷（贷款 {loan.Number}）。";
            }, cancellationToken);
    }
}
