using EmploymentPortal.Data;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Web.Features.Admin.Users;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Security;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Enterprises.Colleagues;

/// <summary>
/// Enterprise users manage the accounts of their own enterprise (本企业账号): list them, create one,
/// disable or enable one, and reset a password (a generated one, shown once). Users of another
/// enterprise, and users of other roles, are "not found". Only a verified enterprise creates new
/// accounts; a pending one has only its sign-up account until the bureau has checked it.
/// </summary>
public static class ManageColleagues
{
    /// <summary>A generated password, carried by the outcome: the one chance to see it.</summary>
    public static readonly OutcomeValue<string> GeneratedPassword = new("generatedPassword");

    public const string UserNotFound = "用户";

    public sealed record ColleagueRow(string Id, string UserName, string DisplayName, bool IsDisabled, DateTimeOffset? LockoutEnd, DateTimeOffset CreatedAt, bool IsSelf);

    /// <summary>A new account and, when generated, its password (shown once).</summary>
    public sealed record Created(string UserName, string? Password);

    public sealed record CreateCommand
    {
        public string UserName { get; set; } = string.Empty;

        public string DisplayName { get; set; } = string.Empty;

        /// <summary>Empty: a password is generated and shown once.</summary>
        public string? Password { get; set; }
    }

    public sealed class CreateValidator : AbstractValidator<CreateCommand>
    {
        public CreateValidator()
        {
            RuleFor(c => c.UserName)
                .NotEmpty().WithMessage("请输入用户名。")
                .Length(3, 50).WithMessage("用户名长度应为 3 到 50 个字符。")
                .Matches("^[A-Za-z0-9._@+-]*$").WithMessage("用户名只能包含英文字母、数字和 -._@+。");
            RuleFor(c => c.DisplayName)
                .NotEmpty().WithMessage("请输入姓名。")
                .MaximumLength(100).WithMessage("姓名不能超过 100 个字符。");
        }
    }

    /// <summary>Disable (<c>Enabled</c> false, ending the user's sessions at once) or enable a colleague.</summary>
    public sealed record SetEnabledCommand(string UserId, bool? Enabled);

    public sealed class SetEnabledValidator : AbstractValidator<SetEnabledCommand>
    {
        public SetEnabledValidator()
        {
            RuleFor(c => c.Enabled).NotNull().WithMessage("请说明启用（true）还是停用（false）。");
        }
    }

    /// <summary>Set a generated password (shown once, <see cref="GeneratedPassword"/>) and end the colleague's other sessions.</summary>
    public sealed record ResetPasswordCommand(string UserId);

    /// <summary>Nothing to check in the input: the user id comes from the route or the page's row.</summary>
    public sealed class ResetPasswordValidator : AbstractValidator<ResetPasswordCommand>;

