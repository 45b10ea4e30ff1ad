using EmploymentPortal.Testing;
using EmploymentPortal.Web.Features.Claims;

namespace EmploymentPortal.E2ETests;

/// <summary>
/// Claims of issue 6 in the browser: the demo claim waiting for a second approval is confirmed by
/// officer2 beside its decision trace, put in a payment batch whose xlsx export contains it, and
/// appears, with the person's name masked, on the anonymous public notice.
/// </summary>
public sealed class ClaimJourneyTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task Officer_confirms_a_claim_puts_it_in_a_payment_batch_and_it_appears_on_the_public_notice()
    {
        await RunAsync(async () =>
        {
            // officer2 opens the review queue and the claim waiting for the second approval.
            await LogInAsync("officer2");
            await Page.GotoAsync("/claims");
            await WaitForCircuitAsync();
            var row = Page.Locator("tr", new() { Has = Page.GetByTestId("claim-row-status").GetByText("待复核") }).First;
            var number = (await row.GetByTestId("claim-link").InnerTextAsync()).Trim();
            await row.GetByTestId("claim-link").ClickAsync();
            await WaitForCircuitAsync();
            await Expect(Page.GetByTestId("claim-number")).ToHaveTextAsync(number);
            await Expect(Page.GetByTestId("claim-trace")).ToContainTextAsync("邢南政发〔2020〕1号 第十一条");
            await ShowQuotedClausesAsync();
            await Expect(Page.GetByTestId("cited-clause")).ToContainTextAsync("一次性创业补贴");
            await Page.GetByTestId("approve").ClickAsync();
            await ConfirmAsync("复核通过", "¥");
            await Expect(Page.GetByTestId("claim-status")).ToHaveTextAsync("已批准");

            // It goes into a payment batch; the export for finance contains it.
            await Page.GotoAsync("/bureau/payment-batches");
            await WaitForCircuitAsync();
            var approved = Page.GetByTestId("approved-grid").Locator("tr", new() { HasText = number });
            await approved.GetByTestId("select-claim").ClickAsync();
            await Page.GetByTestId("create-batch").ClickAsync();
            await Expect(approved).ToHaveCountAsync(0);
            var batch = Page.GetByTestId("batch-grid").Locator("tbody tr").First;
            await Expect(batch.GetByTestId("batch-status")).ToHaveTextAsync("待支付");
            var download = await Page.RunAndWaitForDownloadAsync(() => batch.GetByTestId("export-batch").ClickAsync());
            var path = await download.PathAsync();
            var rows = XlsxText.Read(await File.ReadAllBytesAsync(path!));
            Assert.Contains(rows, r => r.Contains(number) && r.Contains("5000"));
            await Page.Context.ClearCookiesAsync();

            // Anyone sees it on the public notice, the name masked.
            await Page.GotoAsync("/notice");
            await Expect(Page.GetByTestId("public-notice")).ToBeVisibleAsync();
            var notice = Page.GetByTestId("notice-row").Filter(new() { HasText = "一次性创业补贴" });
            await Expect(notice.First).ToContainTextAsync("*");
            await Expect(notice.First).ToContainTextAsync("5,000.00");
        });
    }
}
