using EmploymentPortal.Data;
using EmploymentPortal.Domain.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.E2ETests;

/// <summary>An enterprise records a hire of a registered unemployed demo resident; the station no longer sees them as overdue.</summary>
public sealed class HireJourneyTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task Enterprise_records_a_hire_and_the_station_no_longer_sees_the_resident_as_overdue()
    {
        var (residentId, idNumber, name) = await OverdueDemoResidentAsync();

        await RunAsync(async () =>
        {
            await LogInAsync("station1");
            Assert.Contains(residentId.ToString(), await OverdueAsync());
            await Page.Context.ClearCookiesAsync();

            await LogInAsync("enterprise1");
            await Page.GotoAsync("/enterprise/hires");
            await WaitForCircuitAsync();
            await ClickUntilShownAsync(Page.GetByTestId("record-hire"), Page.GetByTestId("hire-form"));
            var form = Page.GetByTestId("hire-form");
            await form.GetByTestId("hire-id-number").FillAsync(idNumber);
            await form.GetByTestId("hire-name").FillAsync("不是本人");
            await form.GetByTestId("hire-position").FillAsync("仓库管理员");
            // Commit the last field's change before the submit, as the other forms' tests do: under
            // load the submit can otherwise be handled before the change (the position then empty).
            await form.GetByTestId("hire-position").PressAsync("Tab");
            await form.GetByTestId("hire-submit").ClickAsync();
            // The pipeline's message stands under the ID field; what was typed stays.
            await Expect(FieldOf(form, "hire-id-number")).ToContainTextAsync("身份证号码与姓名一致");
            await Expect(form.GetByTestId("hire-position")).ToHaveValueAsync("仓库管理员");

            await form.GetByTestId("hire-name").FillAsync(name);
            await form.GetByTestId("hire-name").PressAsync("Tab");
            await form.GetByTestId("hire-submit").ClickAsync();
            await Expect(Page.GetByTestId("hire-form")).ToHaveCountAsync(0);
            await Expect(Page.GetByTestId("enterprise-hires")).ToContainTextAsync(name);
            await Expect(Page.GetByTestId("enterprise-hires")).Not.ToContainTextAsync(idNumber);
            var row = Page.GetByTestId("enterprise-hires").Locator("tr").Filter(new() { HasTextString = name });
            await Expect(row).ToContainTextAsync("未缴纳");
            await row.GetByTestId("update-insurance").ClickAsync();
            await Page.GetByTestId("insurance-save").ClickAsync();
            await Expect(Page.GetByTestId("insurance-form")).ToHaveCountAsync(0);
            await Expect(row).ToContainTextAsync("起缴纳");

            // 离职登记: a reason is required; then the row shows the last day and no longer offers it.
            await row.GetByTestId("end-hire").ClickAsync();
            await Page.GetByTestId("end-hire-save").ClickAsync();
            await Expect(FieldOf(Page.GetByTestId("end-hire-form"), "end-hire-reason")).ToContainTextAsync("请填写离职原因");
            await Page.GetByTestId("end-hire-reason").FillAsync("个人原因");
            await Page.GetByTestId("end-hire-reason").PressAsync("Tab");
            await Page.GetByTestId("end-hire-save").ClickAsync();
            await Expect(Page.GetByTestId("end-hire-form")).ToHaveCountAsync(0);
            await Expect(row.GetByTestId("hire-ended")).ToBeVisibleAsync();
            await Expect(row.GetByTestId("end-hire")).ToHaveCountAsync(0);
            await Page.Context.ClearCookiesAsync();

            await LogInAsync("station1");
            Assert.DoesNotContain(residentId.ToString(), await OverdueAsync());
            await Page.GotoAsync($"/residents/{residentId}");
            await WaitForCircuitAsync();
            await Expect(Page.GetByTestId("employment-status")).ToContainTextAsync("就业");
            await Expect(Page.GetByTestId("resident-hires")).ToContainTextAsync("仓库管理员");

            // The station keeps the hire up to date from the resident's page: contributions stopped.
            await Expect(Page.GetByTestId("resident-hires")).ToContainTextAsync("起缴纳");
            await Page.GetByTestId("resident-update-insurance").ClickAsync();
            await Page.GetByTestId("insurance-paid").ClickAsync();
            await Page.GetByTestId("insurance-save").ClickAsync();
            await Expect(Page.GetByTestId("insurance-form")).ToHaveCountAsync(0);
            await Expect(Page.GetByTestId("resident-hires")).ToContainTextAsync("未缴纳");
        });
    }

    [Fact]
    public async Task The_hires_page_keeps_its_actions_on_screen_and_its_hire_dialog_fits_a_phone()
    {
        await RunAsync(async () =>
        {
            await LogInAsync("enterprise1");
            await Page.GotoAsync("/enterprise/hires");
            await WaitForCircuitAsync();
            var firstRow = Page.GetByTestId("enterprise-hires").Locator("tbody tr").First;
            await Expect(firstRow.GetByTestId("claim-from-hire")).ToBeVisibleAsync();

            // The last action of a row is on screen at 1366 px (the table was 1,717 px wide).
            await Page.SetViewportSizeAsync(1366, 768);
            await AssertInsideWindowAsync(firstRow.GetByTestId("claim-from-hire"));

            // The dialog to record a hire fits a phone and every field has its label.
            await Page.SetViewportSizeAsync(390, 844);
            await ClickUntilShownAsync(Page.GetByTestId("record-hire"), Page.GetByTestId("hire-form"));
            await AssertFitsAndAccessibleAsync(Page.GetByTestId("hire-form"));
        });
    }

    /// <summary>A registered unemployed demo resident of 东湖社区 without a contact this month and without a hire.</summary>
    private async Task<(Guid Id, string IdNumber, string Name)> OverdueDemoResidentAsync()
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var resident = await db.Residents.AsNoTracking()
            .Where(r => r.CurrentStatus == EmploymentStatus.RegisteredUnemployed)
            .Where(r => db.Communities.Any(c => c.Id == r.CommunityId && c.Name == "东湖社区"))
            .Where(r => !db.ResidentContacts.Any(c => c.ResidentId == r.Id && c.ContactedOn >= monthStart))
            .Where(r => !db.Hires.Any(h => h.ResidentId == r.Id))
            .OrderByDescending(r => r.Id) // the overdue list is newest first: on its first page
            .Select(r => new { r.Id, r.IdNumber, r.Name })
            .FirstAsync();
        return (resident.Id, resident.IdNumber, resident.Name);
    }

    private async Task<string> OverdueAsync()
    {
        var response = await Page.APIRequest.GetAsync("/api/v1/followups/overdue?pageSize=200");
        Assert.True(response.Ok, $"overdue list: {response.Status}");
        return await response.TextAsync();
    }
}
