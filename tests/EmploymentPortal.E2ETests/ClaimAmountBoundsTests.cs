using Microsoft.Playwright;

namespace EmploymentPortal.E2ETests;

/// <summary>
/// Issue 13, point 1 in the browser: a bureau officer sets a benefit's per-claim ceiling with its
/// basis, and the claim page refuses an approved amount of zero, or one fen above the rules'
/// amount without a written reason, with a message next to the form.
/// </summary>
public sealed class ClaimAmountBoundsTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task Officer_sets_a_benefit_ceiling_with_its_basis_and_sees_it_in_force_and_in_the_history()
    {
        await RunAsync(async () =>
        {
            await LogInAsync("officer1");
            await Page.GotoAsync("/bureau/benefit-ceilings");
            await WaitForCircuitAsync();
            var form = Page.GetByTestId("ceiling-form");

            await form.GetByTestId("ceiling-save").ClickAsync();
            await Expect(form).ToContainTextAsync("请选择补贴项目。");

            await SelectAsync(form, "ceiling-benefit-input", "一次性求职补贴");
            await form.GetByTestId("ceiling-amount-input").FillAsync("800");
            await form.GetByTestId("ceiling-amount-input").PressAsync("Tab");
            await form.GetByTestId("ceiling-basis-input").FillAsync("江人社〔2026〕9号 第三条");
            await form.GetByTestId("ceiling-basis-input").PressAsync("Tab");
            await form.GetByTestId("ceiling-save").ClickAsync();

            var current = Page.GetByTestId("ceilings-current").Locator("tr", new() { HasText = "一次性求职补贴" });
            await Expect(current.GetByTestId("ceiling-amount")).ToHaveTextAsync("¥800.00");
            await Expect(current).ToContainTextAsync("江人社〔2026〕9号 第三条");
            await Expect(Page.GetByTestId("ceilings-history")).ToContainTextAsync("江人社〔2026〕9号 第三条");
        });
    }

    [Fact]
    public async Task The_claim_page_refuses_zero_and_an_amount_above_the_rules_without_a_reason()
    {
        await RunAsync(async () =>
        {
            await LogInAsync("officer2");
            await Page.GotoAsync("/claims");
            await WaitForCircuitAsync();
            var row = Page.Locator("tr", new() { Has = Page.GetByTestId("claim-row-status").GetByText("已提交", new() { Exact = true }), HasText = "一次性创业补贴" }).First;
            await row.GetByTestId("claim-link").ClickAsync();
            await WaitForCircuitAsync();
            await Expect(Page.GetByTestId("approve-limits")).ToContainTextAsync("单笔硬上限 ¥1,000,000.00");

            // A typed amount goes through Money.TryParse: its Chinese message, nothing sent.
            await Page.GetByTestId("approve-amount").FillAsync("1.234");
            await Page.GetByTestId("approve-amount").PressAsync("Tab");
            await Page.GetByTestId("approve").ClickAsync();
            await Expect(Page.GetByTestId("review-error")).ToContainTextAsync("金额1.234元不能精确到分");

            await Page.GetByTestId("approve-amount").FillAsync("0");
            await Page.GetByTestId("approve-amount").PressAsync("Tab");
            await Page.GetByTestId("approve").ClickAsync();
            await ConfirmAsync("批准", "¥0.00");
            await Expect(Page.GetByTestId("review-error")).ToContainTextAsync("核定金额必须大于 0");

            await Page.GetByTestId("approve-amount").FillAsync("5,000.01");
            await Page.GetByTestId("approve-amount").PressAsync("Tab");
            await Page.GetByTestId("approve").ClickAsync();
            await ConfirmAsync("批准", "¥5,000.01");
            await Expect(Page.GetByTestId("review-error")).ToContainTextAsync("核定金额高于规则计算金额，须填写书面理由");
            await Expect(Page.GetByTestId("claim-status")).ToHaveTextAsync("已提交");
        });
    }
}
