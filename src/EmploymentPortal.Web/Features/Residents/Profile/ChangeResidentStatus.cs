using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Web.Features.Households;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Residents.Profile;

/// <summary>
/// Station staff record a change of a registered resident's employment status: flexible
/// employment, self-employment, training, a public-welfare post, back to registered unemployed,
/// or a deregistration with a reason. Employment by an employer is recorded with the hire.
/// Households the resident belongs to are reassessed (a placement clears a zero-employment family).
/// </summary>
public static class ChangeResidentStatus
{
    /// <summary>The statuses this command may set.</summary>
    public static readonly IReadOnlyList<EmploymentStatus> Allowed =
    [
        EmploymentStatus.FlexiblyEmployed,
        EmploymentStatus.SelfEmployed,
        EmploymentStatus.InTraining,
        EmploymentStatus.PublicWelfarePost,
        EmploymentStatus.RegisteredUnemployed,
        EmploymentStatus.Deregistered,
    ];

    public sealed record Command
    {
        /// <summary>The resident, from the route or the page; not read from the body.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public Guid ResidentId { get; set; }

        public EmploymentStatus? Status { get; set; }

        /// <summary>The first day in the new status; today when not given.</summary>
        public DateOnly? EffectiveFrom { get; set; }

        /// <summary>The project, post or training; for a deregistration the reason (required).</summary>
        public string? Note { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalCalendar calendar)
        {
            RuleFor(c => c.Status)
                .NotNull().WithMessage("请选择新的就业失业状态。")
                .Must(s => s != EmploymentStatus.Employed).WithMessage("单位就业请通过招用登记办理。")
                .Must(s => s is null || Allowed.Contains(s.Value)).WithMessage("就业失业状态无效。");
            RuleFor(c => c.EffectiveFrom)
                .Must(d => d is null || d <= calendar.Today).WithMessage("变更日期不能晚于今天。");
            RuleFor(c => c.Note).MaximumLength(200).WithMessage("说明不能超过 200 个字符。");
            RuleFor(c => c.Note)
                .Must(n => !string.IsNullOrWhiteSpace(n)).When(c => c.Status == EmploymentStatus.Deregistered)
                .WithMessage("注销登记须填写原因。");
        }
    }

    public sealed class Handler(OperationScope scope, PortalCalendar calendar) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            if (!principal.IsStationStaff)
            {
                return FeatureOutcome.Missing("居民");
            }

            var today = calendar.Today;
            var date = command.EffectiveFrom ?? today;
            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var resident = await db.Residents.VisibleTo(principal).Include(r => r.StatusHistory)
                    .FirstOrDefaultAsync(r => r.Id == command.ResidentId, cancellationToken);
                if (resident is null)
                {
                    return FeatureOutcome.Missing("居民");
                }

                var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
                if (command.Status == EmploymentStatus.Deregistered)
                {
                    resident.Deregister(date, note!);
                }
                else
                {
                    resident.ChangeStatus(command.Status!.Value, date, note);
                }

                await ZeroEmploymentSync.ReassessForResidentAsync(db, resident, today, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success($"已变更为“{ResidentLabels.Of(resident.CurrentStatus!.Value)}”。", resident.Id);
            });
        }
    }
}
