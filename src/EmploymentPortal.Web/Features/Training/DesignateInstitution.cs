using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Training;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Training;

/// <summary>
/// The bureau designates a training institution (认定职业技能培训定点机构), or changes a
/// designation (renewal, occupations, address, contact) when <see cref="Command.InstitutionId"/>
/// is given: credit code checked like an enterprise's and unique, designation date and expiry,
/// the occupations and levels, the community and address (coordinates, or the community's
/// service station), the contact person and phone (encrypted at rest).
/// </summary>
public static class DesignateInstitution
{
    public const string CreditCodeTakenCode = "training-institution-credit-code-taken";

    public sealed record Command
    {
        /// <summary>Null to designate a new institution; an id to change its designation.</summary>
        public Guid? InstitutionId { get; set; }

        public string CreditCode { get; set; } = string.Empty;

        public string Name { get; set; } = string.Empty;

        public DateTime? DesignatedOn { get; set; }

        public DateTime? DesignationExpiresOn { get; set; }

        public List<ScopeInput> Scopes { get; set; } = [];

        public Guid CommunityId { get; set; }

        public string Address { get; set; } = string.Empty;

        /// <summary>Optional; without it the community's service station is the location.</summary>
        public double? Latitude { get; set; }

        public double? Longitude { get; set; }

        public string ContactName { get; set; } = string.Empty;

        public string ContactPhone { get; set; } = string.Empty;
    }

    public sealed record ScopeInput
    {
        public string Occupation { get; set; } = string.Empty;

        public SkillLevel? Level { get; set; } = SkillLevel.Level5;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.CreditCode).Custom((value, context) =>
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    context.AddFailure("请输入统一社会信用代码。");
                }
                else if (!UnifiedSocialCreditCode.TryParse(value, out _, out var error))
                {
                    context.AddFailure(error);
                }
            });
            RuleFor(c => c.Name).NotEmpty().WithMessage("请输入机构名称。")
                .MaximumLength(TrainingInstitution.MaxNameLength).WithMessage($"机构名称不能超过 {TrainingInstitution.MaxNameLength} 个字符。");
            RuleFor(c => c.DesignatedOn).NotNull().WithMessage("请选择认定日期。");
            RuleFor(c => c.DesignationExpiresOn).NotNull().WithMessage("请选择认定有效期。");
            RuleFor(c => c.DesignationExpiresOn)
                .Must((c, end) => end!.Value.Date > c.DesignatedOn!.Value.Date).When(c => c.DesignatedOn is not null && c.DesignationExpiresOn is not null)
                .WithMessage("认定有效期应晚于认定日期。");
            RuleFor(c => c.Scopes).Must(s => s is not null && s.Any(x => x is not null && !string.IsNullOrWhiteSpace(x.Occupation))).WithMessage("请至少填写一个可培训的职业及等级。");
            RuleForEach(c => c.Scopes).NotNull().WithMessage("职业及等级不能为空。").ChildRules(scope =>
            {
                scope.RuleFor(s => s.Occupation).MaximumLength(TrainingInstitution.MaxOccupationLength).WithMessage($"职业名称不能超过 {TrainingInstitution.MaxOccupationLength} 个字符。");
                scope.RuleFor(s => s.Level).NotNull().WithMessage("请选择等级。").IsInEnum().WithMessage("所选等级无效。");
            });
            RuleFor(c => c.CommunityId).NotEmpty().WithMessage("请选择所在社区。");
            RuleFor(c => c.Address).NotEmpty().WithMessage("请输入地址。")
                .MaximumLength(TrainingInstitution.MaxAddressLength).WithMessage($"地址不能超过 {TrainingInstitution.MaxAddressLength} 个字符。");
            RuleFor(c => c.Latitude).NotNull().When(c => c.Longitude is not null).WithMessage("请同时填写纬度和经度。");
            RuleFor(c => c.Longitude).NotNull().When(c => c.Latitude is not null).WithMessage("请同时填写纬度和经度。");
            RuleFor(c => c.Latitude).InclusiveBetween(3.8, 53.6).When(c => c.Latitude is not null).WithMessage("纬度不在中国境内的范围（3.8-53.6）。");
            RuleFor(c => c.Longitude).InclusiveBetween(73.5, 135.1).When(c => c.Longitude is not null).WithMessage("经度不在中国境内的范围（73.5-135.1）。");
            RuleFor(c => c.ContactName).NotEmpty().WithMessage("请输入联系人。").MaximumLength(50).WithMessage("联系人不能超过 50 个字符。");
            RuleFor(c => c.ContactPhone).Custom((value, context) =>
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    context.AddFailure("请输入联系电话。");
                }
                else if (!PhoneNumber.TryParse(value, out _, out var error))
                {
                    context.AddFailure(error);
                }
            });
        }
    }

    public sealed class Handler(OperationScope scope) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            if (!scope.Principal.IsBureauOfficer)
            {
                return FeatureOutcome.Denied("只有人社局经办人员可以认定培训机构。");
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var community = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == command.CommunityId, cancellationToken);
                if (community is null)
                {
                    return FeatureOutcome.MissingField(nameof(Command.CommunityId), "所选社区不存在。");
                }

                var location = command.Latitude is { } lat && command.Longitude is { } lon
                    ? GeoPoint.Create(lat, lon)
                    : GeoPoint.Create(community.StationLatitude, community.StationLongitude);
                var details = new TrainingInstitutionDetails(
                    command.CreditCode,
                    command.Name,
                    DateOnly.FromDateTime(command.DesignatedOn!.Value),
                    DateOnly.FromDateTime(command.DesignationExpiresOn!.Value),
                    command.Scopes.Where(s => s is not null && !string.IsNullOrWhiteSpace(s.Occupation)).Select(s => new OccupationLevel(s.Occupation, s.Level!.Value)).ToList(),
                    command.Address,
                    command.ContactName,
                    command.ContactPhone);
                var code = UnifiedSocialCreditCode.Parse(command.CreditCode).Value;
                if (await db.TrainingInstitutions.AnyAsync(i => i.CreditCode == code && i.Id != command.InstitutionId, cancellationToken))
                {
                    return Taken();
                }

                TrainingInstitution institution;
                if (command.InstitutionId is { } id)
                {
                    var existing = await db.TrainingInstitutions.Include(i => i.Scopes).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
                    if (existing is null)
                    {
                        return FeatureOutcome.Missing("培训机构");
                    }

                    institution = existing;
                    institution.Update(details, community.Id, location);
                }
                else
                {
                    institution = TrainingInstitution.Designate(details, community.Id, location);
                    db.TrainingInstitutions.Add(institution);
                }

                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
                {
                    // The unique index: the same code designated at the same moment by someone else.
                    return Taken();
                }

                return FeatureOutcome.Success(command.InstitutionId is null ? $"已认定培训机构：{institution.Name}。" : $"已更新培训机构：{institution.Name}。", institution.Id);
            });
        }

        private static FeatureOutcome Taken() =>
            FeatureOutcome.Field(nameof(Command.CreditCode), "已有使用该统一社会信用代码的培训机构。", CreditCodeTakenCode) with { Kind = OutcomeKind.Conflict };
    }
}
