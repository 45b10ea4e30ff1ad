using EmploymentPortal.Testing;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.E2ETests;

/// <summary>
/// The journey of issue 4: an enterprise signs up, an officer verifies it, the enterprise posts a
/// vacancy, the officer rejects it with a reason, the enterprise fixes it, the officer approves it,
/// and an anonymous visitor finds it on the public board by searching near its community.
/// </summary>
public sealed class EnterpriseVacancyJourneyTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task Enterprise_signs_up_posts_a_vacancy_through_review_and_a_visitor_finds_it_near_its_community()
    {
        var suffix = TestData.Next().ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
        var enterpriseName = $"江州旅程测试{suffix}有限公司";
        var userName = $"journey{suffix}";
        var title = $"数控操作工{suffix}";

        await RunAsync(async () =>
        {
            // The enterprise signs up from the login page.
            await Page.GotoAsync("/account/login");
            await Page.GetByTestId("register-enterprise-link").ClickAsync();
            await Expect(Page.GetByTestId("register-enterprise")).ToBeVisibleAsync();
            await Page.Locator("#creditCode").FillAsync(NewCreditCode());
            await Page.Locator("#name").FillAsync(enterpriseName);
            await Page.Locator("#legalRepresentative").FillAsync("周法人");
            var donghu = await Page.Locator("#communityId option", new() { HasText = "东湖社区" }).First.GetAttributeAsync("value");
            await Page.Locator("#communityId").SelectOptionAsync(donghu!);
            await Page.Locator("#address").FillAsync("东湖路88号");
            await Page.Locator("#industry").SelectOptionAsync("C");
            await Page.Locator("#size").SelectOptionAsync("Small");
            await Page.Locator("#totalEmployees").FillAsync("80");
            await Page.Locator("#insuredEmployees").FillAsync("75");
            await Page.Locator("#contactName").FillAsync("钱联系");
            await Page.Locator("#contactPhone").FillAsync("13912345678");
            await Page.Locator("#userName").FillAsync(userName);
            await Page.Locator("#password").FillAsync(PortalFixture.DemoPassword);
            await Page.GetByTestId("register-submit").ClickAsync();
            await Expect(Page.GetByTestId("register-success")).ToContainTextAsync("请等待人社局审核");

            // The officer verifies it.
            await LogInAsync("officer1");
            await Page.GotoAsync("/bureau/enterprises");
            await WaitForCircuitAsync();
            var enterpriseRow = Page.Locator("tr", new() { HasText = enterpriseName });
            await enterpriseRow.GetByTestId("verify-enterprise").ClickAsync();
            await Expect(enterpriseRow).ToHaveCountAsync(0);
            await Page.Context.ClearCookiesAsync();

            // The enterprise posts a vacancy and submits it.
            await LogInAsync(userName);
            await Page.GotoAsync("/enterprise/vacancies");
            await WaitForCircuitAsync();
            await Page.GetByTestId("create-vacancy").ClickAsync();
            var form = Page.GetByTestId("vacancy-form");
            await form.GetByTestId("vacancy-title").FillAsync(title);
            await SelectAsync(form, "vacancy-group", "生产制造及有关人员");
            await form.GetByTestId("vacancy-occupation").FillAsync("数控车工");
            // A wage is typed as text: a bad entry is named under its field in Chinese and
            // nothing else is lost; "4,000" is read as 4000 yuan. The server takes a value on
            // change (blur) and writes it back with two decimals.
            var wageMin = form.GetByTestId("vacancy-wage-min");
            await wageMin.FillAsync("4千");
            await wageMin.PressAsync("Tab");
            var wageField = FieldOf(form, "vacancy-wage-min");
            await Expect(wageField).ToContainTextAsync("“4千”不是有效的金额，例如 1234.50。");
            await Expect(wageMin).ToHaveValueAsync("4千");
            await Expect(form.GetByTestId("vacancy-title")).ToHaveValueAsync(title);
            await Expect(form.GetByTestId("vacancy-occupation")).ToHaveValueAsync("数控车工");
            await FillMoneyAsync(wageMin, "4,000", "4000.00");
            await Expect(wageField).Not.ToContainTextAsync("不是有效的金额");
            await FillMoneyAsync(form.GetByTestId("vacancy-wage-max"), "6000", "6000.00");

            await form.GetByTestId("vacancy-submit").ClickAsync();
            await Expect(form).ToBeHiddenAsync();
            var ownRow = Page.Locator("tr", new() { HasText = title });
            await Expect(ownRow.GetByTestId("vacancy-row-status")).ToHaveTextAsync("待审核");
            await Page.Context.ClearCookiesAsync();

            // The officer rejects it with a reason.
            await LogInAsync("officer1");
            await Page.GotoAsync("/bureau/vacancies");
            await WaitForCircuitAsync();
            var reviewRow = Page.Locator("tr", new() { HasText = title });
            await reviewRow.GetByTestId("reject-vacancy").ClickAsync();
            await Page.GetByTestId("reject-reason").FillAsync("请注明工作时间和是否倒班");
            await ClickUntilGoneAsync(Page.GetByTestId("reject-confirm"), Page.GetByTestId("reject-reason"));
            await Expect(reviewRow).ToHaveCountAsync(0);
            await Page.Context.ClearCookiesAsync();

            // The enterprise's home page links the returned vacancy: the list filtered to those
            // returned by review, with the reason; it fixes the vacancy and submits it again.
            await LogInAsync(userName);
            await WaitForCircuitAsync();
            await Expect(Page.GetByTestId("work-returned-vacancies-count")).ToHaveTextAsync("1");
            await Page.GetByTestId("work-returned-vacancies-link").ClickAsync();
            await Expect(Page).ToHaveURLAsync(PathIs("/enterprise/vacancies?status=Rejected"));
            await WaitForCircuitAsync();
            await Expect(Page.GetByTestId("enterprise-vacancies").GetByTestId("vacancy-row-status")).ToHaveTextAsync(["已驳回"]);
            await Expect(ownRow.GetByTestId("vacancy-row-reason")).ToContainTextAsync("请注明工作时间和是否倒班");
            await ownRow.GetByTestId("edit-vacancy").ClickAsync();
            await form.GetByTestId("vacancy-requirements").FillAsync("白班，8:00-17:00，不倒班。");
            await form.GetByTestId("vacancy-requirements").PressAsync("Tab");
            await form.GetByTestId("vacancy-submit").ClickAsync();
            await Expect(form).ToBeHiddenAsync();
            await Expect(ownRow).ToHaveCountAsync(0);
            await Page.GotoAsync("/enterprise/vacancies");
            await WaitForCircuitAsync();
            await Expect(ownRow.GetByTestId("vacancy-row-status")).ToHaveTextAsync("待审核");
            await Page.Context.ClearCookiesAsync();

            // The officer approves it.
            await LogInAsync("officer1");
            await Page.GotoAsync("/bureau/vacancies");
            await WaitForCircuitAsync();
            await reviewRow.GetByTestId("approve-vacancy").ClickAsync();
            await Expect(reviewRow).ToHaveCountAsync(0);
            await Page.Context.ClearCookiesAsync();

            // An anonymous visitor finds it near its community (picked from the autocomplete) and opens it.
            await Page.GotoAsync("/jobs");
            await Page.GetByLabel("附近社区/村（输入名称，从列表中选择）").FillAsync("东湖社区");
            await Page.GetByTestId("job-radius").SelectOptionAsync("3");
            await Page.GetByTestId("job-search-submit").ClickAsync();
            await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("community="));
            var card = Page.GetByTestId("job-card").Filter(new() { HasText = title });
            await Expect(card).ToBeVisibleAsync();
            await Expect(card).ToContainTextAsync(enterpriseName);
            await Expect(card).ToContainTextAsync("不倒班");
            await card.GetByTestId("job-link").ClickAsync();
            await Expect(Page.GetByTestId("job-detail-title")).ToContainTextAsync(title);
            await Expect(Page.GetByTestId("job-enterprise")).ToHaveTextAsync(enterpriseName);
            await Expect(Page.GetByTestId("job-how-to-apply")).ToContainTextAsync("就业服务站");
        });
    }

    [Fact]
    public async Task The_registration_page_names_each_wrong_field_in_chinese_keeps_the_input_and_fits_a_phone()
    {
        await RunAsync(async () =>
        {
            await Page.GotoAsync("/account/register-enterprise");
            await Expect(Page.GetByTestId("register-submit")).ToBeVisibleAsync();

            await Page.SetViewportSizeAsync(1366, 768);
            await Page.Locator("#creditCode").FillAsync("12345");
            await Page.Locator("#name").FillAsync("江州字段测试有限公司");
            await Page.GetByTestId("register-submit").ClickAsync();

            await Expect(Page.GetByTestId("form-error")).ToHaveTextAsync("请根据各项下方的提示修改后再提交。");
            await Expect(Page.GetByTestId("error-CreditCode")).ToBeVisibleAsync();
            await Expect(Page.GetByTestId("error-CommunityId")).ToHaveTextAsync("请选择企业所在社区。");
            await Expect(Page.Locator("#name")).ToHaveValueAsync("江州字段测试有限公司");
            // The industry list speaks Chinese: no section letters or enum names.
            await Expect(Page.Locator("#industry option[value=C]")).ToHaveTextAsync("制造业");
            await Expect(Page.Locator("#size option[value=Small]")).ToHaveTextAsync("小型");
            await AssertAccessibleAsync();
        });
    }

    [Fact]
    public async Task The_vacancy_lists_keep_their_actions_inside_the_window_and_a_bad_status_in_the_address_is_named_in_chinese()
    {
        await RunAsync(async () =>
        {
            await LogInAsync("enterprise1");
            await Page.GotoAsync("/enterprise/vacancies");
            await WaitForCircuitAsync();
            var firstRow = Page.GetByTestId("enterprise-vacancies").Locator("tbody tr").First;
            await AssertInsideWindowAsync(firstRow.Locator("td").Last);

            await Page.GotoAsync("/enterprise/vacancies?status=nonsense");
            await WaitForCircuitAsync();
            await Expect(Page.GetByTestId("url-filter-error")).ToContainTextAsync("状态（nonsense）");
            await Expect(Page.GetByTestId("enterprise-vacancies").Locator("tbody tr").First).ToBeVisibleAsync();

            await Page.GetByTestId("create-vacancy").ClickAsync();
            await AssertFitsAndAccessibleAsync(Page.GetByTestId("vacancy-form"));
            await Page.Context.ClearCookiesAsync();

            await LogInAsync("officer1");
            await Page.SetViewportSizeAsync(1366, 768);
            await Page.GotoAsync("/bureau/enterprises?status=all");
            await WaitForCircuitAsync();
            var enterpriseRow = Page.GetByTestId("enterprise-review-grid").Locator("tbody tr").First;
            await Page.SetViewportSizeAsync(1366, 768);
            await AssertInsideWindowAsync(enterpriseRow.Locator("td").Last);
            await Page.GotoAsync("/bureau/enterprises?status=bogus");
            await WaitForCircuitAsync();
            await Expect(Page.GetByTestId("url-filter-error")).ToContainTextAsync("状态（bogus）");
        });
    }

    private static string NewCreditCode() => TestData.CreditCode("341200");
}
