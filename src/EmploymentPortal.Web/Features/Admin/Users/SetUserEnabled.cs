using EmploymentPortal.Data;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Identity;

namespace EmploymentPortal.Web.Features.Admin.Users;

/// <summary>
/// Disables or re-enables a user. Disabling renews the security stamp, which ends all of the
/// user's sessions in the same save (<see cref="Data.Identity.UserSessionInterceptor"/>): their next
/// request is refused and their open pages go to the login page within the circuit revalidation.
/// </summary>
public static class SetUserEnabled
{
    public const string DisableSelfMessage = "不能停用自己的账号。";

    public const string DisableSelfCode = "user-disable-self";

    public sealed record Command(string UserId, string ConcurrencyStamp, bool Enabled);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.UserId).NotEmpty().WithMessage("未指定用户。");
    }

    public sealed class Handler(OperationScope scope) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            if (UserCommandSupport.RequireAdministrator(scope.Principal) is { } denied)
            {
                return denied;
            }

            if (!command.Enabled && command.UserId == scope.Principal.UserId)
            {
                return FeatureOutcome.Refused(DisableSelfCode, DisableSelfMessage);
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var users = services.GetRequiredService<UserManager<PortalUser>>();
                var (user, error) = await UserCommandSupport.LoadAsync(users, db, command.UserId, command.ConcurrencyStamp);
                if (user is null)
                {
                    return error!;
                }

                if (user.IsDisabled == !command.Enabled)
                {
                    return FeatureOutcome.Success(command.Enabled ? $"用户“{user.UserName}”已是启用状态。" : $"用户“{user.UserName}”已是停用状态。");
                }

                user.IsDisabled = !command.Enabled;

                // One save: the flag and the new stamp together.
                var result = command.Enabled ? await users.UpdateAsync(user) : await users.UpdateSecurityStampAsync(user);
                if (!result.Succeeded)
                {
                    return UserCommandSupport.Refused(result, string.Empty);
                }

                return FeatureOutcome.Success(command.Enabled ? $"已启用用户“{user.UserName}”。" : $"已停用用户“{user.UserName}”，其登录会话已全部结束。");
            });
        }
    }
}
