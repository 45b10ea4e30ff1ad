using EmploymentPortal.Data;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Security;
using EmploymentPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Identity;

namespace EmploymentPortal.Web.Features.Admin.Users;

/// <summary>Ends a lockout (too many wrong passwords) before it expires, and clears the failure counts (this instance's sign-in throttle too).</summary>
public static class UnlockUser
{
    public sealed record Command(string UserId, string ConcurrencyStamp);

    public sealed class Handler
    {
        private readonly OperationScope _scope;
        private readonly SignInThrottle _throttle;

        public Handler(OperationScope scope, SignInThrottle throttle)
        {
            _scope = scope;
            _throttle = throttle;
        }

        public async Task<CommandResult> HandleAsync(Command command)
        {
            if (UserCommandSupport.RequireAdministrator(_scope.Principal) is { } denied)
            {
                return denied;
            }

            return await _scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var users = services.GetRequiredService<UserManager<PortalUser>>();
                var (user, error) = await UserCommandSupport.LoadAsync(users, db, command.UserId, command.ConcurrencyStamp);
                if (user is null)
                {
                    return error!;
                }

                // Both in one save (SetLockoutEndDateAsync and ResetAccessFailedCountAsync would
                // save twice).
                user.LockoutEnd = null;
                user.AccessFailedCount = 0;
                var result = await users.UpdateAsync(user);
                if (!result.Succeeded)
                {
                    return UserCommandSupport.FromIdentity(result, string.Empty);
                }

                _throttle.Forgive(user.NormalizedUserName ?? string.Empty);
                return CommandResult.Success($"已解除用户“{user.UserName}”的锁定。");
            });
        }
    }
}
