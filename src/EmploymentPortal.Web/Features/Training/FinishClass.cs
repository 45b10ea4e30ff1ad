using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;

namespace EmploymentPortal.Web.Features.Training;

/// <summary>The class ends (结班) on or after its last day: trainees without completion become 未结业.</summary>
public static class FinishClass
{
    public sealed record Command
    {
        public Guid ClassId { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ClassId).NotEmpty().WithMessage("请选择培训班。");
        }
    }

    public sealed class Handler(OperationScope scope, PortalCalendar calendar) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            return await TrainingClassLoader.DeliverAsync(scope, command.ClassId, "结班", async (db, @class) =>
            {
                @class.Finish(calendar.Today);
                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success($"已结班：{@class.Name}。", @class.Id);
            }, cancellationToken);
        }
    }
}
