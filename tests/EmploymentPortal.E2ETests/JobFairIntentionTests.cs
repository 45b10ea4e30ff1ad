using EmploymentPortal.Testing;
using EmploymentPortal.Data;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.JobFairs;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.E2ETests;

/// <summary>Issue 17, job fairs that count for people: a station worker records on a resident's page the intention reached at a fair.</summary>
public sealed class JobFairIntentionTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task Station_worker_records_a_residents_intention_at_a_recent_fair_and_sees_it_on_the_record()
    {
        var fairName = "社区专场招聘会" + TestData.Next().ToString("000", System.Globalization.CultureInfo.InvariantCulture);
        var enterpriseName = await Portal.EnterpriseNameAsync("enterprise1");
        await FairTodayWithEnterprise1Async(fairName);
        var idNumber = await NewResidentOfDonghuAsync("意向");

        await RunAsync(async () =>
        {
            await LogInAsync("station1");
            await Page.GotoAsync("/residents?search=" + idNumber);
            await Page.GetByTestId("resident-link").First.ClickAsync();
            await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/residents/[0-9a-f-]{36}$"));
            await WaitForCircuitAsync();
            await Expect(Page.GetByTestId("no-intentions")).ToBeVisibleAsync();

            var form = Page.GetByTestId("intention-form");
            await SelectAsync(form, "intention-fair", fairName);
            // The server took the choice: the field shows the fair, and its enterprises are offered.
            await Expect(form.GetByTestId("intention-fair")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(fairName + "$"));
            await form.GetByTestId("intention-save").ClickAsync();
            await Expect(FieldOf(form, "intention-enterprise")).ToContainTextAsync("请选择意向企业。");
            await SelectAsync(form, "intention-enterprise", enterpriseName);
            await form.GetByTestId("intention-post").FillAsync("仓库管理员");
            await form.GetByTestId("intention-save").ClickAsync();

            var row = Page.GetByTestId("resident-intentions").Locator("tr").Filter(new() { HasTextString = fairName });
            await Expect(row).ToContainTextAsync(enterpriseName);
            await Expect(row).ToContainTextAsync("仓库管理员");
            await Expect(row.GetByTestId("intention-outcome")).ToHaveTextAsync("尚未录用");
            await AssertFitsAndAccessibleAsync(Page.GetByTestId("resident-intentions"), "[data-testid=status-form]", "[data-testid=place-form]");
        });
    }

    private async Task FairTodayWithEnterprise1Async(string name)
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var enterpriseId = (await services.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync("enterprise1"))!.EnterpriseId!.Value;
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var fair = new JobFair(name, services.GetRequiredService<PortalCalendar>().Today, "东湖社区服务站");
        fair.RecordParticipant(enterpriseId, 5, 0);
        db.JobFairs.Add(fair);
        await db.SaveChangesAsync();
    }
}
