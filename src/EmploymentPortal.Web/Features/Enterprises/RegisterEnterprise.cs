using EmploymentPortal.Data.Identity;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Features.Admin.Users;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Enterprises;

/// <summary>
/// An enterprise signs up by itself (企业注册): a pending enterprise and its first enterprise user,
/// committed together. A bureau officer verifies it before its vacancies can be published.
/// </summary>
public static class RegisterEnterprise
{
    public const string DuplicateCreditCodeCode = "enterprise-credit-code-taken";
    public const string DuplicateCreditCodeMessage = "该统一社会信用代码已经注册过企业账号。如需新增账号，请联系本企业已有的用户或人社局。";

    public sealed record Command
    {
        public string CreditCode { get; set; } = string.Empty;

        public string Name { get; set; } = string.Empty;

        public string LegalRepresentative { get; set; } = string.Empty;

        public Guid? CommunityId { get; set; }

        public string Address { get; set; } = string.Empty;

        /// <summary>Optional; without it the community's service station is the location.</summary>
        public double? Latitude { get; set; }

        public double? Longitude { get; set; }

        public IndustrySection? Industry { get; set; }

        public EnterpriseSize? Size { get; set; }

        public int? TotalEmployees { get; set; }

        public int? InsuredEmployees { get; set; }

        public string ContactName { get; set; } = string.Empty;

        public string ContactPhone { get; set; } = string.Empty;

        public string UserName { get; set; } = string.Empty;

        /// <summary>Checked against the Identity password policy by the handler.</summary>
        public string Password { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.CreditCode).Custom((value, context) =>
            {
                if (!UnifiedSocialCreditCode.TryParse(value, out _, out var error))
                {
                    context.AddFailure(error);
                }
            });
            RuleFor(c => c.Name)
                .NotEmpty().WithMessage("请输入企业名称。")
                .MaximumLength(200).WithMessage("企业名称不能超过 200 个字符。");
            RuleFor(c => c.LegalRepresentative)
                .NotEmpty().WithMessage("请输入法定代表人。")
                .MaximumLength(50).WithMessage("法定代表人不能超过 50 个字符。");
            RuleFor(c => c.CommunityId).NotNull().WithMessage("请选择企业所在社区。");
            RuleFor(c => c.Address)
                .NotEmpty().WithMessage("请输入注册地址。")
                .MaximumLength(200).WithMessage("注册地址不能超过 200 个字符。");
            RuleFor(c => c.Latitude).NotNull().When(c => c.Longitude is not null).WithMessage("请同时填写纬度和经度。");
            RuleFor(c => c.Longitude).NotNull().When(c => c.Latitude is not null).WithMessage("请同时填写纬度和经度。");
            RuleFor(c => c.Latitude).InclusiveBetween(3.8, 53.6).When(c => c.Latitude is not null).WithMessage("纬度不在中国境内的范围（3.8-53.6）。");
            RuleFor(c => c.Longitude).InclusiveBetween(73.4, 135.1).When(c => c.Longitude is not null).WithMessage("经度不在中国境内的范围（73.4-135.1）。");
            RuleFor(c => c.Industry).NotNull().WithMessage("请选择所属行业。");
            RuleFor(c => c.Size).NotNull().WithMessage("请选择企业规模。");
            RuleFor(c => c.TotalEmployees)
                .NotNull().WithMessage("请输入职工总数。")
                .GreaterThanOrEqualTo(0).WithMessage("职工人数不能为负数。");
            RuleFor(c => c.InsuredEmployees)
                .NotNull().WithMessage("请输入参加失业保险的职工人数。")
                .GreaterThanOrEqualTo(0).WithMessage("职工人数不能为负数。")
                .LessThanOrEqualTo(c => c.TotalEmployees ?? int.MaxValue).WithMessage("参加失业保险的职工人数不能多于职工总数。");
            RuleFor(c => c.ContactName)
                .NotEmpty().WithMessage("请输入联系人。")
                .MaximumLength(50).WithMessage("联系人不能超过 50 个字符。");
            RuleFor(c => c.ContactPhone).Custom((value, context) =>
            {
                if (!PhoneNumber.TryParse(value, out _, out var error))
                {
                    context.AddFailure(error);
                }
            });
            RuleFor(c => c.UserName)
                .NotEmpty().WithMessage("请输入用户名。")
                .Length(3, 50).WithMessage("用户名长度应为 3 到 50 个字符。")
                .Matches("^[A-Za-z0-9._@+-]*$").WithMessage("用户名只能包含英文字母、数字和 -._@+。");
            RuleFor(c => c.Password).NotEmpty().WithMessage("请输入密码。");
        }
    }

    public sealed class Handler(OperationScope scope, TimeProvider time) : ICommandHandler<Command>
    {
        /// <summary>A duplicate: 409 (ADR 007) with the code and, for the form, the credit code's message.</summary>
        private static FeatureOutcome Taken() =>
            FeatureOutcome.Field(nameof(Command.CreditCode), DuplicateCreditCodeMessage, DuplicateCreditCodeCode) with { Kind = OutcomeKind.Conflict };

        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var users = services.GetRequiredService<UserManager<PortalUser>>();
                var code = UnifiedSocialCreditCode.Parse(command.CreditCode).Value;
                if (await db.Enterprises.AnyAsync(e => e.CreditCode == code, cancellationToken))
                {
                    return Taken();
                }

                var community = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == command.CommunityId, cancellationToken);
                if (community is null)
                {
                    return FeatureOutcome.Field(nameof(Command.CommunityId), "所选社区不存在，请重新选择。");
                }

                var location = command.Latitude is { } lat && command.Longitude is { } lon
                    ? GeoPoint.Create(lat, lon)
                    : GeoPoint.Create(community.StationLatitude, community.StationLongitude);
                var enterprise = Enterprise.Register(
                    new EnterpriseDetails(
                        code,
                        command.Name,
                        command.LegalRepresentative,
                        command.Address,
                        command.Industry!.Value,
                        command.Size!.Value,
                        command.TotalEmployees!.Value,
                        command.InsuredEmployees!.Value,
                        command.ContactName,
                        command.ContactPhone),
                    community.Id,
                    location);

                var user = new PortalUser
                {
                    UserName = command.UserName.Trim(),
                    DisplayName = command.ContactName.Trim(),
                    EnterpriseId = enterprise.Id,
                    CreatedAt = time.GetUtcNow(),
                };

                // The enterprise, its user and the user's role commit together, or none does.
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                db.Enterprises.Add(enterprise);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    // Another sign-up with the same code won the race for the unique index.
                    return Taken();
                }

                var created = await users.CreateAsync(user, command.Password);
                if (!created.Succeeded)
                {
                    return new FeatureOutcome(UserCommandSupport.FromIdentity(created, nameof(Command.Password)), FeatureOutcome.ValidationFailed);
                }

                var role = await users.AddToRoleAsync(user, PortalRoles.EnterpriseUser);
                if (!role.Succeeded)
                {
                    return new FeatureOutcome(UserCommandSupport.FromIdentity(role, nameof(Command.Password)), FeatureOutcome.ValidationFailed);
                }

                await transaction.CommitAsync(cancellationToken);
                return FeatureOutcome.Success($"企业“{enterprise.Name}”已提交注册，请等待人社局审核。审核通过后即可发布岗位。", enterprise.Id);
            });
        }
    }
}
