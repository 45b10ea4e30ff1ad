using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Monitoring;

/// <summary>
/// An enterprise the bureau designates for employment monitoring (重点企业用工监测): from
/// <see cref="Since"/> it reports its headcount, hires and separations every month
/// (Yingkou 2024 (三十四): 每月对用人单位的用工总量、新增录用、减员人数及其原因等数据进行实时监控;
/// Nanhe 邢南政发〔2020〕1号 (三十二): 重点企业就业监测). A designation ends on <see cref="Until"/>;
/// designating the enterprise again later is a new record, so the history of who was monitored
/// when stays.
/// </summary>
public sealed class MonitoredEnterprise : AggregateRoot
{
    public const int MaxReasonLength = 500;

    private MonitoredEnterprise()
    {
        Reason = string.Empty;
        DesignatedBy = string.Empty;
    }

    /// <exception cref="DomainException"><c>monitoring-reason</c> without a reason; <c>monitoring-dates</c> when it would end before it starts.</exception>
    public MonitoredEnterprise(Guid enterpriseId, DateOnly since, string reason, DateOnly? until, string designatedBy, DateTimeOffset designatedAt)
    {
        var text = (reason ?? string.Empty).Trim();
        if (text.Length is 0 or > MaxReasonLength)
        {
            throw new DomainException("monitoring-reason", $"请填写列为重点监测企业的原因（不超过 {MaxReasonLength} 个字符）。");
        }

        if (until is { } end && end < since)
        {
            throw new DomainException("monitoring-dates", "监测截止日期不能早于开始日期。");
        }

        EnterpriseId = enterpriseId;
        Since = since;
        Reason = text;
        Until = until;
        DesignatedBy = designatedBy;
        DesignatedAt = designatedAt;
    }

    public Guid EnterpriseId { get; private set; }

    /// <summary>The first day of monitoring: the enterprise reports from this day's month.</summary>
    public DateOnly Since { get; private set; }

    /// <summary>Why the bureau monitors it (用工规模较大、生产经营困难 …).</summary>
    public string Reason { get; private set; }

    /// <summary>The last day of monitoring; null while it lasts.</summary>
    public DateOnly? Until { get; private set; }

    public string DesignatedBy { get; private set; }

    public DateTimeOffset DesignatedAt { get; private set; }

    /// <summary>Who ended the designation, and why (null while it lasts or when it was set to end from the start).</summary>
    public string? EndedBy { get; private set; }

    public string? EndReason { get; private set; }

    /// <summary>True when monitoring covers <paramref name="day"/>.</summary>
    public bool IsActiveOn(DateOnly day) => day >= Since && (Until is null || day <= Until);

    /// <summary>
    /// True when the enterprise owes a report for <paramref name="month"/> (its first day): the
    /// designation covers some day of that month.
    /// </summary>
    public bool CoversMonth(DateOnly month)
    {
        var first = PortalCalendar.MonthOf(month);
        var last = first.AddMonths(1).AddDays(-1);
        return Since <= last && (Until is null || Until >= first);
    }

    /// <summary>Ends monitoring on <paramref name="lastDay"/> (取消重点监测).</summary>
    /// <exception cref="DomainException"><c>monitoring-ended</c> when it has ended already; <c>monitoring-dates</c> before it started.</exception>
    public void End(DateOnly lastDay, string reason, string endedBy)
    {
        if (EndedBy is not null)
        {
            throw new DomainException("monitoring-ended", "该企业的重点监测已经取消。");
        }

        if (lastDay < Since)
        {
            throw new DomainException("monitoring-dates", "监测截止日期不能早于开始日期。");
        }

        var text = (reason ?? string.Empty).Trim();
        if (text.Length is 0 or > MaxReasonLength)
        {
            throw new DomainException("monitoring-reason", $"请填写取消重点监测的原因（不超过 {MaxReasonLength} 个字符）。");
        }

        Until = lastDay;
        EndedBy = endedBy;
        EndReason = text;
    }
}
