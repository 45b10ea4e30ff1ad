namespace EmploymentPortal.E2ETests;

/// <summary>
/// The bureau adjusts the fully-employed community standard from its page: a wrong figure gets a
/// message next to its field and nothing typed is lost; a valid version starting next month is
/// listed as upcoming while the standard in force stays.
/// </summary>
public sealed class CircleStandardTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task Officer_sets_a_new_standard_from_next_month_after_correcting_a_wrong_rate()
    {
        await RunAsync(async () =>
        {
            await LogInAsync("officer1");
            await WaitForCircuitAsync();
            await Page.Locator(".portal-nav").GetByText("充分就业社区标准").ClickAsync();
            await Expect(Page).ToHaveURLAsync(PathIs("/circles/standard"));
            await WaitForCircuitAsync();
            await Expect(Page.GetByTestId("in-force-rate")).ToHaveTextAsync("4 %");

            await AssertFitsAndAccessibleAsync(Page.GetByTestId("standard-form"));
            await Page.SetViewportSizeAsync(1366, 768);

            // The fields are MudBlazor inputs (the test id sits on the input); a number is taken on leaving it.
            var form = Page.GetByTestId("standard-form");
            var rate = form.GetByTestId("standard-rate");
            await rate.FillAsync("150");
            await rate.PressAsync("Tab");
            await form.GetByTestId("standard-reason").FillAsync("按2027年度就业工作目标从严");
            await form.GetByTestId("standard-reason").PressAsync("Tab");
            await form.GetByTestId("standard-save").ClickAsync();

            await Expect(form.GetByTestId("error-MaxUnemploymentRatePercent")).ToHaveTextAsync("请输入 0~100 之间的登记失业率上限（%）。");
            await Expect(Page.GetByTestId("standard-error")).ToBeVisibleAsync();
            await Expect(rate).ToHaveValueAsync("150");
            await Expect(form.GetByTestId("standard-reason")).ToHaveValueAsync("按2027年度就业工作目标从严");
            await Expect(Page.GetByTestId("standard-history").GetByTestId("standard-state")).ToHaveCountAsync(0);

            await rate.FillAsync("3.5");
            await rate.PressAsync("Tab");
            await form.GetByTestId("standard-save").ClickAsync();

            var history = Page.GetByTestId("standard-history");
            await Expect(history.GetByTestId("standard-state")).ToHaveTextAsync("待生效");
            await Expect(history).ToContainTextAsync("3.5 %");
            await Expect(history).ToContainTextAsync("按2027年度就业工作目标从严");
            await Expect(form.Locator(".field-error")).ToHaveCountAsync(0);
            // It starts next month: the standard in force today is still the default.
            await Expect(Page.GetByTestId("in-force-rate")).ToHaveTextAsync("4 %");

            // Next year's target: the form proposes the year; the bureau's figure replaces the draft's.
            var targets = Page.GetByTestId("target-form");
            var year = int.Parse(await targets.GetByTestId("target-year").InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
            await Expect(Page.GetByTestId($"target-in-force-{year}")).ToHaveTextAsync("70 %");
            await targets.GetByTestId("target-share").FillAsync("75");
            await targets.GetByTestId("target-share").PressAsync("Tab");
            await targets.GetByTestId("target-reason").FillAsync("市政府年度就业工作目标");
            await targets.GetByTestId("target-reason").PressAsync("Tab");
            await targets.GetByTestId("target-save").ClickAsync();
            await Expect(Page.GetByTestId($"target-in-force-{year}")).ToHaveTextAsync("75 %");
            await Expect(Page.GetByTestId($"target-set-{year}")).ToHaveTextAsync("75 %");
        });
    }
}
