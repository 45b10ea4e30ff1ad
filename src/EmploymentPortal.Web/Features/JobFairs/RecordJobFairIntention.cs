using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.JobFairs;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.JobFairs;

/// <summary>
/// Records that a resident reached an employment intention (达成就业意向) at a job fair with one of
/// its enterprises, for a post (issue 17, "job fairs that count for people"): station staff for
/// the residents of their communities, bureau officers for anyone. The intention shows on the
/// resident's record, counts towards the fair's intentions and so towards the yearly target, and
/// is followed to a hire when the enterprise records one.
/// </summary>
public static class RecordJobFairIntention
{
    public sealed record Command
    {
        public Guid JobFairId { get; set; }

        public Guid ResidentId { get; set; }

        public Guid? EnterpriseId { get; set; }

        public string Post { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.JobFairId).NotEmpty().WithMessage("请选择招聘会。");
            RuleFor(c => c.ResidentId).NotEmpty().WithMessage("请选择居民。");
            RuleFor(c => c.EnterpriseId).NotNull().WithMessage("请选择意向企业。").NotEqual(Guid.Empty).WithMessage("请选择意向企业。");
            RuleFor(c => c.Post).NotEmpty().WithMessage("请填写意向岗位。")
                .MaximumLength(JobFairIntention.MaxPostLength).WithMessage($"意向岗位不能超过 {JobFairIntention.MaxPostLength} 个字符。");
        }
    }

    public sealed class Handler(OperationScope scope, PortalCalendar calendar) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            if (!principal.IsStationStaff && !principal.IsBureauOfficer)
            {
                return FeatureOutcome.Denied("只有社区服务站工作人员和人社局经办人员可以登记招聘会就业意向。");
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                if (!await db.Residents.VisibleTo(principal).AnyAsync(r => r.Id == command.ResidentId, cancellationToken))
                {
                    return FeatureOutcome.Missing("居民");
                }

                var fair = await db.JobFairs.Include(f => f.Participants).Include(f => f.NamedIntentions).AsSplitQuery()
                    .FirstOrDefaultAsync(f => f.Id == command.JobFairId, cancellationToken);
                if (fair is null)
                {
                    return FeatureOutcome.MissingField(nameof(Command.JobFairId), "招聘会不存在。");
                }

                if (fair.Date > calendar.Today)
                {
                    return FeatureOutcome.Field(nameof(Command.JobFairId), "招聘会尚未举办，不能登记就业意向。");
                }

                if (fair.Participants.All(p => p.EnterpriseId != command.EnterpriseId))
                {
                    return FeatureOutcome.Field(nameof(Command.EnterpriseId), "该企业没有参加这场招聘会。");
                }

                var intention = fair.RecordIntention(command.ResidentId, command.EnterpriseId!.Value, command.Post, calendar.Now, principal.DisplayName);

                // The fair is the aggregate: it is saved as changed, so its version guards the
                // posts-offered bound against a second intention recorded at the same moment.
                db.Entry(fair).State = EntityState.Modified;
                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success($"已登记就业意向：{fair.Name} · {intention.Post}。", intention.Id);
            });
        }
    }
}
