using System.Globalization;
using System.Text.Json.Nodes;
using EmploymentPortal.Data;
using EmploymentPortal.Data.Auditing;
using EmploymentPortal.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace EmploymentPortal.Web.Infrastructure.Security;

/// <summary>
/// The one sign-in procedure of the login page and the API, so both throttle, lock out and answer
/// the same way. An unknown user, a wrong password and a locked account get the same answer after
/// the same work: the user is looked up, a password hash is verified (a dummy one for an unknown
/// user, the real one even for a locked account), the counts are kept in memory, and nothing is
/// written unless a limit is reached, which happens for unknown names too.
/// </summary>
public sealed class LoginFlow
{
    public const string RefusedCode = "invalid-credentials";
    public const string DisabledCode = "account-disabled";
    public const string TooManyAttemptsCode = "too-many-attempts";

    /// <summary>The one answer for an unknown user, a wrong password and a locked account.</summary>
    public const string RefusedMessage = "用户名或密码错误，或账号已被暂时锁定，请稍后再试。";

    public const string DisabledMessage = "该账号已被停用，请联系系统管理员。";
    public const string TooManyAttemptsMessage = "本机登录失败次数过多，请稍后再试。";

    /// <summary>The audit log's entity type for sign-in limits reached (lockouts, blocked addresses).</summary>
    public const string AuditEntityType = "SignIn";

    private readonly SignInManager<PortalUser> _signInManager;
    private readonly UserManager<PortalUser> _users;
    private readonly SignInThrottle _throttle;
    private readonly DummyPasswordHash _dummy;
    private readonly PortalDbContext _db;
    private readonly TimeProvider _time;

    private static Outcome Refused { get; } = new(false, RefusedCode, RefusedMessage, null);

    public LoginFlow(SignInManager<PortalUser> signInManager, UserManager<PortalUser> users, SignInThrottle throttle, DummyPasswordHash dummy, PortalDbContext db, TimeProvider time)
    {
        _signInManager = signInManager;
        _users = users;
        _throttle = throttle;
        _dummy = dummy;
        _db = db;
        _time = time;
    }

    /// <summary>What the sign-in answered; <c>RetryAfter</c> (for <see cref="TooManyAttemptsCode"/>) is when the address may try again.</summary>
    public sealed record Outcome(bool Succeeded, string Code, string Message, PortalUser? User, TimeSpan? RetryAfter = null);

    public async Task<Outcome> SignInAsync(string userName, string password, bool persistent = false)
    {
        var address = _signInManager.Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (_throttle.AddressRefusedFor(address) is { } retryAfter)
        {
            return new Outcome(false, TooManyAttemptsCode, TooManyAttemptsMessage, null, retryAfter);
        }

        var account = _users.NormalizeName(userName.Length > 256 ? userName[..256] : userName) ?? string.Empty;
        var user = await _users.FindByNameAsync(userName);
        var passwordMatches = user is null
            ? _dummy.Verify(_users.PasswordHasher, password)
            : await _users.CheckPasswordAsync(user, password);
        var now = _time.GetUtcNow();
        if (_throttle.IsAccountLocked(account, address) || user?.LockoutEnd > now)
        {
            await AuditAsync(userName, address, new SignInThrottle.Trips(_throttle.RecordRefusal(address), null, null), null);
            return Refused;
        }

        if (!passwordMatches)
        {
            await AuditAsync(userName, address, _throttle.RecordFailure(account, address), user);
            return Refused;
        }

        // Said only to someone who knows the password.
        if (!await _signInManager.CanSignInAsync(user!))
        {
            return new Outcome(false, DisabledCode, DisabledMessage, null);
        }

        await _signInManager.SignInAsync(user!, persistent, authenticationMethod: "pwd");
        _throttle.Succeeded(account, address);
        return new Outcome(true, "ok", "登录成功。", user);
    }

    /// <summary>The <c>Retry-After</c> header's value: whole seconds, at least one.</summary>
    public static string RetryAfterSeconds(TimeSpan retryAfter) =>
        Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A limit reached is written to the audit log (the administrators' audit page, entity
    /// <see cref="AuditEntityType"/>); an account lock also goes to the user's <c>LockoutEnd</c>,
    /// where the user list shows it, an administrator can lift it and every instance sees it.
    /// </summary>
    private async Task AuditAsync(string userName, string address, SignInThrottle.Trips trips, PortalUser? user)
    {
        if (!trips.Any)
        {
            return;
        }

        if (trips.AddressBlockedUntil is { } blocked)
        {
            Record(address, "address-blocked", address, blocked);
        }

        if (trips.AccountAddressLockedUntil is { } lockedForAddress)
        {
            Record(userName, "account-locked-for-address", address, lockedForAddress);
        }

        if (trips.AccountLockedUntil is { } locked)
        {
            Record(userName, "account-locked", address, locked);
            if (user is not null)
            {
                user.LockoutEnd = locked;
            }
        }

        await _db.SaveChangesAsync();
    }

    private void Record(string entityId, string what, string address, DateTimeOffset until)
    {
        var changes = new JsonObject
        {
            ["event"] = what,
            ["address"] = address,
            ["until"] = until.ToString("O", CultureInfo.InvariantCulture),
        };
        _db.RecordChange(AuditEntityType, entityId.Length > 256 ? entityId[..256] : entityId, AuditAction.Update, changes.ToJsonString());
    }
}

/// <summary>
/// A password hash of a random password, made once with the portal's hasher, which an unknown
/// user's password is verified against: the answer then takes as long as for a real account.
/// </summary>
public sealed class DummyPasswordHash
{
    private static readonly PortalUser Nobody = new();
    private string? _hash;

    public bool Verify(IPasswordHasher<PortalUser> hasher, string password)
    {
        _hash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
        _ = hasher.VerifyHashedPassword(Nobody, _hash, password);
        return false;
    }
}
