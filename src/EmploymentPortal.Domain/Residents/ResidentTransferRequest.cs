using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Residents;

public enum TransferRequestStatus
{
    /// <summary>待处理</summary>
    Pending,

    /// <summary>已接受（档案已转入申请社区）</summary>
    Accepted,

    /// <summary>已拒绝</summary>
    Declined,
}

/// <summary>
/// A station's request to take over a resident's record held by another community's station
/// (档案转移申请), made when a registration of the same ID number was refused. The holding
/// station accepts (the record moves) or declines with a reason. Requests are kept as the
/// history of the record's moves.
/// </summary>
public sealed class ResidentTransferRequest : AggregateRoot
{
    private ResidentTransferRequest()
    {
        RequestedBy = string.Empty;
    }

    public ResidentTransferRequest(Guid residentId, Guid fromCommunityId, Guid toCommunityId, string? reason, string requestedBy, DateTimeOffset requestedAt)
    {
        if (fromCommunityId == toCommunityId)
        {
            throw new DomainException("resident-transfer-same-community", "该居民已在本社区登记，无需转移。");
        }

        ResidentId = residentId;
        FromCommunityId = fromCommunityId;
        ToCommunityId = toCommunityId;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        RequestedBy = requestedBy;
        RequestedAt = requestedAt;
        Status = TransferRequestStatus.Pending;
    }

    public Guid ResidentId { get; private set; }

    /// <summary>The community that held the record when the request was made.</summary>
    public Guid FromCommunityId { get; private set; }

    /// <summary>The requesting station's community, where the record moves on acceptance.</summary>
    public Guid ToCommunityId { get; private set; }

    /// <summary>申请理由, e.g. 已迁入本社区居住.</summary>
    public string? Reason { get; private set; }

    public string RequestedBy { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public TransferRequestStatus Status { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The reason of a refusal, shown to the requesting station.</summary>
    public string? DeclineReason { get; private set; }

    /// <summary>Accepts the request and moves the resident's record to the requesting community.</summary>
    /// <exception cref="DomainException">The request was decided already, or the record no longer lies with the holding community.</exception>
    public void Accept(Resident resident, string decidedBy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(resident);
        EnsurePending();
        if (resident.Id != ResidentId || resident.CommunityId != FromCommunityId)
        {
            throw new DomainException("resident-transfer-stale", "该居民档案已不在原社区，此申请无法接受。");
        }

        resident.TransferTo(ToCommunityId);
        Status = TransferRequestStatus.Accepted;
        DecidedBy = decidedBy;
        DecidedAt = at;
    }

    /// <summary>Declines the request with a reason the requesting station sees.</summary>
    /// <exception cref="DomainException">The request was decided already, or no reason is given.</exception>
    public void Decline(string reason, string decidedBy, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("resident-transfer-reason-missing", "请填写拒绝转移的原因。");
        }

        EnsurePending();
        Status = TransferRequestStatus.Declined;
        DeclineReason = reason.Trim();
        DecidedBy = decidedBy;
        DecidedAt = at;
    }

    private void EnsurePending()
    {
        if (Status != TransferRequestStatus.Pending)
        {
            throw new DomainException("resident-transfer-decided", "该转移申请已处理，不能重复处理。");
        }
    }
}
