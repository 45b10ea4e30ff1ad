using EmploymentPortal.Data;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Security;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Identity;

namespace EmploymentPortal.Web.Features.Admin.Users;

/// <summary>Ends a lockout (too many wrong passwords) before it expires, and clears the failure counts (this instance's sign-in throttle too).</summary>
public static class UnlockUser
{
    public sealed record Command(string UserId, string ConcurrencyStamp);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.UserId).NotEmpty().WithMessage("未指定用户。");
    }

    public sealed class Handler(OperationScope scope, SignInThrottle throttle) : ICommandHandler<Command>
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
                    return UserCommandSupport.Refused(result, string.Empty);
                }

                throttle.Forgive(user.NormalizedUserName ?? string.Empty);
                return FeatureOutcome.Success($"已解除用户“{user.UserName}”的锁定。");
            });
        }
    }
}
