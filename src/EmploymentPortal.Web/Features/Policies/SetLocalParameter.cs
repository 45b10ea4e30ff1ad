using EmploymentPortal.Data;
using EmploymentPortal.Domain.Policies;
using EmploymentPortal.Policies.Loading;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Security;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Policies;

/// <summary>
/// A bureau officer sets a figure for a local parameter from a date (设定本地参数). The value is
/// added to the parameter's history, never written over an earlier one; the save is audited, and
/// the catalogue in force picks it up at once.
/// </summary>
public static class SetLocalParameter
{
    public sealed class Command
    {
        public string ParameterId { get; set; } = string.Empty;

        public DateTime? EffectiveFrom { get; set; }

        public DateTime? EffectiveUntil { get; set; }

        public decimal? Value { get; set; }

        public string ReferenceDocument { get; set; } = string.Empty;

        public string Section { get; set; } = string.Empty;

        public string Quote { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ParameterId).NotEmpty().WithMessage("请选择参数。");
            RuleFor(c => c.EffectiveFrom).NotNull().WithMessage("请填写生效日期。");
            RuleFor(c => c.EffectiveUntil)
                .GreaterThanOrEqualTo(c => c.EffectiveFrom)
                .When(c => c.EffectiveFrom is not null && c.EffectiveUntil is not null)
                .WithMessage("截止日期不能早于生效日期。");
            RuleFor(c => c.Value).NotNull().WithMessage("请填写取值。")
                .GreaterThanOrEqualTo(0).WithMessage("取值不能为负数。")
                .PrecisionScale(18, 4, ignoreTrailingZeros: true).WithMessage("取值最多 4 位小数。");
            RuleFor(c => c.ReferenceDocument).NotEmpty().WithMessage("请填写设定该取值的文件（文号）。").MaximumLength(200).WithMessage("文件名称不能超过 200 个字符。");
            RuleFor(c => c.Section).NotEmpty().WithMessage("请填写条款，例如“第三条”。").MaximumLength(50).WithMessage("条款不能超过 50 个字符。");
            RuleFor(c => c.Quote).NotEmpty().WithMessage("请摘录文件中规定该取值的原文。").MaximumLength(1000).WithMessage("原文摘录不能超过 1000 个字符。");
        }
    }

    public sealed class Handler(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, PolicyCatalogueService policies, TimeProvider time) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = currentUser.Principal;
            if (!principal.IsBureauOfficer)
            {
                return FeatureOutcome.Denied("只有人社局经办人员可以设定政策参数。");
            }

            var parameter = policies.BaseCatalogue.Parameters.GetValueOrDefault(command.ParameterId);
            if (parameter is null || !parameter.Local)
            {
                return FeatureOutcome.Field(nameof(Command.ParameterId), "该参数由政策文件规定，不能设定本地取值。");
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var value = new LocalParameterValue(
                command.ParameterId,
                DateOnly.FromDateTime(command.EffectiveFrom!.Value),
                command.EffectiveUntil is { } until ? DateOnly.FromDateTime(until) : null,
                command.Value!.Value,
                command.ReferenceDocument.Trim(),
                command.Section.Trim(),
                command.Quote.Trim(),
                principal.UserId,
                principal.DisplayName,
                time.GetUtcNow());
            var existing = await db.LocalParameterValues.AsNoTracking().ToListAsync(cancellationToken);
            var history = existing.Where(v => v.ParameterId == value.ParameterId).ToList();
            if (history.Any(v => v.EffectiveFrom >= value.EffectiveFrom))
            {
                return FeatureOutcome.Field(nameof(Command.EffectiveFrom), $"该参数已有自 {history.Max(v => v.EffectiveFrom):yyyy-MM-dd} 起的取值；新取值须从更晚的日期开始，历史取值不能改写。");
            }

            try
            {
                policies.Preview(existing.Append(value));
            }
            catch (PolicyCatalogueException exception)
            {
                return FeatureOutcome.Field(nameof(Command.EffectiveFrom), "新取值与已有取值的生效期重叠：" + string.Join("；", exception.Errors));
            }

            db.LocalParameterValues.Add(value);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                return FeatureOutcome.Field(nameof(Command.EffectiveFrom), "同一参数在该日期已有取值（可能刚被他人设定），请刷新后重试。");
            }

            await policies.EnsureCurrentAsync(db, cancellationToken);
            return FeatureOutcome.Success($"已设定参数 {value.ParameterId} 自 {value.EffectiveFrom:yyyy-MM-dd} 起的取值 {value.Value:0.####}。", value.Id);
        }
    }
}
