using EmploymentPortal.Testing;

namespace EmploymentPortal.E2ETests;

/// <summary>The bureau's monthly report (issue 17) for the demo city: charts drawn beside their tables, the xlsx downloads, the print view opens.</summary>
public sealed class BureauReportTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task An_officer_opens_the_monthly_report_of_the_demo_city_with_its_charts_and_exports_and_prints_it()
    {
        await RunAsync(async () =>
        {
            await LogInAsync("officer1");
            await Page.GotoAsync("/bureau/reports?period=&scope=city");
            await WaitForCircuitAsync();

            await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "就业统计报表", Level = 1 })).ToBeVisibleAsync();
            await Expect(Page.GetByTestId("report-summary")).ToContainTextAsync("期末登记失业人数（人）");
            await Expect(Page.GetByTestId("report-districts").GetByTestId("area-row").First).ToBeVisibleAsync();
            await Expect(Page.GetByTestId("table-months").Locator("tbody tr")).ToHaveCountAsync(12);
            foreach (var chart in new[] { "chart-registered", "chart-placements" })
            {
                await Expect(Page.GetByTestId(chart).Locator("svg").First).ToBeVisibleAsync();
                Assert.True(await Page.GetByTestId(chart).Locator("svg path").CountAsync() > 0, $"{chart} draws its paths");
            }

            var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("report-export").ClickAsync());
            var rows = XlsxText.Read(await File.ReadAllBytesAsync((await download.PathAsync())!), "汇总");
            Assert.Contains(rows, r => r.Count >= 2 && r[0] == "统计范围" && r[1] == "全市");
            Assert.Contains(rows, r => r.Count >= 1 && r[0] == "期末登记失业人数（人）");

            var print = await Page.RunAndWaitForPopupAsync(() => Page.GetByTestId("report-print").ClickAsync());
            await Expect(print.GetByTestId("print-title")).ToHaveTextAsync("就业统计月报");
            await Expect(print.GetByTestId("report-communities").GetByTestId("area-row").First).ToBeVisibleAsync();
            await print.CloseAsync();

            await AssertFitsAndAccessibleAsync(Page.GetByTestId("chart-registered").Locator("svg").First);
        });
    }
}
