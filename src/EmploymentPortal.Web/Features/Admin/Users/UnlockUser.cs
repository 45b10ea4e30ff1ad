using EmploymentPortal.Data;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Identity;

namespace EmploymentPortal.Web.Features.Admin.Users;

/// <summary>Ends a lockout (too many wrong passwords) before it expires, and clears the failure count.</summary>
public static class UnlockUser
{
    public sealed record Command(string UserId, string ConcurrencyStamp);

    public sealed class Handler
    {
        private readonly OperationScope _scope;

        public Handler(OperationScope scope)
        {
            _scope = scope;
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
                return result.Succeeded
                    ? CommandResult.Success($"已解除用户“{user.UserName}”的锁定。")
                    : UserCommandSupport.FromIdentity(result, string.Empty);
            });
        }
    }
}
