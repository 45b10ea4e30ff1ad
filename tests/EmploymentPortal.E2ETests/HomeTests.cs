using System.Text.RegularExpressions;

namespace EmploymentPortal.E2ETests;

/// <summary>The home page's work items lead to the work: the station's overdue count opens the resident list filtered to the overdue.</summary>
public sealed class HomeTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task Station_worker_clicks_the_overdue_item_and_lands_on_the_resident_list_filtered_to_the_overdue()
    {
        await RunAsync(async () =>
        {
            await LogInAsync("station1");
            var count = (await Page.GetByTestId("work-overdue-count").TextContentAsync())!.Trim();
            Assert.Matches(@"^\d+$", count);

            await Page.GetByTestId("work-overdue-link").ClickAsync();

            await Expect(Page).ToHaveURLAsync(new Regex(@"/residents\?overdue=true$"));
            await Expect(Page.GetByTestId("total")).ToHaveTextAsync($"共 {count} 人");
            await Expect(Page.GetByTestId("filter-overdue")).ToBeCheckedAsync();
        });
    }
}
