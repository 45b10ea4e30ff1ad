using EmploymentPortal.Testing;
using EmploymentPortal.Data;
using EmploymentPortal.Web.Features.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.E2ETests;

/// <summary>
/// Claims of issue 6 in the browser, with issue 15's confirmations and print views: the demo claim
/// waiting for a second approval is confirmed by officer2 (the confirmation restates the person
/// and the amount) beside its decision trace, put in a payment batch (confirmed with the payee and
/// the total) whose xlsx export and printed list contain it, settled (confirmed), printed as a
/// decision notice, and appears, with the person's name masked, on the anonymous public notice.
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
            var person = await PersonNameAsync(number);
            await row.GetByTestId("claim-link").ClickAsync();
            await WaitForCircuitAsync();
            await Expect(Page.GetByTestId("claim-number")).ToHaveTextAsync(number);
            await Expect(Page.GetByTestId("claim-trace")).ToContainTextAsync("邢南政发〔2020〕1号 第十一条");
            await ShowQuotedClausesAsync();
            await Expect(Page.GetByTestId("cited-clause")).ToContainTextAsync("一次性创业补贴");
            await Page.GetByTestId("approve").ClickAsync();
            await ConfirmAsync("复核通过", person, "¥5,000.00");
            await Expect(Page.GetByTestId("claim-status")).ToHaveTextAsync("已批准");
            var claimUrl = Page.Url;

            // It goes into a payment batch (confirmed with the person and the total); the export
            // for finance and the printed list contain it.
            await Page.GotoAsync("/bureau/payment-batches");
            await WaitForCircuitAsync();
            var approved = Page.GetByTestId("approved-grid").Locator("tr", new() { HasText = number });
            await approved.GetByTestId("select-claim").ClickAsync();
            await Expect(Page.GetByTestId("selection-total")).ToContainTextAsync("¥5,000.00");
            await Page.GetByTestId("create-batch").ClickAsync();
            await ConfirmAsync("生成支付批次", person, "¥5,000.00");
            await Expect(approved).ToHaveCountAsync(0);
            var batch = Page.GetByTestId("batch-grid").Locator("tbody tr").First;
            await Expect(batch.GetByTestId("batch-status")).ToHaveTextAsync("待支付");
            var batchNumber = (await batch.GetByTestId("batch-number").InnerTextAsync()).Trim();
            var download = await Page.RunAndWaitForDownloadAsync(() => batch.GetByTestId("export-batch").ClickAsync());
            var path = await download.PathAsync();
            var rows = XlsxText.Read(await File.ReadAllBytesAsync(path!));
            Assert.Contains(rows, r => r.Contains(number) && r.Contains("5000"));

            var list = await Page.RunAndWaitForPopupAsync(() => batch.GetByTestId("print-batch").ClickAsync());
            await Expect(list.GetByTestId("print-title")).ToHaveTextAsync("支付批次清单");
            await Expect(list.GetByTestId("batch-number")).ToHaveTextAsync(batchNumber);
            await Expect(list.GetByTestId("print-line").Filter(new() { HasText = number })).ToContainTextAsync("¥5,000.00");
            await Expect(list.GetByTestId("print-total")).Not.ToBeEmptyAsync();
            await Expect(list.Locator(".portal-appbar, .portal-drawer")).ToHaveCountAsync(0);
            await list.CloseAsync();

            // Finance paid it: recorded after a confirmation that restates the batch, payee and total.
            await batch.GetByTestId("settle-paid").ClickAsync();
            await ConfirmAsync("登记已支付", batchNumber, person, "¥5,000.00");
            await Expect(Page.GetByTestId("batch-grid").Locator("tbody tr").Filter(new() { HasText = batchNumber }).GetByTestId("batch-status")).ToHaveTextAsync("已支付");

            // The decision notice prints the claim with the decision panel's words.
            await Page.GotoAsync(claimUrl);
            await WaitForCircuitAsync();
            var notice = await Page.RunAndWaitForPopupAsync(() => Page.GetByTestId("print-claim").ClickAsync());
            await Expect(notice.GetByTestId("print-title")).ToHaveTextAsync("补贴申请决定通知书");
            await Expect(notice.GetByTestId("claim-number")).ToHaveTextAsync(number);
            await Expect(notice.GetByTestId("print-person")).ToContainTextAsync(person);
            await Expect(notice.GetByTestId("print-status")).ToHaveTextAsync("已支付");
            await Expect(notice.GetByTestId("decision-citation")).ToContainTextAsync("邢南政发〔2020〕1号 第十一条");
            await Expect(notice.Locator(".portal-appbar, .portal-drawer")).ToHaveCountAsync(0);
            await notice.CloseAsync();
            await Page.Context.ClearCookiesAsync();

            // Anyone sees it on the public notice, the name masked.
            await Page.GotoAsync("/notice");
            await Expect(Page.GetByTestId("public-notice")).ToBeVisibleAsync();
            var noticeRow = Page.GetByTestId("notice-row").Filter(new() { HasText = "一次性创业补贴" });
            await Expect(noticeRow.First).ToContainTextAsync("*");
            await Expect(noticeRow.First).ToContainTextAsync("5,000.00");
            await Expect(Page.GetByTestId("print-notice")).ToBeVisibleAsync();
            await Expect(Page.GetByTestId("public-notice")).Not.ToContainTextAsync(person);
        });
    }

    private async Task<string> PersonNameAsync(string claimNumber)
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Claims.AsNoTracking().Where(c => c.Number == claimNumber).Select(c => c.PersonName).SingleAsync();
    }
}
