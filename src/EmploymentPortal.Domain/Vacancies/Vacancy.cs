using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Vacancies;

/// <summary>
/// A job vacancy (岗位) posted by a verified enterprise. The bureau reviews it before it is
/// published city-wide (岗位审核, “一点发布、全市共享”); a rejection carries a reason the enterprise
/// sees; editing a published vacancy sends it back to review; it closes when filled or expires
/// after its valid-until date.
/// </summary>
public sealed class Vacancy : AggregateRoot
{
    private Vacancy()
    {
        Title = string.Empty;
        Occupation = string.Empty;
        Address = string.Empty;
        Requirements = string.Empty;
    }

    private Vacancy(Guid enterpriseId)
        : this()
    {
        EnterpriseId = enterpriseId;
        Status = VacancyStatus.Draft;
    }

    public Guid EnterpriseId { get; private set; }

    public string Title { get; private set; }

    /// <summary>职业大类.</summary>
    public OccupationGroup OccupationGroup { get; private set; }

    /// <summary>The occupation in the enterprise's words (e.g. 数控车工).</summary>
    public string Occupation { get; private set; }

    /// <summary>招聘人数.</summary>
    public int Openings { get; private set; }

    /// <summary>月薪下限.</summary>
    public Money WageMin { get; private set; }

    /// <summary>月薪上限.</summary>
    public Money WageMax { get; private set; }

    public WorkType WorkType { get; private set; }

    /// <summary>The community of the work location (the district filter of the job board follows it).</summary>
    public Guid CommunityId { get; private set; }

    /// <summary>工作地点.</summary>
    public string Address { get; private set; }

    public double Latitude { get; private set; }

    public double Longitude { get; private set; }

    /// <summary>The <see cref="GeoGrid"/> cell of the work location, kept with the coordinates (radius search).</summary>
    public long GeoCell { get; private set; }

    /// <summary>岗位要求.</summary>
    public string Requirements { get; private set; }

    /// <summary>接受残疾人.</summary>
    public bool AcceptsDisabled { get; private set; }

    /// <summary>接受大龄劳动者.</summary>
    public bool AcceptsOlderWorkers { get; private set; }

    /// <summary>无经验可.</summary>
    public bool NoExperienceRequired { get; private set; }

    /// <summary>有效期至 (inclusive).</summary>
    public DateOnly ValidUntil { get; private set; }

    public VacancyStatus Status { get; private set; }

