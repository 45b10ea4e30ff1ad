using EmploymentPortal.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace EmploymentPortal.Web.Infrastructure.Security;

/// <summary>
/// The one sign-in procedure of the login page and the API, so both count failed attempts and
/// lock out the same way and give the same Chinese messages.
/// </summary>
public static class LoginFlow
{
    public const string WrongCredentialsMessage = "用户名或密码错误。";
    public const string LockedOutMessage = "密码错误次数过多，账号已被锁定 15 分钟，请稍后再试或联系管理员。";
    public const string DisabledMessage = "该账号已被停用，请联系系统管理员。";

    public sealed record Outcome(bool Succeeded, string Code, string Message, PortalUser? User);

    public static async Task<Outcome> SignInAsync(SignInManager<PortalUser> signInManager, UserManager<PortalUser> userManager, string userName, string password, bool persistent = false)
    {
        var user = await userManager.FindByNameAsync(userName);
        if (user is null)
        {
            // Same message as a wrong password: the login must not reveal which accounts exist.
            return new Outcome(false, "invalid-credentials", WrongCredentialsMessage, null);
        }

        if (user.IsDisabled)
        {
            // Say "disabled" only to someone who knows the password.
            return await userManager.CheckPasswordAsync(user, password)
                ? new Outcome(false, "account-disabled", DisabledMessage, null)
                : new Outcome(false, "invalid-credentials", WrongCredentialsMessage, null);
        }

        var result = await signInManager.PasswordSignInAsync(user, password, persistent, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return new Outcome(true, "ok", "登录成功。", user);
        }

        return result.IsLockedOut
            ? new Outcome(false, "account-locked", LockedOutMessage, null)
            : new Outcome(false, "invalid-credentials", WrongCredentialsMessage, null);
    }
}
