namespace EmploymentPortal.E2ETests;

/// <summary>An officer sets a figure the policy document leaves open, from the catalogue page.</summary>
public sealed class LocalParameterTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task Officer_sets_a_local_value_and_sees_it_in_the_parameter_history_with_the_bureaus_reference()
    {
        await RunAsync(async () =>
        {
            await LogInAsync("officer1");
            await Page.GotoAsync("/policies");
            await WaitForCircuitAsync();

            await Page.GetByTestId("set-nanhe-2020-1.internship.monthlySubsidy").First.ClickAsync();
            var form = Page.GetByTestId("local-parameter-form");
            await form.GetByTestId("submit").ClickAsync();
            await Expect(form).ToContainTextAsync("请填写生效日期。");
            // The text fields first, each committed; the value and the date last, so that no
            // re-render for another field's change crosses theirs (under load the two were seen
            // emptied after their changes had been sent).
            await form.GetByTestId("reference-document").FillAsync("江人社〔2026〕7号");
            await form.GetByTestId("reference-document").PressAsync("Tab");
            await form.GetByTestId("section").FillAsync("第二条");
            await form.GetByTestId("section").PressAsync("Tab");
            await form.GetByTestId("quote").FillAsync("就业见习补贴标准为每人每月1500元。");
            await form.GetByTestId("quote").PressAsync("Tab");
            await form.GetByTestId("value").FillAsync("1500");
            await form.GetByTestId("value").PressAsync("Tab");
            await FillUntilTakenAsync(form.Locator("[data-testid=effective-from] input, input[data-testid=effective-from]").First, "2020-08-01", form.GetByText("请填写生效日期。"));
            // Every message of the first submit is gone only once the server has validated each
            // field with its new value: the values have all arrived, and the submit sends them.
            await Expect(form.Locator(".field-error, .validation-message")).ToHaveCountAsync(0);
            await form.GetByTestId("submit").ClickAsync();

            await Expect(form).ToBeHiddenAsync();
            var rule = Page.Locator("[data-testid=policy-rule][data-rule^='nanhe-2020-1.internship']").First;
            await Expect(rule).ToContainTextAsync("¥1,500.00");
            await Expect(rule).ToContainTextAsync("第二条「就业见习补贴标准为每人每月1500元。」");
        });
    }
}
