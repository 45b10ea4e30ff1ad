using EmploymentPortal.Testing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.ValueObjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.E2ETests;

/// <summary>
/// Issue 6's whole path in the browser, on the test clock: a resident registered unemployed in
/// January 2020 (the station records the person; the registration is history, see below); in August 2020 enterprise1 records the hire and claims the
/// one-time absorption subsidy from it (Nanhe 邢南政发〔2020〕1号 (十): registered unemployed at
/// least six months, a contract of a year or more, insured; hires of 2020 only: hence the dates),
/// sees the eligible decision with the cited clause; officer1 approves; officer2 puts it in a
/// payment batch whose exported xlsx holds it; it appears on the public notice.
/// </summary>
public sealed class AbsorptionClaimJourneyTests(PortalFixture portal) : PortalPageTest(portal)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Fact]
    public async Task Registered_resident_hired_months_later_is_claimed_for_approved_paid_in_a_batch_and_publicly_noticed()
    {
        var suffix = TestData.Next().ToString("000", System.Globalization.CultureInfo.InvariantCulture);
        var name = TestData.Name("吸纳");
        var idNumber = TestData.IdNumber(new DateOnly(1990, 4, 12), Sex.Male);
        var position = "出纳员" + suffix;
        const string account = "6222020200334455";

        try
        {
            await RunAsync(async () =>
            {
                // 2020-01-06: the station registers the resident and their unemployment.
                Portal.Clock.Set(new DateTimeOffset(2020, 1, 6, 10, 0, 0, China));
                await LogInAsync("station1");
                await Page.GotoAsync("/residents/new");
                await WaitForCircuitAsync();
                var form = Page.GetByTestId("register-resident-form");
                await form.GetByTestId("name").FillAsync(name);
                await form.GetByTestId("id-number").FillAsync(idNumber);
                await form.GetByTestId("phone").FillAsync("13912345678");
                await SelectAsync(form, "community", "东湖社区");
                await form.GetByTestId("submit").ClickAsync();
                await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/residents/[0-9a-f-]{36}$"));
                await Expect(Page.Locator("h1")).ToHaveTextAsync(name);
                await WaitForCircuitAsync();
                var unemployment = Page.GetByTestId("unemployment-form");
                await unemployment.GetByTestId("able-to-work").ClickAsync();
                await unemployment.GetByTestId("wants-work").ClickAsync();
                await unemployment.GetByTestId("currently-unemployed").ClickAsync();
                await unemployment.GetByTestId("register-unemployed").ClickAsync();

                // The portal's only registration rule, (二十) of the same document, stands from its
                // issue on 2020-07-27: the form refuses a registration dated January 2020 and says
                // why. The January registration is history the portal is given (as the demo
                // data's are): written through the domain, then the journey goes on in the browser.
                await Expect(unemployment).ToContainTextAsync("不在政策执行期（2020-07-27 起）内");
                await Expect(Page.GetByTestId("employment-status")).ToContainTextAsync("未办理失业登记");
                var residentId = Guid.Parse(new Uri(Page.Url).Segments[^1]);
                await RegisterUnemployedInTheHistoryAsync(residentId, new DateOnly(2020, 1, 6), "SYE2E202001" + suffix);
                await Page.ReloadAsync();
                await Expect(Page.GetByTestId("employment-status")).ToContainTextAsync("登记失业");
                await Expect(Page.GetByTestId("employment-status")).Not.ToContainTextAsync("未办理");
                await Page.Context.ClearCookiesAsync();

                // 2020-08-03, seven months later: enterprise1 records the hire (start today, a
                // 12-month contract) and that it pays social insurance.
                Portal.Clock.Set(new DateTimeOffset(2020, 8, 3, 10, 0, 0, China));
                await LogInAsync("enterprise1");
                await Page.GotoAsync("/enterprise/hires");
                await WaitForCircuitAsync();
                await ClickUntilShownAsync(Page.GetByTestId("record-hire"), Page.GetByTestId("hire-form"));
                var hireForm = Page.GetByTestId("hire-form");
                await hireForm.GetByTestId("hire-id-number").FillAsync(idNumber);
                await hireForm.GetByTestId("hire-name").FillAsync(name);
                await hireForm.GetByTestId("hire-position").FillAsync(position);
                await hireForm.GetByTestId("hire-submit").ClickAsync();
                await Expect(Page.GetByTestId("hire-form")).ToHaveCountAsync(0);
                var hireRow = Page.GetByTestId("enterprise-hires").Locator("tr").Filter(new() { HasTextString = position });
                await Expect(hireRow).ToContainTextAsync("2020-08-03");
                await hireRow.GetByTestId("update-insurance").ClickAsync();
                await Page.GetByTestId("insurance-save").ClickAsync();
                await Expect(Page.GetByTestId("insurance-form")).ToHaveCountAsync(0);
                await Expect(hireRow).ToContainTextAsync("起缴纳");
                await Expect(hireRow.GetByTestId("claim-from-hire")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/claims/new\\?hireId=[0-9a-f-]{36}$"));

                // The enterprise claims the absorption subsidy from the hire it recorded.
                await Page.GotoAsync("/claims/new");
                await WaitForCircuitAsync();
                await SelectAsync(Page.Locator("body"), "claim-rule", "登记失业半年以上人员");
                await Expect(Page.GetByTestId("claim-from-hire-hint")).ToBeVisibleAsync();
                await Expect(Page.GetByTestId("claim-id-number")).ToHaveCountAsync(0);
                await SelectAsync(Page.Locator("body"), "claim-hire", position);
                await Page.GetByTestId("claim-payee-account").FillAsync(account);
                await Page.GetByTestId("claim-payee-account").PressAsync("Tab");

                // The decision is previewed before anything is filed: in words, with the amount and the clause.
                await Page.GetByTestId("preview-claim").ClickAsync();
                var preview = Page.GetByTestId("claim-preview");
                await Expect(preview.GetByTestId("decision-amount")).ToContainTextAsync("¥1,000.00/人 × 1 人 = ¥1,000.00");
                await Expect(preview.GetByTestId("decision-citation")).ToContainTextAsync("邢南政发〔2020〕1号 第十条");
                await Expect(Page.Locator("main")).Not.ToContainTextAsync("{}");
                await Expect(Page.Locator("main")).Not.ToContainTextAsync("hire.");
                await AssertFitsAndAccessibleAsync(preview.GetByTestId("decision-amount"));
                await Page.SetViewportSizeAsync(1366, 768);
                await Page.GetByTestId("submit-new-claim").ClickAsync();
                await ConfirmAsync("提交申请", name[..1] + "*", "¥1,000.00");

                await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/claims/[0-9a-f-]{36}$"));
                await WaitForCircuitAsync();
                var claimUrl = Page.Url;
                await Expect(Page.GetByTestId("claim-outcome")).ToHaveTextAsync("符合");
                await Expect(Page.GetByTestId("fact-source")).ToContainTextAsync("登记记录");
                await Expect(Page.GetByTestId("fact-source")).Not.ToContainTextAsync("未核验");
                await Expect(Page.GetByTestId("claim-hire")).ToContainTextAsync(position + " · 2020-08-03");
                await Expect(Page.GetByTestId("claim-amount")).ToContainTextAsync("1,000.00");
                await Expect(Page.GetByTestId("decision-citation")).ToContainTextAsync("邢南政发〔2020〕1号 第十条");
                await Expect(Page.GetByTestId("decision-amount")).ToContainTextAsync("¥1,000.00/人 × 1 人 = ¥1,000.00");
                await Expect(Page.GetByTestId("decision-conditions")).ToContainTextAsync("劳动合同期限：12 个月（要求：不低于 12 个月）");
                await Expect(Page.GetByTestId("claim-trace")).Not.ToContainTextAsync(".txt");
                await ShowQuotedClausesAsync();
                await Expect(Page.GetByTestId("cited-clause")).ToContainTextAsync("按每人1000元标准给予一次性吸纳就业补贴");
                await ExpectNoHorizontalOverflowAsync();
                var number = (await Page.GetByTestId("claim-number").InnerTextAsync()).Trim();
                await Page.Context.ClearCookiesAsync();

                // officer1 approves (1,000 yuan: below the second-approval threshold).
                await LogInAsync("officer1");
                await Page.GotoAsync(claimUrl);
                await WaitForCircuitAsync();
                await Expect(Page.GetByTestId("claim-number")).ToHaveTextAsync(number);
                await Page.GetByTestId("approve").ClickAsync();
                await ConfirmAsync("批准", name, "¥1,000.00");
                await Expect(Page.GetByTestId("claim-status")).ToHaveTextAsync("已批准");
                await Page.Context.ClearCookiesAsync();

                // officer2 puts it in a payment batch and exports the batch for finance.
                await LogInAsync("officer2");
                await Page.GotoAsync("/bureau/payment-batches");
                await WaitForCircuitAsync();
                var approved = Page.GetByTestId("approved-grid").Locator("tr", new() { HasText = number });
                await approved.GetByTestId("select-claim").ClickAsync();
                await Page.GetByTestId("create-batch").ClickAsync();
                await ConfirmAsync("生成支付批次", name, "¥1,000.00");
                await Expect(approved).ToHaveCountAsync(0);
                var batch = Page.GetByTestId("batch-grid").Locator("tbody tr").Filter(new() { Has = Page.GetByTestId("batch-number").GetByText("ZF20200803") });
                await Expect(batch).ToHaveCountAsync(1);
                await Expect(batch.GetByTestId("batch-status")).ToHaveTextAsync("待支付");
                var download = await Page.RunAndWaitForDownloadAsync(() => batch.GetByTestId("export-batch").ClickAsync());
                var rows = ReadSheet(await download.PathAsync());
                var line = Assert.Single(rows, r => r.Contains(number));
                Assert.Contains("1000", line);
                Assert.Contains(account, line);
                Assert.Contains("邢南政发〔2020〕1号", line);
                Assert.Contains("一次性吸纳就业补贴", line);
                await Page.Context.ClearCookiesAsync();

                // Anyone sees it on the public notice: enterprise, masked name, benefit, amount, date.
                var enterpriseName = await Portal.EnterpriseNameAsync("enterprise1");
                await Page.GotoAsync("/notice");
                await Expect(Page.GetByTestId("public-notice")).ToBeVisibleAsync();
                var notice = Page.GetByTestId("notice-row").Filter(new() { HasTextString = name[..1] + new string('*', name.Length - 1) }).Filter(new() { HasTextString = "2020-08-03" });
                await Expect(notice).ToHaveCountAsync(1);
                await Expect(notice).ToContainTextAsync(enterpriseName);
                await Expect(notice).ToContainTextAsync("一次性吸纳就业补贴");
                await Expect(notice).ToContainTextAsync("1,000.00");
                await Expect(Page.GetByTestId("public-notice")).Not.ToContainTextAsync(name);
                await Expect(Page.GetByTestId("public-notice")).Not.ToContainTextAsync(idNumber);
            });
        }
        finally
        {
            Portal.Clock.Reset();
        }
    }

    /// <summary>The first sheet's rows as text, read with DocumentFormat.OpenXml (inline, shared and number cells).</summary>
    private async Task RegisterUnemployedInTheHistoryAsync(Guid residentId, DateOnly on, string number)
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var resident = await db.Residents.SingleAsync(r => r.Id == residentId);
        resident.RegisterUnemployed(on, number);
        await db.SaveChangesAsync();
    }

    private static List<List<string>> ReadSheet(string? path)
    {
        Assert.NotNull(path);
        using var document = SpreadsheetDocument.Open(path, false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First();
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        return part.Worksheet.Descendants<Row>()
            .Select(row => row.Elements<Cell>().Select(cell =>
                cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? string.Empty
                : cell.DataType?.Value == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
                : cell.CellValue?.Text ?? string.Empty).ToList())
            .ToList();
    }
}
