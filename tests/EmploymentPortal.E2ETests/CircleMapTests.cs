using System.Globalization;

namespace EmploymentPortal.E2ETests;

/// <summary>
/// The employment-circle map in chromium: Leaflet (vendored by the build) draws each community's
/// circle offline, and selecting a community shows its circle and exactly the vacancies the
/// panel counts.
/// </summary>
public sealed class CircleMapTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task Station_worker_selects_a_community_and_the_map_shows_its_circle_and_its_vacancies()
    {
        await RunAsync(async () =>
        {
            await LogInAsync("station1");
            await WaitForCircuitAsync();
            await Page.Locator(".portal-nav").GetByText("就业圈地图").ClickAsync();
            await Expect(Page).ToHaveURLAsync(PathIs("/circles/map"));
            await WaitForCircuitAsync();
            await Expect(Page.GetByTestId("circle-map")).ToHaveAttributeAsync("data-ready", "true");

            // Two communities in station1's scope: two circles, two markers, no tiles fetched.
            await Expect(Page.Locator(".leaflet-overlay-pane path.circle-community")).ToHaveCountAsync(2);
            await Expect(Page.Locator(".leaflet-overlay-pane path.community-marker")).ToHaveCountAsync(2);
            await Expect(Page.Locator(".leaflet-tile")).ToHaveCountAsync(0);
            // Without a tile server the base layer is the city's boundaries from the portal's own geography.
            await Expect(Page.Locator(".leaflet-boundaries-pane path.boundary-city")).ToHaveCountAsync(1);
            Assert.True(await Page.Locator(".leaflet-boundaries-pane path.boundary-community").CountAsync() >= 39, "an area per community of the demo city (39)");
            await AssertFitsAndAccessibleAsync(Page.GetByTestId("circle-map"));
            await Page.SetViewportSizeAsync(1366, 768);

            await SelectAsync(Page.Locator("body"), "map-community", "东湖社区");

            var selected = Page.GetByTestId("selected-community");
            await Expect(selected).ToContainTextAsync("东湖社区");
            var communityId = await selected.GetAttributeAsync("data-community-id");
            await Expect(Page.Locator($".leaflet-overlay-pane path.circle-selected.circle-c-{communityId}")).ToHaveCountAsync(1);
            var count = int.Parse(await Page.GetByTestId("selected-vacancy-count").InnerTextAsync(), CultureInfo.InvariantCulture);
            Assert.True(count > 0, "the demo city has vacancies within 东湖社区's circle");
            await Expect(Page.Locator(".leaflet-overlay-pane path.vacancy-marker")).ToHaveCountAsync(count);

            // A click on the other community's marker selects it: its circle, its vacancies.
            var other = Page.Locator($".leaflet-overlay-pane path.community-marker:not(.community-m-{communityId})");
            await other.DispatchEventAsync("click");
            await Expect(selected).ToContainTextAsync("滨江社区");
            var otherId = await selected.GetAttributeAsync("data-community-id");
            Assert.NotEqual(communityId, otherId);
            await Expect(Page.Locator($".leaflet-overlay-pane path.circle-selected.circle-c-{otherId}")).ToHaveCountAsync(1);
            await Expect(Page.Locator(".leaflet-overlay-pane path.circle-selected")).ToHaveCountAsync(1);
            var otherCount = int.Parse(await Page.GetByTestId("selected-vacancy-count").InnerTextAsync(), CultureInfo.InvariantCulture);
            await Expect(Page.Locator(".leaflet-overlay-pane path.vacancy-marker")).ToHaveCountAsync(otherCount);
        });
    }

    [Fact]
    public async Task Bureau_officer_sees_the_dashboard_charts_and_every_community_in_the_list()
    {
        await RunAsync(async () =>
        {
            await LogInAsync("officer1");
            await Page.GotoAsync("/circles/dashboard");
            await WaitForCircuitAsync();

            await Expect(Page.GetByTestId("district-chart").Locator("svg")).Not.ToHaveCountAsync(0);
            await Expect(Page.GetByTestId("share-chart").Locator("svg")).Not.ToHaveCountAsync(0);
            await Expect(Page.GetByTestId("district-grid").Locator("tbody tr")).ToHaveCountAsync(4);
            await Expect(Page.GetByTestId("export-dashboard")).ToHaveAttributeAsync("href", "/api/v1/circles/dashboard/export");
            await Expect(Page.GetByTestId("district-grid")).ToBeVisibleAsync();
            await Page.SetViewportSizeAsync(1366, 768);

            await Page.GotoAsync("/circles/list");
            await WaitForCircuitAsync();
            await Expect(Page.GetByTestId("circle-list")).ToContainTextAsync("东湖社区");

            await Page.SetViewportSizeAsync(1366, 768);
            await Page.GetByTestId("circle-list").GetByRole(AriaRole.Link, new() { Name = "东湖社区" }).ClickAsync();
            await Expect(Page.GetByTestId("community-title")).ToHaveTextAsync("东湖社区");
            var count = await Page.GetByTestId("community-vacancy-count").InnerTextAsync();
            await Expect(Page.GetByTestId("community-vacancies")).ToContainTextAsync(count == "0" ? "圈内没有在招岗位。" : "km");
            await Expect(Page.GetByTestId("community-vacancies")).ToBeVisibleAsync();
            await Page.SetViewportSizeAsync(1366, 768);

            // The detail page's map link opens the map with the community selected.
            await Page.GetByRole(AriaRole.Link, new() { Name = "在地图上查看" }).ClickAsync();
            await Expect(Page.GetByTestId("circle-map")).ToHaveAttributeAsync("data-ready", "true");
            await Expect(Page.GetByTestId("selected-community")).ToContainTextAsync("东湖社区");
            await Expect(Page.GetByTestId("selected-vacancy-count")).ToHaveTextAsync(count);
            await Expect(Page.Locator(".leaflet-overlay-pane path.vacancy-marker")).ToHaveCountAsync(int.Parse(count, CultureInfo.InvariantCulture));
            await Expect(Page.Locator(".leaflet-overlay-pane path.circle-selected")).ToHaveCountAsync(1);
        });
    }

    [Fact]
    public async Task The_geography_s_district_filter_narrows_the_communities()
    {
        await RunAsync(async () =>
        {
            await LogInAsync("station1");
            await Page.GotoAsync("/geography");
            await WaitForCircuitAsync();

            // The geography's district filter narrows the communities.
            await Expect(Page.GetByTestId("community-grid")).ToBeVisibleAsync();
            var all = await Page.GetByTestId("community-count").InnerTextAsync();
            await SelectAsync(Page.Locator("body"), "district-filter", "北山县");
            await Expect(Page.GetByTestId("community-count")).ToHaveTextAsync("共 9 个社区/村");
            Assert.NotEqual("共 9 个社区/村", all);
        });
    }
}
