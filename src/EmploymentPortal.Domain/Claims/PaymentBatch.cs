using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Claims;

/// <summary>
/// A payment batch (支付批次): approved claims an officer hands to the finance system together.
/// The batch keeps its own totals, which must always equal the sum of its claims (checked when it
/// is created, exported and settled).
/// </summary>
public sealed class PaymentBatch : AggregateRoot
{
    private PaymentBatch()
    {
        Number = string.Empty;
        CreatedById = string.Empty;
        CreatedByName = string.Empty;
    }

    /// <summary>批次号, e.g. ZF20261122-1A2B3C.</summary>
    public string Number { get; private set; }

    public PaymentBatchStatus Status { get; private set; }

    public int ClaimCount { get; private set; }

    public long TotalFen { get; private set; }

    /// <summary>Paid so far (after settlement: the total less the failed claims).</summary>
    public long PaidFen { get; private set; }

    public int FailedCount { get; private set; }

    public string CreatedById { get; private set; }

    public string CreatedByName { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SettledAt { get; private set; }

    public string? SettledByName { get; private set; }

    /// <summary>A batch of <paramref name="claims"/> (all approved; the claims move into it).</summary>
    public static PaymentBatch Create(IReadOnlyList<Claim> claims, ClaimActor officer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(claims);
        if (claims.Count == 0)
        {
            throw new DomainException("batch-empty", "请至少选择一笔已批准的申请。");
        }

        var batch = new PaymentBatch
        {
            Status = PaymentBatchStatus.Open,
            CreatedById = officer.UserId,
            CreatedByName = officer.Name,
            CreatedAt = now,
        };
        batch.Number = $"ZF{now.UtcDateTime:yyyyMMdd}-{batch.Id.ToString("N")[^6..].ToUpperInvariant()}";
        foreach (var claim in claims)
        {
            claim.AddToBatch(batch.Id, officer, now);
            batch.ClaimCount++;
            batch.TotalFen = checked(batch.TotalFen + (claim.AmountFen ?? 0));
        }

        return batch;
    }

    /// <summary>
    /// Finance reports the result (支付结果): every claim paid except <paramref name="failures"/>,
    /// which return to approved. <paramref name="claims"/> must be exactly the batch's claims.
    /// </summary>
    public void Settle(IReadOnlyList<Claim> claims, IReadOnlyDictionary<Guid, string> failures, ClaimActor officer, DateTimeOffset now)
    {
        if (Status != PaymentBatchStatus.Open)
        {
            throw new DomainException("batch-settled", "该批次已登记支付结果。");
        }

        EnsureReconciles(claims);
        var unknown = failures.Keys.Where(id => claims.All(c => c.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            throw new DomainException("batch-unknown-claim", "支付失败的申请不在该批次中。");
        }

        long paid = 0;
        foreach (var claim in claims)
        {
            if (failures.TryGetValue(claim.Id, out var reason))
            {
                claim.PaymentFailed(officer, reason, now);
                FailedCount++;
            }
            else
            {
                claim.MarkPaid(officer, now);
                paid = checked(paid + (claim.AmountFen ?? 0));
            }
        }

        PaidFen = paid;
        SettledAt = now;
        SettledByName = officer.Name;
        Status = FailedCount == 0 ? PaymentBatchStatus.Paid : PaymentBatchStatus.PartlyFailed;
    }

    /// <summary>Throws unless the claims given are the batch's and their sum is the batch total (对账).</summary>
    public void EnsureReconciles(IReadOnlyList<Claim> claims)
    {
        var sum = claims.Sum(c => c.AmountFen ?? 0);
        if (claims.Count != ClaimCount || sum != TotalFen || claims.Any(c => c.PaymentBatchId != Id))
        {
            throw new DomainException("batch-totals-mismatch", $"批次 {Number} 对账不符：批次记录 {ClaimCount} 笔 {TotalFen} 分，申请合计 {claims.Count} 笔 {sum} 分。");
        }
    }
}

/// <summary>An in-portal notification (站内消息) for one user.</summary>
public sealed class Notification : Entity
{
    private Notification()
    {
        UserId = string.Empty;
        Title = string.Empty;
        Message = string.Empty;
    }

    public Notification(string userId, string title, string message, string? link, DateTimeOffset createdAt)
    {
        UserId = userId;
        Title = title;
        Message = message;
        Link = link;
        CreatedAt = createdAt;
    }

    public string UserId { get; private set; }

    public string Title { get; private set; }

    public string Message { get; private set; }

    public string? Link { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}
