using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Residents.Profile;

/// <summary>
/// 就业困难人员认定 and its revocation: only a bureau officer may do either (the endpoint's policy
/// and this handler both check). The key-group list then shows the certification as the reason.
/// </summary>
public static class CertifyEmploymentDifficulty
{
    public sealed record Command
    {
        /// <summary>The resident, from the route or the page; not read from the body.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public Guid ResidentId { get; set; }

        public EmploymentDifficultyCategory? Category { get; set; }

        /// <summary>认定日期; today when not given.</summary>
        public DateOnly? CertifiedOn { get; set; }
    }

    public sealed record RevokeCommand
    {
        /// <summary>The resident, from the route or the page; not read from the body.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public Guid ResidentId { get; set; }

        public DateOnly? RevokedOn { get; set; }

        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalCalendar calendar)
        {
            RuleFor(c => c.Category).NotNull().WithMessage("请选择认定类别。").IsInEnum().WithMessage("认定类别无效。");
            RuleFor(c => c.CertifiedOn).Must(d => d is null || d <= calendar.Today).WithMessage("认定日期不能晚于今天。");
        }
    }

    public sealed class RevokeValidator : AbstractValidator<RevokeCommand>
    {
        public RevokeValidator(PortalCalendar calendar)
        {
            RuleFor(c => c.Reason)
                .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("请填写撤销认定的原因。")
                .MaximumLength(200).WithMessage("原因不能超过 200 个字符。");
            RuleFor(c => c.RevokedOn).Must(d => d is null || d <= calendar.Today).WithMessage("撤销日期不能晚于今天。");
        }
    }

    /// <summary>Certifies and revokes: bureau officers only, for a resident they can see.</summary>
    public sealed class Handler(OperationScope scope, PortalCalendar calendar) : ICommandHandler<Command>, ICommandHandler<RevokeCommand>
    {
        public Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var date = command.CertifiedOn ?? calendar.Today;
            return RunAsync(command.ResidentId, (resident, officer) =>
            {
                resident.CertifyEmploymentDifficulty(command.Category!.Value, date, officer);
                return $"已认定为就业困难人员（{KeyGroups.DifficultyCategoryName(command.Category.Value)}）。";
            }, cancellationToken);
        }

        public Task<FeatureOutcome> HandleAsync(RevokeCommand command, CancellationToken cancellationToken)
        {
            var date = command.RevokedOn ?? calendar.Today;
            return RunAsync(command.ResidentId, (resident, _) =>
            {
                resident.RevokeEmploymentDifficulty(date, command.Reason!);
                return "已撤销就业困难人员认定。";
            }, cancellationToken);
        }

        private async Task<FeatureOutcome> RunAsync(Guid residentId, Func<Resident, string, string> change, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            if (!principal.IsBureauOfficer)
            {
                return FeatureOutcome.Denied("只有人社局经办人员可以认定或撤销就业困难人员。");
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var resident = await db.Residents.VisibleTo(principal).FirstOrDefaultAsync(r => r.Id == residentId, cancellationToken);
                if (resident is null)
                {
                    return FeatureOutcome.Missing("居民");
                }

                var message = change(resident, principal.DisplayName);
                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success(message, resident.Id);
            });
        }
    }
}
