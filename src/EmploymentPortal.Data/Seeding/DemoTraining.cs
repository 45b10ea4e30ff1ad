using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Training;
using EmploymentPortal.Domain.ValueObjects;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Data.Seeding;

/// <summary>
/// Demo training (issue 16): two designated institutions, a finished class with graduates and
/// certificates (one trainee short of the hours), a running class with attendance, an approved
/// class about to start and a planned class waiting for the bureau's approval. The trainees are
/// residents of station1's communities; the account <c>institution1</c> acts for the first
/// institution. A few dozen rows: seeding stays fast.
/// </summary>
public static class DemoTraining
{
    public const string InstitutionAccount = "institution1";

    public static async Task SeedAsync(IDbContextFactory<PortalDbContext> factory, PortalCalendar calendar, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var today = calendar.Today;
        var donghu = await db.Communities.SingleAsync(c => c.Name == "东湖社区", cancellationToken);
        var binjiang = await db.Communities.SingleAsync(c => c.Name == "滨江社区", cancellationToken);
        var random = new Random(20261207);

        var school = TrainingInstitution.Designate(
            new TrainingInstitutionDetails(
                DemoIdentifiers.CreditCode(random, "369902"),
                $"{DemoCity.Name}技工学校",
                today.AddYears(-2),
                today.AddYears(1),
                [new OccupationLevel("中式烹调师", SkillLevel.Level5), new OccupationLevel("中式烹调师", SkillLevel.Level4), new OccupationLevel("电工", SkillLevel.Level4), new OccupationLevel("养老护理员", SkillLevel.Level4)],
                $"{DemoCity.Name}东湖街道学府路 8 号",
                "周老师",
                "13907310001"),
            donghu.Id,
            GeoPoint.Create(donghu.StationLatitude + 0.004, donghu.StationLongitude + 0.003));
        var sunshine = TrainingInstitution.Designate(
            new TrainingInstitutionDetails(
                DemoIdentifiers.CreditCode(random, "369902"),
                $"{DemoCity.Name}阳光职业培训学校",
                today.AddYears(-1),
                today.AddYears(2),
                [new OccupationLevel("家政服务员", SkillLevel.Level5), new OccupationLevel("育婴员", SkillLevel.Level4), new OccupationLevel("网络创业", SkillLevel.SpecialAbility)],
                $"{DemoCity.Name}滨江路 66 号",
                "吴校长",
                "13907310002"),
            binjiang.Id,
            GeoPoint.Create(binjiang.StationLatitude - 0.003, binjiang.StationLongitude + 0.002));
        db.TrainingInstitutions.AddRange(school, sunshine);

        var trainees = await db.Residents.AsNoTracking()
            .Where(r => r.CommunityId == donghu.Id || r.CommunityId == binjiang.Id)
            .OrderBy(r => r.Id).Skip(40).Take(11).Select(r => r.Id).ToListAsync(cancellationToken);
        var rules = TrainingRules.Default;
        var recorder = new EnrolmentRecorder("station1", calendar.Now);

        // A finished class: four graduates with certificates, one trainee short of the hours.
        var finished = Plan(school, "中式烹调师（初级）第一期", "中式烹调师", SkillLevel.Level5, TrainingKind.EmploymentSkills, 40, today.AddDays(-120), today.AddDays(-116), 20);
        finished.Approve("李经办", finished.StartDate.AddDays(-7));
        for (var i = 0; i < 5; i++)
        {
            var enrolment = finished.Enrol(trainees[i], [], rules, recorder, finished.StartDate.AddDays(-3));
            for (var day = 0; day < 5; day++)
            {
                if (i < 4 || day < 2)
                {
                    finished.RecordAttendance(enrolment.Id, finished.StartDate.AddDays(day), 8, "周老师", today);
                }
            }

            if (i < 4)
            {
                finished.Complete(enrolment.Id, rules, today);
                finished.RecordAssessment(enrolment.Id, AssessmentResult.Passed, finished.EndDate.AddDays(7), today);
                finished.RecordCertificate(enrolment.Id, new TrainingCertificate(CertificateKind.SkillLevel, $"S{today.Year - 1}{3699020000 + i}", SkillLevel.Level5, $"{DemoCity.Name}职业技能鉴定中心", finished.EndDate.AddDays(14)), today);
            }
        }

        finished.Finish(today);

        // A running class with two sessions so far.
        var running = Plan(school, "养老护理员（中级）第三期", "养老护理员", SkillLevel.Level4, TrainingKind.EmploymentSkills, 80, today.AddDays(-3), today.AddDays(10), 30);
        running.Approve("李经办", running.StartDate.AddDays(-5));
        for (var i = 5; i < 9; i++)
        {
            var enrolment = running.Enrol(trainees[i], [], rules, recorder, running.StartDate.AddDays(-1));
            running.RecordAttendance(enrolment.Id, running.StartDate, 8, "周老师", today);
            running.RecordAttendance(enrolment.Id, running.StartDate.AddDays(1), 6, "周老师", today);
        }

        // An approved class about to start, with two residents enrolled.
        var upcoming = Plan(sunshine, "家政服务员（初级）春季班", "家政服务员", SkillLevel.Level5, TrainingKind.EmploymentSkills, 60, today.AddDays(14), today.AddDays(28), 25);
        upcoming.Approve("李经办", today);
        for (var i = 9; i < 11; i++)
        {
            upcoming.Enrol(trainees[i], [], rules, recorder, today);
        }

        // A planned class waiting for the bureau's approval.
        var draft = Plan(sunshine, "网络创业培训班", "网络创业", SkillLevel.SpecialAbility, TrainingKind.Entrepreneurship, 56, today.AddDays(20), today.AddDays(27), 30);

        db.TrainingClasses.AddRange(finished, running, upcoming, draft);
        var account = await db.Users.SingleOrDefaultAsync(u => u.UserName == InstitutionAccount, cancellationToken);
        if (account is not null)
        {
            account.TrainingInstitutionId = school.Id;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static TrainingClass Plan(TrainingInstitution institution, string name, string occupation, SkillLevel level, TrainingKind kind, int hours, DateOnly start, DateOnly end, int capacity) =>
        TrainingClass.Plan(institution, new TrainingClassDetails(name, occupation, level, kind, hours, start, end, $"{institution.Name}实训楼", capacity), "周老师");
}
