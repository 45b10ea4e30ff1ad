using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Features.Enterprises;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Vacancies;

/// <summary>An enterprise user submits a draft or rejected vacancy of their enterprise for review.</summary>
public static class SubmitVacancy
{
    public sealed record Command(Guid VacancyId);

    /// <summary>Nothing to check in the input: the vacancy is the page's row.</summary>
    public sealed class Validator : AbstractValidator<Command>;

    public sealed class Handler(OperationScope scope, PortalCalendar calendar) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            if (scope.Principal is not { IsEnterpriseUser: true, EnterpriseId: { } enterpriseId })
            {
                return FeatureOutcome.Denied("只有企业用户可以提交岗位。");
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var vacancy = await db.Vacancies.FirstOrDefaultAsync(v => v.Id == command.VacancyId && v.EnterpriseId == enterpriseId, cancellationToken);
                var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == enterpriseId, cancellationToken);
                if (vacancy is null || enterprise is null)
                {
                    return FeatureOutcome.Missing("岗位");
                }

                vacancy.Submit(enterprise, calendar.Today);
                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success($"岗位“{vacancy.Title}”已提交审核。", vacancy.Id);
            });
        }
    }
}
