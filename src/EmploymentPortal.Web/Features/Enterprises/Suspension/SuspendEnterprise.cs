using EmploymentPortal.Data;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Enterprises.Suspension;

/// <summary>
/// A bureau officer suspends a verified enterprise (暂停, with a reason the enterprise sees) or
/// reinstates a suspended one (恢复). A suspended enterprise's vacancies leave the public board,
/// and it can neither submit vacancies nor record hires until reinstated.
/// </summary>
public static class SuspendEnterprise
{
    public sealed record Command(Guid EnterpriseId, bool Suspend, string? Reason);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason)
                .Must(r => !string.IsNullOrWhiteSpace(r)).When(c => c.Suspend).WithMessage("暂停企业必须填写原因。")
                .MaximumLength(500).WithMessage("原因不能超过 500 个字符。");
        }
    }

    public sealed class Handler(OperationScope scope) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            if (!scope.Principal.IsBureauOfficer)
            {
                return FeatureOutcome.Denied("只有人社局经办人员可以暂停或恢复企业。");
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var enterprise = await db.Enterprises.FirstOrDefaultAsync(e => e.Id == command.EnterpriseId, cancellationToken);
                if (enterprise is null)
                {
                    return FeatureOutcome.Missing("企业");
                }

                if (command.Suspend)
                {
                    enterprise.Suspend(command.Reason!);
                }
                else
                {
                    enterprise.Reinstate();
                }

                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success(command.Suspend ? $"已暂停企业“{enterprise.Name}”。" : $"已恢复企业“{enterprise.Name}”。", enterprise.Id);
            });
        }
    }
}
