using EmploymentPortal.Testing;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Web.Features.Vacancies;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.IntegrationTests.Enterprises;

/// <summary>
/// Enterprise sign-up and verification, vacancies and their review, and the public board, on
/// both providers: an enterprise sees and changes only its own vacancies, a pending enterprise
/// cannot publish, a rejected vacancy never reaches the board, and the radius search agrees with a
/// brute-force filter.
/// </summary>
public abstract class EnterpriseAndVacancyTests
{
    private static int _codeCounter;
    private readonly PortalApp _app;

    protected EnterpriseAndVacancyTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task Api_sign_up_creates_a_pending_enterprise_whose_user_can_sign_in()
    {
        var (code, userName) = await SignUpAsync();

        await using var db = _app.Database.CreateContext();
        var enterprise = await db.Enterprises.SingleAsync(e => e.CreditCode == code);
        Assert.Equal(EnterpriseStatus.Pending, enterprise.Status);
        Assert.Equal(IndustrySection.C, enterprise.Industry);
        using var client = await _app.Factory.CreateSignedInClientAsync(userName);
        using var me = JsonDocument.Parse(await client.GetStringAsync("/api/v1/auth/me"));
        Assert.Equal(enterprise.Id, me.RootElement.GetProperty("enterpriseId").GetGuid());
    }

