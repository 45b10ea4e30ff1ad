using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Data.Auditing;

/// <summary>
/// The hash chain of the audit log: how a row's hash is computed and how the chain is verified.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first row.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// SHA-256 (lower-case hex) over a JSON array of every field but the hash itself. A JSON array
    /// keeps field boundaries unambiguous; the timestamp enters as UTC ticks.
    /// </summary>
    public static string ComputeHash(AuditEntry entry)
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

    /// <summary>
    /// Walks the whole chain in sequence order, in pages, and reports the first broken link: a
    /// gap in the sequence, a previous hash that is not the hash of the row before, or a hash that
    /// does not match the row's content.
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        const int pageSize = 5_000;
        var expectedPrevious = GenesisHash;
        var expectedSequence = 1L;
        var checkedRows = 0L;
        while (true)
        {
            var page = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence >= expectedSequence)
                .OrderBy(e => e.Sequence)
                .Take(pageSize)
                .ToListAsync(cancellationToken);
            foreach (var entry in page)
            {
                if (entry.Sequence != expectedSequence)
                {
                    return AuditVerification.Broken(checkedRows, expectedSequence, $"第 {expectedSequence} 条审计记录缺失（序号不连续，下一条为 {entry.Sequence}）。");
                }

                if (entry.PreviousHash != expectedPrevious)
                {
                    return AuditVerification.Broken(checkedRows, entry.Sequence, $"第 {entry.Sequence} 条审计记录的前序哈希与第 {entry.Sequence - 1} 条不符。");
                }

                if (ComputeHash(entry) != entry.Hash)
                {
                    return AuditVerification.Broken(checkedRows, entry.Sequence, $"第 {entry.Sequence} 条审计记录的内容与其哈希不符（记录被篡改）。");
                }

                expectedPrevious = entry.Hash;
                expectedSequence++;
                checkedRows++;
            }

            if (page.Count < pageSize)
            {
                return AuditVerification.Intact(checkedRows);
            }
        }
    }
}

/// <summary>The result of <see cref="AuditChain.VerifyAsync"/>.</summary>
public sealed record AuditVerification(bool IsIntact, long CheckedRows, long? FirstBrokenSequence, string Message)
{
    public static AuditVerification Intact(long rows) => new(true, rows, null, $"审计链完整，共校验 {rows} 条记录。");

    public static AuditVerification Broken(long rows, long sequence, string message) => new(false, rows, sequence, message);
}
