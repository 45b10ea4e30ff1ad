using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Training;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Training;

/// <summary>
/// Records a graduate's assessment passed and the certificate obtained (考核合格、取得证书): kind,
/// number, level, issuing body, date. The class's institution or a bureau officer. A certificate
/// number already recorded anywhere in the portal is refused (checked first, and by the unique
/// index for two at the same moment).
/// </summary>
public static class RecordCertificate
{
    public sealed record Command
    {
        public Guid ClassId { get; set; }

        public Guid EnrolmentId { get; set; }

        public CertificateKind? Kind { get; set; } = CertificateKind.SkillLevel;

        public string Number { get; set; } = string.Empty;

        public SkillLevel? Level { get; set; }

        public string IssuingBody { get; set; } = string.Empty;

        public DateTime? IssuedOn { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalCalendar calendar)
        {
            RuleFor(c => c.ClassId).NotEmpty().WithMessage("请选择培训班。");
            RuleFor(c => c.EnrolmentId).NotEmpty().WithMessage("请选择学员。");
            RuleFor(c => c.Kind).NotNull().WithMessage("请选择证书类型。").IsInEnum().WithMessage("所选证书类型无效。");
            RuleFor(c => c.Number).NotEmpty().WithMessage("请输入证书编号。")
                .MaximumLength(TrainingCertificate.MaxNumberLength).WithMessage($"证书编号不能超过 {TrainingCertificate.MaxNumberLength} 个字符。");
            RuleFor(c => c.Level).NotNull().WithMessage("请选择证书等级。").IsInEnum().WithMessage("所选等级无效。");
            RuleFor(c => c.IssuingBody).NotEmpty().WithMessage("请输入发证机构。")
                .MaximumLength(TrainingCertificate.MaxIssuingBodyLength).WithMessage($"发证机构不能超过 {TrainingCertificate.MaxIssuingBodyLength} 个字符。");
            RuleFor(c => c.IssuedOn).NotNull().WithMessage("请选择发证日期。")
                .Must(d => d is null || DateOnly.FromDateTime(d.Value) <= calendar.Today).WithMessage("发证日期不能晚于今天。");
        }
    }

    public sealed class Handler(OperationScope scope, PortalCalendar calendar) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            return await TrainingClassLoader.DeliverAsync(scope, command.ClassId, "登记证书", async (db, @class) =>
            {
                var number = command.Number.Trim();
                if (await db.TrainingEnrolments.AnyAsync(e => e.Certificate!.Number == number, cancellationToken))
                {
                    return Duplicate();
                }

                var issuedOn = DateOnly.FromDateTime(command.IssuedOn!.Value);
                var enrolment = @class.Enrolments.FirstOrDefault(e => e.Id == command.EnrolmentId);
                if (enrolment is { Assessment: null, Status: EnrolmentStatus.Completed })
                {
                    // A certificate is the proof of a passed assessment: recorded with it.
                    @class.RecordAssessment(enrolment.Id, AssessmentResult.Passed, issuedOn < enrolment.CompletedOn!.Value ? enrolment.CompletedOn.Value : issuedOn, calendar.Today);
                }

                @class.RecordCertificate(command.EnrolmentId, new TrainingCertificate(command.Kind!.Value, number, command.Level!.Value, command.IssuingBody, issuedOn), calendar.Today);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
                {
                    return Duplicate();
                }

                return FeatureOutcome.Success($"已登记证书 {number}。", command.EnrolmentId);
            }, cancellationToken);
        }

        private static FeatureOutcome Duplicate() =>
            FeatureOutcome.Field(nameof(Command.Number), "该证书编号已经登记过。", TrainingCertificate.DuplicateNumberCode) with { Kind = OutcomeKind.Conflict };
    }
}
