using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Features.Enterprises;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Vacancies;

/// <summary>
/// 岗位审核: a bureau officer approves a pending vacancy (it is published city-wide) or rejects
/// it with a reason the enterprise sees. The domain refuses to publish for an enterprise that is
/// not verified.
/// </summary>
public static class ReviewVacancy
{
    /// <summary><see cref="Approve"/> null is a request that does not say (the API's body without <c>approve</c>).</summary>
    public sealed record Command(Guid VacancyId, bool? Approve, string? Reason);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Approve).NotNull().WithMessage("请说明审核结果（approve 为 true 或 false）。");
            RuleFor(c => c.Reason)
                .Must(r => !string.IsNullOrWhiteSpace(r)).When(c => c.Approve == false).WithMessage("驳回岗位必须填写原因，企业会看到该原因。")
                .MaximumLength(500).WithMessage("原因不能超过 500 个字符。");
        }
    }

    public sealed class Handler(OperationScope scope, TimeProvider time) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            if (!scope.Principal.IsBureauOfficer)
            {
                return FeatureOutcome.Denied("只有人社局经办人员可以审核岗位。");
            }

            var approve = command.Approve!.Value;
            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var vacancy = await db.Vacancies.FirstOrDefaultAsync(v => v.Id == command.VacancyId, cancellationToken);
                if (vacancy is null)
                {
                    return FeatureOutcome.Missing("岗位");
                }

                var enterprise = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == vacancy.EnterpriseId, cancellationToken);
                var now = time.GetUtcNow();
                if (approve)
                {
                    vacancy.Approve(enterprise, PortalCalendar.DateOf(now), now);
                }
                else
                {
                    vacancy.Reject(command.Reason!);
                }

                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success(approve ? $"岗位“{vacancy.Title}”已审核通过并发布。" : $"已驳回岗位“{vacancy.Title}”。", vacancy.Id);
            });
        }
    }
}
