using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Training;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Tests.Training;

public class TrainingClassTests
{
    private static readonly DateOnly Start = new(2026, 12, 1);
    private static readonly DateOnly End = new(2026, 12, 5);
    private static readonly EnrolmentRecorder Recorder = new("station1", new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));

    internal static TrainingInstitution Institution(DateOnly? expires = null) =>
        TrainingInstitution.Designate(
            new TrainingInstitutionDetails(
                "91350100M000100Y43",
                " 江州市技工学校 ",
                new DateOnly(2026, 1, 1),
                expires ?? new DateOnly(2028, 12, 31),
                [new OccupationLevel("中式烹调师", SkillLevel.Level5), new OccupationLevel("养老护理员", SkillLevel.Level4)],
                "江州市东城区学府路 1 号",
                "王老师",
                "13800138000"),
            Guid.NewGuid(),
            GeoPoint.Create(30.1, 120.1));

    internal static TrainingClassDetails Details(int hours = 40, int capacity = 2, string occupation = "中式烹调师", SkillLevel level = SkillLevel.Level5, DateOnly? start = null, DateOnly? end = null) =>
        new("中式烹调师初级班", occupation, level, TrainingKind.EmploymentSkills, hours, start ?? Start, end ?? End, "学府路 1 号 302 教室", capacity);

    internal static TrainingClass Approved(int hours = 40, int capacity = 2)
    {
        var @class = TrainingClass.Plan(Institution(), Details(hours, capacity), "inst1");
        @class.Approve("officer1", new DateOnly(2026, 11, 20));
        return @class;
    }

    [Fact]
    public void Designate_KeepsCanonicalCodeAndTrimmedName()
    {
        var institution = Institution();

        Assert.Equal("91350100M000100Y43", institution.CreditCode);
        Assert.Equal("江州市技工学校", institution.Name);
        Assert.True(institution.MayTrain("中式烹调师", SkillLevel.Level5));
        Assert.False(institution.MayTrain("中式烹调师", SkillLevel.Level4));
    }

    [Fact]
    public void Designate_BadCreditCode_Throws()
    {
        var details = new TrainingInstitutionDetails("91350100M000100Y44", "x", new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1), [new OccupationLevel("电工", SkillLevel.Level5)], "a", "b", "13800138000");

        Assert.ThrowsAny<Exception>(() => TrainingInstitution.Designate(details, Guid.NewGuid(), GeoPoint.Create(30, 120)));
    }

    [Fact]
    public void Designate_ExpiryNotAfterDesignation_Throws()
    {
        var details = new TrainingInstitutionDetails("91350100M000100Y43", "x", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 1), [new OccupationLevel("电工", SkillLevel.Level5)], "a", "b", "13800138000");

        var error = Assert.Throws<DomainException>(() => TrainingInstitution.Designate(details, Guid.NewGuid(), GeoPoint.Create(30, 120)));

        Assert.Equal("training-institution-dates", error.Code);
    }

    [Fact]
    public void Plan_OccupationOutsideDesignation_Throws()
    {
        var error = Assert.Throws<DomainException>(() => TrainingClass.Plan(Institution(), Details(level: SkillLevel.Level3), "inst1"));

        Assert.Equal("training-class-outside-scope", error.Code);
    }

    [Fact]
    public void Plan_EndAfterDesignationExpires_Throws()
    {
        var error = Assert.Throws<DomainException>(() => TrainingClass.Plan(Institution(expires: new DateOnly(2026, 12, 4)), Details(), "inst1"));

        Assert.Equal("training-class-outside-designation", error.Code);
    }

    [Fact]
    public void Approve_OnTheStartDay_Approves()
    {
        var @class = TrainingClass.Plan(Institution(), Details(), "inst1");

        @class.Approve("officer1", Start);

        Assert.Equal(TrainingClassStatus.Approved, @class.Status);
        Assert.Equal(Start, @class.ApprovedOn);
    }

    [Fact]
    public void Approve_AfterTheStart_Throws()
    {
        var @class = TrainingClass.Plan(Institution(), Details(), "inst1");

        var error = Assert.Throws<DomainException>(() => @class.Approve("officer1", Start.AddDays(1)));

        Assert.Equal("training-class-started", error.Code);
    }

    [Fact]
    public void Enrol_Draft_IsRefused()
    {
        var @class = TrainingClass.Plan(Institution(), Details(), "inst1");

        var error = Assert.Throws<DomainException>(() => @class.Enrol(Guid.NewGuid(), [], TrainingRules.Default, Recorder, Start));

        Assert.Equal("training-class-not-approved", error.Code);
    }

    [Fact]
    public void Enrol_Full_IsRefused()
    {
        var @class = Approved(capacity: 1);
        @class.Enrol(Guid.NewGuid(), [], TrainingRules.Default, Recorder, Start);

        var error = Assert.Throws<DomainException>(() => @class.Enrol(Guid.NewGuid(), [], TrainingRules.Default, Recorder, Start));

        Assert.Equal("training-class-full", error.Code);
    }

    [Fact]
    public void Enrol_Twice_IsRefused()
    {
        var @class = Approved();
        var resident = Guid.NewGuid();
        @class.Enrol(resident, [], TrainingRules.Default, Recorder, Start);

        var error = Assert.Throws<DomainException>(() => @class.Enrol(resident, [], TrainingRules.Default, Recorder, Start));

        Assert.Equal("training-enrolment-duplicate", error.Code);
    }

    [Fact]
    public void Enrol_SameOccupationAndLevelBefore_IsRefused()
    {
        var @class = Approved();
        PriorEnrolment[] history = [new(Guid.NewGuid(), "中式烹调师", SkillLevel.Level5, new DateOnly(2024, 3, 1), EnrolmentStatus.Completed)];

        var error = Assert.Throws<DomainException>(() => @class.Enrol(Guid.NewGuid(), history, TrainingRules.Default, Recorder, Start));

        Assert.Equal("training-limit-level", error.Code);
    }

    [Fact]
    public void Enrol_AnotherClassTheSameYear_IsRefused()
    {
        var @class = Approved();
        PriorEnrolment[] history = [new(Guid.NewGuid(), "养老护理员", SkillLevel.Level4, new DateOnly(2026, 1, 1), EnrolmentStatus.Enrolled)];

        var error = Assert.Throws<DomainException>(() => @class.Enrol(Guid.NewGuid(), history, TrainingRules.Default, Recorder, Start));

        Assert.Equal("training-limit-year", error.Code);
    }

    [Fact]
    public void Enrol_LastYearsClassOrOneNotCompleted_IsAllowed()
    {
        var @class = Approved();
        PriorEnrolment[] history =
        [
            new(Guid.NewGuid(), "养老护理员", SkillLevel.Level4, new DateOnly(2025, 12, 31), EnrolmentStatus.Completed),
            new(Guid.NewGuid(), "中式烹调师", SkillLevel.Level5, new DateOnly(2026, 3, 1), EnrolmentStatus.NotCompleted),
        ];

        var enrolment = @class.Enrol(Guid.NewGuid(), history, TrainingRules.Default, Recorder, Start);

        Assert.Equal(EnrolmentStatus.Enrolled, enrolment.Status);
    }

    [Fact]
    public void RecordAttendance_FutureDayOrOutsideTheClass_IsRefused()
    {
        var @class = Approved();
        var enrolment = @class.Enrol(Guid.NewGuid(), [], TrainingRules.Default, Recorder, Start);

        Assert.Equal("training-attendance-date", Assert.Throws<DomainException>(() => @class.RecordAttendance(enrolment.Id, Start.AddDays(1), 8, "inst1", Start)).Code);
        Assert.Equal("training-attendance-date", Assert.Throws<DomainException>(() => @class.RecordAttendance(enrolment.Id, Start.AddDays(-1), 8, "inst1", End)).Code);
    }

    [Fact]
    public void RecordAttendance_SameDayTwice_IsRefused()
    {
        var @class = Approved();
        var enrolment = @class.Enrol(Guid.NewGuid(), [], TrainingRules.Default, Recorder, Start);
        @class.RecordAttendance(enrolment.Id, Start, 8, "inst1", Start);

        var error = Assert.Throws<DomainException>(() => @class.RecordAttendance(enrolment.Id, Start, 4, "inst1", Start));

        Assert.Equal("training-attendance-duplicate", error.Code);
    }

    [Fact]
    public void Complete_OneHourShortOfEightyPercent_IsRefused()
    {
        var @class = Approved(hours: 40);
        var enrolment = @class.Enrol(Guid.NewGuid(), [], TrainingRules.Default, Recorder, Start);
        Attend(@class, enrolment, 8, 8, 8, 7);

        var error = Assert.Throws<DomainException>(() => @class.Complete(enrolment.Id, TrainingRules.Default, End));

        Assert.Equal("training-hours-short", error.Code);
    }

    [Fact]
    public void Complete_AtEightyPercent_Completes()
    {
        var @class = Approved(hours: 40);
        var enrolment = @class.Enrol(Guid.NewGuid(), [], TrainingRules.Default, Recorder, Start);
        Attend(@class, enrolment, 8, 8, 8, 8);

        @class.Complete(enrolment.Id, TrainingRules.Default, new DateOnly(2026, 12, 9));

        Assert.Equal(EnrolmentStatus.Completed, enrolment.Status);
        Assert.Equal(End, enrolment.CompletedOn);
    }

    [Fact]
    public void HoursToComplete_RoundsUp()
    {
        Assert.Equal(33, TrainingRules.Default.HoursToComplete(41));
        Assert.Equal(32, TrainingRules.Default.HoursToComplete(40));
    }

    [Fact]
    public void RecordCertificate_BeforePassedAssessment_IsRefused()
    {
        var (@class, enrolment) = Completed();

        var error = Assert.Throws<DomainException>(() => @class.RecordCertificate(enrolment.Id, Certificate("C-1"), End));

        Assert.Equal("training-not-passed", error.Code);
    }

    [Fact]
    public void RecordCertificate_NumberOfAnotherTraineeInTheClass_IsRefused()
    {
        var (@class, first) = Completed();
        var second = @class.Enrol(Guid.NewGuid(), [], TrainingRules.Default, Recorder, Start);
        Attend(@class, second, 8, 8, 8, 8);
        @class.Complete(second.Id, TrainingRules.Default, End);
        @class.RecordAssessment(first.Id, AssessmentResult.Passed, End, End);
        @class.RecordAssessment(second.Id, AssessmentResult.Passed, End, End);
        @class.RecordCertificate(first.Id, Certificate("C-1"), End);

        var error = Assert.Throws<DomainException>(() => @class.RecordCertificate(second.Id, Certificate(" C-1 "), End));

        Assert.Equal(TrainingCertificate.DuplicateNumberCode, error.Code);
    }

    [Fact]
    public void RecordCertificate_AfterPassedAssessment_IsKept()
    {
        var (@class, enrolment) = Completed();
        @class.RecordAssessment(enrolment.Id, AssessmentResult.Passed, End, End);

        @class.RecordCertificate(enrolment.Id, Certificate(" S000123 "), End);

        Assert.Equal("S000123", enrolment.Certificate!.Number);
    }

    [Fact]
    public void Finish_MarksTraineesWithoutCompletionNotCompleted()
    {
        var (@class, completed) = Completed();
        var short_ = @class.Enrol(Guid.NewGuid(), [], TrainingRules.Default, Recorder, Start);

        @class.Finish(End);

        Assert.Equal(TrainingClassStatus.Finished, @class.Status);
        Assert.Equal(EnrolmentStatus.Completed, completed.Status);
        Assert.Equal(EnrolmentStatus.NotCompleted, short_.Status);
    }

    [Fact]
    public void Finish_BeforeTheLastDay_IsRefused()
    {
        var @class = Approved();

        Assert.Equal("training-class-not-ended", Assert.Throws<DomainException>(() => @class.Finish(End.AddDays(-1))).Code);
    }

    private static (TrainingClass Class, Enrolment Enrolment) Completed()
    {
        var @class = Approved(hours: 40);
        var enrolment = @class.Enrol(Guid.NewGuid(), [], TrainingRules.Default, Recorder, Start);
        Attend(@class, enrolment, 8, 8, 8, 8);
        @class.Complete(enrolment.Id, TrainingRules.Default, End);
        return (@class, enrolment);
    }

    private static void Attend(TrainingClass @class, Enrolment enrolment, params decimal[] hours)
    {
        for (var i = 0; i < hours.Length; i++)
        {
            @class.RecordAttendance(enrolment.Id, Start.AddDays(i), hours[i], "inst1", End);
        }
    }

    private static TrainingCertificate Certificate(string number) =>
        new(CertificateKind.SkillLevel, number, SkillLevel.Level5, "江州市职业技能鉴定中心", End);
}
