using EmploymentPortal.Data;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Hires;

/// <summary>
/// The enterprise (or the resident's station) records that social insurance for a hire started
/// or stopped; the only change of a hire after it is recorded. Hires outside the caller's scope
/// are "not found".
/// </summary>
public static class UpdateHireInsurance
{
    public sealed record Command
    {
        /// <summary>The hire, from the route (<c>/hires/{id}/social-insurance</c>) or the page; not read from the body.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public Guid HireId { get; set; }

        public bool Paid { get; set; }

        public DateTime? From { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.From).NotNull().When(c => c.Paid).WithMessage("缴纳社会保险时请选择参保起始月份。");
        }
    }

    public sealed class Handler(OperationScope scope) : ICommandHandler<Command>
    {
        /// <summary>Every refusal of the hire's insurance rules concerns the first month.</summary>
        public string? FieldOf(string domainCode) => nameof(Command.From);

        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var hireId = command.HireId;
            var principal = scope.Principal;
            if (!principal.IsEnterpriseUser && !principal.IsStationStaff)
            {
                return FeatureOutcome.Denied("只有企业用户或社区服务站工作人员可以修改录用信息。");
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var hire = await db.Hires.VisibleTo(db, principal).FirstOrDefaultAsync(h => h.Id == hireId, cancellationToken);
                if (hire is null)
                {
                    return FeatureOutcome.Missing("录用记录");
                }

                hire.UpdateSocialInsurance(command.Paid, command.From is { } from ? DateOnly.FromDateTime(from) : null);
                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success("参保信息已更新。", hire.Id);
            });
        }
    }
}
