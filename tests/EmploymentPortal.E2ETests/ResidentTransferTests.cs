using EmploymentPortal.Testing;
using System.Text.Json;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.E2ETests;

/// <summary>档案转移: a refused duplicate registration becomes a transfer request that the holding station accepts.</summary>
public sealed class ResidentTransferTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task A_refused_duplicate_registration_becomes_a_transfer_request_the_holding_station_accepts()
    {
        var name = TestData.Name("转移");
        var idNumber = TestData.IdNumber(new DateOnly(1987, 12, 3), Sex.Female);

        await RunAsync(async () =>
        {
            // The record exists at 东湖社区 (station1).
            await LogInAsync("station1");
            var donghu = await CommunityIdAsync("东湖社区");
            var created = await PostJsonAsync("/api/v1/residents/", new { name, idNumber, phone = "13912345678", communityId = donghu });
            Assert.Equal(201, created.Status);

            // station2 tries to register the same person at 西山社区 and asks for the record instead.
            await Page.Context.ClearCookiesAsync();
            await LogInAsync("station2");
            await Page.GotoAsync("/residents/new");
            await WaitForCircuitAsync();
            var form = Page.GetByTestId("register-resident-form");
            await form.GetByTestId("name").FillAsync(name);
            await form.GetByTestId("id-number").FillAsync(idNumber);
            await form.GetByTestId("phone").FillAsync("13912345678");
            await form.GetByTestId("submit").ClickAsync();
            await Expect(FieldOf(form, "id-number")).ToContainTextAsync("东湖社区");
            await Page.GetByTestId("transfer-reason").FillAsync("本人已搬到西山社区居住");
            await Page.GetByTestId("request-transfer").ClickAsync();
            await Expect(Page).ToHaveURLAsync(PathIs("/residents/transfers"));
            await WaitForCircuitAsync();
            await Expect(Page.GetByTestId("outgoing-transfers")).ToContainTextAsync("待处理");

            // The requester waits: its home page has nothing to accept for this request.
            await Page.GotoAsync("/");
            await WaitForCircuitAsync();
            await Expect(Page.GetByTestId("work-transfers-count")).ToHaveTextAsync("0");

            // station1, the holder, finds the request from its home page and accepts; the record moves to 西山社区.
            await Page.Context.ClearCookiesAsync();
            await LogInAsync("station1");
            await WaitForCircuitAsync();
            await Expect(Page.GetByTestId("work-transfers-count")).Not.ToHaveTextAsync("0");
            await Page.GetByTestId("work-transfers-link").ClickAsync();
            await Expect(Page).ToHaveURLAsync(PathIs("/residents/transfers"));
            await WaitForCircuitAsync();
            var incoming = Page.GetByTestId("incoming-transfers").Locator("tr").Filter(new() { HasTextString = name });
            await Expect(incoming).ToContainTextAsync("本人已搬到西山社区居住");
            await AssertFitsAndAccessibleAsync(incoming.GetByTestId("accept-transfer"));
            await Page.SetViewportSizeAsync(1366, 768);
            await incoming.GetByTestId("accept-transfer").ClickAsync();
            await ConfirmAsync("接受", name, "东湖社区", "西山社区");
            await Expect(incoming).ToContainTextAsync("已接受");

            await Page.Context.ClearCookiesAsync();
            await LogInAsync("station2");
            await Page.GotoAsync("/residents/transfers");
            await WaitForCircuitAsync();
            var outgoing = Page.GetByTestId("outgoing-transfers").Locator("tr").Filter(new() { HasTextString = name });
            await Expect(outgoing).ToContainTextAsync("已接受");
            await outgoing.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = name }).ClickAsync();
            await Expect(Page.Locator("h1")).ToHaveTextAsync(name);
            await Expect(Page.GetByTestId("resident-moves")).ToContainTextAsync("东湖社区 → 西山社区");
        });
    }

    private async Task<Guid> CommunityIdAsync(string community)
    {
        var response = await Page.APIRequest.GetAsync("/api/v1/residents/?pageSize=200");
        using var json = JsonDocument.Parse(await response.TextAsync());
        var anyResident = json.RootElement.GetProperty("items").EnumerateArray().First(i => i.GetProperty("communityName").GetString() == community).GetProperty("id").GetGuid();
        using var detail = JsonDocument.Parse(await (await Page.APIRequest.GetAsync($"/api/v1/residents/{anyResident}")).TextAsync());
        return detail.RootElement.GetProperty("communityId").GetGuid();
    }
}
