namespace EmploymentPortal.Domain.Training;

/// <summary>
/// The bureau's parameters of subsidised training. None of the five policy documents states
/// them (docs/training.md, "What the documents say"): Nanhe (十七) and (十八) and Jieshou 三、(三)
/// grant training subsidies "按规定" without a per-person limit, an attendance share or an
/// employment window; the only "once" of training in the documents is Jieshou's
/// 一次性留工培训补助, "同一企业只能享受一次" (an enterprise, not a trainee). They are therefore
/// named bureau parameters with these defaults, set in configuration (section <c>Training</c>).
/// </summary>
/// <param name="MinimumAttendancePercent">
/// 结业 needs attended hours of at least this share of the class's planned hours (出勤率), in
/// percent; default 80.
/// </param>
/// <param name="EmploymentWindowMonths">
/// A graduate counts as employed after training (培训后就业) when hired within this many months
/// of completion; default 6.
/// </param>
/// <param name="EnrolmentsPerYear">
/// At most this many subsidised enrolments of one resident in classes starting in one calendar
/// year (每人每年); default 1. Besides it, one resident trains in one occupation at one level once
/// (同一职业同一等级一次).
/// </param>
public sealed record TrainingRules(int MinimumAttendancePercent = 80, int EmploymentWindowMonths = 6, int EnrolmentsPerYear = 1)
{
    public static TrainingRules Default { get; } = new();

    /// <summary>The attended hours that complete a class of <paramref name="plannedHours"/>, rounded up.</summary>
    public int HoursToComplete(int plannedHours) => ((plannedHours * MinimumAttendancePercent) + 99) / Percent;

    private const int Percent = 100;
}
