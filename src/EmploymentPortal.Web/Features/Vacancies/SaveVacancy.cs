using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Features.Enterprises;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Vacancies;

/// <summary>
/// An enterprise user creates or edits a vacancy of their own enterprise, and optionally submits
/// it for review at once. Editing a published vacancy sends it back to review (domain rule).
/// </summary>
public static class SaveVacancy
{
    public sealed record Command
    {
        /// <summary>Null to create a new vacancy.</summary>
        public Guid? Id { get; set; }

        public string Title { get; set; } = string.Empty;

        public OccupationGroup? OccupationGroup { get; set; }

        public string Occupation { get; set; } = string.Empty;

        public int? Openings { get; set; } = 1;

        /// <summary>月薪下限.</summary>
        public Money? WageMin { get; set; }

        /// <summary>月薪上限.</summary>
        public Money? WageMax { get; set; }

        public WorkType? WorkType { get; set; } = Domain.Vacancies.WorkType.FullTime;

        /// <summary>Null: the enterprise's community, address and location.</summary>
        public Guid? CommunityId { get; set; }

        public string? Address { get; set; }

        public double? Latitude { get; set; }

        public double? Longitude { get; set; }

        public string Requirements { get; set; } = string.Empty;

        public bool AcceptsDisabled { get; set; }

        public bool AcceptsOlderWorkers { get; set; }

        public bool NoExperienceRequired { get; set; }

        public DateTime? ValidUntil { get; set; }

        /// <summary>Submit for review after saving (提交审核).</summary>
        public bool Submit { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        private static readonly Money MaximumWage = Money.FromYuan(10_000_000);

        public Validator()
        {
            RuleFor(c => c.Title)
                .NotEmpty().WithMessage("请输入岗位名称。")
                .MaximumLength(100).WithMessage("岗位名称不能超过 100 个字符。");
            RuleFor(c => c.OccupationGroup)
                .NotNull().WithMessage("请选择职业大类。")
                .IsInEnum().WithMessage("所选职业大类无效。");
            RuleFor(c => c.Occupation)
                .NotEmpty().WithMessage("请输入职业（工种）。")
                .MaximumLength(100).WithMessage("职业（工种）不能超过 100 个字符。");
            RuleFor(c => c.Openings)
                .NotNull().WithMessage("请输入招聘人数。")
                .InclusiveBetween(1, 10_000).WithMessage("招聘人数应在 1 到 10000 之间。");
            RuleFor(c => c.WageMin)
                .NotNull().WithMessage("请输入月薪下限。")
                .Must(v => v is not { IsNegative: true }).WithMessage("薪资不能为负数。");
            RuleFor(c => c.WageMax)
                .NotNull().WithMessage("请输入月薪上限。")
                .Must((c, v) => v is null || v >= (c.WageMin ?? Money.Zero)).WithMessage("薪资上限不能低于下限。")
                .Must(v => v is null || v <= MaximumWage).WithMessage("薪资上限过大。");
            RuleFor(c => c.WorkType)
                .NotNull().WithMessage("请选择用工形式。")
                .IsInEnum().WithMessage("所选用工形式无效。");
            RuleFor(c => c.Address).MaximumLength(200).WithMessage("工作地点不能超过 200 个字符。");
            RuleFor(c => c.Latitude).NotNull().When(c => c.Longitude is not null).WithMessage("请同时填写纬度和经度。");
            RuleFor(c => c.Longitude).NotNull().When(c => c.Latitude is not null).WithMessage("请同时填写纬度和经度。");
            RuleFor(c => c.Latitude).InclusiveBetween(3.8, 53.6).When(c => c.Latitude is not null).WithMessage("纬度不在中国境内的范围（3.8-53.6）。");
            RuleFor(c => c.Longitude).InclusiveBetween(73.4, 135.1).When(c => c.Longitude is not null).WithMessage("经度不在中国境内的范围（73.4-135.1）。");
            RuleFor(c => c.Requirements).MaximumLength(2000).WithMessage("岗位要求不能超过 2000 个字符。");
            RuleFor(c => c.ValidUntil).NotNull().WithMessage("请选择有效期。");
        }
    }

    public sealed class Handler(OperationScope scope, PortalCalendar calendar) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            if (scope.Principal is not { IsEnterpriseUser: true, EnterpriseId: { } enterpriseId })
            {
                return FeatureOutcome.Denied("只有企业用户可以发布岗位。");
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == enterpriseId, cancellationToken);
                if (enterprise is null)
                {
                    return FeatureOutcome.Missing("企业");
                }

                var communityId = command.CommunityId ?? enterprise.CommunityId;
                var community = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == communityId, cancellationToken);
                if (community is null)
                {
                    return FeatureOutcome.Field(nameof(Command.CommunityId), "所选社区不存在，请重新选择。");
                }

                // The work location defaults to the enterprise's; another community without
                // coordinates is placed at its service station.
                var sameAsEnterprise = communityId == enterprise.CommunityId;
                var location = command.Latitude is { } lat && command.Longitude is { } lon
                    ? GeoPoint.Create(lat, lon)
                    : sameAsEnterprise ? enterprise.Location : GeoPoint.Create(community.StationLatitude, community.StationLongitude);
                var address = !string.IsNullOrWhiteSpace(command.Address)
                    ? command.Address
                    : sameAsEnterprise ? enterprise.Address : community.StationAddress;
                var today = calendar.Today;
                var details = new VacancyDetails(
                    command.Title,
                    command.OccupationGroup!.Value,
                    command.Occupation,
                    command.Openings!.Value,
                    command.WageMin!.Value,
                    command.WageMax!.Value,
                    command.WorkType!.Value,
                    communityId,
                    address,
                    location,
                    command.Requirements ?? string.Empty,
                    command.AcceptsDisabled,
                    command.AcceptsOlderWorkers,
                    command.NoExperienceRequired,
                    DateOnly.FromDateTime(command.ValidUntil!.Value));

                Vacancy vacancy;
                if (command.Id is { } id)
                {
                    // Scoped to the user's own enterprise: another enterprise's vacancy is "not found".
                    var existing = await db.Vacancies.FirstOrDefaultAsync(v => v.Id == id && v.EnterpriseId == enterpriseId, cancellationToken);
                    if (existing is null)
                    {
                        return FeatureOutcome.Missing("岗位");
                    }

                    vacancy = existing;
                    vacancy.Edit(details, today);
                }
                else
                {
                    vacancy = Vacancy.Draft(enterprise, details, today);
                    db.Vacancies.Add(vacancy);
                }

                // A pending vacancy is under review already, and an edited published one
                // went back to review by itself: only drafts and rejected ones need submitting.
                if (command.Submit && vacancy.Status is VacancyStatus.Draft or VacancyStatus.Rejected)
                {
                    vacancy.Submit(enterprise, today);
                }

                await db.SaveChangesAsync(cancellationToken);

                var message = vacancy.Status == VacancyStatus.PendingReview
                    ? $"岗位“{vacancy.Title}”已保存并提交审核。"
                    : $"岗位“{vacancy.Title}”已保存为草稿。";
                return FeatureOutcome.Success(message, vacancy.Id);
            });
        }
    }
}
