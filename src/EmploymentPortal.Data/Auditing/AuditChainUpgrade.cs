using EmploymentPortal.Data.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EmploymentPortal.Data.Auditing;

/// <summary>
/// Seals, once, the rows of an audit chain that was written before the chain was keyed: their
/// hash is plain SHA-256 and their key id empty (the migration <c>AuditChainKeyId</c> adds the
/// column). The migrator runs this after migrating. It acts only on a chain that was never keyed:
/// every row has the empty key id and the anchor file holds no anchor; otherwise unkeyed rows are
/// left alone and verification reports them, so that someone who can write to the database cannot
/// have the portal seal a chain they recomputed. It first checks the unkeyed chain with SHA-256 and
/// seals nothing when that is broken. What the unkeyed chain protected is what it protected before
/// (docs/operations.md, "Audit trail").
/// </summary>
public static class AuditChainUpgrade
{
    private const int PageSize = 2_000;

    /// <returns>How many rows were sealed.</returns>
    public static async Task<long> SealUnkeyedChainAsync(PortalDbContext db, PortalKeyRing keys, AuditAnchorFile anchors, ILogger logger, CancellationToken cancellationToken = default)
    {
        // A chain that was ever keyed has a keyed first row (one primary-key lookup at each start).
        if (!await db.AuditEntries.AnyAsync(e => e.Sequence == 1 && e.KeyId == string.Empty, cancellationToken))
        {
            return 0;
        }

        if (await db.AuditEntries.AnyAsync(e => e.KeyId != string.Empty, cancellationToken) || anchors.Read().Anchors.Count > 0)
        {
            logger.LogError("The audit chain has rows without a key id beside keyed rows or anchors; they are not sealed. Run verify-audit.");
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AuditInterceptor.ChainLockKey})", cancellationToken);
        }

        var key = keys.Current(KeyPurpose.AuditChain);
        var expectedSequence = 1L;
        var legacyPrevious = AuditChain.GenesisHash;
        var sealedPrevious = AuditChain.GenesisHash;
        await foreach (var entry in AuditChain.ReadInOrderAsync(db, PageSize, cancellationToken))
        {
            if (entry.Sequence != expectedSequence || entry.PreviousHash != legacyPrevious || AuditChain.ComputeLegacyHash(entry) != entry.Hash)
            {
                logger.LogError("The unkeyed audit chain is broken at sequence {Sequence}; it is not sealed. Run verify-audit.", expectedSequence);
                await transaction.RollbackAsync(cancellationToken);
                return 0;
            }

            legacyPrevious = entry.Hash;
            entry.PreviousHash = sealedPrevious;
            entry.KeyId = key.Id;
            entry.Hash = AuditChain.ComputeHash(entry, key);
            sealedPrevious = entry.Hash;
            await db.Database.ExecuteSqlAsync(
                $"UPDATE \"AuditEntries\" SET \"PreviousHash\" = {entry.PreviousHash}, \"KeyId\" = {entry.KeyId}, \"Hash\" = {entry.Hash} WHERE \"Sequence\" = {entry.Sequence}",
                cancellationToken);
            expectedSequence++;
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogWarning("Sealed {Count} audit rows written before the chain was keyed with audit key {KeyId}", expectedSequence - 1, key.Id);
        return expectedSequence - 1;
    }
}
