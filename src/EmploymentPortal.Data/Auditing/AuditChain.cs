using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using EmploymentPortal.Data.Security;
using Microsoft.EntityFrameworkCore;

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
    public static string ComputeHash(AuditEntry entry, PortalKey key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key.Material, JsonSerializer.SerializeToUtf8Bytes<object?[]>([.. Fields(entry), entry.KeyId])));

    /// <summary>The rows from the first on, in sequence order, read in pages of <paramref name="pageSize"/>.</summary>
    public static async IAsyncEnumerable<AuditEntry> ReadInOrderAsync(PortalDbContext db, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var from = 1L;
        while (true)
        {
            var page = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence >= from)
                .OrderBy(e => e.Sequence)
                .Take(pageSize)
                .ToListAsync(cancellationToken);
            foreach (var entry in page)
            {
                yield return entry;
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            from = page[^1].Sequence + 1;
        }
    }

    private static object?[] Fields(AuditEntry entry) =>
    [
        entry.Sequence,
        entry.Timestamp.UtcTicks,
        entry.ActorId,
        entry.ActorName,
        entry.EntityType,
        entry.EntityId,
        entry.Action.ToString(),
        entry.Changes,
        entry.PreviousHash,
    ];
}
