using EmploymentPortal.Domain.Training;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Testing;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.IntegrationTests.Training;

/// <summary>
/// Training records on both providers: an institution with its scopes and an encrypted contact
/// phone, a class with enrolments, attendance and a certificate round-trip, and the unique index
/// refuses a certificate number recorded in another class.
/// </summary>
public abstract class TrainingPersistenceTests
{
    private readonly PortalApp _app;

    protected TrainingPersistenceTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task A_class_with_enrolment_attendance_and_certificate_round_trips()
    {
        var (classId, enrolmentId, number) = await CertifiedTraineeAsync();

        await using var db = _app.Database.CreateContext();
        var @class = await db.TrainingClasses.Include(c => c.Enrolments).ThenInclude(e => e.Attendance).AsSplitQuery().SingleAsync(c => c.Id == classId);
        var enrolment = Assert.Single(@class.Enrolments);
        Assert.Equal(enrolmentId, enrolment.Id);
        Assert.Equal(TrainingClassStatus.Approved, @class.Status);
        Assert.Equal(EnrolmentStatus.Completed, enrolment.Status);
        Assert.Equal(8m, enrolment.AttendedHours);
        Assert.Equal(number, enrolment.Certificate!.Number);
        Assert.Equal(SkillLevel.Level5, enrolment.Certificate.Level);
    }

    [Fact]
    public async Task The_institution_keeps_its_scopes_and_its_contact_phone_is_encrypted_at_rest()
    {
        var institutionId = await InstitutionAsync();

        await using var db = _app.Database.CreateContext();
        var institution = await db.TrainingInstitutions.Include(i => i.Scopes).SingleAsync(i => i.Id == institutionId);
        Assert.Equal("13800138000", institution.ContactPhone);
        Assert.Equal(2, institution.Scopes.Count);
        var stored = await db.Database.SqlQuery<string>($"SELECT \"ContactPhoneCipher\" AS \"Value\" FROM \"TrainingInstitutions\" WHERE \"Id\" = {institutionId}").SingleAsync();
        Assert.DoesNotContain("13800138000", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_number_recorded_in_another_class_is_refused_by_the_unique_index()
    {
        var (_, _, number) = await CertifiedTraineeAsync();
        var (classId, enrolmentId) = await CompletedTraineeAsync();

        await using var db = _app.Database.CreateContext();
        var @class = await db.TrainingClasses.Include(c => c.Enrolments).ThenInclude(e => e.Attendance).AsSplitQuery().SingleAsync(c => c.Id == classId);
        @class.RecordAssessment(enrolmentId, AssessmentResult.Passed, Today, Today);
        @class.RecordCertificate(enrolmentId, new TrainingCertificate(CertificateKind.SkillLevel, number, SkillLevel.Level5, "鉴定中心", Today), Today);

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private async Task<(Guid ClassId, Guid EnrolmentId, string Number)> CertifiedTraineeAsync()
    {
        var (classId, enrolmentId) = await CompletedTraineeAsync();
        var number = $"T{TestData.Next():D8}";
        await using var db = _app.Database.CreateContext();
        var @class = await db.TrainingClasses.Include(c => c.Enrolments).ThenInclude(e => e.Attendance).AsSplitQuery().SingleAsync(c => c.Id == classId);
        @class.RecordAssessment(enrolmentId, AssessmentResult.Passed, Today, Today);
        @class.RecordCertificate(enrolmentId, new TrainingCertificate(CertificateKind.SkillLevel, number, SkillLevel.Level5, "江州市职业技能鉴定中心", Today), Today);
        await db.SaveChangesAsync();
        return (classId, enrolmentId, number);
    }

    private async Task<(Guid ClassId, Guid EnrolmentId)> CompletedTraineeAsync()
    {
        var institutionId = await InstitutionAsync();
        await using var db = _app.Database.CreateContext();
        var institution = await db.TrainingInstitutions.Include(i => i.Scopes).SingleAsync(i => i.Id == institutionId);
        var residentId = await db.Residents.OrderBy(r => r.Id).Skip(TestData.OneOf(0, 500)).Select(r => r.Id).FirstAsync();
        var @class = TrainingClass.Plan(institution, new TrainingClassDetails("测试班", "中式烹调师", SkillLevel.Level5, TrainingKind.EmploymentSkills, 10, Today, Today, "教室", 30), "itest");
        @class.Approve("officer1", Today);
        var enrolment = @class.Enrol(residentId, [], TrainingRules.Default, new EnrolmentRecorder("itest", DateTimeOffset.UtcNow), Today);
        @class.RecordAttendance(enrolment.Id, Today, 8, "itest", Today);
        @class.Complete(enrolment.Id, TrainingRules.Default, Today);
        db.TrainingClasses.Add(@class);
        await db.SaveChangesAsync();
        return (@class.Id, enrolment.Id);
    }

    private async Task<Guid> InstitutionAsync()
    {
        await using var db = _app.Database.CreateContext();
        var community = await db.Communities.OrderBy(c => c.Name).FirstAsync();
        var institution = TrainingInstitution.Designate(
            new TrainingInstitutionDetails(
                TestData.CreditCode(),
                TestData.Name("测试培训学校"),
                Today.AddYears(-1),
                Today.AddYears(2),
                [new OccupationLevel("中式烹调师", SkillLevel.Level5), new OccupationLevel("电工", SkillLevel.Level4)],
                "测试路 1 号",
                "王老师",
                "13800138000"),
            community.Id,
            GeoPoint.Create(30.1, 120.1));
        db.TrainingInstitutions.Add(institution);
        await db.SaveChangesAsync();
        return institution.Id;
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteTrainingPersistenceTests : TrainingPersistenceTests
{
    public SqliteTrainingPersistenceTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresTrainingPersistenceTests : TrainingPersistenceTests
{
    public PostgresTrainingPersistenceTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
