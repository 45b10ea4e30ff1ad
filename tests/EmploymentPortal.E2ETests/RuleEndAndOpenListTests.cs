namespace EmploymentPortal.E2ETests;

/// <summary>
/// Issue 13, point 2 in the browser: an officer sets the end of a rule the text limits to the
/// epidemic period without an end and sees it in the rule's history; a station worker claims for
/// a key group the open list (…等) does not name, and an officer accepts it with a reason.
/// </summary>
public sealed class RuleEndAndOpenListTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task Officer_sets_the_end_of_an_epidemic_period_rule_and_sees_it_in_the_rules_history()
    {
        await RunAsync(async () =>
        {
            await LogInAsync("officer1");
            await Page.GotoAsync("/policies");
            await WaitForCircuitAsync();
            var rule = Page.Locator("[data-testid=policy-rule][data-rule='nanhe-2020-1.startup-loan-extension-covid']");
            await Expect(rule.GetByTestId("rule-end")).ToContainTextAsync("未载明截止日期");

            await rule.GetByTestId("end-nanhe-2020-1.startup-loan-extension-covid").ClickAsync();
            var form = Page.GetByTestId("rule-end-form");
            await form.GetByTestId("submit").ClickAsync();
            await Expect(form).ToContainTextAsync("请填写截止日期。");
            await FillUntilTakenAsync(form.Locator("[data-testid=ends-on] input, input[data-testid=ends-on]").First, "2023-01-07", form.GetByText("请填写截止日期。"));
            await form.GetByTestId("basis-document").FillAsync("关于对新型冠状病毒感染实施“乙类乙管”的总体方案");
            await form.GetByTestId("basis-document").PressAsync("Tab");
            await form.GetByTestId("basis-section").FillAsync("一");
            await form.GetByTestId("basis-section").PressAsync("Tab");
            await FillUntilTakenAsync(form.GetByTestId("basis-quote"), "自2023年1月8日起，解除对新型冠状病毒感染采取的甲类传染病预防、控制措施", form.GetByText("请摘录文件中确定截止日期的原文。"));
            await Expect(form.Locator(".field-error, .validation-message")).ToHaveCountAsync(0);
            await form.GetByTestId("submit").ClickAsync();

            await Expect(form).ToBeHiddenAsync();
            await Expect(rule.GetByTestId("rule-end")).ToContainTextAsync("至 2023-01-07（人社局依据 关于对新型冠状病毒感染实施“乙类乙管”的总体方案 设定）");
            await Expect(rule.GetByTestId("rule-end-history")).ToContainTextAsync("2023-01-07 （生效中）");
        });
    }

    [Fact]
    public async Task Station_claims_for_a_key_group_the_open_list_does_not_name_and_an_officer_accepts_it_with_a_reason()
    {
        var idNumber = await NewResidentOfDonghuAsync("退役");
        await RunAsync(async () =>
        {
            await LogInAsync("station1");
            await Page.GotoAsync("/claims/new");
            await WaitForCircuitAsync();
            await SelectAsync(Page.Locator("body"), "claim-rule", "职业培训补贴 · 职业技能培训补贴(脱贫劳动力、农民工、失业人员)");
            await Page.GetByTestId("claim-id-number").FillAsync(idNumber);
            var fields = Page.GetByTestId("claim-fact-fields");
            // An open list: one of the listed groups or another, typed freely.
            await fields.GetByTestId("fact-person.group").FillAsync("退役军人");
            await fields.GetByTestId("fact-person.group").PressAsync("Escape");
            await fields.GetByTestId("fact-person.group").PressAsync("Tab");
            await SelectAsync(fields, "fact-training.completed", "是");
            await Page.GetByTestId("claim-payee-account").FillAsync("6222020200776655");
            await Page.GetByTestId("claim-payee-account").PressAsync("Tab");
            await Page.GetByTestId("preview-claim").ClickAsync();
            await Expect(Page.GetByTestId("claim-preview").GetByTestId("decision-flag-openList")).ToContainTextAsync("开放列举");
            await Page.GetByTestId("submit-new-claim").ClickAsync();
            await ConfirmAsync("提交申请", "职业培训补贴");
            await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/claims/[0-9a-f-]{36}$"));
            await Expect(Page.GetByTestId("claim-outcome")).ToHaveTextAsync("需人工审核");
            await Expect(Page.GetByTestId("decision-flag-openList")).ToContainTextAsync("开放列举");
            var claimUrl = Page.Url;
            await Page.Context.ClearCookiesAsync();

            await LogInAsync("officer1");
            await Page.GotoAsync(claimUrl);
            await WaitForCircuitAsync();
            const string reason = "退役军人属于文件“等重点群体”的范围";
            await Page.GetByTestId("review-reason").FillAsync(reason);
            await Page.GetByTestId("review-reason").PressAsync("Tab");
            await Page.GetByTestId("accept-list-member").ClickAsync();

            await Expect(Page.GetByTestId("claim-outcome")).ToHaveTextAsync("符合");
            await Expect(Page.GetByTestId("decision-flag-openListAccepted")).ToBeVisibleAsync();
            await Expect(Page.GetByTestId("claim-history")).ToContainTextAsync(reason);
        });
    }
}
