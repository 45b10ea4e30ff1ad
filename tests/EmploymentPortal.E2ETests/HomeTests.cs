using System.Text.RegularExpressions;

namespace EmploymentPortal.E2ETests;

/// <summary>The home page's work items lead to the work: the station's overdue count opens the resident list filtered to the overdue (a static page: its form submits the filter).</summary>
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
            await Expect(Page.GetByTestId("resident-link")).ToHaveCountAsync(Math.Min(int.Parse(count), 20));

            // The list has no circuit: clearing the box takes effect when the form is submitted.
            await Page.GetByTestId("filter-overdue").UncheckAsync();
            await Page.GetByTestId("filter-submit").ClickAsync();
            await Expect(Page).ToHaveURLAsync(new Regex(@"/residents\?search=&"));
            Assert.DoesNotContain("overdue=", Page.Url, StringComparison.Ordinal);
            await Expect(Page.GetByTestId("filter-overdue")).Not.ToBeCheckedAsync();
        });
    }
}
