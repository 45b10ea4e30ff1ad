namespace EmploymentPortal.Data.Identity;

/// <summary>
/// One sign-in (登录会话): its id travels in the auth cookie, and a request is served only while
/// the session is open and younger than its absolute lifetime. Signing out ends this session;
/// a new security stamp (password changed or reset, account disabled, roles or scope changed)
/// ends all of the user's sessions (<see cref="UserSessionInterceptor"/>). Rows are kept as the
/// record of who was signed in when.
/// </summary>
public sealed class UserSession
{
    private UserSession()
    {
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The absolute end: no request is served after it, however active the user is.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public SessionEndReason? EndReason { get; private set; }

    public bool IsOpenAt(DateTimeOffset now) => EndedAt is null && now < ExpiresAt;

    public static UserSession Start(string userId, DateTimeOffset now, TimeSpan absoluteLifetime) => new()
    {
        Id = Guid.CreateVersion7(now),
        UserId = userId,
        CreatedAt = now,
        ExpiresAt = now + absoluteLifetime,
    };

    /// <summary>Ends the session; a session ended already keeps its first end.</summary>
    public void End(DateTimeOffset now, SessionEndReason reason)
    {
        if (EndedAt is not null)
        {
            return;
        }

        EndedAt = now;
        EndReason = reason;
    }
}

/// <summary>Why a session ended before its absolute lifetime ran out.</summary>
public enum SessionEndReason
{
    /// <summary>The user signed out (this session only).</summary>
    SignedOut,

    /// <summary>The password was changed or reset.</summary>
    PasswordChanged,

    /// <summary>The account was disabled.</summary>
    Disabled,

    /// <summary>Roles, scope or another part of the account's access changed (a new security stamp).</summary>
    AccessChanged,
}
