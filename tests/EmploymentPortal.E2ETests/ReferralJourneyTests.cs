using EmploymentPortal.Testing;
using EmploymentPortal.Data;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Domain.ValueObjects;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.E2ETests;

/// <summary>
/// Issue 7's referral in chromium: a station worker opens a resident's job recommendations,
/// refers the resident to the best one, and the enterprise's user sees the referral (phone
/// masked) and answers it; the station then sees the outcome in the resident's referrals.
/// </summary>
public sealed class ReferralJourneyTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task Station_worker_refers_a_resident_to_a_recommended_vacancy_and_the_enterprise_sees_and_answers_it()
    {
        var (residentId, residentName, vacancyTitle) = await ResidentNextToAnEnterprise1VacancyAsync();
        var enterpriseName = await Portal.EnterpriseNameAsync("enterprise1");

        await RunAsync(async () =>
        {
            await LogInAsync("station1");
            await Page.GotoAsync($"/residents/{residentId}");
            await WaitForCircuitAsync();
            await Page.GetByTestId("recommendations-link").ClickAsync();
            await Expect(Page).ToHaveURLAsync(PathIs($"/residents/{residentId}/recommendations"));
            await WaitForCircuitAsync();

            // The resident lives at the vacancy and wants exactly that job: it ranks first, with its reason.
            var grid = Page.GetByTestId("recommendations");
            await Expect(grid.GetByTestId("recommendation-title").First).ToHaveTextAsync(vacancyTitle);
            await Expect(grid.GetByTestId("recommendation-enterprise").First).ToHaveTextAsync(enterpriseName);
            await Expect(grid.GetByTestId("recommendation-reason").First).ToContainTextAsync("0.0 km");
            await grid.GetByTestId("refer").First.ClickAsync();
            await Expect(grid.Locator("tbody tr").First.GetByTestId("already-referred")).ToBeVisibleAsync();
            await Expect(Page.GetByTestId("referral-history")).ToContainTextAsync(vacancyTitle);
            await Expect(Page.GetByTestId("referral-history").GetByTestId("referral-status").First).ToHaveTextAsync("已推荐");
            await AssertFitsAndAccessibleAsync(grid.GetByTestId("recommendation-title").First);
            await Page.SetViewportSizeAsync(1366, 768);

            await Page.Context.ClearCookiesAsync();
            await LogInAsync("enterprise1");
            await WaitForCircuitAsync();

            // The home page's "referrals to answer" lands on the open referrals only.
            await Page.GetByTestId("work-referrals-link").ClickAsync();
            await Expect(Page).ToHaveURLAsync(PathIs("/enterprise/referrals?open=true"));
            await WaitForCircuitAsync();
            await Expect(Page.GetByTestId("enterprise-referrals").GetByTestId("referral-name").Filter(new() { HasTextString = residentName })).ToHaveCountAsync(1);
            await Expect(Page.GetByTestId("enterprise-referrals").GetByTestId("referral-state").Filter(new() { HasTextString = "录用" })).ToHaveCountAsync(0);
            await Expect(Page.GetByTestId("referral-name").First).ToBeVisibleAsync();
            await Page.SetViewportSizeAsync(1366, 768);
            await AssertInsideWindowAsync(Page.GetByTestId("enterprise-referrals").Locator("tbody tr").First.Locator("td").Last);

            await Page.GotoAsync("/enterprise/referrals?open=maybe");
            await WaitForCircuitAsync();
            await Expect(Page.GetByTestId("url-filter-error")).ToContainTextAsync("仅显示待答复的推荐（maybe）");

            await Page.Locator(".portal-nav").GetByText("推荐人选").ClickAsync();
            await Expect(Page).ToHaveURLAsync(PathIs("/enterprise/referrals"));
            await WaitForCircuitAsync();
            var row = Page.GetByTestId("enterprise-referrals").Locator("tbody tr").Filter(new() { HasTextString = residentName });
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row.GetByTestId("referral-vacancy")).ToHaveTextAsync(vacancyTitle);
            await Expect(row.GetByTestId("referral-phone")).ToContainTextAsync("****");
            await row.GetByTestId("answer-hired").ClickAsync();
            await Expect(row.GetByTestId("referral-state")).ToHaveTextAsync("已录用");

            // The hire is recorded from the referral: no ID number asked, the vacancy's title proposed.
            await row.GetByTestId("record-hire-from-referral").ClickAsync();
            var form = Page.GetByTestId("hire-form");
            await Expect(form.GetByTestId("hire-from-referral")).ToBeVisibleAsync();
            await Expect(form.GetByTestId("hire-id-number")).ToHaveCountAsync(0);
            await Expect(form.GetByTestId("hire-position")).ToHaveValueAsync(vacancyTitle);
            await form.GetByTestId("hire-submit").ClickAsync();
            await Expect(Page.GetByTestId("hire-form")).ToHaveCountAsync(0);
            await Expect(row.GetByTestId("hire-recorded")).ToBeVisibleAsync();

            await Page.Context.ClearCookiesAsync();
            await LogInAsync("station1");
            await Page.GotoAsync($"/residents/{residentId}/recommendations");
            await WaitForCircuitAsync();
            await Expect(Page.GetByTestId("referral-history").GetByTestId("referral-status").First).ToHaveTextAsync("已录用");
        });
    }

    /// <summary>A new registered unemployed resident of 东湖社区 living at a published vacancy of enterprise1 and wanting exactly that job.</summary>
    private async Task<(Guid Id, string Name, string VacancyTitle)> ResidentNextToAnEnterprise1VacancyAsync()
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync("enterprise1");
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Name == "东湖社区");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var centre = GeoPoint.Create(community.StationLatitude, community.StationLongitude);
        var vacancies = await db.Vacancies.AsNoTracking()
            .Where(v => v.EnterpriseId == user!.EnterpriseId && v.Status == VacancyStatus.Published && v.ValidUntil >= today)
            .ToListAsync();
        var vacancy = vacancies.OrderBy(v => centre.DistanceKmTo(v.Location)).ThenBy(v => v.Id).First();

        var birth = new DateOnly(1990, 6, 6);
        var idNumber = TestData.IdNumber(birth, Sex.Male);
        var name = TestData.Name("推荐");
        var resident = new Resident(name, IdCardNumber.Parse(idNumber), PhoneNumber.Parse("13712345678"), community.Id);
        resident.SetHome(vacancy.Location);
        resident.SetJobPreferences(new JobPreferences
        {
            OccupationGroup = vacancy.OccupationGroup,
            Occupation = vacancy.Occupation,
            DesiredWageMin = vacancy.WageMin,
            WorkTypes = [vacancy.WorkType],
        });
        resident.RegisterUnemployed(today.AddMonths(-2), "SYT" + Guid.NewGuid().ToString("N")[..24]);
        db.Residents.Add(resident);
        await db.SaveChangesAsync();
        return (resident.Id, name, vacancy.Title);
    }
}
