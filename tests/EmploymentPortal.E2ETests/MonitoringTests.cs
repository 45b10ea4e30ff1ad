using EmploymentPortal.Data;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.E2ETests;

/// <summary>
/// Issue 17, key-enterprise monitoring: an officer designates enterprise1's enterprise, the
/// enterprise's home page chases last month's report, the enterprise reports a large cut, the
/// officers' home page shows the warning with its figures and the officer acknowledges it with a note.
/// </summary>
public sealed class MonitoringTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task Officer_designates_enterprise_sees_the_chase_reports_a_large_cut_and_the_officer_acknowledges_the_warning()
    {
        var (name, creditCode) = await Enterprise1Async();
        var lastMonth = PortalCalendar.MonthOf(Portal.Services.GetRequiredService<PortalCalendar>().Today).AddMonths(-1);

        await RunAsync(async () =>
        {
            await LogInAsync("officer1");
            await Page.GotoAsync("/bureau/monitoring");
            await WaitForCircuitAsync();
            await Page.GetByRole(Microsoft.Playwright.AriaRole.Tab, new() { Name = "监测企业" }).ClickAsync();
            var form = Page.GetByTestId("designate-form");
            await form.GetByTestId("designate-code").FillAsync(creditCode);
            var since = form.GetByTestId("designate-since");
            await since.FillAsync(lastMonth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await since.PressAsync("Tab");
            await form.GetByTestId("designate-reason").FillAsync("用工规模较大，订单下滑");
            await form.GetByTestId("designate-save").ClickAsync();
            await Expect(Page.GetByTestId("monitored").Locator("tr").Filter(new() { HasTextString = name })).ToContainTextAsync(lastMonth.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));

            await LogInAsync("enterprise1");
            await Expect(Page.GetByTestId("monitoring-chase")).ToContainTextAsync(lastMonth.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
            await Page.GetByTestId("monitoring-chase-link").ClickAsync();
            await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/enterprise/monitoring"));
            await WaitForCircuitAsync();
            var report = Page.GetByTestId("report-form");
            await report.GetByTestId("report-headcount").FillAsync("60");
            await report.GetByTestId("report-hires").FillAsync("0");
            await report.GetByTestId("report-separations").FillAsync("40");
            await report.GetByTestId("report-layoffs").FillAsync("35");
            await report.GetByTestId("report-submit").ClickAsync();
            await Expect(Page.GetByTestId("own-reports")).ToContainTextAsync(lastMonth.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));

            await LogInAsync("officer1");
            var warning = Page.GetByTestId("warning").Filter(new() { HasTextString = name });
            await Expect(warning.GetByTestId("warning-figures")).ToContainTextAsync("净减少 40 人（40%）");
            await warning.GetByTestId("warning-acknowledge").ClickAsync();
            var dialog = Page.GetByTestId("acknowledge-dialog");
            await dialog.GetByTestId("acknowledge-submit").ClickAsync();
            await Expect(FieldOf(dialog, "acknowledge-note")).ToContainTextAsync("请填写处理说明。");
            await dialog.GetByTestId("acknowledge-note").FillAsync("已约谈企业，指导制定职工安置方案");
            await dialog.GetByTestId("acknowledge-submit").ClickAsync();
            await Expect(Page.GetByTestId("warning").Filter(new() { HasTextString = name })).ToHaveCountAsync(0);
        });

        await using var scope = Portal.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var acknowledged = await db.EmploymentWarnings.AsNoTracking().SingleAsync(w => w.SubjectName == name && w.Month == lastMonth);
        Assert.Equal("已约谈企业，指导制定职工安置方案", acknowledged.AcknowledgementNote);
        Assert.Equal("officer1", acknowledged.AcknowledgedBy);
    }

    private async Task<(string Name, string CreditCode)> Enterprise1Async()
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        var enterpriseId = (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync("enterprise1"))!.EnterpriseId!.Value;
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var enterprise = await db.Enterprises.AsNoTracking().SingleAsync(e => e.Id == enterpriseId);
        return (enterprise.Name, enterprise.CreditCode);
    }
}
