using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Training;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;

namespace EmploymentPortal.Web.Features.Training;

/// <summary>
/// Records one session's attendance (考勤) for the trainees present: the day, the hours, and who
/// attended. The class's institution or a bureau officer; a day within the class and not in the
/// future, once per trainee and day. All or nothing: one refused trainee refuses the session.
/// </summary>
public static class RecordAttendance
{
    public sealed record Command
    {
        public Guid ClassId { get; set; }

        public DateTime? Date { get; set; }

        public decimal Hours { get; set; }

        public List<Guid> EnrolmentIds { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalCalendar calendar)
        {
            RuleFor(c => c.ClassId).NotEmpty().WithMessage("请选择培训班。");
            RuleFor(c => c.Date).NotNull().WithMessage("请选择上课日期。")
                .Must(d => d is null || DateOnly.FromDateTime(d.Value) <= calendar.Today).WithMessage("上课日期不能晚于今天。");
            RuleFor(c => c.Hours).GreaterThan(0).WithMessage("请输入本次课时。")
                .LessThanOrEqualTo(TrainingClass.MaxSessionHours).WithMessage($"每次课时不能超过 {TrainingClass.MaxSessionHours} 小时。")
                .Must(h => decimal.Round(h, 1) == h).WithMessage("课时最多一位小数。");
            RuleFor(c => c.EnrolmentIds).NotEmpty().WithMessage("请选择出勤的学员。");
        }
    }

    public sealed class Handler(OperationScope scope, PortalCalendar calendar) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            return await TrainingClassLoader.DeliverAsync(scope, command.ClassId, "登记考勤", async (db, @class) =>
            {
                var date = DateOnly.FromDateTime(command.Date!.Value);
                foreach (var enrolmentId in command.EnrolmentIds.Distinct())
                {
                    @class.RecordAttendance(enrolmentId, date, command.Hours, scope.Principal.UserName, calendar.Today);
                }

                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success($"已登记 {date:yyyy-MM-dd} 的考勤：{command.EnrolmentIds.Distinct().Count()} 人，每人 {command.Hours:0.#} 学时。", @class.Id);
            }, cancellationToken);
        }
    }
}
