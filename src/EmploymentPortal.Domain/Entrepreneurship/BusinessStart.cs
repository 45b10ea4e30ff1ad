using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Hires;
using EmploymentPortal.Domain.Residents;

namespace EmploymentPortal.Domain.Entrepreneurship;

/// <summary>
/// A resident's business start (自主创业): the business the resident registered, with its
/// registration number (<see cref="BusinessRegistrationNumber"/>), type, start date and address.
/// The people it employs are never typed: when the business is also an enterprise of the portal
/// (<see cref="EnterpriseId"/>, matched by credit code) they are counted from that enterprise's
/// hire records (<see cref="EmployeesOn"/>).
/// </summary>
public sealed class BusinessStart : AggregateRoot
{
    public const int MaxNameLength = 100;
    public const int MaxAddressLength = 200;

    private BusinessStart()
    {
        Name = string.Empty;
        RegistrationNumber = string.Empty;
        Address = string.Empty;
        RecordedBy = string.Empty;
    }

    /// <summary>The resident who started the business.</summary>
    public Guid ResidentId { get; private set; }

    /// <summary>字号或企业名称.</summary>
    public string Name { get; private set; }

    /// <summary>统一社会信用代码 (18) or 个体工商户注册号 (15), canonical.</summary>
    public string RegistrationNumber { get; private set; }

    public BusinessType Type { get; private set; }

    /// <summary>成立日期 (the date of the business licence).</summary>
    public DateOnly StartDate { get; private set; }

    /// <summary>经营场所.</summary>
    public string Address { get; private set; }

    /// <summary>The community of the business's address.</summary>
    public Guid CommunityId { get; private set; }

    /// <summary>The portal enterprise with the same credit code, when there is one: its hires are the business's employees.</summary>
    public Guid? EnterpriseId { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>
    /// The claim for the one-time entrepreneurship subsidy (一次性创业补贴) made for this business,
    /// if any. A unique index holds it, and the business's <see cref="AggregateRoot.Version"/>
    /// guards the reservation: one business start, at most one live one-time subsidy claim.
    /// </summary>
    public Guid? OneTimeSubsidyClaimId { get; private set; }

    /// <summary>Records a business start of <paramref name="resident"/>; the input's shape was validated.</summary>
    /// <exception cref="DomainException">
    /// <c>business-registration-number</c>, <c>business-start-date</c> (after today or before the
    /// resident's birth), <c>business-start-name</c>.
    /// </exception>
    public static BusinessStart Record(Resident resident, BusinessStartDetails details, Guid? enterpriseId, string recordedBy, DateTimeOffset now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(resident);
        ArgumentNullException.ThrowIfNull(details);
        if (string.IsNullOrWhiteSpace(details.Name) || details.Name.Trim().Length > MaxNameLength)
        {
            throw new DomainException("business-start-name", $"请填写经营主体名称（不超过 {MaxNameLength} 个字符）。");
        }

        if (string.IsNullOrWhiteSpace(details.Address) || details.Address.Trim().Length > MaxAddressLength)
        {
            throw new DomainException("business-start-address", $"请填写经营场所（不超过 {MaxAddressLength} 个字符）。");
        }

        if (details.StartDate > today)
        {
            throw new DomainException("business-start-date", "成立日期不能晚于今天。");
        }

        if (details.StartDate < resident.BirthDate)
        {
            throw new DomainException("business-start-date", "成立日期不能早于创业者的出生日期。");
        }

        return new BusinessStart
        {
            ResidentId = resident.Id,
            Name = details.Name.Trim(),
            RegistrationNumber = BusinessRegistrationNumber.Parse(details.RegistrationNumber, details.Type),
            Type = details.Type,
            StartDate = details.StartDate,
            Address = details.Address.Trim(),
            CommunityId = details.CommunityId,
            EnterpriseId = enterpriseId,
            RecordedBy = recordedBy,
            RecordedAt = now,
        };
    }

    /// <summary>
    /// The people the business employs on <paramref name="date"/>: the hires of its enterprise
    /// started on or before that day and not ended before it. Zero when the business is no
    /// enterprise of the portal (nothing is typed).
    /// </summary>
    public int EmployeesOn(IEnumerable<Hire> hiresOfItsEnterprise, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(hiresOfItsEnterprise);
        return EnterpriseId is null
            ? 0
            : hiresOfItsEnterprise.Count(h => h.EnterpriseId == EnterpriseId && h.StartDate <= date && (h.EndedOn is null || h.EndedOn >= date));
    }

    /// <summary>Reserves the business's one-time entrepreneurship subsidy for <paramref name="claimId"/>.</summary>
    /// <exception cref="DomainException"><c>business-start-subsidy-taken</c>: another claim holds it.</exception>
    public void ReserveOneTimeSubsidy(Guid claimId)
    {
        if (OneTimeSubsidyClaimId is { } held && held != claimId)
        {
            throw new DomainException("business-start-subsidy-taken", "该创业实体的一次性创业补贴已经申请过，不能重复申请。");
        }

        OneTimeSubsidyClaimId = claimId;
    }

    /// <summary>Frees the reservation when its claim was rejected or withdrawn.</summary>
    public void ReleaseOneTimeSubsidy(Guid claimId)
    {
        if (OneTimeSubsidyClaimId == claimId)
        {
            OneTimeSubsidyClaimId = null;
        }
    }
}

/// <summary>What the station records of a business start; shape validated before.</summary>
public sealed record BusinessStartDetails(string Name, string RegistrationNumber, BusinessType Type, DateOnly StartDate, string Address, Guid CommunityId);

/// <summary>市场主体类型.</summary>
public enum BusinessType
{
    /// <summary>个体工商户</summary>
    IndividualBusiness,

    /// <summary>企业（公司）</summary>
    Company,

    /// <summary>农民专业合作社</summary>
    FarmersCooperative,

    /// <summary>其他</summary>
    Other,
}