    /// <summary>The bureau's reason for the last rejection (驳回原因), shown to the enterprise.</summary>
    public string? RejectionReason { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public GeoPoint Location => GeoPoint.Create(Latitude, Longitude);

    /// <summary>True when the public job board shows the vacancy on <paramref name="today"/>.</summary>
    public bool IsOnBoard(DateOnly today) => Status == VacancyStatus.Published && ValidUntil >= today;

    /// <summary>A new draft of <paramref name="enterprise"/>. Any enterprise may draft; only a verified one may submit.</summary>
    public static Vacancy Draft(Enterprise enterprise, VacancyDetails details, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(enterprise);
        var vacancy = new Vacancy(enterprise.Id);
        vacancy.Apply(details, today);
        return vacancy;
    }

    /// <summary>
    /// Changes the vacancy. A published vacancy goes back to review (待审核): the public board must
    /// only show what the bureau checked. Closed and expired vacancies cannot be changed.
    /// </summary>
    public void Edit(VacancyDetails details, DateOnly today)
    {
        if (Status is VacancyStatus.Closed or VacancyStatus.Expired)
        {
            throw new DomainException("vacancy-closed", "已关闭或已过期的岗位不能修改。");
        }

        Apply(details, today);
        if (Status == VacancyStatus.Published)
        {
            Status = VacancyStatus.PendingReview;
            PublishedAt = null;
        }
    }

    /// <summary>The enterprise submits a draft or a rejected vacancy for review (提交审核).</summary>
    public void Submit(Enterprise enterprise, DateOnly today)
    {
        EnsureOwnedBy(enterprise);
        if (Status is not (VacancyStatus.Draft or VacancyStatus.Rejected))
        {
            throw new DomainException("vacancy-not-draft", "只有草稿或被驳回的岗位可以提交审核。");
        }

        enterprise.EnsureMayPublish();
        EnsureNotPastValidity(today);
        Status = VacancyStatus.PendingReview;
    }

    /// <summary>A bureau officer approves the vacancy (审核通过) and it is published.</summary>
    public void Approve(Enterprise enterprise, DateOnly today, DateTimeOffset now)
    {
        EnsureOwnedBy(enterprise);
        if (Status != VacancyStatus.PendingReview)
        {
            throw new DomainException("vacancy-not-pending", "只有待审核的岗位可以审核。");
        }

        enterprise.EnsureMayPublish();
        EnsureNotPastValidity(today);
        Status = VacancyStatus.Published;
        RejectionReason = null;
        PublishedAt = now;
    }

    /// <summary>A bureau officer rejects the vacancy (驳回) with a reason the enterprise sees.</summary>
    public void Reject(string reason)
    {
        if (Status != VacancyStatus.PendingReview)
        {
            throw new DomainException("vacancy-not-pending", "只有待审核的岗位可以审核。");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("vacancy-rejection-reason-required", "驳回岗位必须填写原因，企业会看到该原因。");
        }

        Status = VacancyStatus.Rejected;
        RejectionReason = reason.Trim();
    }

    /// <summary>The enterprise closes the vacancy (filled or withdrawn, 关闭).</summary>
    public void Close()
    {
        if (Status is VacancyStatus.Closed or VacancyStatus.Expired)
        {
            throw new DomainException("vacancy-closed", "岗位已关闭或已过期。");
        }

        Status = VacancyStatus.Closed;
    }

    /// <summary>The scheduled job marks a published vacancy past its valid-until date as expired.</summary>
    /// <returns>True when the vacancy expired now.</returns>
    public bool ExpireIfPast(DateOnly today)
    {
        if (Status != VacancyStatus.Published || ValidUntil >= today)
        {
            return false;
        }

        Status = VacancyStatus.Expired;
        return true;
    }

    private void EnsureOwnedBy(Enterprise enterprise)
    {
        ArgumentNullException.ThrowIfNull(enterprise);
        if (enterprise.Id != EnterpriseId)
        {
            throw new InvalidOperationException("The vacancy belongs to another enterprise.");
        }
    }

    private void EnsureNotPastValidity(DateOnly today)
    {
        if (ValidUntil < today)
        {
            throw new DomainException("vacancy-valid-until-past", "岗位有效期已过，请修改有效期后再提交。");
        }
    }

    private void Apply(VacancyDetails details, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (details.Openings < 1)
        {
            throw new DomainException("vacancy-openings", "招聘人数至少为1人。");
        }

        if (details.WageMax < details.WageMin)
        {
            throw new DomainException("vacancy-wage-range", "薪资上限不能低于下限。");
        }

        if (details.ValidUntil < today)
        {
            throw new DomainException("vacancy-valid-until-past", "有效期不能早于今天。");
        }

        Title = details.Title.Trim();
        OccupationGroup = details.OccupationGroup;
        Occupation = details.Occupation.Trim();
        Openings = details.Openings;
        WageMin = details.WageMin;
        WageMax = details.WageMax;
        WorkType = details.WorkType;
        CommunityId = details.CommunityId;
        Address = details.Address.Trim();
        Latitude = details.Location.Latitude;
        Longitude = details.Location.Longitude;
        GeoCell = GeoGrid.CellOf(details.Location);
        Requirements = details.Requirements.Trim();
        AcceptsDisabled = details.AcceptsDisabled;
        AcceptsOlderWorkers = details.AcceptsOlderWorkers;
        NoExperienceRequired = details.NoExperienceRequired;
        ValidUntil = details.ValidUntil;
    }
}

/// <summary>What the enterprise enters for a vacancy; validated for shape before it gets here.</summary>
public sealed record VacancyDetails(
    string Title,
    OccupationGroup OccupationGroup,
    string Occupation,
    int Openings,
    Money WageMin,
    Money WageMax,
    WorkType WorkType,
    Guid CommunityId,
    string Address,
    GeoPoint Location,
    string Requirements,
    bool AcceptsDisabled,
    bool AcceptsOlderWorkers,
    bool NoExperienceRequired,
    DateOnly ValidUntil);

public enum VacancyStatus
{
    /// <summary>草稿</summary>
    Draft,

    /// <summary>待审核</summary>
    PendingReview,

    /// <summary>已发布</summary>
    Published,

    /// <summary>已驳回</summary>
    Rejected,

    /// <summary>已关闭</summary>
    Closed,

    /// <summary>已过期</summary>
    Expired,
}

/// <summary>用工形式.</summary>
public enum WorkType
{
    /// <summary>全职</summary>
    FullTime,

    /// <summary>兼职</summary>
    PartTime,

    /// <summary>灵活用工</summary>
    Flexible,

    /// <summary>季节性</summary>
    Seasonal,
}
