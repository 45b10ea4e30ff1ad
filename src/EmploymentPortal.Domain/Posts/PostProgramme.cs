using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Posts;

/// <summary>
/// A programme of subsidised posts for one year: public-welfare posts (公益性岗位, 托底安置 of people
/// who cannot find work on the market) or internship posts (就业见习岗位; one internship programme
/// is one cohort). The owner is the unit that develops the posts; the post-subsidy basis is per
/// post and month, in fen.
/// </summary>
public sealed class PostProgramme : AggregateRoot
{
    private PostProgramme()
    {
        Name = string.Empty;
        Owner = string.Empty;
    }

    public PostProgramme(string name, PostKind kind, string owner, int year, int posts, Money monthlySubsidy, int maxDurationMonths, Guid? hostEnterpriseId = null)
    {
        if (posts < 1 || maxDurationMonths < 1 || monthlySubsidy.IsNegative)
        {
            throw new DomainException("post-programme-invalid", "岗位数量和最长期限应至少为 1，补贴标准不能为负数。");
        }

        Name = name.Trim();
        Kind = kind;
        Owner = owner.Trim();
        Year = year;
        Posts = posts;
        MonthlySubsidy = monthlySubsidy;
        MaxDurationMonths = maxDurationMonths;
        HostEnterpriseId = hostEnterpriseId;
    }

    public string Name { get; private set; }

    public PostKind Kind { get; private set; }

    /// <summary>The unit that develops the posts (开发单位/见习单位).</summary>
    public string Owner { get; private set; }

    /// <summary>The year the posts are developed for.</summary>
    public int Year { get; private set; }

    /// <summary>Number of posts (岗位数).</summary>
    public int Posts { get; private set; }

    /// <summary>Monthly post-subsidy basis per post (岗位补贴标准).</summary>
    public Money MonthlySubsidy { get; private set; }

    /// <summary>Longest placement without an extension, months.</summary>
    public int MaxDurationMonths { get; private set; }

    /// <summary>
    /// The registered enterprise that hosts the posts, when the owner is one (a 见习单位 or an
    /// operating entity developing public-welfare posts, 002 三(二)): it claims the unit's monthly
    /// subsidies of these placements itself. Null for an owner outside the portal (a street office).
    /// </summary>
    public Guid? HostEnterpriseId { get; private set; }
}

public enum PostKind
{
    /// <summary>公益性岗位</summary>
    PublicWelfare,

    /// <summary>就业见习岗位</summary>
    Internship,
}
