using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Monitoring;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Monitoring;

/// <summary>
/// A bureau officer sets a warning threshold (预警阈值) with its basis: the document and clause or
/// the bureau decision it rests on. One threshold per rule; setting it again replaces the figures
/// (the audit log keeps the old ones).
/// </summary>
public static class ConfigureThreshold
{
    public sealed record Command
    {
        public WarningKind? Kind { get; set; }

        public decimal? SharePercent { get; set; }

        public int? Count { get; set; }

        public string Basis { get; set; } = string.Empty;

        public bool Enabled { get; set; } = true;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Kind).NotNull().WithMessage("请选择预警类型。").IsInEnum().WithMessage("请选择预警类型。");
            RuleFor(c => c.SharePercent).GreaterThan(0).WithMessage("比例阈值应大于 0%。").LessThanOrEqualTo(1000).WithMessage("比例阈值不能超过 1000%。");
            RuleFor(c => c.Count).GreaterThanOrEqualTo(1).WithMessage("人数阈值应至少为 1 人。").LessThanOrEqualTo(1_000_000).WithMessage("人数阈值不能超过 100 万人。");
            RuleFor(c => c.Basis).NotEmpty().WithMessage("请填写阈值的依据：文件及条款，或局务会议决定。")
                .MaximumLength(WarningThreshold.MaxBasisLength).WithMessage($"依据不能超过 {WarningThreshold.MaxBasisLength} 个字符。");
        }
    }

    public sealed class Handler(OperationScope scope, PortalCalendar calendar) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            if (!principal.IsBureauOfficer)
            {
                return FeatureOutcome.Denied("只有人社局经办人员可以设置预警阈值。");
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var kind = command.Kind!.Value;
                var threshold = await db.WarningThresholds.SingleOrDefaultAsync(t => t.Kind == kind, cancellationToken);
                if (threshold is null)
                {
                    threshold = new WarningThreshold(kind, command.SharePercent, command.Count, command.Basis, principal.UserName, calendar.Now);
                    if (!command.Enabled)
                    {
                        threshold.Configure(command.SharePercent, command.Count, command.Basis, false, principal.UserName, calendar.Now);
                    }

                    db.WarningThresholds.Add(threshold);
                }
                else
                {
                    threshold.Configure(command.SharePercent, command.Count, command.Basis, command.Enabled, principal.UserName, calendar.Now);
                }

                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success($"已保存预警阈值：{threshold.Describe()}。", threshold.Id);
            });
        }

        public string? FieldOf(string domainCode) => domainCode switch
        {
            "monitoring-threshold" => nameof(Command.SharePercent),
            "monitoring-threshold-basis" => nameof(Command.Basis),
            _ => null,
        };
    }
}
