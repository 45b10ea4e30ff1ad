namespace EmploymentPortal.Data.Auditing;

/// <summary>Who is making the change that is being audited.</summary>
public interface IAuditActor
{
    string? UserId { get; }

    string UserName { get; }
}

/// <summary>The actor for work the portal does by itself: migrations, seeding, scheduled jobs.</summary>
public sealed class SystemAuditActor : IAuditActor
{
    public static SystemAuditActor Instance { get; } = new();

    public string? UserId => null;

    public string UserName => "system";
}
