using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Training;

/// <summary>
/// The bureau approves a planned class (开班审批), at the latest on its first day; only then may
/// residents be enrolled. The approving officer and the China date are kept on the class.
/// </summary>
public static class ApproveClass
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
            if (!scope.Principal.IsBureauOfficer)
            {
                return FeatureOutcome.Denied("只有人社局经办人员可以审批开班。");
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var @class = await db.TrainingClasses.FirstOrDefaultAsync(c => c.Id == command.ClassId, cancellationToken);
                if (@class is null)
                {
                    return FeatureOutcome.Missing("培训班");
                }

                @class.Approve(scope.Principal.DisplayName, calendar.Today);
                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success($"已审批开班：{@class.Name}。", @class.Id);
            });
        }
    }
}
