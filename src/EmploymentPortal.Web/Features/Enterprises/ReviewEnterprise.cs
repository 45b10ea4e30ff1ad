using EmploymentPortal.Data;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Enterprises;

/// <summary>A bureau officer verifies a pending enterprise (审核通过) or rejects it with a reason.</summary>
public static class ReviewEnterprise
{
    public sealed record Command(Guid EnterpriseId, bool Approve, string? Reason);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason)
                .Must(r => !string.IsNullOrWhiteSpace(r)).When(c => !c.Approve).WithMessage("驳回企业注册必须填写原因。")
                .MaximumLength(500).WithMessage("原因不能超过 500 个字符。");
        }
    }

    public sealed class Handler(OperationScope scope) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            if (!scope.Principal.IsBureauOfficer)
            {
                return FeatureOutcome.Denied("只有人社局经办人员可以审核企业。");
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var enterprise = await db.Enterprises.FirstOrDefaultAsync(e => e.Id == command.EnterpriseId, cancellationToken);
                if (enterprise is null)
                {
                    return FeatureOutcome.Missing("企业");
                }

                if (command.Approve)
                {
                    enterprise.Verify();
                }
                else
                {
                    enterprise.Reject(command.Reason!);
                }

                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success(command.Approve ? $"企业“{enterprise.Name}”已审核通过。" : $"已驳回企业“{enterprise.Name}”的注册。", enterprise.Id);
            });
        }
    }
}