    [Fact]
    public async Task Api_sign_up_with_a_registered_credit_code_is_refused_with_a_clear_message()
    {
        var existing = await Enterprise1Async();
        using var client = _app.Factory.CreateAnonymousClient();

        var response = await client.PostAsJsonAsync("/api/v1/enterprises", SignUpBody(existing.CreditCode, NewUserName()));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"code\":\"enterprise-credit-code-taken\"", body, StringComparison.Ordinal);
        Assert.Contains("该统一社会信用代码已经注册过企业账号", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_sign_up_with_a_wrong_check_character_is_a_validation_problem()
    {
        var code = NewCreditCode();
        var wrong = code[..17] + (code[17] == '0' ? '1' : '0');
        using var client = _app.Factory.CreateAnonymousClient();

        var response = await client.PostAsJsonAsync("/api/v1/enterprises", SignUpBody(wrong, NewUserName()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("validation-failed", json.RootElement.GetProperty("code").GetString());
        Assert.Contains("校验码", json.RootElement.GetProperty("errors").GetProperty("creditCode")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pending_enterprise_cannot_submit_a_vacancy_for_publication()
    {
        var (_, userName) = await SignUpAsync();
        using var client = await _app.Factory.CreateSignedInClientAsync(userName);

        var response = await client.PostAsJsonAsync("/api/v1/vacancies", VacancyBody("待认证企业的岗位", submit: true));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("\"code\":\"enterprise-not-verified\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Officer_verifies_a_pending_enterprise_once_and_then_it_can_submit_vacancies()
    {
        var (code, userName) = await SignUpAsync();
        var id = await EnterpriseIdAsync(code);
        var officer = await _app.SignedInClientAsync("officer1");

        var verified = await officer.PostAsJsonAsync($"/api/v1/enterprises/{id}/verify", new { });
        var again = await officer.PostAsJsonAsync($"/api/v1/enterprises/{id}/verify", new { });

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("\"code\":\"enterprise-not-pending\"", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var client = await _app.Factory.CreateSignedInClientAsync(userName);
        var submitted = await client.PostAsJsonAsync("/api/v1/vacancies", VacancyBody("认证后的岗位", submit: true));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
    }

    [Fact]
    public async Task Verify_of_an_unknown_enterprise_is_404_and_an_enterprise_user_may_not_verify()
    {
        var officer = await _app.SignedInClientAsync("officer1");
        var enterprise = await _app.SignedInClientAsync("enterprise1");
        var own = await Enterprise1Async();

        var unknown = await officer.PostAsJsonAsync($"/api/v1/enterprises/{Guid.NewGuid()}/verify", new { });
        var denied = await enterprise.PostAsJsonAsync($"/api/v1/enterprises/{own.Id}/verify", new { });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task Officer_rejects_with_a_reason_and_the_rejected_vacancy_never_appears_on_the_board()
    {
        var title = $"驳回测试岗位{Interlocked.Increment(ref _codeCounter)}{_app.Factory.Provider}";
        var id = await PostVacancyAsEnterprise1Async(title);
        var officer = await _app.SignedInClientAsync("officer1");

        var withoutReason = await officer.PostAsJsonAsync($"/api/v1/vacancies/{id}/review", new { approve = false });
        var rejected = await officer.PostAsJsonAsync($"/api/v1/vacancies/{id}/review", new { approve = false, reason = "请写明工作时间" });
        var approveRejected = await officer.PostAsJsonAsync($"/api/v1/vacancies/{id}/review", new { approve = true });

        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, approveRejected.StatusCode);
        Assert.Contains("\"code\":\"vacancy-not-pending\"", await approveRejected.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = _app.Database.CreateContext();
        var vacancy = await db.Vacancies.SingleAsync(v => v.Id == id);
        Assert.Equal(VacancyStatus.Rejected, vacancy.Status);
        Assert.Equal("请写明工作时间", vacancy.RejectionReason);
        Assert.DoesNotContain(id, await BoardIdsAsync($"keyword={Uri.EscapeDataString(title)}"));
    }

    [Fact]
    public async Task Approved_vacancy_is_on_the_board_and_an_edit_sends_it_back_to_review()
    {
        var title = $"审核通过岗位{Interlocked.Increment(ref _codeCounter)}{_app.Factory.Provider}";
        var id = await PostVacancyAsEnterprise1Async(title);
        var officer = await _app.SignedInClientAsync("officer1");

        var approved = await officer.PostAsJsonAsync($"/api/v1/vacancies/{id}/review", new { approve = true });

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Contains(id, await BoardIdsAsync($"keyword={Uri.EscapeDataString(title)}"));
        var command = await WithEnterpriseUserAsync("enterprise1", async (services, principal) =>
        {
            await using var db = _app.Database.CreateContext();
            var edit = (await VacancyQueries.ForEditAsync(db, principal, id))!;
            edit.Openings = 7;
            edit.Submit = true;
            return await services.GetRequiredService<CommandPipeline>().SendAsync(edit);
        });
        Assert.True(command.Succeeded, command.Result.Message);
        await using var check = _app.Database.CreateContext();
        Assert.Equal(VacancyStatus.PendingReview, (await check.Vacancies.SingleAsync(v => v.Id == id)).Status);
        Assert.DoesNotContain(id, await BoardIdsAsync($"keyword={Uri.EscapeDataString(title)}"));
    }

    [Fact]
    public async Task Enterprise_user_sees_and_changes_only_its_own_enterprise_s_vacancies()
    {
        var own = await Enterprise1Async();
        await using var db = _app.Database.CreateContext();
        var foreign = await db.Vacancies.AsNoTracking().FirstAsync(v => v.EnterpriseId != own.Id);
        var ownIds = await db.Vacancies.Where(v => v.EnterpriseId == own.Id).Select(v => v.Id).ToListAsync();

        var (list, forEdit, outcome) = await WithEnterpriseUserAsync("enterprise1", async (services, principal) =>
        {
            await using var context = _app.Database.CreateContext();
            var rows = await VacancyQueries.OwnAsync(context, principal);
            var edit = await VacancyQueries.ForEditAsync(context, principal, foreign.Id);
            var attempt = await services.GetRequiredService<CommandPipeline>().SendAsync(new SaveVacancy.Command
            {
                Id = foreign.Id,
                Title = "篡改",
                OccupationGroup = OccupationGroup.Services,
                Occupation = "篡改",
                Openings = 1,
                WageMin = Money.FromYuan(1),
                WageMax = Money.FromYuan(2),
                WorkType = WorkType.FullTime,
                ValidUntil = DateTime.UtcNow.Date.AddDays(10),
            });
            return (rows, edit, attempt);
        });

        Assert.NotEmpty(list);
        Assert.All(list, r => Assert.Contains(r.Id, ownIds));
        Assert.Null(forEdit);
        Assert.Equal("not-found", outcome.Code);
        await using var check = _app.Database.CreateContext();
        Assert.Equal(foreign.Title, (await check.Vacancies.SingleAsync(v => v.Id == foreign.Id)).Title);
    }

    [Fact]
    public async Task Enterprise_page_of_vacancies_lists_no_other_enterprise_s_vacancy()
    {
        var own = await Enterprise1Async();
        await using var db = _app.Database.CreateContext();
        var foreignTitles = await db.Vacancies.Where(v => v.EnterpriseId != own.Id).Select(v => v.Title).Distinct().ToListAsync();
        var ownTitles = await db.Vacancies.Where(v => v.EnterpriseId == own.Id).Select(v => v.Title).ToListAsync();
        var client = await _app.SignedInClientAsync("enterprise1");

        // The page renders its shell on the server; its grid asks VacancyQueries.OwnPageAsync for
        // rows once the circuit starts (the browser tests follow it there).
        var html = await client.GetStringAsync("/enterprise/vacancies");
        var shown = await WithEnterpriseUserAsync("enterprise1", async (_, principal) =>
        {
            await using var pageDb = _app.Database.CreateContext();
            var page = await VacancyQueries.OwnPageAsync(pageDb, principal, status: null, skip: 0, take: 200);
            Assert.Equal(ownTitles.Count, page.Total);
            return page.Items.Select(r => r.Title).ToList();
        });

        Assert.Contains("data-testid=\"enterprise-vacancies\"", html, StringComparison.Ordinal);
        Assert.NotEmpty(shown);
        Assert.All(shown, t => Assert.Contains(t, ownTitles));
        Assert.All(foreignTitles.Except(ownTitles), t => Assert.DoesNotContain(t, shown));
    }

    [Fact]
    public async Task Public_board_shows_only_published_unexpired_vacancies_of_verified_enterprises()
    {
        var ids = await BoardIdsAsync("pageSize=100");

        await using var db = _app.Database.CreateContext();
        var today = PortalCalendar.DateOf(DateTimeOffset.UtcNow);
        var expected = await (
            from v in db.Vacancies
            join e in db.Enterprises on v.EnterpriseId equals e.Id
            where v.Status == VacancyStatus.Published && v.ValidUntil >= today && e.Status == EnterpriseStatus.Verified
            select v.Id).ToListAsync();
        Assert.NotEmpty(ids);
        Assert.Equal(expected.Count, await BoardTotalAsync(string.Empty));
        Assert.All(ids, id => Assert.Contains(id, expected));
    }

    [Fact]
    public async Task Vacancy_past_its_last_valid_day_in_China_is_off_the_board_and_the_api_at_one_in_the_morning()
    {
        var title = $"北京时间过期岗位{Interlocked.Increment(ref _codeCounter)}{_app.Factory.Provider}";
        var (id, validUntil) = await PublishedUntilTodayAsync(title);
        var before = await BoardIdsAsync($"keyword={Uri.EscapeDataString(title)}");
        using var anonymous = _app.Factory.CreateAnonymousClient();
        var pageBefore = await anonymous.GetStringAsync($"/jobs?keyword={Uri.EscapeDataString(title)}");
        var card = $"data-testid=\"job-title\">{title}<";
        // 01:00 in China the day after the last valid day is 17:00 UTC on the last valid day itself.
        var clock = Residents.FollowUpTestData.FakeClock.AtChinaTime(validUntil.Year, validUntil.Month, validUntil.Day, 1, 0);
        clock.Now = clock.Now.AddDays(1);
        await using var host = _app.Factory.With(clock, null);
        using var client = host.CreateClient();

        using var api = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/vacancies?keyword={Uri.EscapeDataString(title)}"));
        var page = await client.GetStringAsync($"/jobs?keyword={Uri.EscapeDataString(title)}");

        Assert.Contains(id, before);
        Assert.Contains(card, pageBefore, StringComparison.Ordinal);
        Assert.DoesNotContain(api.RootElement.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
        Assert.DoesNotContain(card, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expiry_job_expires_a_published_vacancy_after_its_last_valid_day_only()
    {
        var title = $"过期测试岗位{Interlocked.Increment(ref _codeCounter)}{_app.Factory.Provider}";
        var (id, validUntil) = await PublishedUntilTodayAsync(title);
        await using var db = _app.Database.CreateContext();

        await VacancyExpiry.RunAsync(db, validUntil);
        var stillPublished = (await db.Vacancies.AsNoTracking().SingleAsync(v => v.Id == id)).Status;
        await VacancyExpiry.RunAsync(db, validUntil.AddDays(1));

        Assert.Equal(VacancyStatus.Published, stillPublished);
        Assert.Equal(VacancyStatus.Expired, (await db.Vacancies.AsNoTracking().SingleAsync(v => v.Id == id)).Status);
    }

    [Fact]
    public async Task Expiry_job_uses_the_china_date_of_its_clock_and_each_expiry_is_audited_as_the_system()
    {
        var title = $"过期作业岗位{Interlocked.Increment(ref _codeCounter)}{_app.Factory.Provider}";
        var (id, validUntil) = await PublishedUntilTodayAsync(title);
        await using var db = _app.Database.CreateContext();
        var scopes = _app.Factory.Services.GetRequiredService<IServiceScopeFactory>();

        // 23:30 in China on the last valid day is still valid; 00:30 the next day (16:30 UTC the day before) is not.
        var lastEvening = Residents.FollowUpTestData.FakeClock.AtChinaTime(validUntil.Year, validUntil.Month, validUntil.Day, 23, 30);
        var nextMorning = Residents.FollowUpTestData.FakeClock.AtChinaTime(validUntil.Year, validUntil.Month, validUntil.Day, 0, 30);
        nextMorning.Now = nextMorning.Now.AddDays(1);
        await new VacancyExpiryJob(scopes, new PortalCalendar(lastEvening), Microsoft.Extensions.Logging.Abstractions.NullLogger<VacancyExpiryJob>.Instance).RunAsync();
        var stillPublished = (await db.Vacancies.AsNoTracking().SingleAsync(v => v.Id == id)).Status;
        await new VacancyExpiryJob(scopes, new PortalCalendar(nextMorning), Microsoft.Extensions.Logging.Abstractions.NullLogger<VacancyExpiryJob>.Instance).RunAsync();

        Assert.Equal(VacancyStatus.Published, stillPublished);
        Assert.Equal(VacancyStatus.Expired, (await db.Vacancies.AsNoTracking().SingleAsync(v => v.Id == id)).Status);
        var audit = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(Vacancy) && e.EntityId == id.ToString() && e.Action == Data.Auditing.AuditAction.Update)
            .OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal("system", audit.ActorName);
        Assert.Contains("Expired", audit.Changes, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(3.0)]
    [InlineData(8.0)]
    public async Task Radius_search_equals_a_brute_force_filter_of_the_seeded_vacancies(double radiusKm)
    {
        await using var db = _app.Database.CreateContext();
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Name == "东湖社区");
        var centre = GeoPoint.Create(community.StationLatitude, community.StationLongitude);
        var today = PortalCalendar.DateOf(DateTimeOffset.UtcNow);
        var all = await (
            from v in db.Vacancies
            join e in db.Enterprises on v.EnterpriseId equals e.Id
            where v.Status == VacancyStatus.Published && v.ValidUntil >= today && e.Status == EnterpriseStatus.Verified
            select new { v.Id, v.Latitude, v.Longitude }).ToListAsync();
        var expected = all.Where(v => centre.DistanceKmTo(GeoPoint.Create(v.Latitude, v.Longitude)) <= radiusKm).Select(v => v.Id).OrderBy(id => id).ToList();

        var found = await BoardIdsAsync(string.Create(CultureInfo.InvariantCulture, $"near={centre}&radiusKm={radiusKm}&pageSize=100"));

        Assert.Equal(expected, found.OrderBy(id => id).ToList());
    }

    [Fact]
    public async Task Board_refuses_a_malformed_point_with_a_chinese_problem()
    {
        using var client = _app.Factory.CreateAnonymousClient();

        var response = await client.GetAsync("/api/v1/vacancies?near=abc&radiusKm=3");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("坐标格式不正确", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Board_rows_carry_no_personal_data()
    {
        using var client = _app.Factory.CreateAnonymousClient();

        var body = await client.GetStringAsync("/api/v1/vacancies?pageSize=100");

        Assert.DoesNotContain("contact", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("phone", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("legalRepresentative", body, StringComparison.OrdinalIgnoreCase);
    }

    private static string NewUserName() => TestData.UserName("ent");

    private static string NewCreditCode() => TestData.CreditCode("341200");

    private object SignUpBody(string code, string userName)
    {
        using var db = _app.Database.CreateContext();
        var community = db.Communities.AsNoTracking().Single(c => c.Name == "东湖社区");
        return new
        {
            creditCode = code,
            name = $"测试企业{userName}",
            legalRepresentative = "张三",
            communityId = community.Id,
            address = "东湖路1号",
            industry = "C",
            size = "Small",
            totalEmployees = 50,
            insuredEmployees = 40,
            contactName = "李四",
            contactPhone = "13812345678",
            userName,
            password = PortalAppFactory.DemoPassword,
        };
    }

    private static object VacancyBody(string title, bool submit, int validDays = 60) => new
    {
        title,
        occupationGroup = "Production",
        occupation = "普工",
        openings = 3,
        wageMin = 3500,
        wageMax = 5000,
        workType = "FullTime",
        requirements = "能适应两班倒",
        noExperienceRequired = true,
        validUntil = PortalCalendar.DateOf(DateTimeOffset.UtcNow).AddDays(validDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        submit,
    };

    private async Task<(string Code, string UserName)> SignUpAsync()
    {
        var code = NewCreditCode();
        var userName = NewUserName();
        using var client = _app.Factory.CreateAnonymousClient();
        var response = await client.PostAsJsonAsync("/api/v1/enterprises", SignUpBody(code, userName));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (code, userName);
    }

    private async Task<Guid> EnterpriseIdAsync(string code)
    {
        await using var db = _app.Database.CreateContext();
        return await db.Enterprises.Where(e => e.CreditCode == code).Select(e => e.Id).SingleAsync();
    }

    private async Task<Enterprise> Enterprise1Async()
    {
        await using var db = _app.Database.CreateContext();
        var enterpriseId = await db.Users.Where(u => u.UserName == "enterprise1").Select(u => u.EnterpriseId).SingleAsync();
        return await db.Enterprises.AsNoTracking().SingleAsync(e => e.Id == enterpriseId);
    }

    /// <summary>
    /// A vacancy of enterprise1 valid until today (China date) only, approved: expiring it
    /// "tomorrow" touches no other test's vacancy.
    /// </summary>
    private async Task<(Guid Id, DateOnly ValidUntil)> PublishedUntilTodayAsync(string title)
    {
        var id = await PostVacancyAsEnterprise1Async(title, validDays: 0);
        var officer = await _app.SignedInClientAsync("officer1");
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/v1/vacancies/{id}/review", new { approve = true })).StatusCode);
        await using var db = _app.Database.CreateContext();
        return (id, await db.Vacancies.Where(v => v.Id == id).Select(v => v.ValidUntil).SingleAsync());
    }

    private async Task<Guid> PostVacancyAsEnterprise1Async(string title, int validDays = 60)
    {
        var client = await _app.SignedInClientAsync("enterprise1");
        var response = await client.PostAsJsonAsync("/api/v1/vacancies", VacancyBody(title, submit: true, validDays));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("id").GetGuid();
    }

    private async Task<List<Guid>> BoardIdsAsync(string query)
    {
        using var client = _app.Factory.CreateAnonymousClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/vacancies?{query}"));
        return json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
    }

    private async Task<int> BoardTotalAsync(string query)
    {
        using var client = _app.Factory.CreateAnonymousClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/vacancies?{query}"));
        return json.RootElement.GetProperty("total").GetInt32();
    }

    /// <summary>Runs handlers as a demo enterprise user, the way a circuit does.</summary>
    private async Task<T> WithEnterpriseUserAsync<T>(string userName, Func<IServiceProvider, PortalPrincipal, Task<T>> work)
    {
        await using var scope = _app.Factory.Services.CreateAsyncScope();
        await using var db = _app.Database.CreateContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        var principal = new PortalPrincipal(user.Id, userName, user.DisplayName, new HashSet<string> { PortalRoles.EnterpriseUser }, new HashSet<Guid>(), user.EnterpriseId);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(principal);
        return await work(scope.ServiceProvider, principal);
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteEnterpriseAndVacancyTests : EnterpriseAndVacancyTests
{
    public SqliteEnterpriseAndVacancyTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresEnterpriseAndVacancyTests : EnterpriseAndVacancyTests
{
    public PostgresEnterpriseAndVacancyTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
