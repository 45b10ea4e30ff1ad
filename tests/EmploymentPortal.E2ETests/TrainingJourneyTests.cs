using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Training;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.E2ETests;

/// <summary>
/// Issue 16, training: an officer approves a planned class, a station worker enrols a resident from
/// the resident's page, the officer records the session's attendance, completes the trainee and
/// records the certificate, and the station sees the certificate on the resident's page.
/// </summary>
public sealed class TrainingJourneyTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task Officer_approves_station_enrols_attendance_completion_and_the_certificate_shows_on_the_resident_page()
    {
        var className = TestData.Name("电工培训班");
        var classId = await PlannedClassStartingTodayAsync(className);
        var idNumber = await NewResidentOfDonghuAsync("学员");
        var number = "E2E" + TestData.Next().ToString("00000000", System.Globalization.CultureInfo.InvariantCulture);

        await RunAsync(async () =>
        {
            await LogInAsync("officer1");
            await Page.GotoAsync($"/training/classes/{classId}");
            await WaitForCircuitAsync();
            await Page.GetByTestId("class-approve").ClickAsync();
            await Expect(Page.GetByTestId("class-state")).ToHaveTextAsync("已审批");

            await LogInAsync("station1");
            await Page.GotoAsync("/residents?search=" + idNumber);
            await Page.GetByTestId("resident-link").First.ClickAsync();
            await WaitForCircuitAsync();
            await Expect(Page.GetByTestId("no-training")).ToBeVisibleAsync();
            var form = Page.GetByTestId("enrol-form");
            await SelectAsync(form, "enrol-class", className);
            await form.GetByTestId("enrol-save").ClickAsync();
            await Expect(Page.GetByTestId("resident-training").GetByTestId("training-status")).ToHaveTextAsync("在训");

            await LogInAsync("officer1");
            await Page.GotoAsync($"/training/classes/{classId}");
            await WaitForCircuitAsync();
            await Page.GetByTestId("trainee-present").CheckAsync();
            await Expect(Page.GetByTestId("attendance-form")).ToContainTextAsync("已勾选出勤学员 1 人。");
            await Page.GetByTestId("attendance-save").ClickAsync();
            await Expect(Page.GetByTestId("trainee-hours")).ToHaveTextAsync("8 / 7");
            await Page.GetByTestId("trainee-complete").ClickAsync();
            await Expect(Page.GetByTestId("trainee-status")).ToHaveTextAsync("已结业");
            await Page.GetByTestId("trainee-certify").ClickAsync();
            var certificate = Page.GetByTestId("certificate-form");
            await certificate.GetByTestId("certificate-number").FillAsync(number);
            await certificate.GetByTestId("certificate-body").FillAsync("江州市职业技能鉴定中心");
            await certificate.GetByTestId("certificate-save").ClickAsync();
            await Expect(Page.GetByTestId("trainee-certificate")).ToContainTextAsync(number);

            await LogInAsync("station1");
            await Page.GotoAsync("/residents?search=" + idNumber);
            await Page.GetByTestId("resident-link").First.ClickAsync();
            await WaitForCircuitAsync();
            var row = Page.GetByTestId("resident-training");
            await Expect(row.GetByTestId("training-status")).ToContainTextAsync("已结业");
            await Expect(row.GetByTestId("training-certificate")).ToContainTextAsync(number);
            await AssertFitsAndAccessibleAsync(row, "[data-testid=status-form]", "[data-testid=place-form]");
        });
    }

    /// <summary>A designated institution's planned (draft) class of one day, today, 8 planned hours.</summary>
    private async Task<Guid> PlannedClassStartingTodayAsync(string className)
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var today = services.GetRequiredService<PortalCalendar>().Today;
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Name == "东湖社区");
        var institution = TrainingInstitution.Designate(
            new TrainingInstitutionDetails(TestData.CreditCode(), TestData.Name("电工培训学校"), today.AddYears(-1), today.AddYears(1), [new OccupationLevel("电工", SkillLevel.Level5)], "东湖路 9 号", "孙老师", "13800138000"),
            community.Id,
            GeoPoint.Create(community.StationLatitude, community.StationLongitude));
        var @class = TrainingClass.Plan(institution, new TrainingClassDetails(className, "电工", SkillLevel.Level5, TrainingKind.EmploymentSkills, 8, today, today, "东湖路 9 号 201 室", 20), "e2e");
        db.TrainingInstitutions.Add(institution);
        db.TrainingClasses.Add(@class);
        await db.SaveChangesAsync();
        return @class.Id;
    }
}
