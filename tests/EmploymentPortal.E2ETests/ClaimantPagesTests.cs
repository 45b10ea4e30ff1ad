using System.Text.Json;
using EmploymentPortal.Testing;

namespace EmploymentPortal.E2ETests;

/// <summary>
/// The claimant's pages on MudBlazor (issue 15): the claim list filtered from the URL, a submitted
/// claim withdrawn with a confirmation restating the person and the amount, the notification it
/// sends; each page fits a laptop and a phone and passes axe.
/// </summary>
public sealed class ClaimantPagesTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task Enterprise_finds_its_submitted_claim_from_the_url_filter_and_withdraws_it()
    {
        var idNumber = await NewResidentOfDonghuAsync("撤回");
        await RunAsync(async () =>
        {
            await LogInAsync("enterprise1");
            var created = await PostJsonAsync("/api/v1/claims", new
            {
                benefit = "absorption",
                ruleId = "nanhe-2020-1.absorption-graduates-sme",
                residentIdNumber = idNumber,
                facts = new { hire = new { date = "2020-07-15", contractMonths = 12, socialInsurancePaid = true } },
                payeeAccount = "6222020200998877",
                submit = true,
            });
            Assert.True(created.Ok, await created.TextAsync());
            using var json = JsonDocument.Parse(await created.TextAsync());
            var number = json.RootElement.GetProperty("number").GetString()!;

            await Page.GotoAsync("/claims?status=Submitted");
            await WaitForCircuitAsync();
            var row = Page.GetByTestId("claim-grid").Locator("tr").Filter(new() { HasTextString = number });
            await Expect(row.GetByTestId("claim-row-status")).ToHaveTextAsync("已提交");
            await Expect(Page.GetByTestId("claim-row-status").Filter(new() { HasNotTextString = "已提交" })).ToHaveCountAsync(0);
            await Expect(row).ToBeVisibleAsync();
            await Page.SetViewportSizeAsync(1366, 768);

            await row.GetByTestId("claim-link").ClickAsync();
            await Expect(Page.GetByTestId("claim-number")).ToHaveTextAsync(number);
            await WaitForCircuitAsync();
            var person = await PersonNameAsync();
            await Page.GetByTestId("withdraw-claim").ClickAsync();
            await ConfirmAsync("撤回申请", person, "—");
            await Expect(Page.GetByTestId("claim-status")).ToHaveTextAsync("已撤回");
            await Expect(Page.GetByTestId("withdraw-claim")).ToHaveCountAsync(0);

            await Page.GotoAsync("/notifications");
            var notice = Page.GetByTestId("notification").Filter(new() { HasTextString = number }).Filter(new() { HasTextString = "已撤回" });
            await Expect(notice.First).ToBeVisibleAsync();
            await AssertFitsAndAccessibleAsync(notice.First);
        });
    }

    [Fact]
    public async Task A_status_the_list_does_not_know_is_named_in_Chinese_and_the_list_still_shows()
    {
        await RunAsync(async () =>
        {
            await LogInAsync("officer1");
            await Page.GotoAsync("/claims?status=bogus");
            await Expect(Page.GetByTestId("url-filter-error")).ToContainTextAsync("bogus");
            await Expect(Page.GetByTestId("url-filter-error")).ToContainTextAsync("无法识别");
            await Expect(Page.GetByTestId("claim-grid")).ToBeVisibleAsync();

            await Page.GotoAsync("/claims?status=AwaitingSecondApproval");
            await WaitForCircuitAsync();
            await Expect(Page.GetByTestId("url-filter-error")).ToHaveCountAsync(0);
            await Expect(Page.GetByTestId("claim-row-status").Filter(new() { HasNotTextString = "待复核" })).ToHaveCountAsync(0);
            await Expect(Page.GetByTestId("claim-grid")).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task The_new_claim_page_asks_for_typed_facts_in_words_and_fits_a_laptop_and_a_phone()
    {
        await RunAsync(async () =>
        {
            await LogInAsync("station1");
            await Page.GotoAsync("/claims/new");
            await WaitForCircuitAsync();
            await SelectAsync(Page.Locator("body"), "claim-rule", "职业培训补贴 · 职业技能培训补贴(脱贫劳动力、农民工、失业人员)");
            var fields = Page.GetByTestId("claim-fact-fields");
            await Expect(fields).ToContainTextAsync("完成培训");
            await Expect(Page.Locator("main")).Not.ToContainTextAsync("training.");
            await Expect(Page.Locator("main textarea")).ToHaveCountAsync(0);
            await AssertFitsAndAccessibleAsync(fields);
        });
    }

    /// <summary>The person as the claim page names them (申请对象: name（masked ID，community）).</summary>
    private async Task<string> PersonNameAsync()
    {
        var cell = Page.Locator("tr").Filter(new() { Has = Page.Locator("th", new() { HasTextString = "申请对象" }) }).Locator("td");
        var text = (await cell.InnerTextAsync()).Trim();
        return text[..text.IndexOf('（', StringComparison.Ordinal)];
    }
}
