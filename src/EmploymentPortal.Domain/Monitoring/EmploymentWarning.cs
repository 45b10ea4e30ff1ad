using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Monitoring;

/// <summary>
/// An early warning (预警) a rule raised for one subject (an enterprise, a sector, a district) and
/// month, with the figures behind it. Raised once per kind, subject and month (a unique index): a
/// later evaluation of the same month finds it and does not raise it again. An officer
/// acknowledges it with a note (已知悉); the audit log keeps who and when.
/// </summary>
public sealed class EmploymentWarning : AggregateRoot
{
    public const int MaxNoteLength = 500;

    private EmploymentWarning()
    {
        SubjectKey = string.Empty;
        SubjectName = string.Empty;
        Figures = string.Empty;
        Threshold = string.Empty;
        Basis = string.Empty;
    }

    public EmploymentWarning(WarningFinding finding, WarningThreshold threshold, DateTimeOffset raisedAt)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(threshold);
        Kind = finding.Kind;
        SubjectKey = finding.SubjectKey;
        SubjectName = finding.SubjectName;
        Month = finding.Month;
        Before = finding.Before;
        After = finding.After;
        Change = finding.Change;
        ChangePercent = finding.ChangePercent;
        Figures = finding.Figures;
        Threshold = threshold.Describe();
        Basis = threshold.Basis;
        RaisedAt = raisedAt;
    }

    public WarningKind Kind { get; private set; }

    /// <summary>The subject as a key: <c>enterprise:&lt;id&gt;</c>, <c>sector:&lt;GB/T 4754 section&gt;</c>, <c>district:&lt;code&gt;</c>.</summary>
    public string SubjectKey { get; private set; }

    /// <summary>The subject's name when raised (enterprise, sector or district name).</summary>
    public string SubjectName { get; private set; }

    /// <summary>The first day of the month the figures are for.</summary>
    public DateOnly Month { get; private set; }

    /// <summary>The figure the change is measured from (start-of-month headcount, the 3-month average …).</summary>
    public decimal Before { get; private set; }

    /// <summary>The figure at the month's end.</summary>
    public decimal After { get; private set; }

    /// <summary>The change that crossed the threshold: people lost, or more registered unemployed.</summary>
    public decimal Change { get; private set; }

    /// <summary>The change as a share of <see cref="Before"/>, in percent; null when it has no base.</summary>
    public decimal? ChangePercent { get; private set; }

    /// <summary>The figures behind the warning in words (Chinese).</summary>
    public string Figures { get; private set; }

    /// <summary>The threshold that was crossed, as configured when raised.</summary>
    public string Threshold { get; private set; }

    /// <summary>The threshold's basis when raised.</summary>
    public string Basis { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    public string? AcknowledgedBy { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public string? AcknowledgementNote { get; private set; }

    public bool IsOpen => AcknowledgedAt is null;

    /// <summary>Acknowledges the warning with a note on what is being done (已知悉并处理).</summary>
    /// <exception cref="DomainException"><c>monitoring-warning-acknowledged</c> once acknowledged; <c>monitoring-warning-note</c> without a note.</exception>
    public void Acknowledge(string note, string acknowledgedBy, DateTimeOffset acknowledgedAt)
    {
        if (!IsOpen)
        {
            throw new DomainException("monitoring-warning-acknowledged", $"该预警已由 {AcknowledgedBy} 确认。");
        }

        var text = (note ?? string.Empty).Trim();
        if (text.Length is 0 or > MaxNoteLength)
        {
            throw new DomainException("monitoring-warning-note", $"请填写处理说明（不超过 {MaxNoteLength} 个字符）。");
        }

        AcknowledgedBy = acknowledgedBy;
        AcknowledgedAt = acknowledgedAt;
        AcknowledgementNote = text;
    }
}
