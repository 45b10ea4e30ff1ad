namespace EmploymentPortal.E2ETests;

/// <summary>
/// The enterprise that hosts an internship programme (the demo cohort of enterprise1) claims a
/// month of its intern's internship subsidy itself, from the placement claim page.
/// </summary>
public sealed class PlacementClaimTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task Host_enterprise_claims_this_months_internship_subsidy_for_its_intern()
    {
        await RunAsync(async () =>
        {
            await LogInAsync("enterprise1");
            await Page.GotoAsync("/claims");
            await WaitForCircuitAsync();
            await Page.GetByTestId("new-placement-claim").ClickAsync();
            await Expect(Page).ToHaveURLAsync(PathIs("/claims/new/placement"));
            await WaitForCircuitAsync();

            // Only the interns of its own programme are offered; the newest placement comes first.
            await Expect(Page.GetByTestId("placement-claim-submit")).ToBeVisibleAsync();
            await Page.SetViewportSizeAsync(1366, 768);
            await Page.Locator(".mud-select:has([data-testid=placement-claim-placement])").First.ClickAsync();
            var options = Page.Locator(".mud-popover-open").GetByRole(AriaRole.Option);
            await Expect(options.First).ToContainTextAsync("见习岗位");
            Assert.DoesNotContain(await options.AllInnerTextsAsync(), text => text.Contains("公益性岗位", StringComparison.Ordinal));
            await options.First.ClickAsync();
            await SelectAsync(Page.Locator("body"), "placement-claim-benefit", "就业见习补贴（见习岗位）");
            await Page.GetByTestId("placement-claim-account").FillAsync("6222020200112233");
            await Page.GetByTestId("placement-claim-account").PressAsync("Tab");
            await Page.GetByTestId("placement-claim-submit").ClickAsync();

            await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/claims/[0-9a-f-]{36}$"));
            await Expect(Page.GetByTestId("claim-status")).ToHaveTextAsync("已提交");
            await Expect(Page.Locator("body")).ToContainTextAsync("就业见习补贴");
        });
    }
}
