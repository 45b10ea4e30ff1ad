using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Training;

/// <summary>
/// A training class (培训班) of a designated institution: one occupation at one level, a kind,
/// planned hours, dates, place and capacity. The bureau approves it before it starts (开班审批);
/// residents are enrolled only in an approved class; attendance is recorded per session; a
/// trainee completes (结业) with enough attended hours (<see cref="TrainingRules.MinimumAttendancePercent"/>),
/// and then an assessment result and a certificate are recorded. The class is the aggregate: its
/// version guards the capacity against two enrolments at the same moment.
/// </summary>
public sealed class TrainingClass : AggregateRoot
{
    public const int MaxNameLength = 100;
    public const int MaxPlaceLength = 200;
    public const int MaxPlannedHours = 2000;
    public const int MaxCapacity = 500;

    /// <summary>A session is at most a day's training.</summary>
    public const decimal MaxSessionHours = 12m;

    private readonly List<Enrolment> _enrolments = [];

    private TrainingClass()
    {
        Name = string.Empty;
        Occupation = string.Empty;
        Place = string.Empty;
        CreatedBy = string.Empty;
    }

    private TrainingClass(Guid institutionId, TrainingClassDetails details, string createdBy)
    {
        InstitutionId = institutionId;
        Name = details.Name.Trim();
        Occupation = details.Occupation.Trim();
        Level = details.Level;
        Kind = details.Kind;
        PlannedHours = details.PlannedHours;
        StartDate = details.StartDate;
        EndDate = details.EndDate;
        Place = details.Place.Trim();
        Capacity = details.Capacity;
        Status = TrainingClassStatus.Draft;
        CreatedBy = createdBy;
    }

    public Guid InstitutionId { get; private set; }

    /// <summary>班级名称.</summary>
    public string Name { get; private set; }

    /// <summary>培训职业 (工种).</summary>
    public string Occupation { get; private set; }

    public SkillLevel Level { get; private set; }

    public TrainingKind Kind { get; private set; }

    /// <summary>计划课时 (hours).</summary>
    public int PlannedHours { get; private set; }

    /// <summary>开班日期.</summary>
    public DateOnly StartDate { get; private set; }

    /// <summary>结班日期.</summary>
    public DateOnly EndDate { get; private set; }

    /// <summary>培训地点.</summary>
    public string Place { get; private set; }

    /// <summary>计划人数.</summary>
    public int Capacity { get; private set; }

    public TrainingClassStatus Status { get; private set; }

    public string CreatedBy { get; private set; }

    /// <summary>The China date the bureau approved the class.</summary>
    public DateOnly? ApprovedOn { get; private set; }

    public string? ApprovedBy { get; private set; }

    public DateOnly? FinishedOn { get; private set; }

    public IReadOnlyList<Enrolment> Enrolments => _enrolments;

    /// <summary>Trainees counted against the capacity (not those who did not complete a finished class: they were enrolled).</summary>
    public int Enrolled => _enrolments.Count;

    /// <summary>
    /// An institution plans a class (草稿). The institution must be designated for the occupation
    /// and level, and its designation must hold over the whole class.
    /// </summary>
    /// <exception cref="DomainException">Dates, hours or capacity out of range, or outside the designation.</exception>
    public static TrainingClass Plan(TrainingInstitution institution, TrainingClassDetails details, string createdBy)
    {
        ArgumentNullException.ThrowIfNull(institution);
        ArgumentNullException.ThrowIfNull(details);
        Check(details);
        if (!institution.MayTrain(details.Occupation, details.Level))
        {
            throw new DomainException("training-class-outside-scope", "该机构未被认定培训这一职业（等级）。");
        }

        if (!institution.IsDesignatedOn(details.StartDate) || !institution.IsDesignatedOn(details.EndDate))
        {
            throw new DomainException("training-class-outside-designation", $"培训期间应在机构的认定有效期内（{institution.DesignatedOn:yyyy-MM-dd} 至 {institution.DesignationExpiresOn:yyyy-MM-dd}）。");
        }

        return new TrainingClass(institution.Id, details, createdBy);
    }

    /// <summary>The bureau approves the class (开班审批), at the latest on its first day.</summary>
    /// <exception cref="DomainException">Not a draft, or the class has started already.</exception>
    public void Approve(string officer, DateOnly today)
    {
        if (Status != TrainingClassStatus.Draft)
        {
            throw new DomainException("training-class-not-draft", "只有草稿状态的培训班可以审批。");
        }

        if (today > StartDate)
        {
            throw new DomainException("training-class-started", $"培训班已于 {StartDate:yyyy-MM-dd} 开班，开班审批须在开班前（最迟开班当日）完成。");
        }

        Status = TrainingClassStatus.Approved;
        ApprovedOn = today;
        ApprovedBy = officer;
    }

