using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Monitoring;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;

namespace EmploymentPortal.Web.Features.Monitoring;

/// <summary>
/// An enterprise records its plan of economic layoffs (经济性裁员) with the placement scheme
/// (职工安置方案) and the day the union or all staff were told, at least 30 days before the
/// planned date (邢南政发〔2020〕1号 (五); Labour Contract Law art. 41). The bureau sees every plan.
/// Any enterprise may record one, monitored or not: the duty is the enterprise's, not the monitoring's.
/// </summary>
public static class RecordLayoffPlan
{
    public sealed record Command
    {
        public int? People { get; set; }

        public DateTime? PlannedDate { get; set; }

        public DateTime? NoticeDate { get; set; }

        public string Reasons { get; set; } = string.Empty;

        public string PlacementScheme { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.People).NotNull().WithMessage("请填写拟裁减人数。").InclusiveBetween(1, SubmitMonthlyReport.MaxFigure).WithMessage("拟裁减人数应至少为 1 人。");
            RuleFor(c => c.PlannedDate).NotNull().WithMessage("请填写计划实施日期。");
            RuleFor(c => c.NoticeDate).NotNull().WithMessage("请填写向工会或全体职工说明情况的日期。");
            RuleFor(c => c.NoticeDate)
                .Must((c, notice) => LayoffPlan.GivesNotice(DateOnly.FromDateTime(notice!.Value), DateOnly.FromDateTime(c.PlannedDate!.Value)))
                .When(c => c.NoticeDate is not null && c.PlannedDate is not null)
                .WithMessage(c => $"应提前 {LayoffPlan.NoticeDays} 日向工会或全体职工说明情况：说明日期最晚为 {DateOnly.FromDateTime(c.PlannedDate!.Value).AddDays(-LayoffPlan.NoticeDays):yyyy-MM-dd}（邢南政发〔2020〕1号（五）；《劳动合同法》第四十一条）。");
            RuleFor(c => c.Reasons).NotEmpty().WithMessage("请填写裁员原因。").MaximumLength(LayoffPlan.MaxReasonsLength).WithMessage($"裁员原因不能超过 {LayoffPlan.MaxReasonsLength} 个字符。");
            RuleFor(c => c.PlacementScheme).NotEmpty().WithMessage("请填写职工安置方案。").MaximumLength(LayoffPlan.MaxSchemeLength).WithMessage($"职工安置方案不能超过 {LayoffPlan.MaxSchemeLength} 个字符。");
        }
    }

    public sealed class Handler(OperationScope scope, PortalCalendar calendar) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            if (principal is not { IsEnterpriseUser: true, EnterpriseId: { } enterpriseId })
            {
                return FeatureOutcome.Denied("只有企业用户可以登记本企业的裁员方案。");
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var plan = new LayoffPlan(enterpriseId, command.People!.Value, DateOnly.FromDateTime(command.PlannedDate!.Value), command.Reasons, command.PlacementScheme, DateOnly.FromDateTime(command.NoticeDate!.Value), principal.UserName, calendar.Now);
                db.LayoffPlans.Add(plan);
                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success($"已登记裁员方案：拟于 {plan.PlannedDate:yyyy-MM-dd} 裁减 {plan.People} 人。", plan.Id);
            });
        }

        public string? FieldOf(string domainCode) => domainCode switch
        {
            "layoff-plan-people" => nameof(Command.People),
            "layoff-plan-notice" => nameof(Command.NoticeDate),
            "layoff-plan-text" => nameof(Command.PlacementScheme),
            _ => null,
        };
    }
}
