namespace EmploymentPortal.E2ETests;

/// <summary>
/// The bureau's evaluation sandbox: facts in a typed form (no JSON), each rule's decision in the
/// bureau's words with its formula and the document number + article it cites.
/// </summary>
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
            await Expect(Page.GetByTestId("sandbox-benefit")).ToContainTextAsync("一次性吸纳就业补贴");

            await Page.GetByTestId("evaluate").ClickAsync();

            var decision = Page.GetByTestId("decision").Filter(new() { HasText = "登记失业半年以上人员" });
            await Expect(decision.GetByTestId("decision-outcome")).ToHaveTextAsync("符合条件");
            await Expect(decision.GetByTestId("decision-amount")).ToContainTextAsync("¥1,000.00/人 × 1 人 = ¥1,000.00");
            await Expect(decision.GetByTestId("decision-citation")).ToContainTextAsync("邢南政发〔2020〕1号 第十条");
            await Expect(decision.GetByTestId("decision-conditions")).ToContainTextAsync("劳动合同期限：12 个月（要求：不低于 12 个月）");
            await decision.GetByTestId("decision-quotes").GetByRole(AriaRole.Button, new() { Name = "条款原文" }).ClickAsync();
            await Expect(decision.GetByTestId("cited-clause")).ToContainTextAsync("按每人1000元标准给予一次性吸纳就业补贴");
            await Expect(Page.Locator("main")).Not.ToContainTextAsync("nanhe-2020-1");
            await Expect(Page.Locator("main")).Not.ToContainTextAsync(".txt");
            await ExpectNoHorizontalOverflowAsync();
        });
    }

    [Fact]
    public async Task A_fact_left_empty_is_named_in_words_as_missing_and_the_other_entries_stay()
    {
        await RunAsync(async () =>
        {
            await LogInAsync("officer1");
            await Page.GotoAsync("/policies/sandbox");
            await WaitForCircuitAsync();

            await Page.GetByTestId("fact-hire.contractMonths").FillAsync("");
            await Page.GetByTestId("fact-hire.contractMonths").PressAsync("Tab");
            await Page.GetByTestId("evaluate").ClickAsync();

            var decision = Page.GetByTestId("decision").Filter(new() { HasText = "登记失业半年以上人员" });
            await Expect(decision.GetByTestId("decision-outcome")).ToHaveTextAsync("需补充信息");
            await Expect(decision.GetByTestId("decision-missing")).ToContainTextAsync("缺少信息：劳动合同期限");
            await Expect(decision.GetByTestId("decision-conditions")).ToContainTextAsync("劳动合同期限：未提供");
            await Expect(Page.GetByTestId("fact-hire.date")).ToHaveValueAsync("2020-09-15");
            await Expect(Page.Locator("main")).Not.ToContainTextAsync("hire.");
        });
    }
}
