using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.E2ETests;

/// <summary>Issue 17, service standards: a station sees who is below a standard on its home page, and the standards by community with their basis.</summary>
public sealed class ServiceStandardTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task Station_worker_sees_a_resident_without_a_first_service_on_the_home_page_and_the_standards_by_community()
    {
        await RegisteredFortyDaysAgoWithoutServiceAsync();

        await RunAsync(async () =>
        {
            await LogInAsync("station1");
            var counts = Page.GetByTestId("breach-counts");
            await Expect(counts).ToContainTextAsync("登记后首次服务");
            await Expect(counts).ToContainTextAsync("农民工“1-3-1”服务");
            await Expect(counts).Not.ToContainTextAsync("登记后首次服务：0");
            await Expect(Page.GetByTestId("standard-breaches").Locator("tbody tr").First).ToBeVisibleAsync();

            await Page.GetByTestId("service-standards-link").ClickAsync();
            await Expect(Page).ToHaveURLAsync(PathIs("/service-standards"));
            await WaitForCircuitAsync();
            await Expect(Page.GetByTestId("standards-list")).ToContainTextAsync("每月至少进行1次跟踪调查");
            await Expect(Page.GetByTestId("standards-communities")).ToContainTextAsync("东湖社区");
            await Expect(Page.GetByTestId("standard-breaches")).ToContainTextAsync("尚无服务记录");
        });
    }

    private async Task RegisteredFortyDaysAgoWithoutServiceAsync()
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var today = scope.ServiceProvider.GetRequiredService<PortalCalendar>().Today;
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Name == "东湖社区");
        var resident = new Resident(TestData.Name("待服务"), IdCardNumber.Parse(TestData.IdNumber(new DateOnly(1979, 4, 4))), PhoneNumber.Parse("13712345670"), community.Id);
        resident.RegisterUnemployed(today.AddDays(-40), "SYT" + TestData.Next().ToString("000000", System.Globalization.CultureInfo.InvariantCulture));
        db.Residents.Add(resident);
        await db.SaveChangesAsync();
    }
}
