using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Monitoring;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Monitoring;

/// <summary>A bureau officer acknowledges an early warning with a note on what is being done (预警确认).</summary>
public static class AcknowledgeWarning
{
    public sealed record Command
    {
        public Guid WarningId { get; set; }

        public string Note { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.WarningId).NotEmpty().WithMessage("请选择预警。");
            RuleFor(c => c.Note).NotEmpty().WithMessage("请填写处理说明。")
                .MaximumLength(EmploymentWarning.MaxNoteLength).WithMessage($"处理说明不能超过 {EmploymentWarning.MaxNoteLength} 个字符。");
        }
    }

    public sealed class Handler(OperationScope scope, PortalCalendar calendar) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            if (!principal.IsBureauOfficer)
            {
                return FeatureOutcome.Denied("只有人社局经办人员可以确认预警。");
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var warning = await db.EmploymentWarnings.SingleOrDefaultAsync(w => w.Id == command.WarningId, cancellationToken);
                if (warning is null)
                {
                    return FeatureOutcome.Missing("预警");
                }

                warning.Acknowledge(command.Note, principal.UserName, calendar.Now);
                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success($"已确认预警：{warning.SubjectName}。", warning.Id);
            });
        }

        public string? FieldOf(string domainCode) => domainCode == "monitoring-warning-note" ? nameof(Command.Note) : null;
    }
}
