using System.Text.RegularExpressions;
using EmploymentPortal.Testing;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.E2ETests;

/// <summary>A station worker's day: register a resident, register them as unemployed, follow them up.</summary>
public sealed class ResidentRegistryTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task Station_worker_registers_a_resident_corrects_the_check_digit_registers_unemployment_and_logs_a_contact()
    {
        var name = TestData.Name("测试");
        var idNumber = TestData.IdNumber(new DateOnly(1993, 9, 21), Sex.Male);
        var wrong = idNumber[..17] + (idNumber[17] == '0' ? '1' : '0');

        await RunAsync(async () =>
        {
            await LogInAsync("station1");
            await Page.GotoAsync("/residents/new");
            await WaitForCircuitAsync();

            var form = Page.GetByTestId("register-resident-form");
            await form.GetByTestId("name").FillAsync(name);
            await form.GetByTestId("id-number").FillAsync(wrong);
            await form.GetByTestId("phone").FillAsync("13912345678");
            await SelectAsync(form, "community", "东湖社区");
            await form.GetByTestId("submit").ClickAsync();

            await Expect(FieldOf(form, "id-number")).ToContainTextAsync("身份证号码校验码不正确");
            await Expect(form.GetByTestId("form-error")).ToContainTextAsync("身份证号");
            await Expect(form.GetByTestId("name")).ToHaveValueAsync(name);
            await Expect(form.GetByTestId("phone")).ToHaveValueAsync("13912345678");
            await form.GetByTestId("id-number").FillAsync(idNumber);
            await form.GetByTestId("submit").ClickAsync();

            await Expect(Page).ToHaveURLAsync(new Regex("/residents/[0-9a-f-]{36}$"));
            await Expect(Page.Locator("h1")).ToHaveTextAsync(name);
            var residentUrl = Page.Url;
            var residentId = residentUrl[^36..];

            var unemployment = Page.GetByTestId("unemployment-form");
            await unemployment.GetByTestId("able-to-work").ClickAsync();
            await unemployment.GetByTestId("wants-work").ClickAsync();
            await unemployment.GetByTestId("currently-unemployed").ClickAsync();
            await unemployment.GetByTestId("register-unemployed").ClickAsync();
            await Expect(Page.GetByTestId("employment-status")).ToContainTextAsync("登记失业");
            await Expect(Page.GetByTestId("registration-number")).ToContainTextAsync("SY");
            await Expect(Page.GetByTestId("follow-up-state")).ToContainTextAsync("逾期");

            // The list is a static page (no circuit): its filters are a GET form.
            await Page.GotoAsync("/residents");
            await Page.GetByLabel("仅显示本月未跟踪（逾期）").CheckAsync();
            await Page.GetByTestId("filter-submit").ClickAsync();
            await Expect(Page).ToHaveURLAsync(new Regex(@"/residents\?(.*&)?overdue=true(&|$)"));
            await Expect(Page.GetByLabel("仅显示本月未跟踪（逾期）")).ToBeCheckedAsync();
            var row = Page.GetByTestId("resident-grid").Locator("tr").Filter(new() { HasTextString = name });
            await Expect(row).ToContainTextAsync("登记失业");
            Assert.Contains(residentId, await OverdueAsync());

            await Page.GotoAsync("/residents");
            await Page.GetByTestId("filter-search").FillAsync(name);
            await Page.GetByTestId("filter-search").PressAsync("Enter");
            await Expect(Page).ToHaveURLAsync(new Regex(@"/residents\?search=" + Regex.Escape(Uri.EscapeDataString(name)) + "&"));
            await Expect(Page.GetByTestId("resident-grid").Locator("tbody tr")).ToHaveCountAsync(1);
            await Expect(Page.GetByTestId("resident-grid").Locator("tr").Filter(new() { HasTextString = name })).ToHaveCountAsync(1);

            await Page.GotoAsync(residentUrl);
            await WaitForCircuitAsync();
            var contact = Page.GetByTestId("contact-form");
            await SelectAsync(contact, "channel", "上门走访");
            await contact.GetByText("岗位推荐").ClickAsync();
            await contact.GetByTestId("outcome").FillAsync("上门走访，推荐物流公司仓管岗位。");
            await contact.GetByTestId("log-contact").ClickAsync();
            await Expect(Page.GetByTestId("contacts")).ToContainTextAsync("推荐物流公司仓管岗位");
            await Expect(Page.GetByTestId("follow-up-state")).ToContainTextAsync("本月已跟踪");

            await Page.GotoAsync("/residents?overdue=true");
            await Expect(Page.GetByLabel("仅显示本月未跟踪（逾期）")).ToBeCheckedAsync();
            await Expect(Page.GetByTestId("resident-grid")).Not.ToContainTextAsync(name);
            Assert.DoesNotContain(residentId, await OverdueAsync());
        });
    }

    [Fact]
    public async Task The_resident_list_detail_and_registration_fit_a_laptop_and_a_phone_without_serious_axe_findings()
    {
        await RunAsync(async () =>
        {
            var idNumber = await NewResidentOfDonghuAsync("无障碍");
            await LogInAsync("station1");
            await Page.GotoAsync("/residents");
            await AssertFitsAndAccessibleAsync(Page.GetByTestId("resident-link").First);
            await AssertInsideWindowAsync(Page.GetByRole(AriaRole.Link, new() { Name = "查看" }).First);

            await Page.SetViewportSizeAsync(1366, 768);
            await Page.GotoAsync("/residents?search=" + idNumber);
            await Page.GetByTestId("resident-link").ClickAsync();
            await Expect(Page).ToHaveURLAsync(new Regex("/residents/[0-9a-f-]{36}$"));
            await WaitForCircuitAsync();

            await AssertFitsAndAccessibleAsync(Page.GetByTestId("id-number"));

            await Page.GotoAsync("/residents/new");
            await WaitForCircuitAsync();
            await AssertFitsAndAccessibleAsync(Page.GetByTestId("register-resident-form"));
        });
    }

    [Fact]
    public async Task A_bad_filter_in_the_address_is_named_in_chinese_and_the_list_still_works()
    {
        await RunAsync(async () =>
        {
            await LogInAsync("station1");
            await Page.GotoAsync("/residents?keyGroup=nonsense&page=abc&cursor=changed");

            await Expect(Page.GetByTestId("url-filter-error")).ToContainTextAsync("重点群体（nonsense）");
            await Expect(Page.GetByTestId("url-filter-error")).ToContainTextAsync("页码（abc）");
            await Expect(Page.GetByTestId("url-filter-error")).ToContainTextAsync("翻页位置");
            await Expect(Page.GetByTestId("page-number")).ToHaveTextAsync("第 1 页");
            await Expect(Page.GetByTestId("resident-link").First).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task Station_worker_filters_the_list_by_community_submits_and_pages_forward_and_back_with_links()
    {
        await RunAsync(async () =>
        {
            await LogInAsync("station1");
            await Page.GotoAsync("/residents");

            await Page.GetByTestId("filter-community").SelectOptionAsync(new SelectOptionValue { Label = "东湖社区" });
            await Page.GetByTestId("filter-submit").ClickAsync();
            await Expect(Page).ToHaveURLAsync(new Regex(@"/residents\?(.*&)?community=[0-9a-f-]{36}&"));
            var communities = Page.GetByTestId("resident-grid").Locator("tbody td:nth-child(6)");
            await Expect(communities.First).ToHaveTextAsync("东湖社区");
            Assert.All(await communities.AllInnerTextsAsync(), c => Assert.Equal("东湖社区", c.Trim()));
            var total = int.Parse(Regex.Match((await Page.GetByTestId("total").InnerTextAsync()).Trim(), @"^共 (\d+) 人$").Groups[1].Value);
            Assert.True(total > 20, $"东湖社区 has {total} residents: too few for a second page.");
            var firstOfPageOne = await Page.GetByTestId("resident-link").First.InnerTextAsync();

            await Page.GetByTestId("next-page").ClickAsync();

            await Expect(Page).ToHaveURLAsync(new Regex(@"/residents\?community=[0-9a-f-]{36}&page=2$"));
            await Expect(Page.GetByTestId("page-number")).ToHaveTextAsync("第 2 页");
            await Expect(Page.GetByTestId("filter-community").Locator("option:checked")).ToHaveTextAsync("东湖社区");
            await Expect(Page.GetByTestId("resident-link").First).Not.ToHaveTextAsync(firstOfPageOne);
            Assert.All(await communities.AllInnerTextsAsync(), c => Assert.Equal("东湖社区", c.Trim()));

            await Page.GetByTestId("previous-page").ClickAsync();

            await Expect(Page.GetByTestId("page-number")).ToHaveTextAsync("第 1 页");
            await Expect(Page.GetByTestId("resident-link").First).ToHaveTextAsync(firstOfPageOne);
        });
    }

    [Fact]
    public async Task On_a_phone_the_static_list_opens_the_menu_and_a_menu_link_opens_a_live_page()
    {
        await RunAsync(async () =>
        {
            await LogInAsync("station1");
            await Page.SetViewportSizeAsync(390, 844);
            await Page.GotoAsync("/residents");
            var ledger = Page.Locator("#portal-drawer").GetByRole(AriaRole.Link, new() { Name = "居民台账" });
            await Expect(ledger).Not.ToBeInViewportAsync();

            await Page.GetByRole(AriaRole.Button, new() { Name = "菜单" }).ClickAsync();
            await Expect(ledger).ToBeInViewportAsync();
            await ledger.ClickAsync();

            await Expect(Page).ToHaveURLAsync(PathIs("/residents/ledger"));
            await WaitForCircuitAsync();
        });
    }

    /// <summary>The overdue list of the signed-in user through the API (the browser's cookies).</summary>
    private async Task<string> OverdueAsync()
    {
        var response = await Page.APIRequest.GetAsync("/api/v1/followups/overdue?pageSize=200");
        Assert.True(response.Ok, $"overdue list: {response.Status}");
        return await response.TextAsync();
    }
}
