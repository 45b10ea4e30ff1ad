using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Monitoring;
using EmploymentPortal.Web.Features.Claims;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Monitoring;

/// <summary>
/// A monitored enterprise's user reports one month (用工监测月报): headcount at the month's end,
/// hires, separations and, of those, economic layoffs. A month already reported is corrected
/// with a note. The warnings of the enterprise and its sector for that month are evaluated at once.
/// </summary>
public static class SubmitMonthlyReport
{
    public const int MaxFigure = 1_000_000;

    public sealed record Command
    {
        /// <summary>Any day of the month reported (the first by convention).</summary>
        public DateTime? Month { get; set; }

        public int? Headcount { get; set; }

        public int? Hires { get; set; }

        public int? Separations { get; set; }

        public int? EconomicLayoffs { get; set; }

        /// <summary>Required when the month has been reported already (更正原因).</summary>
        public string? CorrectionNote { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Month).NotNull().WithMessage("请选择报送月份。");
            RuleFor(c => c.Headcount).NotNull().WithMessage("请填写月末用工人数。").InclusiveBetween(0, MaxFigure).WithMessage("月末用工人数应在 0~1000000 之间。");
            RuleFor(c => c.Hires).NotNull().WithMessage("请填写本月新增录用人数。").InclusiveBetween(0, MaxFigure).WithMessage("新增录用人数应在 0~1000000 之间。");
            RuleFor(c => c.Separations).NotNull().WithMessage("请填写本月减员人数。").InclusiveBetween(0, MaxFigure).WithMessage("减员人数应在 0~1000000 之间。");
            RuleFor(c => c.EconomicLayoffs).NotNull().WithMessage("请填写其中经济性裁员人数（没有填 0）。").InclusiveBetween(0, MaxFigure).WithMessage("经济性裁员人数应在 0~1000000 之间。");
            RuleFor(c => c.EconomicLayoffs).LessThanOrEqualTo(c => c.Separations).When(c => c.Separations is not null).WithMessage("经济性裁员人数不能多于减员人数。");
            RuleFor(c => c.CorrectionNote).MaximumLength(MonthlyEmploymentReport.MaxNoteLength).WithMessage($"更正原因不能超过 {MonthlyEmploymentReport.MaxNoteLength} 个字符。");
        }
    }

    /// <summary>The warnings raised by the report, for the API's answer and the page's message.</summary>
    public static readonly OutcomeValue<int> WarningsRaised = new("warningsRaised");

    public sealed class Handler(OperationScope scope, PortalCalendar calendar) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            if (principal is not { IsEnterpriseUser: true, EnterpriseId: { } enterpriseId })
            {
                return FeatureOutcome.Denied("只有重点监测企业的用户可以报送本企业的用工监测月报。");
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var month = PortalCalendar.MonthOf(DateOnly.FromDateTime(command.Month!.Value));
                var entry = new MonthlyReportFiling.Entry(0, month, new EmploymentFigures(command.Headcount!.Value, command.Hires!.Value, command.Separations!.Value, command.EconomicLayoffs!.Value), command.CorrectionNote);
                var (filed, problems) = await MonthlyReportFiling.FileAsync(db, enterpriseId, [entry], calendar.Today, principal.UserName, calendar.Now, cancellationToken);
                if (problems is [var problem, ..])
                {
                    return FeatureOutcome.Field(FieldOfCode(problem.Code) ?? nameof(Command.Month), problem.Message, problem.Code);
                }

                var corrected = filed[0].CorrectedAt is not null;
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException e) when (ClaimCommandSupport.IsUniqueViolation(e))
                {
                    return FeatureOutcome.Conflicting("monitoring-report-exists", $"{month:yyyy年M月}的月报刚刚已由他人报送，请刷新后如需更正再提交。");
                }

                var raised = await WarningEvaluator.AfterReportAsync(db, enterpriseId, month, calendar.Now, cancellationToken);
                return FeatureOutcome.Success(corrected ? $"已更正 {month:yyyy年M月} 的用工监测月报。" : $"已报送 {month:yyyy年M月} 的用工监测月报。", filed[0].Id)
                    .With(WarningsRaised, raised);
            });
        }

        public string? FieldOf(string domainCode) => FieldOfCode(domainCode);

        private static string? FieldOfCode(string domainCode) => domainCode switch
        {
            "monitoring-report-month" or "monitoring-not-monitored" => nameof(Command.Month),
            "monitoring-report-figures" => nameof(Command.Separations),
            "monitoring-correction-note" => nameof(Command.CorrectionNote),
            _ => null,
        };
    }
}
