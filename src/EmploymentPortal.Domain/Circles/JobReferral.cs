using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Circles;

/// <summary>
/// 岗位推荐: station staff refer a resident of their community to a published vacancy
/// (“精准送岗”, 002 二(三)2; 职业介绍, 001 (二十)); the enterprise answers whether it interviewed,
/// hired or declined the resident. The outcome stays on the resident's record, and every referral
/// counts as one of the three suitable job offers of the migrant-worker service standard
/// (1次职业指导、3个适合的岗位信息、1个培训工程, 002 二(二)2).
/// </summary>
public sealed class JobReferral : AggregateRoot
{
    private JobReferral()
    {
        ReferredBy = string.Empty;
    }

    public JobReferral(Guid residentId, Guid vacancyId, Guid enterpriseId, Guid communityId, double distanceKm, string reason, string referredBy, DateTimeOffset referredAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(referredBy);
        ResidentId = residentId;
        VacancyId = vacancyId;
        EnterpriseId = enterpriseId;
        CommunityId = communityId;
        DistanceKm = Math.Round(distanceKm, 2);
        Reason = reason;
        ReferredBy = referredBy;
        ReferredAt = referredAt;
        Status = ReferralStatus.Referred;
    }

    public Guid ResidentId { get; private set; }

    public Guid VacancyId { get; private set; }

    /// <summary>The vacancy's enterprise, which sees and answers the referral.</summary>
    public Guid EnterpriseId { get; private set; }

    /// <summary>The resident's community (the referring station's scope).</summary>
    public Guid CommunityId { get; private set; }

    /// <summary>Distance from home to the work location when referred, km.</summary>
    public double DistanceKm { get; private set; }

    /// <summary>Why the station recommends it (“2.1 km · 同职业 · 薪资符合”).</summary>
    public string? Reason { get; private set; }

    /// <summary>Display name of the staff member who referred.</summary>
    public string ReferredBy { get; private set; }

    public DateTimeOffset ReferredAt { get; private set; }

    public ReferralStatus Status { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>The enterprise's note with its answer (e.g. why it declined).</summary>
    public string? AnswerNote { get; private set; }

    /// <summary>True while the enterprise still has to decide (referred or interviewed).</summary>
    public bool IsOpen => Status is ReferralStatus.Referred or ReferralStatus.Interviewed;

    /// <summary>
    /// The enterprise answers: interviewed (面试), hired (录用) or declined (未录用). Interviewed
    /// may follow referred; hired and declined end the referral.
    /// </summary>
    /// <exception cref="DomainException"><c>referral-closed</c> after hired/declined; <c>referral-answer</c> for an invalid answer.</exception>
    public void Answer(ReferralStatus answer, string? note, DateTimeOffset at)
    {
        if (!IsOpen)
        {
            throw new DomainException("referral-closed", "该推荐已有最终结果（已录用或未录用），不能再修改。");
        }

        if (answer == ReferralStatus.Referred || (answer == ReferralStatus.Interviewed && Status == ReferralStatus.Interviewed))
        {
            throw new DomainException("referral-answer", "请选择面试、录用或未录用。");
        }

        Status = answer;
        AnswerNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        AnsweredAt = at;
    }
}

/// <summary>The state of a referral.</summary>
public enum ReferralStatus
{
    /// <summary>已推荐</summary>
    Referred,

    /// <summary>已面试</summary>
    Interviewed,

    /// <summary>已录用</summary>
    Hired,

    /// <summary>未录用</summary>
    Declined,
}
