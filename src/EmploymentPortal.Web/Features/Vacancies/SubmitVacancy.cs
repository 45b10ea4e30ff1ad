using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Features.Enterprises;
using EmploymentPortal.Web.Infrastructure.Validation;
using EmploymentPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Vacancies;

/// <summary>An enterprise user submits a draft or rejected vacancy of their enterprise for review.</summary>
public static class SubmitVacancy
{
    public sealed class Handler
    {
        private readonly OperationScope _scope;
        private readonly PortalCalendar _calendar;

        public Handler(OperationScope scope, PortalCalendar calendar)
        {
            _scope = scope;
            _calendar = calendar;
        }

        public async Task<FeatureOutcome> HandleAsync(Guid vacancyId, CancellationToken cancellationToken = default)
        {
            if (_scope.Principal is not { IsEnterpriseUser: true, EnterpriseId: { } enterpriseId })
            {
                return FeatureOutcome.Denied("只有企业用户可以提交岗位。");
            }

            return await _scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var vacancy = await db.Vacancies.FirstOrDefaultAsync(v => v.Id == vacancyId && v.EnterpriseId == enterpriseId, cancellationToken);
                var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == enterpriseId, cancellationToken);
                if (vacancy is null || enterprise is null)
                {
                    return FeatureOutcome.Missing("岗位");
                }

                try
                {
                    vacancy.Submit(enterprise, _calendar.Today);
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

                return FeatureOutcome.Success($"岗位“{vacancy.Title}”已提交审核。", vacancy.Id);
            });
        }
    }
}
