using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Enterprises;

/// <summary>
/// An employer registered with the bureau (用人单位). It signs up itself (pending), a bureau
/// officer verifies or rejects it, and the bureau may suspend a verified one. Only a verified
/// enterprise may have vacancies published.
/// </summary>
/// <remarks>
/// The registry details (legal representative, industry, size, head counts, contact) are nullable
/// in the database: enterprises loaded before the registry existed, or in bulk by the data
/// generator, do not have them. A sign-up always sets them (<see cref="Register"/>).
/// </remarks>
public sealed class Enterprise : AggregateRoot
{
    private Enterprise()
    {
        Name = string.Empty;
        CreditCode = string.Empty;
        Address = string.Empty;
    }

    /// <summary>An enterprise known by code, name and location only (the platform's minimum).</summary>
    public Enterprise(string creditCode, string name, Guid communityId, string address, double latitude, double longitude)
    {
        CreditCode = UnifiedSocialCreditCode.Parse(creditCode).Value;
        Name = name;
        CommunityId = communityId;
        Address = address;
        Latitude = latitude;
        Longitude = longitude;
        Status = EnterpriseStatus.Pending;
    }

    /// <summary>Unified social credit code (统一社会信用代码, GB 32100-2015), canonical form.</summary>
    public string CreditCode { get; private set; }

    public string Name { get; private set; }

    /// <summary>法定代表人.</summary>
    public string? LegalRepresentative { get; private set; }

    /// <summary>The community in which the enterprise is registered.</summary>
    public Guid CommunityId { get; private set; }

    /// <summary>注册地址.</summary>
    public string Address { get; private set; }

    public double Latitude { get; private set; }

    public double Longitude { get; private set; }

    /// <summary>国民经济行业门类 (GB/T 4754-2017).</summary>
    public IndustrySection? Industry { get; private set; }

    /// <summary>企业规模 as entered and certified (the subsidy rules use it).</summary>
    public EnterpriseSize? Size { get; private set; }

    /// <summary>职工总数.</summary>
    public int? TotalEmployees { get; private set; }

    /// <summary>参加失业保险职工人数.</summary>
    public int? InsuredEmployees { get; private set; }

    /// <summary>联系人.</summary>
    public string? ContactName { get; private set; }

    /// <summary>联系电话 in canonical form (<see cref="PhoneNumber"/>).</summary>
    public string? ContactPhone { get; private set; }

    public EnterpriseStatus Status { get; private set; }

    /// <summary>Why the bureau rejected the registration (驳回原因); the enterprise sees it.</summary>
    public string? RejectionReason { get; private set; }

    /// <summary>Why the bureau suspended the enterprise (暂停原因); null unless suspended.</summary>
    public string? SuspensionReason { get; private set; }

    public GeoPoint Location => GeoPoint.Create(Latitude, Longitude);

    /// <summary>A self-service sign-up (企业注册): a pending enterprise with its registry details.</summary>
    /// <exception cref="DomainException">The credit code or phone is malformed, or a head count is inconsistent.</exception>
    public static Enterprise Register(EnterpriseDetails details, Guid communityId, GeoPoint location)
    {
        ArgumentNullException.ThrowIfNull(details);
        var enterprise = new Enterprise(details.CreditCode, details.Name.Trim(), communityId, details.Address.Trim(), location.Latitude, location.Longitude);
        enterprise.Apply(details);
        return enterprise;
    }

    /// <summary>Changes the registry details (not the credit code, which identifies the enterprise).</summary>
    public void UpdateDetails(EnterpriseDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (UnifiedSocialCreditCode.Parse(details.CreditCode).Value != CreditCode)
        {
            throw new DomainException("enterprise-credit-code-immutable", "统一社会信用代码不能修改。");
        }

        Name = details.Name.Trim();
        Address = details.Address.Trim();
        Apply(details);
    }

    /// <summary>A bureau officer has checked the registration (审核通过), or lifts a suspension.</summary>
    public void Verify()
    {
        if (Status != EnterpriseStatus.Pending && Status != EnterpriseStatus.Suspended)
        {
            throw new DomainException("enterprise-not-pending", "只有待审核或已暂停的企业可以审核通过。");
        }

        Status = EnterpriseStatus.Verified;
        RejectionReason = null;
        SuspensionReason = null;
    }

    /// <summary>A bureau officer refuses the registration (驳回) with a reason the enterprise sees.</summary>
    public void Reject(string reason)
    {
        if (Status != EnterpriseStatus.Pending)
        {
            throw new DomainException("enterprise-not-pending", "只有待审核的企业可以驳回。");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("enterprise-rejection-reason-required", "驳回企业注册必须填写原因。");
        }

        Status = EnterpriseStatus.Rejected;
        RejectionReason = reason.Trim();
    }

    /// <summary>
    /// The bureau suspends a verified enterprise (暂停) with a reason the enterprise sees: its
    /// vacancies can no longer be published and it can record no hires until reinstated.
    /// </summary>
    public void Suspend(string reason)
    {
        if (Status != EnterpriseStatus.Verified)
        {
            throw new DomainException("enterprise-not-verified", "只有已认证的企业可以暂停。");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("enterprise-suspension-reason-required", "暂停企业必须填写原因。");
        }

        Status = EnterpriseStatus.Suspended;
        SuspensionReason = reason.Trim();
    }

    /// <summary>The bureau lifts a suspension (恢复): the enterprise is verified again.</summary>
    public void Reinstate()
    {
        if (Status != EnterpriseStatus.Suspended)
        {
            throw new DomainException("enterprise-not-suspended", "只有已暂停的企业可以恢复。");
        }

        Status = EnterpriseStatus.Verified;
        SuspensionReason = null;
    }

    /// <summary>Throws unless the enterprise is verified: only verified enterprises may publish vacancies.</summary>
    public void EnsureMayPublish()
    {
        if (Status != EnterpriseStatus.Verified)
        {
            throw new DomainException("enterprise-not-verified", "企业尚未通过认证（或已被暂停），不能发布岗位。");
        }
    }

    private void Apply(EnterpriseDetails details)
    {
        if (details.InsuredEmployees > details.TotalEmployees)
        {
            throw new DomainException("enterprise-insured-exceeds-total", "参加失业保险的职工人数不能多于职工总数。");
        }

        LegalRepresentative = details.LegalRepresentative.Trim();
        Industry = details.Industry;
        Size = details.Size;
        TotalEmployees = details.TotalEmployees;
        InsuredEmployees = details.InsuredEmployees;
        ContactName = details.ContactName.Trim();
        ContactPhone = PhoneNumber.Parse(details.ContactPhone).Value;
    }
}

/// <summary>The registry details an enterprise enters at sign-up; validated for shape before.</summary>
public sealed record EnterpriseDetails(
    string CreditCode,
    string Name,
    string LegalRepresentative,
    string Address,
    IndustrySection Industry,
    EnterpriseSize Size,
    int TotalEmployees,
    int InsuredEmployees,
    string ContactName,
    string ContactPhone);

public enum EnterpriseStatus
{
    /// <summary>待审核</summary>
    Pending,

    /// <summary>已认证</summary>
    Verified,

    /// <summary>已暂停</summary>
    Suspended,

    /// <summary>已驳回</summary>
    Rejected,
}

/// <summary>企业规模 (统计上大中小微型企业划分办法).</summary>
public enum EnterpriseSize
{
    /// <summary>大型</summary>
    Large,

    /// <summary>中型</summary>
    Medium,

    /// <summary>小型</summary>
    Small,

    /// <summary>微型</summary>
    Micro,
}
