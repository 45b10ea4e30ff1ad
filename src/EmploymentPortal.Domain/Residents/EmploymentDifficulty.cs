using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Residents;

/// <summary>
/// 就业困难人员 categories a bureau officer certifies (认定类别), after the usual provincial
/// rules on 就业困难人员认定; 001 (十六)(二十二) and 003 (十八) ask for targeted help to them.
/// </summary>
public enum EmploymentDifficultyCategory
{
    /// <summary>大龄失业人员（“4050”人员）</summary>
    OlderUnemployed,

    /// <summary>残疾人</summary>
    Disabled,

    /// <summary>零就业家庭成员</summary>
    ZeroEmploymentFamilyMember,

    /// <summary>城乡低保家庭成员</summary>
    MinimumLivingAllowanceFamily,

    /// <summary>连续失业1年以上</summary>
    LongTermUnemployed,

    /// <summary>失地农民</summary>
    LandlessFarmer,

    /// <summary>脱贫人口/防止返贫监测对象</summary>
    PovertyAlleviated,

    /// <summary>其他经认定的就业困难人员</summary>
    Other,
}

/// <summary>就业困难人员认定: only a bureau officer certifies or revokes (checked by the caller's policy).</summary>
public sealed partial class Resident
{
    public EmploymentDifficultyCategory? DifficultyCategory { get; private set; }

    /// <summary>认定日期.</summary>
    public DateOnly? DifficultyCertifiedOn { get; private set; }

    /// <summary>The officer who certified (display name).</summary>
    public string? DifficultyCertifiedBy { get; private set; }

    /// <summary>The day the certification ends (撤销/退出认定); null while it holds.</summary>
    public DateOnly? DifficultyRevokedOn { get; private set; }

    public string? DifficultyRevocationReason { get; private set; }

    /// <summary>True when a certification holds on <paramref name="date"/>: certified on or before it and not revoked by then.</summary>
    public bool IsCertifiedWithEmploymentDifficultyOn(DateOnly date) =>
        DifficultyCertifiedOn is { } certified && certified <= date && (DifficultyRevokedOn is not { } revoked || date < revoked);

    /// <summary>Certifies the resident as a person with employment difficulties from <paramref name="date"/>.</summary>
    /// <exception cref="DomainException">A certification already holds, the date is before birth, or the officer is not named.</exception>
    public void CertifyEmploymentDifficulty(EmploymentDifficultyCategory category, DateOnly date, string officer)
    {
        if (!Enum.IsDefined(category))
        {
            throw new DomainException("difficulty-category-invalid", "认定类别无效。");
        }

        if (string.IsNullOrWhiteSpace(officer))
        {
            throw new DomainException("difficulty-officer-missing", "认定须由人社局经办人员办理。");
        }

        if (DifficultyCertifiedOn is not null && DifficultyRevokedOn is null)
        {
            throw new DomainException("difficulty-already-certified", $"该居民已于{DifficultyCertifiedOn:yyyy-MM-dd}认定为就业困难人员，如需更改类别请先撤销原认定。");
        }

        if (date < BirthDate || (DifficultyRevokedOn is { } revoked && date < revoked))
        {
            throw new DomainException("difficulty-date-invalid", "认定日期不能早于出生日期或上一次撤销日期。");
        }

        DifficultyCategory = category;
        DifficultyCertifiedOn = date;
        DifficultyCertifiedBy = officer.Trim();
        DifficultyRevokedOn = null;
        DifficultyRevocationReason = null;
    }

    /// <summary>Ends the certification on <paramref name="date"/> with a reason (e.g. 已实现稳定就业).</summary>
    /// <exception cref="DomainException">No certification holds, or the date is before the certification.</exception>
    public void RevokeEmploymentDifficulty(DateOnly date, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("difficulty-reason-missing", "请填写撤销认定的原因。");
        }

        if (DifficultyCertifiedOn is not { } certified || DifficultyRevokedOn is not null)
        {
            throw new DomainException("difficulty-not-certified", "该居民目前没有有效的就业困难人员认定。");
        }

        if (date < certified)
        {
            throw new DomainException("difficulty-date-invalid", $"撤销日期不能早于认定日期（{certified:yyyy-MM-dd}）。");
        }

        DifficultyRevokedOn = date;
        DifficultyRevocationReason = reason.Trim();
    }

    /// <summary>
    /// Moves the record to the station of another community (户籍/常住地迁移, after the holding
    /// station accepted a transfer request). The transfer request keeps the history.
    /// </summary>
    /// <exception cref="DomainException">The resident already belongs to that community.</exception>
    public void TransferTo(Guid communityId)
    {
        if (communityId == CommunityId)
        {
            throw new DomainException("resident-transfer-same-community", "该居民已在本社区登记，无需转移。");
        }

        CommunityId = communityId;
    }
}
