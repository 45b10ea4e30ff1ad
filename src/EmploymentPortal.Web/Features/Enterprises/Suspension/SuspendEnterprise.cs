using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Validation;
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
                return FeatureOutcome.Denied("只有人社局经办人员可以暂停或恢复企业。");
            }

            if (command.Suspend && string.IsNullOrWhiteSpace(command.Reason))
            {
                return FeatureOutcome.Field("Reason", "暂停企业必须填写原因。");
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
                    if (command.Suspend)
                    {
                        enterprise.Suspend(command.Reason!);
                    }
                    else
                    {
                        enterprise.Reinstate();
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

                return FeatureOutcome.Success(command.Suspend ? $"已暂停企业“{enterprise.Name}”。" : $"已恢复企业“{enterprise.Name}”。", enterprise.Id);
            });
        }
    }
}
