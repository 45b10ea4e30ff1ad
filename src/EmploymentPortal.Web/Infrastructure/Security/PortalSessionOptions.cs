namespace EmploymentPortal.Web.Infrastructure.Security;

/// <summary>
/// How long a sign-in lasts (section <c>Sessions</c>; docs/operations.md#sessions). The idle
/// timeout slides with every request; the absolute lifetime does not.
/// </summary>
public sealed class PortalSessionOptions
{
    public const string SectionName = "Sessions";

    /// <summary>A session ends after this many minutes without a request (sliding).</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>A session ends this many hours after sign-in, however active.</summary>
    public int AbsoluteLifetimeHours { get; set; } = 12;

    /// <summary>How long a process trusts what it read about a user's sessions (one query per user per interval).</summary>
    public int CheckIntervalSeconds { get; set; } = 30;

    /// <summary>How often an open page (Blazor circuit) checks its session.</summary>
    public int CircuitRevalidationSeconds { get; set; } = 30;

    public TimeSpan IdleTimeout => TimeSpan.FromMinutes(IdleTimeoutMinutes);

    public TimeSpan AbsoluteLifetime => TimeSpan.FromHours(AbsoluteLifetimeHours);

    public TimeSpan CheckInterval => TimeSpan.FromSeconds(CheckIntervalSeconds);

    public TimeSpan CircuitRevalidationInterval => TimeSpan.FromSeconds(CircuitRevalidationSeconds);

    public static PortalSessionOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(SectionName).Get<PortalSessionOptions>() ?? new PortalSessionOptions();
        if (options.IdleTimeoutMinutes <= 0 || options.AbsoluteLifetimeHours <= 0 || options.CheckIntervalSeconds <= 0 || options.CircuitRevalidationSeconds <= 0)
        {
            throw new InvalidOperationException("Sessions: IdleTimeoutMinutes, AbsoluteLifetimeHours, CheckIntervalSeconds and CircuitRevalidationSeconds must be positive.");
        }

        if (options.IdleTimeout > options.AbsoluteLifetime)
        {
            throw new InvalidOperationException("Sessions: IdleTimeoutMinutes must not exceed AbsoluteLifetimeHours.");
        }

        return options;
    }
}
