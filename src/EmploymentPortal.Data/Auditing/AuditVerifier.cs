using System.Globalization;
using EmploymentPortal.Data.Security;
using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Data.Auditing;

/// <summary>
/// Verifies the audit chain with the audit keys and against the anchor file: what
/// <c>-- verify-audit</c> and the administrators' audit page report (docs/operations.md, "Audit trail").
/// </summary>
public sealed class AuditVerifier
{
    private const int PageSize = 5_000;

    private readonly PortalKeyRing _keys;
    private readonly AuditAnchorFile _anchors;

    public AuditVerifier(PortalKeyRing keys, AuditAnchorFile anchors)
    {
        _keys = keys;
        _anchors = anchors;
    }

    /// <summary>
    /// Walks the whole chain in sequence order, in pages, and reports the first broken link: a gap
    /// in the sequence, a previous hash that is not the hash of the row before, a key id the ring
    /// does not hold, a hash that is not the row's HMAC (one row changed, or every row from one on:
    /// the chain was recomputed without the key), or a hash that differs from an anchor of the same
    /// sequence. Then the head is checked against the anchors: a head below an anchored sequence
    /// means the newest rows were deleted (or the table emptied). A missing anchor file is said.
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        var anchorLog = _anchors.Read();
        var anchorsBySequence = anchorLog.Anchors.ToLookup(a => a.Sequence);
        var walk = new Walk();
        await foreach (var entry in AuditChain.ReadInOrderAsync(db, PageSize, cancellationToken))
        {
            Check(walk, entry, anchorsBySequence[entry.Sequence]);
            if (walk.Stopped)
            {
                break;
            }
        }

        if (walk.FirstForged is { } forged && (walk.StoppedAt is null || forged < walk.StoppedAt))
        {
            var recomputed = walk.ForgedRows > 1 && walk.StoppedAt is null && walk.ForgedRows == walk.Head - forged + 1;
            var message = recomputed
                ? $"自第 {forged} 条起的 {walk.ForgedRows} 条审计记录全部与审计密钥不符：该条被改动后，其后各条的哈希被不持有密钥的人重新计算（审计链被重算）。"
                : $"第 {forged} 条审计记录的内容与其密钥哈希不符（记录被篡改）。" + (walk.ForgedRows > 1 ? $"共有 {walk.ForgedRows} 条记录与密钥哈希不符。" : string.Empty);
            return AuditVerification.Broken(walk.IntactRows, forged, message);
        }

        if (walk.StoppedAt is { } stoppedAt)
        {
            return AuditVerification.Broken(walk.IntactRows, stoppedAt, walk.StopMessage!);
        }

        if (anchorLog.Anchors.Count > 0 && anchorLog.Anchors.MaxBy(a => a.Sequence) is { } highest && highest.Sequence > walk.Head)
        {
            var message = walk.Head == 0
                ? $"审计记录被清空：表中没有任何记录，而 {Format(highest.Time)} 写下的锚点已记录到第 {highest.Sequence} 条。"
                : $"最新的审计记录被删除：表中最后一条为第 {walk.Head} 条，而 {Format(highest.Time)} 写下的锚点已记录到第 {highest.Sequence} 条（至少缺少 {highest.Sequence - walk.Head} 条）。";
            return AuditVerification.Broken(walk.IntactRows, walk.Head + 1, message);
        }

        var unreadable = anchorLog.UnreadableLines > 0 ? $"锚点文件中有 {anchorLog.UnreadableLines} 行无法解析，已忽略。" : string.Empty;
        if (anchorLog.Latest is not { } latest)
        {
            var missing = anchorLog.Exists ? $"锚点文件 {_anchors.Path} 中没有锚点" : $"未找到锚点文件 {_anchors.Path}";
            return new AuditVerification(
                AuditVerdict.Unanchored,
                walk.IntactRows,
                null,
                $"审计链内部一致，共校验 {walk.IntactRows} 条记录；但{missing}，无法发现最新记录被删除或整表被清空。{unreadable}");
        }

