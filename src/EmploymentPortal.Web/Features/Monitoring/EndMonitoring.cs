using EmploymentPortal.Data;
using EmploymentPortal.Domain.Monitoring;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Monitoring;

/// <summary>A bureau officer ends an enterprise's monitoring (取消重点监测) on a last day, with the reason.</summary>
public static class EndMonitoring
{
    public sealed record Command
    {
        public Guid DesignationId { get; set; }

        public DateTime? LastDay { get; set; }

        public string Reason { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DesignationId).NotEmpty().WithMessage("请选择监测记录。");
            RuleFor(c => c.LastDay).NotNull().WithMessage("请填写监测截止日期。");
            RuleFor(c => c.Reason).NotEmpty().WithMessage("请填写取消重点监测的原因。")
                .MaximumLength(MonitoredEnterprise.MaxReasonLength).WithMessage($"原因不能超过 {MonitoredEnterprise.MaxReasonLength} 个字符。");
        }
    }

    public sealed class Handler(OperationScope scope) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            if (!principal.IsBureauOfficer)
            {
                return FeatureOutcome.Denied("只有人社局经办人员可以取消重点监测。");
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var designation = await db.MonitoredEnterprises.SingleOrDefaultAsync(m => m.Id == command.DesignationId, cancellationToken);
                if (designation is null)
                {
                    return FeatureOutcome.Missing("重点监测记录");
                }

                designation.End(DateOnly.FromDateTime(command.LastDay!.Value), command.Reason, principal.UserName);
                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success($"已取消重点监测，截至 {command.LastDay:yyyy-MM-dd}。", designation.Id);
            });
        }

        public string? FieldOf(string domainCode) => domainCode switch
        {
            "monitoring-reason" => nameof(Command.Reason),
            "monitoring-dates" => nameof(Command.LastDay),
            _ => null,
        };
    }
}
