namespace EmploymentPortal.E2ETests;

/// <summary>Signing in through the real login page, as each role, and what the login refuses.</summary>
public sealed class SignInTests(PortalFixture portal) : PortalPageTest(portal)
{
    /// <summary>One answer for an unknown user, a wrong password and a locked account.</summary>
    private const string Refused = "用户名或密码错误，或账号已被暂时锁定，请稍后再试。";

    public static TheoryData<string, string, string[]> Roles => new()
    {
        { "admin", "系统管理工作台", ["首页", "区划与服务站", "系统管理", "用户管理", "审计日志", "招聘信息", "补贴公示"] },
        { "officer1", "人社局经办工作台", ["首页", "居民管理", "居民台账", "零就业家庭", "服务标准", "区划与服务站", "三公里就业圈", "就业圈地图", "就业圈列表", "就业圈看板", "充分就业社区标准", "企业与岗位", "企业审核", "岗位审核", "跟踪服务覆盖率", "指标与目标", "就业统计报表", "重点企业监测与预警", "岗位开发与招聘会", "公益性岗位与见习岗位", "招聘会", "创业担保贷款", "职业技能培训", "培训机构", "培训班", "政策与规则", "政策文件", "评估沙盘", "政策测算", "补贴申请", "申请列表", "支付批次", "补贴统计", "补贴单笔上限", "充分就业社区奖补", "站内消息", "招聘信息", "补贴公示"] },
        { "officer2", "人社局经办工作台", ["首页", "居民管理", "居民台账", "零就业家庭", "服务标准", "区划与服务站", "三公里就业圈", "就业圈地图", "就业圈列表", "就业圈看板", "充分就业社区标准", "企业与岗位", "企业审核", "岗位审核", "跟踪服务覆盖率", "指标与目标", "就业统计报表", "重点企业监测与预警", "岗位开发与招聘会", "公益性岗位与见习岗位", "招聘会", "创业担保贷款", "职业技能培训", "培训机构", "培训班", "政策与规则", "政策文件", "评估沙盘", "政策测算", "补贴申请", "申请列表", "支付批次", "补贴统计", "补贴单笔上限", "充分就业社区奖补", "站内消息", "招聘信息", "补贴公示"] },
        { "station1", "社区服务站工作台", ["首页", "居民管理", "居民台账", "零就业家庭", "服务标准", "档案转移", "区划与服务站", "三公里就业圈", "就业圈地图", "就业圈列表", "就业圈看板", "职业技能培训", "培训班", "补贴申请", "申请列表", "站内消息", "招聘信息", "补贴公示"] },
        { "station2", "社区服务站工作台", ["首页", "居民管理", "居民台账", "零就业家庭", "服务标准", "档案转移", "区划与服务站", "三公里就业圈", "就业圈地图", "就业圈列表", "就业圈看板", "职业技能培训", "培训班", "补贴申请", "申请列表", "站内消息", "招聘信息", "补贴公示"] },
        { "enterprise1", "企业服务", ["首页", "岗位管理", "录用登记", "推荐人选", "用工监测月报", "本企业账号", "补贴申请", "申请列表", "站内消息", "招聘信息", "补贴公示"] },
        { "enterprise2", "企业服务", ["首页", "岗位管理", "录用登记", "推荐人选", "用工监测月报", "本企业账号", "补贴申请", "申请列表", "站内消息", "招聘信息", "补贴公示"] },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_demo_role_signs_in_and_sees_its_own_Chinese_home_page_and_only_its_own_areas(string userName, string homeTitle, string[] areas)
    {
        var displayName = await Portal.DisplayNameAsync(userName);

        await RunAsync(
            async () =>
            {
                await LogInAsync(userName);

                await Expect(Page).ToHaveURLAsync(PathIs("/"));
                await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
                await Expect(Page.GetByTestId("home-title")).ToHaveTextAsync(homeTitle);
                await Expect(Page.GetByTestId("user-name")).ToHaveTextAsync(displayName);
                await Expect(Page.Locator(".portal-nav .portal-nav-text")).ToHaveTextAsync(areas);
            },
            userName);
    }

    [Fact]
    public async Task Station_worker_sees_the_two_communities_of_their_scope()
    {
        await RunAsync(async () =>
        {
            await LogInAsync("station1");

            await Expect(Page.GetByTestId("home-title")).ToHaveTextAsync("社区服务站工作台");
            await Expect(Page.Locator(".home-community")).ToHaveTextAsync(["东湖社区", "滨江社区"]);
            await Expect(Page.GetByTestId("user-name")).ToHaveTextAsync("张站长");
            await Expect(Page.Locator(".portal-nav").GetByText("用户管理")).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task Enterprise_user_sees_enterprise_services_for_their_own_enterprise()
    {
        var enterpriseName = await Portal.EnterpriseNameAsync("enterprise1");

        await RunAsync(async () =>
        {
            await LogInAsync("enterprise1");

            await Expect(Page.GetByTestId("home-title")).ToHaveTextAsync("企业服务");
            await Expect(Page.GetByTestId("home-enterprise").GetByRole(AriaRole.Heading)).ToHaveTextAsync(enterpriseName);
            await Expect(Page.GetByTestId("home-enterprise")).ToContainTextAsync("已认证");
        });
    }

    [Fact]
    public async Task The_login_page_s_messages_fit_a_laptop_and_a_phone_without_serious_axe_findings_and_a_stranger_is_sent_to_access_denied()
    {
        await RunAsync(async () =>
        {
            await Page.GotoAsync("/account/login");
            await SubmitLoginAsync(string.Empty, string.Empty);
            await Expect(Page.GetByTestId("error-userName")).ToHaveTextAsync("请输入用户名。");
            await Expect(Page.GetByTestId("error-password")).ToHaveTextAsync("请输入密码。");
            await AssertFitsAndAccessibleAsync(Page.GetByTestId("error-userName"));

            await Page.SetViewportSizeAsync(1366, 768);
            await SubmitLoginAsync("officer2", "Wrong" + PortalFixture.DemoPassword);
            await AssertFitsAndAccessibleAsync(Page.GetByTestId("login-error"));

            await Page.SetViewportSizeAsync(1366, 768);
            await LogInAsync("station1");
            await Page.GotoAsync("/admin/users");
            await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/access-denied"));
            await Expect(Page.GetByTestId("access-denied")).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task Wrong_password_shows_the_Chinese_error_on_the_login_page()
    {
        await RunAsync(async () =>
        {
            await Page.GotoAsync("/account/login");

            await SubmitLoginAsync("officer2", "Wrong" + PortalFixture.DemoPassword);

            await Expect(Page.GetByTestId("login-error")).ToHaveTextAsync(Refused);
            await Expect(Page).ToHaveURLAsync(PathIs("/account/login"));
            await Expect(Page.Locator("#userName")).ToHaveValueAsync("officer2");
            await Expect(Page.Locator("#password")).ToHaveValueAsync(string.Empty);
            await Expect(Page.GetByTestId("user-name")).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task Fifth_wrong_password_locks_the_account_and_then_the_right_password_gets_the_same_refusal()
    {
        await RunAsync(async () =>
        {
            await Page.GotoAsync("/account/login");
            for (var attempt = 1; attempt <= 5; attempt++)
            {
                await SubmitLoginAsync(PortalFixture.LockoutUserName, $"Wrong{attempt}Password");
                await Expect(Page.GetByTestId("login-error")).ToHaveTextAsync(Refused);
            }

            await SubmitLoginAsync(PortalFixture.LockoutUserName, PortalFixture.DemoPassword);
            await Expect(Page.GetByTestId("login-error")).ToHaveTextAsync(Refused);
            await Expect(Page).ToHaveURLAsync(PathIs("/account/login"));
            await Page.GotoAsync("/");
            await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        });
    }
}
