using EmploymentPortal.Data;
using EmploymentPortal.Data.Security;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Features.Residents.Profile;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Residents.Register;

/// <summary>
/// Station staff register a resident in real name for a community in their scope. One record
/// per ID number in the whole city: a second registration is refused with the name of the
/// community that holds the record, and nothing else about the person.
/// </summary>
public static class RegisterResident
{
    public const string DuplicateCode = "resident-already-registered";

    /// <summary>Where and how to ask for a record held by another station (<c>href</c>, <c>method</c>, the <c>fields</c> to send).</summary>
    public sealed record TransferLink(string Href, string Method, IReadOnlyList<string> Fields);

    public sealed record Command : IJobPreferenceInput
    {
        public string Name { get; set; } = string.Empty;

        /// <summary>18 characters; birth date and sex are read from it.</summary>
        public string IdNumber { get; set; } = string.Empty;

        public string Phone { get; set; } = string.Empty;

        /// <summary>The community of habitual residence; must be in the caller's scope.</summary>
        public Guid CommunityId { get; set; }

        public HukouType? HukouType { get; set; }

        public string? HukouPlace { get; set; }

        public string? Address { get; set; }

        /// <summary>
        /// The home as “latitude,longitude” (decimal degrees); empty: the community's station, the
        /// centre of the resident's three-kilometre circle until a home is given.
        /// </summary>
        public string? HomeLocation { get; set; }

        public EducationLevel? Education { get; set; }

        public string? GraduateSchool { get; set; }

        public string? GraduateMajor { get; set; }

        public DateOnly? GraduatedOn { get; set; }

        public DateOnly? LeftSchoolOn { get; set; }

        public string? DisabilityCertificateNumber { get; set; }

        public bool IsVeteran { get; set; }

        public bool IsRelocatedResident { get; set; }

        public MigrantWorkerStatus MigrantWorker { get; set; }

        public bool IsPovertyMonitoredHousehold { get; set; }

        /// <summary>职业大类 wanted; filled in from a listed occupation when not given.</summary>
        public OccupationGroup? WantedOccupationGroup { get; set; }

        public string? WantedOccupation { get; set; }

        /// <summary>期望月薪下限, per month.</summary>
        public Money? DesiredWageMin { get; set; }

        /// <summary>期望月薪上限, per month.</summary>
        public Money? DesiredWageMax { get; set; }

        /// <summary>Accepted work types (全职、兼职、灵活用工、季节性).</summary>
        public List<WorkType>? WorkTypes { get; set; } = [];

