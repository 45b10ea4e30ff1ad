using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Training;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Training;

/// <summary>
/// Station staff enrol a resident of their communities in an approved class (报名); bureau officers
/// any resident. Refused when the class is not approved or has ended, is full, the resident is
/// enrolled already, or the resident hits the limits of <see cref="TrainingRules"/> (one
/// occupation at one level once; at most <see cref="TrainingRules.EnrolmentsPerYear"/> classes
/// starting in a year). The class's version guards the capacity; the unique index guards a
/// double enrolment at the same moment.
/// </summary>
public static class EnrolResident
{
    public const string DuplicateCode = "training-enrolment-duplicate";

    public sealed record Command
    {
        public Guid ClassId { get; set; }

        public Guid ResidentId { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ClassId).NotEmpty().WithMessage("请选择培训班。");
            RuleFor(c => c.ResidentId).NotEmpty().WithMessage("请选择居民。");
        }
    }

    public sealed class Handler(OperationScope scope, PortalCalendar calendar, TrainingRules rules) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            if (!principal.IsStationStaff && !principal.IsBureauOfficer)
            {
                return FeatureOutcome.Denied("只有社区服务站工作人员和人社局经办人员可以为居民报名培训。");
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var resident = await db.Residents.VisibleTo(principal).Where(r => r.Id == command.ResidentId)
                    .Select(r => new { r.Id, r.Name }).FirstOrDefaultAsync(cancellationToken);
                if (resident is null)
                {
                    return FeatureOutcome.Missing("居民");
                }

                var @class = await db.TrainingClasses.Include(c => c.Enrolments).FirstOrDefaultAsync(c => c.Id == command.ClassId, cancellationToken);
                if (@class is null || @class.Status == TrainingClassStatus.Draft)
                {
                    return FeatureOutcome.MissingField(nameof(Command.ClassId), "培训班不存在或尚未审批。");
                }

                var history = await (
                    from e in db.TrainingEnrolments.AsNoTracking()
                    join c in db.TrainingClasses on e.ClassId equals c.Id
                    where e.ResidentId == resident.Id && e.ClassId != @class.Id
                    select new PriorEnrolment(c.Id, c.Occupation, c.Level, c.StartDate, e.Status)).ToListAsync(cancellationToken);
                @class.Enrol(resident.Id, history, rules, new EnrolmentRecorder(principal.UserName, calendar.Now), calendar.Today);

                // The class is the aggregate: saved as changed, so its version guards the capacity.
                db.Entry(@class).State = EntityState.Modified;
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
                {
                    return FeatureOutcome.Conflicting(DuplicateCode, "该居民已报名这个培训班。");
                }

                return FeatureOutcome.Success($"已为{resident.Name}报名：{@class.Name}。", @class.Enrolments.First(e => e.ResidentId == resident.Id).Id);
            });
        }
    }
}
