using System.Globalization;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Policies;
using EmploymentPortal.Testing;
using EmploymentPortal.Web.Features.Entrepreneurship;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.E2ETests;

/// <summary>
/// Issue 16, entrepreneurship: a station worker records a resident's business start on the
/// resident's page; an officer records the loan application, the guarantee and bank decisions
/// and the disbursement, and the loan page shows the schedule with the interest subsidy of each
/// installment.
/// </summary>
public sealed class StartupLoanJourneyTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task Station_records_a_business_start_and_the_officer_takes_its_loan_to_the_interest_subsidy()
    {
        await EnsureInterestShareAsync();
        var idNumber = await NewResidentOfDonghuAsync("创业");
        var business = "小李早餐店" + TestData.Next().ToString("000", CultureInfo.InvariantCulture);
        var first14 = string.Create(CultureInfo.InvariantCulture, $"3699027{TestData.Next() % 10_000_000:0000000}");
        var number = first14 + BusinessRegistrationCheck(first14);

        await RunAsync(async () =>
        {
            await LogInAsync("station1");
            await Page.GotoAsync("/residents?search=" + idNumber);
            await Page.GetByTestId("resident-link").First.ClickAsync();
            await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/residents/[0-9a-f-]{36}$"));
            await WaitForCircuitAsync();
            await Expect(Page.GetByTestId("no-business-starts")).ToBeVisibleAsync();
            await ClickUntilShownAsync(Page.GetByTestId("show-business-start-form"), Page.GetByTestId("business-start-form"));
            var form = Page.GetByTestId("business-start-form");
            await form.GetByTestId("business-start-name-input").FillAsync(business);
            await form.GetByTestId("business-start-number").FillAsync(number[..14] + (number[14] == '0' ? '1' : '0'));
            await form.GetByTestId("business-start-address").FillAsync("江州市东湖区民主路 8 号");
            await form.GetByTestId("business-start-save").ClickAsync();
            await Expect(FieldOf(form, "business-start-number")).ToContainTextAsync("校验位");
            await FillUntilTakenAsync(form.GetByTestId("business-start-number"), number, FieldOf(form, "business-start-number").Locator(".mud-input-error"));
            await form.GetByTestId("business-start-save").ClickAsync();
            await Expect(Page.GetByTestId("business-starts")).ToContainTextAsync(business);
            await AssertFitsAndAccessibleAsync(Page.GetByTestId("business-starts"), "[data-testid=status-form]", "[data-testid=place-form]");

            await Page.Context.ClearCookiesAsync();
            await LogInAsync("officer1");
            await Page.GotoAsync("/bureau/loans");
            await WaitForCircuitAsync();
            var apply = Page.GetByTestId("loan-form");
            await SelectAsync(apply, "loan-business-start", business);
            await FillMoneyAsync(apply.GetByTestId("loan-amount"), "120000", "120000.00");
            await apply.GetByTestId("loan-apply").ClickAsync();
            await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/bureau/loans/[0-9a-f-]{36}$"));
            await Expect(Page.GetByTestId("loan-status")).ToHaveTextAsync("已申请");

            await Page.GetByTestId("guarantee-institution").FillAsync("江州市融资担保有限公司");
            await Page.GetByTestId("guarantee-save").ClickAsync();
            await Expect(Page.GetByTestId("loan-status")).ToHaveTextAsync("担保机构同意担保");

            await Page.GetByTestId("bank-name").FillAsync("江州农村商业银行");
            await Page.GetByTestId("bank-rate").FillAsync("3.6");
            await Page.GetByTestId("bank-rate").PressAsync("Tab");
            await Page.GetByTestId("bank-save").ClickAsync();
            await Expect(Page.GetByTestId("loan-status")).ToHaveTextAsync("银行审批同意");

            await Page.GetByTestId("disburse-save").ClickAsync();
            await ConfirmAsync("登记放款", "¥120,000.00", business);
            await Expect(Page.GetByTestId("loan-status")).ToHaveTextAsync("还款中");
            await Expect(Page.GetByTestId("installment-subsidy").First).ToHaveTextAsync("¥180.00");
            await Expect(Page.GetByTestId("subsidy-summary")).ToContainTextAsync("50%");
            await AssertFitsAndAccessibleAsync(Page.GetByTestId("loan-schedule"));
        });
    }

    private static string BusinessRegistrationCheck(string first14) =>
        Domain.Entrepreneurship.BusinessRegistrationNumber.LegacyCheckDigit(first14).ToString(CultureInfo.InvariantCulture);

    /// <summary>The bureau's interest-subsidy share, 50 %, from 2020 (set once for the portal under test).</summary>
    private async Task EnsureInterestShareAsync()
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        if (await db.LocalParameterValues.AnyAsync(v => v.ParameterId == LoanConditions.InterestShareParameter))
        {
            return;
        }

        db.LocalParameterValues.Add(new LocalParameterValue(
            LoanConditions.InterestShareParameter, new DateOnly(2020, 1, 1), null, 0.5m, "江财金〔2026〕3号", "第二条", "创业担保贷款按贷款利息的50%给予贴息。",
            null, "测试", scope.ServiceProvider.GetRequiredService<PortalCalendar>().Now));
        await db.SaveChangesAsync();
    }
}
