using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.ValueObjects;

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

    public Money Total { get; private set; }

    /// <summary>Paid so far (after settlement: the total less the failed claims).</summary>
    public Money Paid { get; private set; }

    public int FailedCount { get; private set; }

    public string CreatedById { get; private set; }

    public string CreatedByName { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SettledAt { get; private set; }

    public string? SettledByName { get; private set; }

    /// <summary>
    /// A batch of <paramref name="claims"/> (all approved, each amount above zero and at most
    /// <paramref name="hardCeiling"/>; the claims move into it). The total is a checked
    /// <see cref="Money"/> sum.
    /// </summary>
    public static PaymentBatch Create(IReadOnlyList<Claim> claims, ClaimActor officer, Money hardCeiling, DateTimeOffset now)
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
        var total = Money.Zero;
        foreach (var claim in claims)
        {
            claim.AddToBatch(batch.Id, officer, hardCeiling, now);
            batch.ClaimCount++;
            total += claim.Amount!.Value;
        }

        batch.Total = total;
        return batch;
    }

    /// <summary>
    /// Finance reports the result (支付结果): every claim paid except <paramref name="failures"/>,
    /// which return to approved. <paramref name="claims"/> must be exactly the batch's claims.
    /// </summary>
    public void Settle(IReadOnlyList<Claim> claims, IReadOnlyDictionary<Guid, string> failures, ClaimActor officer, Money hardCeiling, DateTimeOffset now)
    {
        if (Status != PaymentBatchStatus.Open)
        {
            throw new DomainException("batch-settled", "该批次已登记支付结果。");
        }

        EnsureReconciles(claims, hardCeiling);
        var unknown = failures.Keys.Where(id => claims.All(c => c.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            throw new DomainException("batch-unknown-claim", "支付失败的申请不在该批次中。");
        }

        var paid = Money.Zero;
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
                paid += claim.Amount ?? Money.Zero;
            }
        }

        Paid = paid;
        SettledAt = now;
        SettledByName = officer.Name;
        Status = FailedCount == 0 ? PaymentBatchStatus.Paid : PaymentBatchStatus.PartlyFailed;
    }

    /// <summary>
    /// Throws unless <paramref name="claims"/> (the claims that carry the batch's id) reconcile
    /// with it (对账): each amount can be trusted and their checked sum is the batch total while it
    /// is open, what it paid once settled (failed claims left it). A claim whose stored amount is
    /// outside 0 … <paramref name="hardCeiling"/> is named (<c>batch-amount-corrupt</c>): the batch
    /// is neither exported nor settled until the amount is corrected.
    /// </summary>
    public void EnsureReconciles(IReadOnlyList<Claim> claims, Money hardCeiling)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var corrupt = claims.Where(c => !Claim.IsAmountSound(c.Amount, hardCeiling)).Select(c => c.Number).ToList();
        if (corrupt.Count > 0)
        {
            throw new DomainException("batch-amount-corrupt", $"批次 {Number} 中申请 {string.Join("、", corrupt)} 的金额异常（不在 0 至单笔硬上限之间），批次不能导出或登记支付，请先核查更正。");
        }

        var sum = Money.Sum(claims.Select(c => c.Amount ?? Money.Zero));
        if (claims.Any(c => c.PaymentBatchId != Id))
        {
            throw new DomainException("batch-totals-mismatch", $"批次 {Number} 对账不符：所给申请不全属于该批次。");
        }

        if (Status == PaymentBatchStatus.Open && (claims.Count != ClaimCount || sum != Total))
        {
            throw new DomainException("batch-totals-mismatch", $"批次 {Number} 对账不符：批次记录 {ClaimCount} 笔 {Total}，申请合计 {claims.Count} 笔 {sum}。");
        }

        if (Status != PaymentBatchStatus.Open && sum != Paid)
        {
            throw new DomainException("batch-totals-mismatch", $"批次 {Number} 对账不符：已支付 {Paid}，申请合计 {sum}。");
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
