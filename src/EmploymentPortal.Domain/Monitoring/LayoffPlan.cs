using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Monitoring;

/// <summary>
/// An enterprise's plan of economic layoffs (经济性裁员方案): how many people, when, why, the
/// placement scheme for the staff (职工安置方案) and the day the union or all staff were told.
/// Nanhe 邢南政发〔2020〕1号 (五): 对拟进行经济性裁员的企业，指导其依法依规制定和实施职工安置方案，
/// 提前30日向工会或全体职工说明相关情况 — the notice the Labour Contract Law (劳动合同法) art. 41
/// requires in general; the portal holds the enterprise to it by date.
/// </summary>
public sealed class LayoffPlan : AggregateRoot
{
    /// <summary>提前30日: the notice must be given at least this many days before the planned date.</summary>
    public const int NoticeDays = 30;

    public const int MaxReasonsLength = 1000;

    public const int MaxSchemeLength = 4000;

    private LayoffPlan()
    {
        Reasons = string.Empty;
        PlacementScheme = string.Empty;
        RecordedBy = string.Empty;
    }

    /// <exception cref="DomainException"><c>layoff-plan-people</c>, <c>layoff-plan-notice</c>, <c>layoff-plan-text</c>.</exception>
    public LayoffPlan(Guid enterpriseId, int people, DateOnly plannedDate, string reasons, string placementScheme, DateOnly noticeDate, string recordedBy, DateTimeOffset recordedAt)
    {
        if (people < 1)
        {
            throw new DomainException("layoff-plan-people", "拟裁减人数应至少为 1 人。");
        }

        if (!GivesNotice(noticeDate, plannedDate))
        {
            throw new DomainException("layoff-plan-notice", $"应提前 {NoticeDays} 日向工会或全体职工说明情况：说明日期最晚为 {plannedDate.AddDays(-NoticeDays):yyyy-MM-dd}（邢南政发〔2020〕1号（五）；《劳动合同法》第四十一条）。");
        }

        var why = (reasons ?? string.Empty).Trim();
        var scheme = (placementScheme ?? string.Empty).Trim();
        if (why.Length is 0 or > MaxReasonsLength || scheme.Length is 0 or > MaxSchemeLength)
        {
            throw new DomainException("layoff-plan-text", "请填写裁员原因和职工安置方案。");
        }

        EnterpriseId = enterpriseId;
        People = people;
        PlannedDate = plannedDate;
        Reasons = why;
        PlacementScheme = scheme;
        NoticeDate = noticeDate;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public Guid EnterpriseId { get; private set; }

    /// <summary>拟裁减人数.</summary>
    public int People { get; private set; }

    /// <summary>计划实施日期.</summary>
    public DateOnly PlannedDate { get; private set; }

    /// <summary>裁员原因.</summary>
    public string Reasons { get; private set; }

    /// <summary>职工安置方案 (the text).</summary>
    public string PlacementScheme { get; private set; }

    /// <summary>向工会或全体职工说明情况的日期.</summary>
    public DateOnly NoticeDate { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>True when <paramref name="noticeDate"/> is at least <see cref="NoticeDays"/> days before <paramref name="plannedDate"/> (day 30 before is enough).</summary>
    public static bool GivesNotice(DateOnly noticeDate, DateOnly plannedDate) => noticeDate.AddDays(NoticeDays) <= plannedDate;
}
