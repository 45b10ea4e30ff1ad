namespace EmploymentPortal.E2ETests;

/// <summary>
/// A station worker claims a monthly subsidy of a person (灵活就业社会保险补贴) for a period: the
/// claim covers its months, and a second claim over one of them is refused with the first's number.
/// </summary>
public sealed class MonthlySubsidyClaimTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task Station_worker_claims_a_period_and_cannot_claim_its_months_again()
    {
        var idNumber = await NewResidentOfDonghuAsync("灵活");
        var year = DateTime.UtcNow.Year - 1;
        await RunAsync(async () =>
        {
            await LogInAsync("station1");
            async Task FillAsync(string from, string to)
            {
                await Page.GotoAsync("/claims/new");
                await WaitForCircuitAsync();
                await SelectAsync(Page.Locator("body"), "claim-rule", "灵活就业社会保险补贴 · 就业困难人员灵活就业社会保险补贴");
                await Expect(Page.GetByTestId("claim-period")).ToBeVisibleAsync();
                await Page.GetByTestId("claim-id-number").FillAsync(idNumber);
                await Page.GetByTestId("claim-period-from").FillAsync(from);
                await Page.GetByTestId("claim-period-to").FillAsync(to);
                // The facts the rule needs are asked for in the form, labelled as the policy words them.
                var fields = Page.GetByTestId("claim-fact-fields");
                await Expect(fields).ToContainTextAsync("就业困难人员");
                await Expect(fields).ToContainTextAsync("灵活就业后缴纳社会保险费");
                await Expect(fields.GetByTestId("fact-person.subsidisedMonths")).ToHaveCountAsync(0);
                foreach (var fact in new[] { "fact-person.hardToEmploy", "fact-person.paysSocialInsuranceAsFlexibleWorker" })
                {
                    await SelectAsync(fields, fact, "是");
                }

                await Page.GetByTestId("claim-payee-account").FillAsync("6222020200334455");
                await Page.GetByTestId("claim-payee-account").PressAsync("Tab");
                await Page.GetByTestId("submit-new-claim").ClickAsync();
            }

            await FillAsync($"{year}-01", $"{year}-03");
            await ConfirmAsync("提交申请", "灵活就业社会保险补贴");
            await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/claims/[0-9a-f-]{36}$"));
            await Expect(Page.GetByTestId("claim-period")).ToHaveTextAsync($"{year}-01 – {year}-03（共 3 个月）");
            var number = (await Page.GetByTestId("claim-number").InnerTextAsync()).Trim();

            await FillAsync($"{year}-03", $"{year}-04");
            await Expect(Page.GetByTestId("claim-error")).ToContainTextAsync($"{year}-03 已由申请 {number} 申领");
            await Expect(Page).ToHaveURLAsync(PathIs("/claims/new"));
        });
    }
}