    /// <summary>The accounts of the principal's enterprise; empty for anyone else.</summary>
    public static async Task<List<ColleagueRow>> ListAsync(PortalDbContext db, PortalPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (principal is not { IsEnterpriseUser: true, EnterpriseId: { } enterpriseId })
        {
            return [];
        }

        var roleId = await db.Roles.Where(r => r.Name == PortalRoles.EnterpriseUser).Select(r => r.Id).SingleAsync(cancellationToken);
        var rows = await db.Users.AsNoTracking()
            .Where(u => u.EnterpriseId == enterpriseId && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId))
            .OrderBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.IsDisabled, u.LockoutEnd, u.CreatedAt })
            .ToListAsync(cancellationToken);
        return rows.Select(u => new ColleagueRow(u.Id, u.UserName ?? string.Empty, u.DisplayName, u.IsDisabled, u.LockoutEnd, u.CreatedAt, u.Id == principal.UserId)).ToList();
    }

    /// <summary>
    /// The three commands. A created account's id is <see cref="FeatureOutcome.Id"/>; a generated
    /// password is <see cref="GeneratedPassword"/>, the one chance to see it.
    /// </summary>
    public sealed class Handler(OperationScope scope, TimeProvider time, SignInThrottle throttle)
        : ICommandHandler<CreateCommand>, ICommandHandler<SetEnabledCommand>, ICommandHandler<ResetPasswordCommand>
    {
        public async Task<FeatureOutcome> HandleAsync(CreateCommand command, CancellationToken cancellationToken)
        {
            if (scope.Principal is not { IsEnterpriseUser: true, EnterpriseId: { } enterpriseId })
            {
                return FeatureOutcome.Denied("只有企业用户可以管理本企业账号。");
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var users = services.GetRequiredService<UserManager<PortalUser>>();
                var status = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => (EnterpriseStatus?)e.Status).SingleOrDefaultAsync(cancellationToken);
                if (status != EnterpriseStatus.Verified)
                {
                    return FeatureOutcome.Refused(Hires.RecordHire.EnterpriseNotVerifiedCode, "本企业尚未通过认证（或已被暂停），不能新增账号。");
                }

                var generate = string.IsNullOrEmpty(command.Password);
                var password = generate ? PasswordGenerator.Generate() : command.Password!;
                var id = Guid.NewGuid();
                var user = new PortalUser
                {
                    Id = id.ToString(),
                    UserName = command.UserName.Trim(),
                    DisplayName = command.DisplayName.Trim(),
                    EnterpriseId = enterpriseId,
                    CreatedAt = time.GetUtcNow(),
                };

                // The user and their role commit together, or neither does.
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var created = await users.CreateAsync(user, password);
                if (!created.Succeeded)
                {
                    return ToOutcome(UserCommandSupport.FromIdentity(created, nameof(CreateCommand.Password)));
                }

                var role = await users.AddToRoleAsync(user, PortalRoles.EnterpriseUser);
                if (!role.Succeeded)
                {
                    return ToOutcome(UserCommandSupport.FromIdentity(role, nameof(CreateCommand.Password)));
                }

                await transaction.CommitAsync(cancellationToken);
                var done = FeatureOutcome.Success($"已创建账号“{user.UserName}”。", id);
                return generate ? done.With(GeneratedPassword, password) : done;
            });
        }

        public Task<FeatureOutcome> HandleAsync(SetEnabledCommand command, CancellationToken cancellationToken)
        {
            var enabled = command.Enabled!.Value;
            return WithColleagueAsync(command.UserId, !enabled, async (users, user) =>
            {
                if (user.IsDisabled == !enabled)
                {
                    return FeatureOutcome.Success(enabled ? $"账号“{user.UserName}”已是启用状态。" : $"账号“{user.UserName}”已是停用状态。");
                }

                user.IsDisabled = !enabled;
                var result = enabled ? await users.UpdateAsync(user) : await users.UpdateSecurityStampAsync(user);
                return result.Succeeded
                    ? FeatureOutcome.Success(enabled ? $"已启用账号“{user.UserName}”。" : $"已停用账号“{user.UserName}”，其登录会话已全部结束。")
                    : ToOutcome(UserCommandSupport.FromIdentity(result, string.Empty));
            });
        }

        public Task<FeatureOutcome> HandleAsync(ResetPasswordCommand command, CancellationToken cancellationToken) =>
            WithColleagueAsync(command.UserId, true, async (users, user) =>
            {
                var password = PasswordGenerator.Generate();
                var token = await users.GeneratePasswordResetTokenAsync(user);
                var result = await users.ResetPasswordAsync(user, token, password);
                if (!result.Succeeded)
                {
                    return ToOutcome(UserCommandSupport.FromIdentity(result, string.Empty));
                }

                // A reset also lifts a lockout: the colleague can sign in with the new password at once.
                await users.SetLockoutEndDateAsync(user, null);
                await users.ResetAccessFailedCountAsync(user);
                throttle.Forgive(user.NormalizedUserName ?? string.Empty);
                return FeatureOutcome.Success($"已重置账号“{user.UserName}”的密码。").With(GeneratedPassword, password);
            });

        private async Task<FeatureOutcome> WithColleagueAsync(string userId, bool notSelf, Func<UserManager<PortalUser>, PortalUser, Task<FeatureOutcome>> work)
        {
            if (scope.Principal is not { IsEnterpriseUser: true, EnterpriseId: { } enterpriseId })
            {
                return FeatureOutcome.Denied("只有企业用户可以管理本企业账号。");
            }

            if (notSelf && userId == scope.Principal.UserId)
            {
                return FeatureOutcome.Refused("colleague-self", "不能停用自己的账号或在这里重置自己的密码。");
            }

            return await scope.RunAsync(async services =>
            {
                var users = services.GetRequiredService<UserManager<PortalUser>>();
                var user = await users.FindByIdAsync(userId);

                // Another enterprise's user, or a user of another role, is not found: no hint that it exists.
                if (user is null || user.EnterpriseId != enterpriseId || !await users.IsInRoleAsync(user, PortalRoles.EnterpriseUser))
                {
                    return FeatureOutcome.Missing(UserNotFound);
                }

                return await work(users, user);
            });
        }

        private static FeatureOutcome ToOutcome(CommandResult result) =>
            new(result, result.Errors.Count > 0 && !result.Errors.ContainsKey(string.Empty) ? FeatureOutcome.ValidationFailed : "identity-failed");
    }
}
