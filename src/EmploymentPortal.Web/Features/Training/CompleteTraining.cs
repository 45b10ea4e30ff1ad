using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Training;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;

namespace EmploymentPortal.Web.Features.Training;

/// <summary>
/// A trainee completes the class (结业): the class's institution or a bureau officer, only when the
/// attended hours reach <see cref="TrainingRules.MinimumAttendancePercent"/> of the planned hours.
/// </summary>
public static class CompleteTraining
{
    public sealed record Command
    {
        public Guid ClassId { get; set; }

        public Guid EnrolmentId { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ClassId).NotEmpty().WithMessage("请选择培训班。");
            RuleFor(c => c.EnrolmentId).NotEmpty().WithMessage("请选择学员。");
        }
    }

    public sealed class Handler(OperationScope scope, PortalCalendar calendar, TrainingRules rules) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            return await TrainingClassLoader.DeliverAsync(scope, command.ClassId, "办理结业", async (db, @class) =>
            {
                @class.Complete(command.EnrolmentId, rules, calendar.Today);
                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success("已办理结业。", command.EnrolmentId);
            }, cancellationToken);
        }
    }
}
