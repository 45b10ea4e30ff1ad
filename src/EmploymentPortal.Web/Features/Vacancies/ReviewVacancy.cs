using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Features.Enterprises;
using EmploymentPortal.Web.Infrastructure.Validation;
using EmploymentPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Vacancies;

/// <summary>
/// 岗位审核: a bureau officer approves a pending vacancy (it is published city-wide) or rejects
/// it with a reason the enterprise sees. The domain refuses to publish for an enterprise that is
/// not verified.
/// </summary>
public static class ReviewVacancy
{
    public sealed record Command(Guid VacancyId, bool Approve, string? Reason);

    public sealed class Handler
    {
        private readonly OperationScope _scope;
        private readonly TimeProvider _time;

        public Handler(OperationScope scope, TimeProvider time)
        {
            _scope = scope;
            _time = time;
        }

        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken = default)
        {
            if (!_scope.Principal.IsBureauOfficer)
            {
                return FeatureOutcome.Denied("只有人社局经办人员可以审核岗位。");
            }

            if (!command.Approve && string.IsNullOrWhiteSpace(command.Reason))
            {
                return FeatureOutcome.Field("Reason", "驳回岗位必须填写原因，企业会看到该原因。");
            }

            if (command.Reason?.Length > 500)
            {
                return FeatureOutcome.Field("Reason", "原因不能超过 500 个字符。");
            }

            return await _scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var vacancy = await db.Vacancies.FirstOrDefaultAsync(v => v.Id == command.VacancyId, cancellationToken);
                if (vacancy is null)
                {
                    return FeatureOutcome.Missing("岗位");
                }

                var enterprise = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == vacancy.EnterpriseId, cancellationToken);
                var now = _time.GetUtcNow();
                try
                {
                    if (command.Approve)
                    {
                        vacancy.Approve(enterprise, PortalCalendar.DateOf(now), now);
                    }
                    else
                    {
                        vacancy.Reject(command.Reason!);
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

                return FeatureOutcome.Success(command.Approve ? $"岗位“{vacancy.Title}”已审核通过并发布。" : $"已驳回岗位“{vacancy.Title}”。", vacancy.Id);
            });
        }
    }
}
