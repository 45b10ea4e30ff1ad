using EmploymentPortal.Data;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Identity;

namespace EmploymentPortal.Web.Features.Admin.Users;

/// <summary>An administrator creates a user with one role, its scope and an initial password.</summary>
public static class CreateUser
{
    public sealed record Command
    {
        public string UserName { get; set; } = string.Empty;

        public string DisplayName { get; set; } = string.Empty;

        public string Role { get; set; } = string.Empty;

        /// <summary>For <see cref="PortalRoles.StationStaff"/>: the communities they work for.</summary>
        public IEnumerable<Guid> CommunityIds { get; set; } = [];

        /// <summary>For <see cref="PortalRoles.EnterpriseUser"/>: the enterprise they act for.</summary>
        public Guid? EnterpriseId { get; set; }

        /// <summary>Checked against the Identity password policy by the handler.</summary>
        public string Password { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.UserName)
                .NotEmpty().WithMessage("请输入用户名。")
                .Length(3, 50).WithMessage("用户名长度应为 3 到 50 个字符。")
                .Matches("^[A-Za-z0-9._@+-]*$").WithMessage("用户名只能包含英文字母、数字和 -._@+。");
            RuleFor(c => c.DisplayName)
                .NotEmpty().WithMessage("请输入姓名。")
                .MaximumLength(100).WithMessage("姓名不能超过 100 个字符。");
            RuleFor(c => c.Role)
                .NotEmpty().WithMessage("请选择角色。")
                .Must(r => string.IsNullOrEmpty(r) || PortalRoles.All.Contains(r)).WithMessage("所选角色无效。");
            RuleFor(c => c.CommunityIds)
                .NotEmpty().When(c => c.Role == PortalRoles.StationStaff).WithMessage("社区服务站工作人员至少需要负责一个社区。");
            RuleFor(c => c.EnterpriseId)
                .NotNull().When(c => c.Role == PortalRoles.EnterpriseUser).WithMessage("请选择企业用户所属的企业。");
            RuleFor(c => c.Password)
                .NotEmpty().WithMessage("请输入初始密码。");
        }
    }

    public sealed class Handler(OperationScope scope, TimeProvider time) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            if (UserCommandSupport.RequireAdministrator(scope.Principal) is { } denied)
            {
                return denied;
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var users = services.GetRequiredService<UserManager<PortalUser>>();
                var communities = command.Role == PortalRoles.StationStaff ? command.CommunityIds.Distinct().ToList() : [];
                var enterpriseId = command.Role == PortalRoles.EnterpriseUser ? command.EnterpriseId : null;
                if (await UserCommandSupport.CheckScopeAsync(db, communities, enterpriseId, nameof(Command.CommunityIds), nameof(Command.EnterpriseId)) is { } scopeError)
                {
                    return scopeError;
                }

                var user = new PortalUser
                {
                    UserName = command.UserName.Trim(),
                    DisplayName = command.DisplayName.Trim(),
                    EnterpriseId = enterpriseId,
                    CreatedAt = time.GetUtcNow(),
                };
                user.CommunityScopes.AddRange(communities.Select(id => new UserCommunityScope { CommunityId = id }));

                // The user and their role commit together, or neither does.
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var created = await users.CreateAsync(user, command.Password);
                if (!created.Succeeded)
                {
                    return UserCommandSupport.Refused(created, nameof(Command.Password));
                }

                var role = await users.AddToRoleAsync(user, command.Role);
                if (!role.Succeeded)
                {
                    return UserCommandSupport.Refused(role, nameof(Command.Password));
                }

                await transaction.CommitAsync(cancellationToken);
                return FeatureOutcome.Success($"已创建用户“{user.UserName}”。");
            });
        }
    }
}
