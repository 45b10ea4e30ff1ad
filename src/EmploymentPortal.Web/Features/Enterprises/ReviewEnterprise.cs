using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Infrastructure.Validation;
using EmploymentPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Enterprises;

/// <summary>A bureau officer verifies a pending enterprise (审核通过) or rejects it with a reason.</summary>
public static class ReviewEnterprise
{
    public sealed record Command(Guid EnterpriseId, bool Approve, string? Reason);

    public sealed class Handler
    {
        private readonly OperationScope _scope;

        public Handler(OperationScope scope)
        {
            _scope = scope;
        }

        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            if (!_scope.Principal.IsBureauOfficer)
            {
                return FeatureOutcome.Denied("只有人社局经办人员可以审核企业。");
            }

            if (!command.Approve && string.IsNullOrWhiteSpace(command.Reason))
            {
                return FeatureOutcome.Field("Reason", "驳回企业注册必须填写原因。");
            }

            if (command.Reason?.Length > 500)
            {
                return FeatureOutcome.Field("Reason", "原因不能超过 500 个字符。");
            }

            return await _scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var enterprise = await db.Enterprises.FirstOrDefaultAsync(e => e.Id == command.EnterpriseId, cancellationToken);
                if (enterprise is null)
                {
                    return FeatureOutcome.Missing("企业");
                }

                try
                {
                    if (command.Approve)
                    {
                        enterprise.Verify();
                    }
                    else
                    {
                        enterprise.Reject(command.Reason!);
                    }

                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DomainException e)
                {
                    return FeatureOutcome.FromDomain(e);
                }
                catch (DbUpdateConcurrencyException)
                {
                    return FeatureOutcome.Concurrency();
                }

                return FeatureOutcome.Success(command.Approve ? $"企业“{enterprise.Name}”已审核通过。" : $"已驳回企业“{enterprise.Name}”的注册。", enterprise.Id);
            });
        }
    }
}
