using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Indicators;
using EmploymentPortal.Policies.Indicators;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Security;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Indicators;

/// <summary>
/// A bureau officer enters a year's figure of a target the records do not measure (录入指标数据),
/// with its source and date; for a rate the records count (城镇登记失业率), the denominator the
/// target names (the urban labour force). Figures are only added; the latest of a target, year
/// and area is in force, and the save is audited like every change.
/// </summary>
public static class EnterIndicatorFigure
{
    public const decimal MaxValue = 1_000_000_000_000m;

    public sealed class Command
    {
        public string TargetId { get; set; } = string.Empty;

        public int? Year { get; set; }

        /// <summary><c>city</c> (default), <c>district:&lt;code&gt;</c> or <c>community:&lt;id&gt;</c>.</summary>
        public string Scope { get; set; } = IndicatorFigure.CityScope;

        /// <summary>In the target's unit; for a rate computed from the records, the denominator.</summary>
        public decimal? Value { get; set; }

        public string Source { get; set; } = string.Empty;

        public DateTime? SourceDate { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.TargetId).NotEmpty().WithMessage("请选择指标。").MaximumLength(200).WithMessage("指标编号不能超过 200 个字符。");
            RuleFor(c => c.Year).NotNull().WithMessage("请填写年度。").InclusiveBetween(2000, 2100).WithMessage("年度应在 2000~2100 之间。");
            RuleFor(c => c.Value).NotNull().WithMessage("请填写数值。").InclusiveBetween(0, MaxValue).WithMessage("数值不能为负数，也不能超过 1 万亿。");
            RuleFor(c => c.Source).NotEmpty().WithMessage("请填写数据来源，例如统计报表的名称或提供数据的单位。").MaximumLength(200).WithMessage("数据来源不能超过 200 个字符。");
            RuleFor(c => c.SourceDate).NotNull().WithMessage("请填写数据来源的日期。");
            RuleFor(c => c.Scope).MaximumLength(60).WithMessage("范围不能超过 60 个字符。");
        }
    }

    public sealed class Handler(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, IndicatorCatalogue catalogue, PortalCalendar calendar, TimeProvider time) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = currentUser.Principal;
            if (!principal.IsBureauOfficer)
            {
                return FeatureOutcome.Denied("只有人社局经办人员可以录入指标数据。");
            }

            if (catalogue.Find(command.TargetId) is not { } target)
            {
                return FeatureOutcome.Field(nameof(Command.TargetId), "没有该指标目标。");
            }

            var measure = IndicatorMeasures.Find(target.Measure);
            if (measure?.Source == FigureSource.Records)
            {
                return FeatureOutcome.Field(nameof(Command.TargetId), "该指标由系统根据业务记录计算，不需录入。");
            }

            var year = command.Year!.Value;
            if (year < target.Period.From || (target.Period.To is { } to && year > to))
            {
                var span = target.Period.To is { } last ? $"{target.Period.From}~{last} 年" : $"{target.Period.From} 年起";
                return FeatureOutcome.Field(nameof(Command.Year), $"该指标的期间为 {span}，所填年度不在其中。");
            }

            var value = command.Value!.Value;
            if (measure is null && target.Unit.Id == "percent" && value > 100)
            {
                return FeatureOutcome.Field(nameof(Command.Value), "百分比不能超过 100。");
            }

            var sourceDate = DateOnly.FromDateTime(command.SourceDate!.Value);
            if (sourceDate > calendar.Today)
            {
                return FeatureOutcome.Field(nameof(Command.SourceDate), "数据来源日期不能晚于今天。");
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var (area, error) = await IndicatorReport.AreaAsync(db, command.Scope, cancellationToken);
            if (area is null)
            {
                return FeatureOutcome.Field(nameof(Command.Scope), error!);
            }

            var figure = new IndicatorFigure(target.Id, year, area.Key, value, command.Source, sourceDate, principal.UserId, principal.DisplayName, time.GetUtcNow());
            db.IndicatorFigures.Add(figure);
            await db.SaveChangesAsync(cancellationToken);
            var what = measure?.EnteredLabel ?? $"{target.Indicator}（{target.Unit.Label}）";
            return FeatureOutcome.Success($"已录入{area.Label}{year}年“{what}”：{value:0.####}（来源：{figure.Source}，{sourceDate:yyyy-MM-dd}）。", figure.Id);
        }
    }
}
