using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;

namespace EmploymentPortal.Web.Features.Households;

/// <summary>
/// Brings the flags of a station's households up to date (a member's status may have changed
/// elsewhere, e.g. a hire); sent when the station opens its list. Changes are saved and audited;
/// a concurrent save of the same households is a conflict the list does not show (it shows their
/// state as saved).
/// </summary>
public static class ReassessHouseholds
{
    /// <summary>How many households changed their flag.</summary>
    public static readonly OutcomeValue<int> Changed = new("changed");

    public sealed record Command;

    /// <summary>Nothing to check of the input: the command has none.</summary>
    public sealed class Validator : AbstractValidator<Command>
    {
    }

    public sealed class Handler(OperationScope scope, PortalCalendar calendar) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            if (!principal.IsStationStaff || principal.CommunityIds.Count == 0)
            {
                return FeatureOutcome.Success("没有需要更新的家庭。").With(Changed, 0);
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var changed = await ZeroEmploymentSync.ReassessCommunitiesAsync(db, principal.CommunityIds, calendar.Today, cancellationToken);
                if (changed > 0)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                return FeatureOutcome.Success($"已更新 {changed} 个家庭的零就业状态。").With(Changed, changed);
            });
        }
    }
}
