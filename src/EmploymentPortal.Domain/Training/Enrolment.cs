using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Training;

/// <summary>A resident enrolled in a training class (学员), with attendance, completion, assessment and certificate.</summary>
public sealed class Enrolment : Entity
{
    private readonly List<TrainingAttendance> _attendance = [];

    private Enrolment()
    {
        EnrolledBy = string.Empty;
    }

    internal Enrolment(Guid classId, Guid residentId, EnrolmentRecorder recorder)
    {
        ClassId = classId;
        ResidentId = residentId;
        EnrolledBy = recorder.UserName;
        EnrolledAt = recorder.At;
        Status = EnrolmentStatus.Enrolled;
    }

    public Guid ClassId { get; private set; }

    public Guid ResidentId { get; private set; }

    public string EnrolledBy { get; private set; }

    public DateTimeOffset EnrolledAt { get; private set; }

    public EnrolmentStatus Status { get; private set; }

    /// <summary>结业日期.</summary>
    public DateOnly? CompletedOn { get; private set; }

    public AssessmentResult? Assessment { get; private set; }

    public DateOnly? AssessedOn { get; private set; }

    public TrainingCertificate? Certificate { get; private set; }

    public IReadOnlyList<TrainingAttendance> Attendance => _attendance;

    public decimal AttendedHours => _attendance.Sum(a => a.Hours);

    internal TrainingAttendance Attend(DateOnly date, decimal hours, string recordedBy)
    {
        if (_attendance.Any(a => a.Date == date))
        {
            throw new DomainException("training-attendance-duplicate", $"{date:yyyy-MM-dd} 的考勤已经登记过。");
        }

        var attendance = new TrainingAttendance(Id, date, hours, recordedBy);
        _attendance.Add(attendance);
        return attendance;
    }

    internal void Complete(DateOnly on)
    {
        Status = EnrolmentStatus.Completed;
        CompletedOn = on;
    }

    internal void NotComplete() => Status = EnrolmentStatus.NotCompleted;

    internal void Assess(AssessmentResult result, DateOnly on)
    {
        Assessment = result;
        AssessedOn = on;
    }

    internal void Certify(TrainingCertificate certificate) => Certificate = certificate;
}

/// <summary>One session a trainee attended (考勤): the day and the hours.</summary>
public sealed class TrainingAttendance : Entity
{
    private TrainingAttendance()
    {
        RecordedBy = string.Empty;
    }

    internal TrainingAttendance(Guid enrolmentId, DateOnly date, decimal hours, string recordedBy)
    {
        EnrolmentId = enrolmentId;
        Date = date;
        Hours = hours;
        RecordedBy = recordedBy;
    }

    public Guid EnrolmentId { get; private set; }

    public DateOnly Date { get; private set; }

    /// <summary>学时, at most one decimal.</summary>
    public decimal Hours { get; private set; }

    public string RecordedBy { get; private set; }
}

/// <summary>
/// A certificate a trainee obtained (职业技能等级证书 etc.): kind, number, level, issuing body, date.
/// The number is unique across the portal.
/// </summary>
public sealed record TrainingCertificate(CertificateKind Kind, string Number, SkillLevel Level, string IssuingBody, DateOnly IssuedOn)
{
    public const int MaxNumberLength = 50;
    public const int MaxIssuingBodyLength = 100;
    public const string DuplicateNumberCode = "training-certificate-duplicate";
}
