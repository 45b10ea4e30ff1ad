using EmploymentPortal.Testing;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.E2ETests;

/// <summary>A station worker places a registered unemployed resident on a public-welfare post from the resident's page.</summary>
public sealed class StationPlacementTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task Station_worker_places_a_resident_on_a_public_welfare_post()
    {
        var residentId = await RegisteredUnemployedOfDonghuAsync();
        await RunAsync(async () =>
        {
            await LogInAsync("station1");
            await Page.GotoAsync($"/residents/{residentId}");
            await WaitForCircuitAsync();
            await Expect(Page.GetByTestId("no-placements")).ToBeVisibleAsync();

            var form = Page.GetByTestId("place-form");
            await form.GetByTestId("place-submit").ClickAsync();
            await Expect(FieldOf(form, "place-programme")).ToContainTextAsync("请选择岗位项目。");
            // The placement form fits a phone and its fields are labelled (the status form is the station page's).
            await AssertFitsAndAccessibleAsync(form, "[data-testid=status-form]");
            await Page.SetViewportSizeAsync(1366, 768);
            await SelectAsync(form, "place-programme", "社区公益性岗位");
            await form.GetByTestId("place-submit").ClickAsync();

            var placements = Page.GetByTestId("resident-placements");
            await Expect(placements).ToContainTextAsync("社区公益性岗位");
            await Expect(placements).ToContainTextAsync("公益性岗位");

            // The same station ends the placement: the resident found a stable job.
            await placements.GetByTestId("placement-exit").ClickAsync();
            var exit = Page.GetByTestId("exit-form");
            await SelectAsync(exit, "exit-reason", "实现稳定就业");
            await exit.GetByTestId("exit-save").ClickAsync();
            await Expect(placements).ToContainTextAsync("已离岗");
            await Expect(placements.GetByTestId("placement-exit")).ToHaveCountAsync(0);
        });

        await using var scope = Portal.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.NotNull((await db.PostPlacements.AsNoTracking().SingleAsync(p => p.ResidentId == residentId)).EndedOn);
    }

    /// <summary>A new registered unemployed resident of 东湖社区 (station1's).</summary>
    private async Task<Guid> RegisteredUnemployedOfDonghuAsync()
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Name == "东湖社区");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var idNumber = TestData.IdNumber(new DateOnly(1972, 8, 8), Sex.Male);
        var resident = new Resident(TestData.Name("安置"), IdCardNumber.Parse(idNumber), PhoneNumber.Parse("13712345670"), community.Id);
        resident.RegisterUnemployed(today.AddMonths(-3), "SYT" + Guid.NewGuid().ToString("N")[..24]);
        db.Residents.Add(resident);
        await db.SaveChangesAsync();
        return resident.Id;
    }
}