    /// <summary>
    /// Enrols a resident (报名). <paramref name="history"/> is the resident's enrolments in other
    /// classes, for the per-year and per-level limits of <paramref name="rules"/>.
    /// </summary>
    /// <exception cref="DomainException">The class is not approved, has ended, is full; the resident is enrolled already or hits a limit.</exception>
    public Enrolment Enrol(Guid residentId, IReadOnlyCollection<PriorEnrolment> history, TrainingRules rules, EnrolmentRecorder recorder, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(recorder);
        if (Status != TrainingClassStatus.Approved)
        {
            throw new DomainException("training-class-not-approved", "培训班尚未经人社局审批（或已结班），不能报名。");
        }

        if (today > EndDate)
        {
            throw new DomainException("training-class-ended", "培训班已结束，不能报名。");
        }

        if (_enrolments.Any(e => e.ResidentId == residentId))
        {
            throw new DomainException("training-enrolment-duplicate", "该居民已报名这个培训班。");
        }

        if (_enrolments.Count >= Capacity)
        {
            throw new DomainException("training-class-full", $"培训班已满（计划 {Capacity} 人）。");
        }

        var counted = history.Where(h => h.ClassId != Id && h.Status != EnrolmentStatus.NotCompleted).ToList();
        if (counted.Any(h => string.Equals(h.Occupation, Occupation, StringComparison.Ordinal) && h.Level == Level))
        {
            throw new DomainException("training-limit-level", "该居民已参加过同一职业同一等级的培训，同一职业同一等级只能参加一次补贴性培训。");
        }

        if (counted.Count(h => h.StartDate.Year == StartDate.Year) >= rules.EnrolmentsPerYear)
        {
            throw new DomainException("training-limit-year", $"该居民 {StartDate.Year} 年已参加 {rules.EnrolmentsPerYear} 次补贴性培训，每人每年最多 {rules.EnrolmentsPerYear} 次。");
        }

        var enrolment = new Enrolment(Id, residentId, recorder);
        _enrolments.Add(enrolment);
        return enrolment;
    }

    /// <summary>Records one session a trainee attended (考勤): a day within the class, not in the future, once a day.</summary>
    /// <exception cref="DomainException">The class is not running, the day or hours are out of range, or the day is recorded already.</exception>
    public TrainingAttendance RecordAttendance(Guid enrolmentId, DateOnly date, decimal hours, string recordedBy, DateOnly today)
    {
        var enrolment = Find(enrolmentId);
        if (Status != TrainingClassStatus.Approved)
        {
            throw new DomainException("training-class-not-approved", "只有已审批、未结班的培训班可以登记考勤。");
        }

        if (enrolment.Status != EnrolmentStatus.Enrolled)
        {
            throw new DomainException("training-enrolment-closed", "该学员已结业，不能再登记考勤。");
        }

        if (date < StartDate || date > EndDate || date > today)
        {
            throw new DomainException("training-attendance-date", $"考勤日期应在培训期间（{StartDate:yyyy-MM-dd} 至 {EndDate:yyyy-MM-dd}）且不晚于今天。");
        }

        if (hours <= 0 || hours > MaxSessionHours || decimal.Round(hours, 1) != hours)
        {
            throw new DomainException("training-attendance-hours", $"每次课时应大于 0、不超过 {MaxSessionHours} 小时（最多一位小数）。");
        }

        return enrolment.Attend(date, hours, recordedBy);
    }

    /// <summary>
    /// A trainee completes the class (结业): only with attended hours reaching
    /// <see cref="TrainingRules.HoursToComplete"/> of the planned hours.
    /// </summary>
    /// <exception cref="DomainException">Not enough hours, not enrolled, or the class is not approved.</exception>
    public void Complete(Guid enrolmentId, TrainingRules rules, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var enrolment = Find(enrolmentId);
        if (Status != TrainingClassStatus.Approved)
        {
            throw new DomainException("training-class-not-approved", "只有已审批、未结班的培训班可以办理结业。");
        }

        if (enrolment.Status != EnrolmentStatus.Enrolled)
        {
            throw new DomainException("training-enrolment-closed", "该学员已结业。");
        }

        var needed = rules.HoursToComplete(PlannedHours);
        if (enrolment.AttendedHours < needed)
        {
            throw new DomainException("training-hours-short", $"出勤 {enrolment.AttendedHours:0.#} 学时，未达到结业要求的 {needed} 学时（计划 {PlannedHours} 学时的 {rules.MinimumAttendancePercent}%）。");
        }

        enrolment.Complete(today < EndDate ? today : EndDate);
    }

