using EmploymentPortal.Data;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Web.Features.Admin.Users;
using EmploymentPortal.Web.Infrastructure;
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
    public const string UserNotFound = "用户";

    public sealed record ColleagueRow(string Id, string UserName, string DisplayName, bool IsDisabled, DateTimeOffset? LockoutEnd, DateTimeOffset CreatedAt, bool IsSelf);

    /// <summary>A new account and, when generated, its password (shown once).</summary>
    public sealed record Created(string UserName, string? Password);

    /// <summary>What a command answers; <see cref="Password"/> is the one chance to see a generated password.</summary>
    public sealed record Outcome(FeatureOutcome Result, string? Password = null, string? UserId = null);

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

    public sealed class Handler
    {
        private readonly OperationScope _scope;
        private readonly IValidator<CreateCommand> _validator;
        private readonly TimeProvider _time;
        private readonly SignInThrottle _throttle;

        public Handler(OperationScope scope, IValidator<CreateCommand> validator, TimeProvider time, SignInThrottle throttle)
        {
            _scope = scope;
            _validator = validator;
            _time = time;
            _throttle = throttle;
        }

        public async Task<Outcome> CreateAsync(CreateCommand command, CancellationToken cancellationToken = default)
        {
            if (_scope.Principal is not { IsEnterpriseUser: true, EnterpriseId: { } enterpriseId })
            {
                return new(FeatureOutcome.Denied("只有企业用户可以管理本企业账号。"));
            }

            var validation = await _validator.ValidateAsync(command, cancellationToken);
            if (!validation.IsValid)
            {
                return new(FeatureOutcome.Invalid(validation));
            }

            return await _scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var users = services.GetRequiredService<UserManager<PortalUser>>();
                var status = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => (EnterpriseStatus?)e.Status).SingleOrDefaultAsync(cancellationToken);
                if (status != EnterpriseStatus.Verified)
                {
                    return new Outcome(new FeatureOutcome(CommandResult.Failure("本企业尚未通过认证（或已被暂停），不能新增账号。"), Hires.RecordHire.EnterpriseNotVerifiedCode));
                }

                var generate = string.IsNullOrEmpty(command.Password);
                var password = generate ? PasswordGenerator.Generate() : command.Password!;
                var user = new PortalUser
                {
                    UserName = command.UserName.Trim(),
                    DisplayName = command.DisplayName.Trim(),
                    EnterpriseId = enterpriseId,
                    CreatedAt = _time.GetUtcNow(),
                };

                // The user and their role commit together, or neither does.
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var created = await users.CreateAsync(user, password);
                if (!created.Succeeded)
                {
                    return new Outcome(ToOutcome(UserCommandSupport.FromIdentity(created, nameof(CreateCommand.Password))));
                }

                var role = await users.AddToRoleAsync(user, PortalRoles.EnterpriseUser);
                if (!role.Succeeded)
                {
                    return new Outcome(ToOutcome(UserCommandSupport.FromIdentity(role, nameof(CreateCommand.Password))));
                }

                await transaction.CommitAsync(cancellationToken);
                return new Outcome(FeatureOutcome.Success($"已创建账号“{user.UserName}”。"), generate ? password : null, user.Id);
            });
        }

        /// <summary>Disables (ending the user's sessions at once) or enables a colleague.</summary>
        public Task<Outcome> SetEnabledAsync(string userId, bool enabled, CancellationToken cancellationToken = default) =>
            WithColleagueAsync(userId, !enabled, async (users, user) =>
            {
                if (user.IsDisabled == !enabled)
                {
                    return new Outcome(FeatureOutcome.Success(enabled ? $"账号“{user.UserName}”已是启用状态。" : $"账号“{user.UserName}”已是停用状态。"));
                }

                user.IsDisabled = !enabled;
                var result = enabled ? await users.UpdateAsync(user) : await users.UpdateSecurityStampAsync(user);
                return result.Succeeded
                    ? new Outcome(FeatureOutcome.Success(enabled ? $"已启用账号“{user.UserName}”。" : $"已停用账号“{user.UserName}”，其登录会话已全部结束。"))
                    : new Outcome(ToOutcome(UserCommandSupport.FromIdentity(result, string.Empty)));
            });

        /// <summary>Sets a generated password (shown once) and ends the colleague's other sessions.</summary>
        public Task<Outcome> ResetPasswordAsync(string userId, CancellationToken cancellationToken = default) =>
            WithColleagueAsync(userId, true, async (users, user) =>
            {
                var password = PasswordGenerator.Generate();
                var token = await users.GeneratePasswordResetTokenAsync(user);
                var result = await users.ResetPasswordAsync(user, token, password);
                if (!result.Succeeded)
                {
                    return new Outcome(ToOutcome(UserCommandSupport.FromIdentity(result, string.Empty)));
                }

                // A reset also lifts a lockout: the colleague can sign in with the new password at once.
                await users.SetLockoutEndDateAsync(user, null);
                await users.ResetAccessFailedCountAsync(user);
                _throttle.Forgive(user.NormalizedUserName ?? string.Empty);
                return new Outcome(FeatureOutcome.Success($"已重置账号“{user.UserName}”的密码。"), password);
            });

        private async Task<Outcome> WithColleagueAsync(string userId, bool notSelf, Func<UserManager<PortalUser>, PortalUser, Task<Outcome>> work)
        {
            if (_scope.Principal is not { IsEnterpriseUser: true, EnterpriseId: { } enterpriseId })
            {
                return new(FeatureOutcome.Denied("只有企业用户可以管理本企业账号。"));
            }

            if (notSelf && userId == _scope.Principal.UserId)
            {
                return new(new FeatureOutcome(CommandResult.Failure("不能停用自己的账号或在这里重置自己的密码。"), "colleague-self"));
            }

            return await _scope.RunAsync(async services =>
            {
                var users = services.GetRequiredService<UserManager<PortalUser>>();
                var user = await users.FindByIdAsync(userId);

                // Another enterprise's user, or a user of another role, is not found: no hint that it exists.
                if (user is null || user.EnterpriseId != enterpriseId || !await users.IsInRoleAsync(user, PortalRoles.EnterpriseUser))
                {
                    return new Outcome(FeatureOutcome.Missing(UserNotFound));
                }

                return await work(users, user);
            });
        }

        private static FeatureOutcome ToOutcome(CommandResult result) =>
            new(result, result.Errors.Count > 0 && !result.Errors.ContainsKey(string.Empty) ? FeatureOutcome.ValidationFailed : "identity-failed");
    }
}
