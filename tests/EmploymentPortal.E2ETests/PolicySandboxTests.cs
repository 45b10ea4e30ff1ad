namespace EmploymentPortal.E2ETests;

/// <summary>The bureau's evaluation sandbox: facts in, each rule's decision and its cited clauses out.</summary>
public sealed class PolicySandboxTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task Officer_evaluates_the_absorption_subsidy_and_sees_1000_yuan_with_the_cited_clause()
    {
        await RunAsync(async () =>
        {
            await LogInAsync("officer1");
            await Page.GotoAsync("/policies/sandbox");
            await WaitForCircuitAsync();

            await Page.GetByTestId("evaluate").ClickAsync();

            var decision = Page.GetByTestId("decision").Filter(new() { HasText = "nanhe-2020-1.absorption-long-term-unemployed" });
            await Expect(decision).ToContainTextAsync("符合");
            await Expect(decision).ToContainTextAsync("¥1,000.00");
            await Expect(decision).ToContainTextAsync("按每人1000元标准给予一次性吸纳就业补贴");
        });
    }

    [Fact]
    public async Task Facts_that_are_not_json_get_a_chinese_message_and_keep_the_typed_text()
    {
        await RunAsync(async () =>
        {
            await LogInAsync("officer1");
            await Page.GotoAsync("/policies/sandbox");
            await WaitForCircuitAsync();

            await Page.GetByTestId("facts").FillAsync("{ person: ");
            await Page.GetByTestId("evaluate").ClickAsync();

            await Expect(Page.GetByTestId("facts-error")).ToContainTextAsync("事实不是有效的 JSON");
            await Expect(Page.GetByTestId("facts")).ToHaveValueAsync("{ person: ");
        });
    }
}
