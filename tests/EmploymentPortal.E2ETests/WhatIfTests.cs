namespace EmploymentPortal.E2ETests;

/// <summary>The bureau's what-if: a changed parameter over a population, people and money compared.</summary>
public sealed class WhatIfTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task Officer_runs_a_what_if_and_sees_the_money_difference_for_the_city()
    {
        await RunAsync(async () =>
        {
            await LogInAsync("officer1");
            await Page.GotoAsync("/policies/what-if");
            await WaitForCircuitAsync();

            await Page.GetByTestId("whatif-run").ClickAsync();

            var result = Page.GetByTestId("whatif-result");
            await Expect(result).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Expect(Page.GetByTestId("whatif-people-diff")).ToHaveTextAsync("0");
            await Expect(Page.GetByTestId("whatif-money-diff")).ToHaveTextAsync("+¥9,000,000.00");
            await Expect(Page.Locator("main")).Not.ToContainTextAsync("publicWelfarePost");
            await ExpectNoHorizontalOverflowAsync();
        });
    }
}
