using EmploymentPortal.Data;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Identity;

namespace EmploymentPortal.Web.Features.Admin.Users;

/// <summary>
/// An administrator changes a user's display name, roles and scope. Any change renews the
/// user's security stamp, which ends all of their sessions (they sign in again with the new claims).
/// </summary>
public static class UpdateUserAccess
{
    public const string OwnAdministratorRoleMessage = "不能移除自己的系统管理员角色。";

    public sealed record Command
    {
        public string UserId { get; set; } = string.Empty;

        /// <summary>The stamp the administrator saw; a different one means someone else changed the user.</summary>
        public string ConcurrencyStamp { get; set; } = string.Empty;

        public string DisplayName { get; set; } = string.Empty;

        public IEnumerable<string> Roles { get; set; } = [];

        public IEnumerable<Guid> CommunityIds { get; set; } = [];

        public Guid? EnterpriseId { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.UserId).NotEmpty().WithMessage("未指定用户。");
            RuleFor(c => c.DisplayName)
                .NotEmpty().WithMessage("请输入姓名。")
                .MaximumLength(100).WithMessage("姓名不能超过 100 个字符。");
            RuleFor(c => c.Roles)
                .NotEmpty().WithMessage("请至少选择一个角色。")
                .Must(r => r.All(PortalRoles.All.Contains)).WithMessage("所选角色无效。")
                .Must(r => !r.Contains(PortalRoles.EnterpriseUser) || r.Distinct().Count() == 1).WithMessage("企业用户不能同时拥有其他角色。");
            RuleFor(c => c.CommunityIds)
                .NotEmpty().When(c => c.Roles.Contains(PortalRoles.StationStaff)).WithMessage("社区服务站工作人员至少需要负责一个社区。");
            RuleFor(c => c.EnterpriseId)
                .NotNull().When(c => c.Roles.Contains(PortalRoles.EnterpriseUser)).WithMessage("请选择企业用户所属的企业。");
        }
    }

    public sealed class Handler(OperationScope scope) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            if (UserCommandSupport.RequireAdministrator(scope.Principal) is { } denied)
            {
                return denied;
            }

            if (command.UserId == scope.Principal.UserId && !command.Roles.Contains(PortalRoles.Administrator))
            {
                return FeatureOutcome.Field(nameof(Command.Roles), OwnAdministratorRoleMessage);
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var users = services.GetRequiredService<UserManager<PortalUser>>();
                var wantedRoles = command.Roles.Distinct().ToList();
                var communities = wantedRoles.Contains(PortalRoles.StationStaff) ? command.CommunityIds.Distinct().ToList() : [];
                var enterpriseId = wantedRoles.Contains(PortalRoles.EnterpriseUser) ? command.EnterpriseId : null;
                if (await UserCommandSupport.CheckScopeAsync(db, communities, enterpriseId, nameof(Command.CommunityIds), nameof(Command.EnterpriseId)) is { } scopeError)
                {
                    return scopeError;
                }

                var (user, error) = await UserCommandSupport.LoadAsync(users, db, command.UserId, command.ConcurrencyStamp);
                if (user is null)
                {
                    return error!;
                }

                // Roles, scope and stamp commit together, or none of them does.
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var changed = await UserCommandSupport.ReplaceCommunitiesAsync(db, user.Id, communities);
                var displayName = command.DisplayName.Trim();
                changed |= user.DisplayName != displayName || user.EnterpriseId != enterpriseId;
                user.DisplayName = displayName;
                user.EnterpriseId = enterpriseId;

                var currentRoles = await users.GetRolesAsync(user);
                var removed = currentRoles.Except(wantedRoles).ToList();
                var added = wantedRoles.Except(currentRoles).ToList();
                if (removed.Count > 0)
                {
                    var result = await users.RemoveFromRolesAsync(user, removed);
                    if (!result.Succeeded)
                    {
                        return UserCommandSupport.Refused(result, string.Empty);
                    }
                }

                if (added.Count > 0)
                {
                    var result = await users.AddToRolesAsync(user, added);
                    if (!result.Succeeded)
                    {
                        return UserCommandSupport.Refused(result, string.Empty);
                    }
                }

                if (!changed && removed.Count == 0 && added.Count == 0)
                {
                    return FeatureOutcome.Success("没有需要保存的修改。");
                }

                // Saves the name, enterprise and community scope too, and ends sessions that
                // carry the old claims.
                var stamped = await users.UpdateSecurityStampAsync(user);
                if (!stamped.Succeeded)
                {
                    return UserCommandSupport.Refused(stamped, string.Empty);
                }

                await transaction.CommitAsync(cancellationToken);
                return FeatureOutcome.Success($"已保存用户“{user.UserName}”的角色和范围。");
            });
        }
    }
}