        return new AuditVerification(
            AuditVerdict.Intact,
            walk.IntactRows,
            null,
            $"审计链完整，共校验 {walk.IntactRows} 条记录；已与 {anchorLog.Anchors.Count} 个锚点核对，最近一个锚点为第 {latest.Sequence} 条（{Format(latest.Time)}）。{unreadable}");
    }

    private void Check(Walk walk, AuditEntry entry, IEnumerable<AuditAnchor> anchors)
    {
        if (entry.Sequence != walk.ExpectedSequence)
        {
            walk.Stop(walk.ExpectedSequence, $"第 {walk.ExpectedSequence} 条审计记录缺失（序号不连续，下一条为 {entry.Sequence}）。");
            return;
        }

        if (entry.PreviousHash != walk.ExpectedPrevious)
        {
            walk.Stop(entry.Sequence, $"第 {entry.Sequence} 条审计记录的前序哈希与第 {entry.Sequence - 1} 条不符。");
            return;
        }

        if (entry.KeyId.Length == 0)
        {
            walk.Stop(entry.Sequence, $"第 {entry.Sequence} 条审计记录没有密钥标识：它不是用审计密钥封存的，应视为伪造。");
            return;
        }

        if (!_keys.TryGet(KeyPurpose.AuditChain, entry.KeyId, out var key))
        {
            walk.Stop(entry.Sequence, $"第 {entry.Sequence} 条审计记录由密钥“{entry.KeyId}”封存，但本机的密钥配置中没有该密钥，无法校验：请配置该密钥（见运维文档“密钥”一节），否则应视为伪造。");
            return;
        }

        walk.Head = entry.Sequence;
        walk.ExpectedSequence++;
        walk.ExpectedPrevious = entry.Hash;
        if (AuditChain.ComputeHash(entry, key) != entry.Hash)
        {
            walk.FirstForged ??= entry.Sequence;
            walk.ForgedRows++;
            return;
        }

        if (anchors.FirstOrDefault(a => a.Hash != entry.Hash) is { } anchor)
        {
            walk.Stop(entry.Sequence, $"第 {entry.Sequence} 条审计记录的哈希与 {Format(anchor.Time)} 写下的锚点不符：该条或其之前的记录在锚定之后被改写。");
            return;
        }

        if (walk.FirstForged is null)
        {
            walk.IntactRows++;
        }
    }

    /// <summary>An anchor's time as the bureau reads it: China Standard Time (UTC+8, no daylight saving).</summary>
    private static string Format(DateTimeOffset time) =>
        PortalCalendar.ToChinaTime(time).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "（北京时间）";

    private sealed class Walk
    {
        public long ExpectedSequence { get; set; } = 1;

        public string ExpectedPrevious { get; set; } = AuditChain.GenesisHash;

        /// <summary>The last row walked (0: none).</summary>
        public long Head { get; set; }

        /// <summary>Rows found intact before the first broken one.</summary>
        public long IntactRows { get; set; }

        public long? FirstForged { get; set; }

        public long ForgedRows { get; set; }

        public long? StoppedAt { get; private set; }

        public string? StopMessage { get; private set; }

        public bool Stopped => StoppedAt is not null;

        public void Stop(long sequence, string message)
        {
            StoppedAt = sequence;
            StopMessage = message;
        }
    }
}

/// <summary>What a verification found.</summary>
public enum AuditVerdict
{
    /// <summary>The chain verifies with the keys and matches the anchors.</summary>
    Intact,

    /// <summary>The chain verifies with the keys, but there is no anchor to check its head against.</summary>
    Unanchored,

    /// <summary>A row was changed, deleted or forged.</summary>
    Broken,
}

/// <summary>The result of <see cref="AuditVerifier.VerifyAsync"/>; <see cref="Message"/> is for people (Chinese).</summary>
public sealed record AuditVerification(AuditVerdict Verdict, long CheckedRows, long? FirstBrokenSequence, string Message)
{
    /// <summary>Nothing wrong was found (the head may still be unanchored: see <see cref="Verdict"/>).</summary>
    public bool IsIntact => Verdict != AuditVerdict.Broken;

    public static AuditVerification Broken(long rows, long sequence, string message) => new(AuditVerdict.Broken, rows, sequence, message);
}
