namespace EmploymentPortal.E2ETests;

/// <summary>
/// The prerendered page turns live: the runtime's own blazor.web.js (a static web asset of the
/// SDK) connects the circuit and a MudBlazor component's event
/// reaches the server and re-renders the page, without a navigation.
/// </summary>
public sealed class LiveCircuitTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task Choosing_a_district_filters_the_communities_over_the_circuit_without_reloading_the_page()
    {
        await RunAsync(async () =>
        {
            await LogInAsync("officer1");
            await Page.GotoAsync("/geography");
            await WaitForCircuitAsync();
            var count = Page.GetByTestId("community-count");
            await Expect(count).ToHaveTextAsync("共 39 个社区/村");
            await Page.EvaluateAsync("() => { window.__e2eMarker = 'same-document'; }");
            var navigations = 0;
            Page.FrameNavigated += (_, frame) =>
            {
                if (frame == Page.MainFrame)
                {
                    navigations++;
                }
            };

            await SelectAsync(Page.Locator("body"), "district-filter", "江东区");

            await Expect(count).ToHaveTextAsync("共 10 个社区/村");
            await Expect(Page.GetByTestId("community-grid").Locator("tbody tr")).ToHaveCountAsync(10);
            Assert.Equal("same-document", await Page.EvaluateAsync<string?>("() => window.__e2eMarker"));
            Assert.Equal(0, navigations);
            Assert.DoesNotContain(BrowserErrors, e => e.Contains("blazor.web.js", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task Menu_navigation_runs_over_the_circuit_without_loading_a_new_document()
    {
        await RunAsync(async () =>
        {
            await LogInAsync("station1");
            await WaitForCircuitAsync();
            await Page.EvaluateAsync("() => { window.__e2eMarker = 'same-document'; }");

            await Page.Locator(".portal-nav").GetByText("区划与服务站", new() { Exact = true }).ClickAsync();

            await Expect(Page).ToHaveURLAsync(PathIs("/geography"));
            await Expect(Page.Locator("h1")).ToHaveTextAsync("区划与服务站");
            await Expect(Page.GetByTestId("community-count")).ToHaveTextAsync("共 39 个社区/村");
            Assert.Equal("same-document", await Page.EvaluateAsync<string?>("() => window.__e2eMarker"));
        });
    }
}