        public bool IsGraduate => !string.IsNullOrWhiteSpace(GraduateSchool) || !string.IsNullOrWhiteSpace(GraduateMajor) || GraduatedOn is not null || LeftSchoolOn is not null;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalCalendar calendar)
        {
            RuleFor(c => c.Name)
                .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("请输入姓名。")
                .MaximumLength(50).WithMessage("姓名不能超过 50 个字符。");
            RuleFor(c => c.IdNumber).Custom((value, context) =>
            {
                if (!IdCardNumber.TryParse(value, out _, out var error, calendar.Today))
                {
                    context.AddFailure(error);
                }
            });
            RuleFor(c => c.Phone).Custom((value, context) =>
            {
                if (!PhoneNumber.TryParse(value, out var phone, out var error))
                {
                    context.AddFailure(error);
                }
                else if (!phone.IsMobile)
                {
                    context.AddFailure("请填写本人手机号码，固定电话不能作为联系方式。");
                }
            });
            RuleFor(c => c.CommunityId).NotEmpty().WithMessage("请选择常住社区。");
            RuleFor(c => c.HukouType).IsInEnum().WithMessage("户口性质无效。");
            RuleFor(c => c.Education).IsInEnum().WithMessage("文化程度无效。");
            RuleFor(c => c.MigrantWorker).IsInEnum().WithMessage("农民工类别无效。");
            RuleFor(c => c.HukouPlace).MaximumLength(200).WithMessage("户籍地址不能超过 200 个字符。");
            RuleFor(c => c.Address).MaximumLength(200).WithMessage("居住地址不能超过 200 个字符。");
            RuleFor(c => c.HomeLocation)
                .Must(text => string.IsNullOrWhiteSpace(text) || GeoPoint.TryParse(text, out _, out _))
                .WithMessage(c => GeoPoint.TryParse(c.HomeLocation, out _, out var error) ? string.Empty : error);
            this.AddJobPreferenceRules();
            RuleFor(c => c.DisabilityCertificateNumber).MaximumLength(30).WithMessage("残疾人证号不能超过 30 个字符。");
            When(c => c.IsGraduate, () =>
            {
                RuleFor(c => c.Education)
                    .Must(e => e is >= EducationLevel.JuniorCollege).WithMessage("填写高校毕业生信息时，文化程度应为大专及以上。");
                RuleFor(c => c.GraduateSchool)
                    .Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("请输入毕业院校。")
                    .MaximumLength(100).WithMessage("毕业院校不能超过 100 个字符。");
                RuleFor(c => c.GraduateMajor)
                    .Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("请输入所学专业。")
                    .MaximumLength(100).WithMessage("所学专业不能超过 100 个字符。");
                RuleFor(c => c.GraduatedOn)
                    .NotNull().WithMessage("请输入毕业时间。")
                    .Must((c, graduated) => graduated is null || !IdCardNumber.TryParse(c.IdNumber, out var id, out _, calendar.Today) || graduated >= id.BirthDate)
                    .WithMessage("毕业时间与离校时间不一致，请核对。");
                RuleFor(c => c.LeftSchoolOn)
                    .NotNull().WithMessage("请输入离校时间。")
                    .Must((c, left) => left is null || c.GraduatedOn is null || left >= c.GraduatedOn.Value.AddYears(-1)).WithMessage("离校时间与毕业时间不一致，请核对。")
                    .Must(left => left is null || left <= calendar.Today).WithMessage("离校时间不能晚于今天。");
            });
        }
    }

    public sealed class Handler(OperationScope scope) : ICommandHandler<Command>
    {
        /// <summary>The record's way forward after a duplicate: ask the holding station to transfer it.</summary>
        public static readonly OutcomeValue<TransferLink> TransferRequest = new("transferRequest");

        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            if (!principal.IsStationStaff || !principal.CommunityIds.Contains(command.CommunityId))
            {
                return FeatureOutcome.MissingField(nameof(Command.CommunityId), "所选社区不存在，或不在您的服务范围内。");
            }

            var idNumber = IdCardNumber.Parse(command.IdNumber);
            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                if (await HoldingCommunityAsync(db, idNumber.Value, cancellationToken) is { } holder)
                {
                    return Duplicate(holder);
                }

                var resident = new Resident(command.Name.Trim(), idNumber, PhoneNumber.Parse(command.Phone), command.CommunityId, ToProfile(command));
                resident.SetJobPreferences(command.ToJobPreferences());
                resident.SetHome(string.IsNullOrWhiteSpace(command.HomeLocation)
                    ? await db.Communities.Where(c => c.Id == command.CommunityId)
                        .Select(c => GeoPoint.Create(c.StationLatitude, c.StationLongitude)).FirstAsync(cancellationToken)
                    : GeoPoint.Parse(command.HomeLocation));

                db.Residents.Add(resident);
                await Households.ZeroEmploymentSync.LinkNewResidentAsync(db, resident, cancellationToken);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
                {
                    // A registration of the same number committed between the check and the save.
                    db.ChangeTracker.Clear();
                    if (await HoldingCommunityAsync(db, idNumber.Value, cancellationToken) is { } raced)
                    {
                        return Duplicate(raced);
                    }

                    throw;
                }

                return FeatureOutcome.Success($"已登记居民“{resident.Name}”。", resident.Id);
            });
        }

        /// <summary>409 <c>resident-already-registered</c> on the ID number, with the way to a transfer request.</summary>
        private static FeatureOutcome Duplicate(string community)
        {
            var message = $"该身份证号码已在“{community}”登记，不能重复登记；如本人已迁入本社区，请联系该社区服务站办理转移。";
            return (FeatureOutcome.Conflicting(DuplicateCode, message) with { Result = CommandResult.FieldError(nameof(Command.IdNumber), message) })
                .With(TransferRequest, new TransferLink("/api/v1/resident-transfers/", "POST", ["idNumber", "toCommunityId", "reason"]));
        }

        /// <summary>
        /// The name of the community holding the record, read without the caller's scope on
        /// purpose: the name is all that is returned.
        /// </summary>
        private static Task<string?> HoldingCommunityAsync(PortalDbContext db, string idNumber, CancellationToken cancellationToken) =>
            (from r in db.Residents.AsNoTracking().WithIdNumber(db, idNumber)
             join c in db.Communities on r.CommunityId equals c.Id
             select c.Name).FirstOrDefaultAsync(cancellationToken);

        internal static ResidentProfile ToProfile(Command c) => new()
        {
            HukouType = c.HukouType,
            HukouPlace = Blank(c.HukouPlace),
            Address = Blank(c.Address),
            Education = c.Education,
            Graduate = c.IsGraduate
                ? new GraduateDetails(c.GraduateSchool!.Trim(), c.GraduateMajor!.Trim(), c.GraduatedOn!.Value, c.LeftSchoolOn!.Value)
                : null,
            DisabilityCertificateNumber = Blank(c.DisabilityCertificateNumber),
            IsVeteran = c.IsVeteran,
            IsRelocatedResident = c.IsRelocatedResident,
            MigrantWorker = c.MigrantWorker,
            IsPovertyMonitoredHousehold = c.IsPovertyMonitoredHousehold,
        };

        private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
