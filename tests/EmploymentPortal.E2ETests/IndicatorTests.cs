namespace EmploymentPortal.E2ETests;

/// <summary>The bureau's indicators page (issue 17): the progress chart beside the table, on a laptop and a phone.</summary>
public sealed class IndicatorTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task An_officer_sees_the_targets_with_a_progress_chart_that_fits_a_laptop_and_a_phone()
    {
        await RunAsync(async () =>
        {
            await LogInAsync("officer1");
            await Page.GotoAsync("/bureau/indicators");
            await WaitForCircuitAsync();

            await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "指标与目标", Level = 1 })).ToBeVisibleAsync();
            await Expect(Page.GetByTestId("indicator-grid")).ToContainTextAsync("举办招聘会场次");
            await Expect(Page.GetByTestId("indicator-chart").Locator("svg").First).ToBeVisibleAsync();
            Assert.True(await Page.GetByTestId("indicator-chart").Locator("svg rect, svg path").CountAsync() > 0, "the chart draws its bars");
            await AssertFitsAndAccessibleAsync(Page.GetByTestId("indicator-chart").Locator("svg").First);
        });
    }
}
