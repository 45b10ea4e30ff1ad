using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EmploymentPortal.Data.Security;

namespace EmploymentPortal.Data.Auditing;

/// <summary>
/// How a row of the audit chain is sealed. Verification is <see cref="AuditVerifier"/>.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first row.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The longest key id a row can name (the column's length).</summary>
    public const int MaxKeyIdLength = 32;

    /// <summary>
    /// HMAC-SHA256 (lower-case hex) with the audit key over a JSON array of every field but the
    /// hash itself, the key id included. A JSON array keeps field boundaries unambiguous; the
    /// timestamp enters as UTC ticks. Without the key nobody can compute a valid hash, so a row
    /// cannot be changed and its chain recomputed by someone who can only write to the database.
    /// </summary>
    public static string ComputeHash(AuditEntry entry, PortalKey key)
    {
        var canonical = JsonSerializer.SerializeToUtf8Bytes(new object?[]
        {
            entry.Sequence,
            entry.Timestamp.UtcTicks,
            entry.ActorId,
            entry.ActorName,
            entry.EntityType,
            entry.EntityId,
            entry.Action.ToString(),
            entry.Changes,
            entry.PreviousHash,
            entry.KeyId,
        });
        return Convert.ToHexStringLower(HMACSHA256.HashData(key.Material, canonical));
    }

    /// <summary>
    /// The unkeyed SHA-256 that sealed rows before the chain was keyed (same fields, no key id).
    /// Used only to check such rows once before <see cref="AuditChainUpgrade"/> seals them with the key.
    /// </summary>
    public static string ComputeLegacyHash(AuditEntry entry)
    {
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            entry.Sequence,
            entry.Timestamp.UtcTicks,
            entry.ActorId,
            entry.ActorName,
            entry.EntityType,
            entry.EntityId,
            entry.Action.ToString(),
            entry.Changes,
            entry.PreviousHash,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
