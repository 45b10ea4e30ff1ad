using EmploymentPortal.Testing;
using System.Text.Json;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.E2ETests;

/// <summary>Job-search wishes on the detail page and a status change with its Chinese refusal.</summary>
public sealed class ResidentStatusTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task Station_worker_sees_the_wishes_and_moves_a_registered_resident_to_flexible_employment()
    {
        var name = TestData.Name("状态");
        var idNumber = TestData.IdNumber(new DateOnly(1989, 4, 13), Sex.Male);

        await RunAsync(async () =>
        {
            await LogInAsync("station2");
            var xishan = await OwnCommunityAsync();
            var created = await PostJsonAsync("/api/v1/residents/", new { name, idNumber, phone = "13912345678", communityId = xishan, wantedOccupation = "保安员", desiredWageMin = 3500, desiredWageMax = 4500, workTypes = new[] { "FullTime" } });
            Assert.Equal(201, created.Status);
            var id = JsonDocument.Parse(await created.TextAsync()).RootElement.GetProperty("id").GetGuid();
            var registered = await PostJsonAsync($"/api/v1/residents/{id}/unemployment-registration", new { ableToWork = true, wantsWork = true, currentlyUnemployed = true });
            Assert.Equal(200, registered.Status);

            await Page.GotoAsync($"/residents/{id}");
            await WaitForCircuitAsync();
            await Expect(Page.GetByTestId("job-preferences-view")).ToContainTextAsync("保安员");
            await Expect(Page.GetByTestId("desired-wage")).ToContainTextAsync("¥3,500.00–¥4,500.00");

            var form = Page.GetByTestId("status-form");
            await form.GetByTestId("new-status").ClickAsync();
            await Page.Locator(".rz-dropdown-item").Filter(new() { HasTextString = "注销登记" }).ClickAsync();
            await form.GetByTestId("change-status").ClickAsync();
            await Expect(form).ToContainTextAsync("注销登记须填写原因");

            await form.GetByTestId("new-status").ClickAsync();
            await Page.Locator(".rz-dropdown-item").Filter(new() { HasTextString = "灵活就业" }).ClickAsync();
            await form.GetByTestId("status-note").FillAsync("网约车司机");
            await form.GetByTestId("change-status").ClickAsync();

            await Expect(Page.GetByTestId("employment-status")).ToContainTextAsync("灵活就业");
            await Expect(Page.GetByTestId("status-history")).ToContainTextAsync("网约车司机");
        });
    }

    private async Task<Guid> OwnCommunityAsync()
    {
        var response = await Page.APIRequest.GetAsync("/api/v1/residents/?pageSize=1");
        using var json = JsonDocument.Parse(await response.TextAsync());
        var anyResident = json.RootElement.GetProperty("items")[0].GetProperty("id").GetGuid();
        using var detail = JsonDocument.Parse(await (await Page.APIRequest.GetAsync($"/api/v1/residents/{anyResident}")).TextAsync());
        return detail.RootElement.GetProperty("communityId").GetGuid();
    }
}
