using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Households;

/// <summary>A member of a zero-employment family took up work (安置就业): the family is cleared with the date.</summary>
public static class RecordPlacement
{
    public sealed record Command
    {
        /// <summary>The household, from the route (<c>/households/{id}/members/{memberId}/placement</c>) or the page; not read from the body.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public Guid HouseholdId { get; set; }

        /// <summary>The member who took up work, from the route or the page; not read from the body.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public Guid MemberId { get; set; }

        /// <summary>The day of placement; today when not given.</summary>
        public DateOnly? PlacedOn { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalCalendar calendar)
        {
            RuleFor(c => c.PlacedOn).Must(d => d is null || d <= calendar.Today).WithMessage("安置日期不能晚于今天。");
        }
    }

    public sealed class Handler(OperationScope scope, PortalCalendar calendar) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            if (!principal.IsStationStaff)
            {
                return FeatureOutcome.Missing("家庭");
            }

            var date = command.PlacedOn ?? calendar.Today;
            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var communities = principal.CommunityIds.ToList();
                var household = await db.Households.Include(h => h.Members)
                    .FirstOrDefaultAsync(h => h.Id == command.HouseholdId && communities.Contains(h.CommunityId), cancellationToken);
                if (household is null)
                {
                    return FeatureOutcome.Missing("家庭");
                }

                household.RecordPlacement(command.MemberId, date, new HashSet<Guid>());
                await ZeroEmploymentSync.ReassessAsync(db, [household], date, cancellationToken: cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success(
                    household.IsZeroEmployment ? "已记录安置就业。" : $"已记录安置就业，零就业家庭已于{household.ZeroEmploymentClearedOn:yyyy-MM-dd}清零。",
                    household.Id);
            });
        }
    }
}
