using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Residents.FollowUp;

/// <summary>Station staff log a follow-up contact (每月跟踪服务) with a resident in their scope.</summary>
public static class LogContact
{
    public sealed record Command
    {
        /// <summary>The resident, from the route (<c>/residents/{id}/contacts</c>) or the page; not read from the body.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public Guid ResidentId { get; set; }

        public DateOnly? ContactedOn { get; set; }

        public ContactChannel? Channel { get; set; }

        public string Outcome { get; set; } = string.Empty;

        public IEnumerable<FollowUpServices> Services { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalCalendar calendar)
        {
            RuleFor(c => c.ContactedOn)
                .NotNull().WithMessage("请输入联系日期。")
                .Must(d => d is null || d <= calendar.Today).WithMessage("联系日期不能晚于今天。");
            RuleFor(c => c.Channel)
                .NotNull().WithMessage("请选择联系方式。")
                .IsInEnum().WithMessage("联系方式无效。");
            RuleFor(c => c.Outcome)
                .Must(o => !string.IsNullOrWhiteSpace(o)).WithMessage("请填写跟踪结果。")
                .MaximumLength(500).WithMessage("跟踪结果不能超过 500 个字符。");
            RuleForEach(c => c.Services).IsInEnum().WithMessage("服务内容无效。");
        }
    }

    public sealed class Handler(OperationScope scope) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            if (!principal.IsStationStaff)
            {
                return FeatureOutcome.Missing("居民");
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                if (!await db.Residents.VisibleTo(principal).AnyAsync(r => r.Id == command.ResidentId, cancellationToken))
                {
                    return FeatureOutcome.Missing("居民");
                }

                var servicesOffered = command.Services.Aggregate(FollowUpServices.None, (all, s) => all | s);
                var contact = new ResidentContact(command.ResidentId, command.ContactedOn!.Value, command.Channel!.Value, command.Outcome.Trim(), servicesOffered, principal.DisplayName);
                db.ResidentContacts.Add(contact);
                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success("已记录跟踪服务。", contact.Id);
            });
        }
    }
}
