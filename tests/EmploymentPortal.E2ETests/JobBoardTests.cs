using System.Text.RegularExpressions;

namespace EmploymentPortal.E2ETests;

/// <summary>
/// The public job board as a visitor without an account uses it in chromium: the map draws the
/// city's boundaries from the portal's own geography (no tile server in the suite, so no tiles),
/// a search by community from the autocomplete or by a point picked on the map, a vacancy's
/// detail page, and both pages fit a laptop and a phone without serious axe findings.
/// </summary>
public sealed class JobBoardTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task Visitor_searches_by_community_and_opens_a_vacancy_s_detail_page()
    {
        await RunAsync(async () =>
        {
            await Page.GotoAsync("/jobs");
            await Expect(Page.GetByTestId("job-map")).ToHaveAttributeAsync("data-ready", "true");
            await AssertFitsAndAccessibleAsync(Page.GetByTestId("job-board"));

            // The autocomplete offers the city's communities; the one typed is the search's centre.
            await Expect(Page.Locator("#job-communities option[value^='东湖社区']")).ToHaveCountAsync(1);
            await Page.GetByLabel("附近社区/村（输入名称，从列表中选择）").FillAsync("东湖社区");
            await Page.GetByTestId("job-radius").SelectOptionAsync("5");
            await Page.GetByTestId("job-search-submit").ClickAsync();
            await Expect(Page).ToHaveURLAsync(new Regex("community=.*radiusKm=5"));
            await Expect(Page.GetByTestId("job-total")).ToContainTextAsync("东湖社区 周边 5 公里内");
            var first = Page.GetByTestId("job-card").First;
            await Expect(first.GetByTestId("job-distance")).ToBeVisibleAsync();
            var title = await first.GetByTestId("job-title").InnerTextAsync();

            await first.GetByTestId("job-link").ClickAsync();
            await Expect(Page).ToHaveURLAsync(new Regex("/jobs/[0-9a-f-]{36}$"));
            await Expect(Page.GetByTestId("job-detail-title")).ToHaveTextAsync(title);
            await Expect(Page.GetByTestId("job-how-to-apply")).ToContainTextAsync("服务站地址");

            await Page.GetByTestId("back-to-board").ClickAsync();
            await Expect(Page).ToHaveURLAsync(PathIs("/jobs"));
        });
    }

    [Fact]
    public async Task Map_draws_the_city_s_boundaries_without_a_tile_server_and_a_click_picks_the_search_centre()
    {
        await RunAsync(async () =>
        {
            await Page.GotoAsync("/jobs");
            var map = Page.GetByTestId("job-map");
            await Expect(map).ToHaveAttributeAsync("data-ready", "true");

            // The base layer: the city's outline, a line per district, an area per community; no tiles.
            await Expect(map.Locator(".leaflet-boundaries-pane path.boundary-city")).ToHaveCountAsync(1);
            await Expect(map.Locator(".leaflet-boundaries-pane path.boundary-district")).ToHaveCountAsync(4);
            Assert.True(await map.Locator(".leaflet-boundaries-pane path.boundary-community").CountAsync() >= 39, "an area per community of the demo city (39)");
            await Expect(map.Locator(".leaflet-tile")).ToHaveCountAsync(0);

            var box = (await map.BoundingBoxAsync())!;
            await Page.Mouse.ClickAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
            await Expect(map.Locator("path.picked-circle")).ToHaveCountAsync(1);
            await Expect(Page.GetByTestId("job-picked")).ToContainTextAsync("已在地图上选择位置");
            await Page.GetByTestId("job-search-submit").ClickAsync();

            await Expect(Page).ToHaveURLAsync(new Regex(@"lat=\d+\.\d+&lon=\d+\.\d+"));
            await Expect(Page.GetByTestId("job-url-error")).ToHaveCountAsync(0);
            await Expect(Page.GetByTestId("job-total")).ToContainTextAsync("所选位置 周边 3 公里内");
            await Expect(Page.GetByTestId("job-picked")).ToContainTextAsync("已在地图上选择位置");
            await Expect(Page.GetByTestId("job-map").Locator("path.picked-circle")).ToHaveCountAsync(1);
        });
    }

    [Fact]
    public async Task A_vacancy_not_on_the_board_is_a_Chinese_404_page()
    {
        await RunAsync(async () =>
        {
            var response = await Page.GotoAsync($"/jobs/{Guid.NewGuid()}");

            Assert.Equal(404, response!.Status);
            await Expect(Page.GetByTestId("job-not-found")).ToHaveTextAsync("岗位不存在或已停止招聘");
            await AssertFitsAndAccessibleAsync(Page.GetByTestId("job-detail"));

            // Chromium logs the document's 404 as a console error (the event may arrive after the
            // page loaded): that one is the point here; any other error still fails the test.
            BrowserErrors.RemoveAll(e => e.Contains("status of 404", StringComparison.Ordinal));
        });
    }
}
