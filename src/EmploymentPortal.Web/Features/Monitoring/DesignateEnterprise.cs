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
/// A bureau officer designates an enterprise for employment monitoring (列为重点监测企业): from
/// the day given it reports monthly. An enterprise has at most one designation in force; one that
/// has ended may be followed by a new one.
/// </summary>
public static class DesignateEnterprise
{
    public sealed record Command
    {
        public Guid? EnterpriseId { get; set; }

        public DateTime? Since { get; set; }

        public DateTime? Until { get; set; }

        public string Reason { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.EnterpriseId).NotNull().WithMessage("请选择企业。").NotEqual(Guid.Empty).WithMessage("请选择企业。");
            RuleFor(c => c.Since).NotNull().WithMessage("请填写监测开始日期。");
            RuleFor(c => c.Until).GreaterThanOrEqualTo(c => c.Since).When(c => c.Until is not null && c.Since is not null).WithMessage("监测截止日期不能早于开始日期。");
            RuleFor(c => c.Reason).NotEmpty().WithMessage("请填写列为重点监测企业的原因。")
                .MaximumLength(MonitoredEnterprise.MaxReasonLength).WithMessage($"原因不能超过 {MonitoredEnterprise.MaxReasonLength} 个字符。");
        }
    }

    public sealed class Handler(OperationScope scope, PortalCalendar calendar) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            if (!principal.IsBureauOfficer)
            {
                return FeatureOutcome.Denied("只有人社局经办人员可以指定重点监测企业。");
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var enterprise = await db.Enterprises.AsNoTracking().Where(e => e.Id == command.EnterpriseId).Select(e => new { e.Id, e.Name }).SingleOrDefaultAsync(cancellationToken);
                if (enterprise is null)
                {
                    return FeatureOutcome.MissingField(nameof(Command.EnterpriseId), "企业不存在。");
                }

                var since = DateOnly.FromDateTime(command.Since!.Value);
                DateOnly? until = command.Until is { } u ? DateOnly.FromDateTime(u) : null;
                var overlapping = await db.MonitoredEnterprises.AsNoTracking()
                    .AnyAsync(m => m.EnterpriseId == enterprise.Id && (m.Until == null || m.Until >= since) && (until == null || m.Since <= until), cancellationToken);
                if (overlapping)
                {
                    return FeatureOutcome.Conflicting("monitoring-already-designated", $"{enterprise.Name}在该期间已是重点监测企业。");
                }

                var designation = new MonitoredEnterprise(enterprise.Id, since, command.Reason, until, principal.UserName, calendar.Now);
                db.MonitoredEnterprises.Add(designation);
                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success($"已将{enterprise.Name}列为重点监测企业（自 {since:yyyy-MM-dd} 起）。", designation.Id);
            });
        }

        public string? FieldOf(string domainCode) => domainCode switch
        {
            "monitoring-reason" => nameof(Command.Reason),
            "monitoring-dates" => nameof(Command.Until),
            _ => null,
        };
    }
}
