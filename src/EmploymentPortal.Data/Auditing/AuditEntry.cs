namespace EmploymentPortal.Data.Auditing;

/// <summary>
/// One row of the append-only audit log. Rows form a keyed hash chain: <see cref="Hash"/> is
/// HMAC-SHA256, with the audit key named by <see cref="KeyId"/>, over this row's content and
/// <see cref="PreviousHash"/>, so changing or deleting a row breaks every link after it, and
/// only the holder of the key can compute a link (see <see cref="AuditChain"/>).
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Position in the chain, 1-based and gapless; also the primary key.</summary>
    public long Sequence { get; set; }

    /// <summary>UTC, truncated to microseconds so it reads back identically on both providers.</summary>
    public DateTimeOffset Timestamp { get; set; }

    public string? ActorId { get; set; }

    public string ActorName { get; set; } = string.Empty;

    public string EntityType { get; set; } = string.Empty;

    public string EntityId { get; set; } = string.Empty;

    public AuditAction Action { get; set; }

    /// <summary>JSON object: property name → [old, new] (insert: [null, new]; delete: [old, null]).</summary>
    public string Changes { get; set; } = "{}";

    public string PreviousHash { get; set; } = string.Empty;

    public string Hash { get; set; } = string.Empty;

    /// <summary>
    /// Id of the audit key (<c>Keys:AuditChain</c>) that sealed this row; the key itself is never in
    /// the database. The portal never writes it empty; <see cref="AuditVerifier"/> reports a row
    /// without one as not sealed.
    /// </summary>
    public string KeyId { get; set; } = string.Empty;
}

public enum AuditAction
{
    Insert,
    Update,
    Delete,

    /// <summary>Personal data was read in full, e.g. an unmasked ID-card number.</summary>
    Read,
}
