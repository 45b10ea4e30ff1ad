using EmploymentPortal.Data;
using EmploymentPortal.Domain.Training;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Training;

/// <summary>
/// A training institution plans a class (开班申请): occupation and level within its designation,
/// kind, planned hours, dates within the designation, place and capacity. Its users plan for their
/// own institution; a bureau officer may plan for any (e.g. from a paper application). The class
/// waits for the bureau's approval (<see cref="ApproveClass"/>).
/// </summary>
public static class PlanClass
{
    public sealed record Command
    {
        /// <summary>Officers: the institution; ignored for an institution's users (their own).</summary>
        public Guid? InstitutionId { get; set; }

        public string Name { get; set; } = string.Empty;

        public string Occupation { get; set; } = string.Empty;

        public SkillLevel? Level { get; set; } = SkillLevel.Level5;

        public TrainingKind? Kind { get; set; } = TrainingKind.EmploymentSkills;

        public int PlannedHours { get; set; }

        public DateTime? StartDate { get; set; }

        public DateTime? EndDate { get; set; }

        public string Place { get; set; } = string.Empty;

        public int Capacity { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage("请输入班级名称。")
                .MaximumLength(TrainingClass.MaxNameLength).WithMessage($"班级名称不能超过 {TrainingClass.MaxNameLength} 个字符。");
            RuleFor(c => c.Occupation).NotEmpty().WithMessage("请输入培训职业。")
                .MaximumLength(TrainingInstitution.MaxOccupationLength).WithMessage($"培训职业不能超过 {TrainingInstitution.MaxOccupationLength} 个字符。");
            RuleFor(c => c.Level).NotNull().WithMessage("请选择等级。").IsInEnum().WithMessage("所选等级无效。");
            RuleFor(c => c.Kind).NotNull().WithMessage("请选择培训类型。").IsInEnum().WithMessage("所选培训类型无效。");
            RuleFor(c => c.PlannedHours).InclusiveBetween(1, TrainingClass.MaxPlannedHours).WithMessage($"计划课时应在 1 至 {TrainingClass.MaxPlannedHours} 之间。");
            RuleFor(c => c.StartDate).NotNull().WithMessage("请选择开班日期。");
            RuleFor(c => c.EndDate).NotNull().WithMessage("请选择结班日期。");
            RuleFor(c => c.EndDate)
                .Must((c, end) => end!.Value.Date >= c.StartDate!.Value.Date).When(c => c.StartDate is not null && c.EndDate is not null)
                .WithMessage("结班日期不能早于开班日期。");
            RuleFor(c => c.Place).NotEmpty().WithMessage("请输入培训地点。")
                .MaximumLength(TrainingClass.MaxPlaceLength).WithMessage($"培训地点不能超过 {TrainingClass.MaxPlaceLength} 个字符。");
            RuleFor(c => c.Capacity).InclusiveBetween(1, TrainingClass.MaxCapacity).WithMessage($"计划人数应在 1 至 {TrainingClass.MaxCapacity} 之间。");
        }
    }

    public sealed class Handler(OperationScope scope) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            Guid? institutionId = principal.IsTrainingInstitution ? principal.TrainingInstitutionId : principal.IsBureauOfficer ? command.InstitutionId : null;
            if (!principal.IsTrainingInstitution && !principal.IsBureauOfficer)
            {
                return FeatureOutcome.Denied("只有培训机构和人社局经办人员可以申请开班。");
            }

            if (institutionId is null)
            {
                return FeatureOutcome.Field(nameof(Command.InstitutionId), "请选择培训机构。");
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var institution = await db.TrainingInstitutions.Include(i => i.Scopes).FirstOrDefaultAsync(i => i.Id == institutionId, cancellationToken);
                if (institution is null)
                {
                    return FeatureOutcome.MissingField(nameof(Command.InstitutionId), "培训机构不存在。");
                }

                var details = new TrainingClassDetails(
                    command.Name,
                    command.Occupation,
                    command.Level!.Value,
                    command.Kind!.Value,
                    command.PlannedHours,
                    DateOnly.FromDateTime(command.StartDate!.Value),
                    DateOnly.FromDateTime(command.EndDate!.Value),
                    command.Place,
                    command.Capacity);
                var @class = TrainingClass.Plan(institution, details, principal.UserName);
                db.TrainingClasses.Add(@class);
                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success($"已提交开班申请：{@class.Name}，待人社局审批。", @class.Id);
            });
        }
    }
}
