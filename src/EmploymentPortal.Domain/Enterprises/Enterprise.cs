using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Enterprises;

/// <summary>
/// An employer registered with the bureau (用人单位). The registry grows with the enterprise
/// issue; the platform needs its identity, location and status so that enterprise users can be
/// scoped to one enterprise.
/// </summary>
public sealed class Enterprise : AggregateRoot
{
    private Enterprise()
    {
        Name = string.Empty;
        CreditCode = string.Empty;
        Address = string.Empty;
    }

    public Enterprise(string creditCode, string name, Guid communityId, string address, double latitude, double longitude)
    {
        CreditCode = creditCode;
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

    /// <summary>The community in which the enterprise is registered.</summary>
    public Guid CommunityId { get; private set; }

    public string Address { get; private set; }

    public double Latitude { get; private set; }

    public double Longitude { get; private set; }

    public EnterpriseStatus Status { get; private set; }

    /// <summary>A bureau officer has checked the registration (审核通过).</summary>
    public void Verify()
    {
        if (Status != EnterpriseStatus.Pending && Status != EnterpriseStatus.Suspended)
        {
            throw new DomainException("enterprise-not-pending", "只有待审核或已暂停的企业可以审核通过。");
        }

        Status = EnterpriseStatus.Verified;
    }
}

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
