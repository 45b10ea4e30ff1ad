using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Monitoring;

/// <summary>
/// The figures a monitored enterprise reports for one month (用工监测月报): headcount at the month's
/// end (用工总量), hires in the month (新增录用), separations in the month (减员人数) and, of those,
/// economic layoffs (经济性裁员, the reason the documents single out).
/// </summary>
public readonly record struct EmploymentFigures(int Headcount, int Hires, int Separations, int EconomicLayoffs)
{
    /// <summary>The headcount at the start of the month implied by the figures: the end plus those who left, less those who joined.</summary>
    public int StartHeadcount => Headcount + Separations - Hires;

    /// <summary>Net jobs lost in the month (减员 − 新增); negative when the enterprise grew.</summary>
    public int NetReduction => Separations - Hires;

    /// <summary>Checks the figures on their own and against the previous month's headcount, when there is one.</summary>
    /// <exception cref="DomainException"><c>monitoring-report-figures</c> with the rule that failed.</exception>
    public void Check(int? previousHeadcount)
    {
        if (Problem(previousHeadcount) is { } problem)
        {
            throw new DomainException("monitoring-report-figures", problem);
        }
    }

    /// <summary>The rule the figures break (Chinese), or null: what <see cref="Check"/> throws, for a batch that names every row.</summary>
    public string? Problem(int? previousHeadcount)
    {
        if (Headcount < 0 || Hires < 0 || Separations < 0 || EconomicLayoffs < 0)
        {
            return "用工人数、新增录用、减员和裁员人数都不能为负数。";
        }

        if (EconomicLayoffs > Separations)
        {
            return "经济性裁员人数不能多于减员人数。";
        }

        // Those who left in the month were there at its start or joined during it.
        if (previousHeadcount is { } previous && Separations > (long)previous + Hires)
        {
            return $"减员人数（{Separations}）不能多于上月末用工人数（{previous}）与本月新增录用（{Hires}）之和。";
        }

        return null;
    }
}

/// <summary>
/// A monitored enterprise's report for one month (用工监测月报). One per enterprise and month (a
/// unique index); a correction changes the figures in place and records who corrected it and why,
/// and the audit log keeps the figures before and after.
/// </summary>
public sealed class MonthlyEmploymentReport : AggregateRoot
{
    public const int MaxNoteLength = 500;

    private MonthlyEmploymentReport()
    {
        SubmittedBy = string.Empty;
    }

    private MonthlyEmploymentReport(Guid enterpriseId, DateOnly month, EmploymentFigures figures, string submittedBy, DateTimeOffset submittedAt)
    {
        EnterpriseId = enterpriseId;
        Month = month;
        SetFigures(figures);
        SubmittedBy = submittedBy;
        SubmittedAt = submittedAt;
    }

    public Guid EnterpriseId { get; private set; }

    /// <summary>The first day of the month reported.</summary>
    public DateOnly Month { get; private set; }

    /// <summary>用工总量 at the month's end.</summary>
    public int Headcount { get; private set; }

    /// <summary>新增录用 in the month.</summary>
    public int Hires { get; private set; }

    /// <summary>减员 in the month.</summary>
    public int Separations { get; private set; }

    /// <summary>Of the separations, 经济性裁员.</summary>
    public int EconomicLayoffs { get; private set; }

    public string SubmittedBy { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public string? CorrectedBy { get; private set; }

    public DateTimeOffset? CorrectedAt { get; private set; }

    /// <summary>Why the last correction was made (更正原因).</summary>
    public string? CorrectionNote { get; private set; }

    public EmploymentFigures Figures => new(Headcount, Hires, Separations, EconomicLayoffs);

    /// <summary>
    /// Files the report for <paramref name="month"/>. Only for a month the designation covers,
    /// and never for a month that has not ended: the headcount is the one at the month's end.
    /// </summary>
    /// <exception cref="DomainException"><c>monitoring-not-monitored</c>, <c>monitoring-report-month</c>, <c>monitoring-report-figures</c>.</exception>
    public static MonthlyEmploymentReport Submit(MonitoredEnterprise designation, DateOnly month, EmploymentFigures figures, int? previousHeadcount, DateOnly today, string submittedBy, DateTimeOffset submittedAt)
    {
        ArgumentNullException.ThrowIfNull(designation);
        var first = PortalCalendar.MonthOf(month);
        if (!designation.CoversMonth(first))
        {
            throw new DomainException("monitoring-not-monitored", $"本企业在 {first:yyyy年M月} 不是重点监测企业，无需报送该月用工情况。");
        }

        if (first >= PortalCalendar.MonthOf(today))
        {
            throw new DomainException("monitoring-report-month", "只能报送已经结束的月份（月末用工人数要在月末之后才能确定）。");
        }

        figures.Check(previousHeadcount);
        return new MonthlyEmploymentReport(designation.EnterpriseId, first, figures, submittedBy, submittedAt);
    }

    /// <summary>Corrects the figures (更正), with the reason.</summary>
    /// <exception cref="DomainException"><c>monitoring-correction-note</c> without a reason; <c>monitoring-report-figures</c>.</exception>
    public void Correct(EmploymentFigures figures, int? previousHeadcount, string note, string correctedBy, DateTimeOffset correctedAt)
    {
        var text = (note ?? string.Empty).Trim();
        if (text.Length is 0 or > MaxNoteLength)
        {
            throw new DomainException("monitoring-correction-note", $"更正已报送的月报须说明更正原因（不超过 {MaxNoteLength} 个字符）。");
        }

        figures.Check(previousHeadcount);
        SetFigures(figures);
        CorrectedBy = correctedBy;
        CorrectedAt = correctedAt;
        CorrectionNote = text;
    }

    private void SetFigures(EmploymentFigures figures)
    {
        Headcount = figures.Headcount;
        Hires = figures.Hires;
        Separations = figures.Separations;
        EconomicLayoffs = figures.EconomicLayoffs;
    }
}
