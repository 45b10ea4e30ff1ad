using EmploymentPortal.Data;
using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Hires;

/// <summary>
/// 离职登记: the enterprise (or the resident's station) records that a hired person left. The live
/// subsidy claims of that enterprise for that person (made from the hire or stated) are flagged for
/// fund supervision (资金监管) with how long the person stayed, for the officer to check the
/// subsidy's conditions (an absorption subsidy asks for a contract of a year or more). Hires
/// outside the caller's scope are "not found".
/// </summary>
public static class EndHire
{
    public sealed record Command
    {
        /// <summary>The hire, from the route (<c>/hires/{id}/end</c>) or the page; not read from the body.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public Guid HireId { get; set; }

        public DateTime? LastDay { get; set; }

        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.LastDay).NotNull().WithMessage("请选择离职日期（最后工作日）。");
            RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r) && r.Trim().Length <= 200).WithMessage("请填写离职原因（200 字以内）。");
        }
    }

    public sealed class Handler(OperationScope scope, PortalCalendar calendar) : ICommandHandler<Command>
    {
        /// <summary>The last day before the start, or after today (<c>hire-dates</c>), is the field's error.</summary>
        public string? FieldOf(string domainCode) => domainCode == "hire-dates" ? nameof(Command.LastDay) : null;

        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var hireId = command.HireId;
            var principal = scope.Principal;
            if (!principal.IsEnterpriseUser && !principal.IsStationStaff)
            {
                return FeatureOutcome.Denied("只有企业用户或社区服务站工作人员可以登记离职。");
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var hire = await db.Hires.VisibleTo(db, principal).FirstOrDefaultAsync(h => h.Id == hireId, cancellationToken);
                if (hire is null)
                {
                    return FeatureOutcome.Missing("录用记录");
                }

                var today = calendar.Today;
                hire.End(DateOnly.FromDateTime(command.LastDay!.Value), command.Reason!, today);

                var months = hire.MonthsEmployed(today);
                var claims = await db.Claims
                    .Where(c => c.EnterpriseId == hire.EnterpriseId && c.ResidentId == hire.ResidentId
                        && c.Status != ClaimStatus.Rejected && c.Status != ClaimStatus.Withdrawn)
                    .ToListAsync(cancellationToken);
                foreach (var claim in claims)
                {
                    claim.FlagForSupervision($"录用人员已于 {hire.EndedOn:yyyy-MM-dd} 离职（在职 {months} 个月，原因：{hire.EndReason}），请核查补贴条件。");
                }

                await db.SaveChangesAsync(cancellationToken);

                return FeatureOutcome.Success(
                    claims.Count == 0 ? "离职已登记。" : $"离职已登记；该人员的 {claims.Count} 份补贴申请已标记为资金监管，待经办人员核查。",
                    hire.Id);
            });
        }
    }
}