    /// <summary>Records the assessment result (考核结果) of a trainee who completed the class.</summary>
    public void RecordAssessment(Guid enrolmentId, AssessmentResult result, DateOnly assessedOn, DateOnly today)
    {
        var enrolment = Find(enrolmentId);
        if (enrolment.Status != EnrolmentStatus.Completed)
        {
            throw new DomainException("training-not-completed", "学员结业后才能登记考核结果。");
        }

        if (assessedOn < enrolment.CompletedOn!.Value.AddDays(-30) || assessedOn > today)
        {
            throw new DomainException("training-assessment-date", "考核日期应不早于结业前 30 天、不晚于今天。");
        }

        if (enrolment.Certificate is not null && result == AssessmentResult.Failed)
        {
            throw new DomainException("training-certificate-recorded", "已登记证书的学员不能登记为考核不合格。");
        }

        enrolment.Assess(result, assessedOn);
    }

    /// <summary>
    /// Records the certificate (证书) a trainee obtained: after completion and a passed assessment,
    /// issued not before the class started and not in the future. The number is unique across the
    /// portal (a unique index; this class checks its own trainees).
    /// </summary>
    public void RecordCertificate(Guid enrolmentId, TrainingCertificate certificate, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var enrolment = Find(enrolmentId);
        if (enrolment.Status != EnrolmentStatus.Completed || enrolment.Assessment != AssessmentResult.Passed)
        {
            throw new DomainException("training-not-passed", "学员结业且考核合格后才能登记证书。");
        }

        if (enrolment.Certificate is not null)
        {
            throw new DomainException("training-certificate-recorded", "该学员的证书已登记。");
        }

        var number = certificate.Number.Trim();
        if (number.Length is 0 or > TrainingCertificate.MaxNumberLength || certificate.IssuingBody.Trim().Length is 0 or > TrainingCertificate.MaxIssuingBodyLength)
        {
            throw new DomainException("training-certificate-fields", "请填写证书编号和发证机构。");
        }

        if (certificate.IssuedOn < StartDate || certificate.IssuedOn > today)
        {
            throw new DomainException("training-certificate-date", "发证日期应不早于开班日期、不晚于今天。");
        }

        if (_enrolments.Any(e => e.Certificate is { } c && string.Equals(c.Number, number, StringComparison.Ordinal)))
        {
            throw new DomainException(TrainingCertificate.DuplicateNumberCode, "该证书编号已经登记过。");
        }

        enrolment.Certify(certificate with { Number = number, IssuingBody = certificate.IssuingBody.Trim() });
    }

    /// <summary>
    /// The class ends (结班), on or after its last day: trainees who did not complete are marked 未结业.
    /// </summary>
    public void Finish(DateOnly today)
    {
        if (Status != TrainingClassStatus.Approved)
        {
            throw new DomainException("training-class-not-approved", "只有已审批的培训班可以结班。");
        }

        if (today < EndDate)
        {
            throw new DomainException("training-class-not-ended", $"培训班 {EndDate:yyyy-MM-dd} 结束，结束后才能结班。");
        }

        foreach (var enrolment in _enrolments.Where(e => e.Status == EnrolmentStatus.Enrolled))
        {
            enrolment.NotComplete();
        }

        Status = TrainingClassStatus.Finished;
        FinishedOn = today;
    }

    private Enrolment Find(Guid enrolmentId) =>
        _enrolments.FirstOrDefault(e => e.Id == enrolmentId)
        ?? throw new DomainException("training-enrolment-not-found", "该学员不在这个培训班。");

    private static void Check(TrainingClassDetails details)
    {
        if (details.EndDate < details.StartDate)
        {
            throw new DomainException("training-class-dates", "结班日期不能早于开班日期。");
        }

        if (details.PlannedHours is <= 0 or > MaxPlannedHours)
        {
            throw new DomainException("training-class-hours", $"计划课时应在 1 至 {MaxPlannedHours} 之间。");
        }

        if (details.Capacity is <= 0 or > MaxCapacity)
        {
            throw new DomainException("training-class-capacity", $"计划人数应在 1 至 {MaxCapacity} 之间。");
        }
    }
}

/// <summary>What an institution enters for a class; shape validated before.</summary>
public sealed record TrainingClassDetails(
    string Name,
    string Occupation,
    SkillLevel Level,
    TrainingKind Kind,
    int PlannedHours,
    DateOnly StartDate,
    DateOnly EndDate,
    string Place,
    int Capacity);

/// <summary>Who enrols, and when.</summary>
public sealed record EnrolmentRecorder(string UserName, DateTimeOffset At);

/// <summary>One of a resident's enrolments in another class, for the limits.</summary>
public sealed record PriorEnrolment(Guid ClassId, string Occupation, SkillLevel Level, DateOnly StartDate, EnrolmentStatus Status);
