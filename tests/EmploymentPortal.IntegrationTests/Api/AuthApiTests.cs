using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.Data.Seeding;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Security;

namespace EmploymentPortal.IntegrationTests.Api;

/// <summary>
/// <c>/api/v1/auth</c>: sign-in for scripts and other systems, with the login page's password
/// rules, lockout and Chinese messages. Run once per provider, on the shared seeded portal.
/// </summary>
public abstract class AuthApiTests
{
    private readonly PortalApp _app;

    protected AuthApiTests(PortalApp app)
    {
        _app = app;
    }

    public static TheoryData<string, string> DemoAccounts()
    {
        var data = new TheoryData<string, string>();
        foreach (var account in DemoDataSeeder.Accounts)
        {
            data.Add(account.UserName, account.Role);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DemoAccounts))]
    public async Task Login_with_a_demo_account_sets_the_auth_cookie_and_me_shows_the_role(string userName, string role)
    {
        using var client = _app.Factory.CreateAnonymousClient();

        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = PortalAppFactory.DemoPassword });

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("portal.auth=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        Assert.Equal(userName, me.GetProperty("userName").GetString());
        Assert.Equal([role], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Login_of_station_staff_reports_their_communities_and_of_an_enterprise_user_their_enterprise()
    {
        using var station = await _app.Factory.CreateSignedInClientAsync("station1");
        using var enterprise = await _app.Factory.CreateSignedInClientAsync("enterprise1");

        var stationMe = await station.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        var enterpriseMe = await enterprise.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");

        Assert.Equal(2, stationMe.GetProperty("communityIds").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, stationMe.GetProperty("enterpriseId").ValueKind);
        Assert.Equal(0, enterpriseMe.GetProperty("communityIds").GetArrayLength());
        Assert.True(Guid.TryParse(enterpriseMe.GetProperty("enterpriseId").GetString(), out _));
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_Chinese_problem_and_code_invalid_credentials()
    {
        var userName = await _app.CreateUserAsync(PortalRoles.BureauOfficer);
        using var client = _app.Factory.CreateAnonymousClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = "Wrong2026Password" });

        var problem = await ReadProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("invalid-credentials", problem.GetProperty("code").GetString());
        Assert.Equal(LoginFlow.RefusedMessage, problem.GetProperty("detail").GetString());
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("portal.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Unknown_user_gets_the_same_answer_as_a_wrong_password()
    {
        using var client = _app.Factory.CreateAnonymousClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "nobody-here", password = PortalAppFactory.DemoPassword });

        var problem = await ReadProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("invalid-credentials", problem.GetProperty("code").GetString());
        Assert.Equal(LoginFlow.RefusedMessage, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Fifth_wrong_password_locks_the_address_out_and_then_even_the_right_password_gets_the_same_refusal()
    {
        var userName = await _app.CreateUserAsync(PortalRoles.StationStaff);
        using var client = _app.Factory.CreateAnonymousClient();
        var codes = new List<string?>();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = $"Wrong2026Pass{attempt}" });
            codes.Add((await ReadProblemAsync(response, HttpStatusCode.Unauthorized)).GetProperty("code").GetString());
        }

        var withRightPassword = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = PortalAppFactory.DemoPassword });
        Assert.Equal(Enumerable.Repeat("invalid-credentials", 5), codes);
        var locked = await ReadProblemAsync(withRightPassword, HttpStatusCode.Unauthorized);
        Assert.Equal("invalid-credentials", locked.GetProperty("code").GetString());
        Assert.Equal(LoginFlow.RefusedMessage, locked.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Disabled_user_is_refused_and_told_so_only_with_the_right_password()
    {
        var userName = await _app.CreateUserAsync(PortalRoles.BureauOfficer, disabled: true);
        using var client = _app.Factory.CreateAnonymousClient();

        var right = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = PortalAppFactory.DemoPassword });
        var wrong = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = "Wrong2026Password" });

        Assert.Equal("account-disabled", (await ReadProblemAsync(right, HttpStatusCode.Unauthorized)).GetProperty("code").GetString());
        Assert.Equal("invalid-credentials", (await ReadProblemAsync(wrong, HttpStatusCode.Unauthorized)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Logout_ends_the_session()
    {
        using var client = await _app.Factory.CreateSignedInClientAsync("officer2");

        var logout = await client.PostAsync("/api/v1/auth/logout", content: null);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        var me = await client.GetAsync("/api/v1/auth/me");
        Assert.Equal("unauthenticated", (await ReadProblemAsync(me, HttpStatusCode.Unauthorized)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Login_without_user_name_and_password_is_a_validation_problem_with_field_errors()
    {
        using var client = _app.Factory.CreateAnonymousClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { });

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("validation-failed", problem.GetProperty("code").GetString());
        var errors = problem.GetProperty("errors");
        Assert.Equal("请输入用户名。", errors.GetProperty("userName")[0].GetString());
        Assert.Equal("请输入密码。", errors.GetProperty("password")[0].GetString());
    }

    [Fact]
    public async Task Login_with_a_body_that_is_not_json_is_a_bad_request_problem()
    {
        using var client = _app.Factory.CreateAnonymousClient();

        var response = await client.PostAsync("/api/v1/auth/login", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("invalid-json", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Me_without_a_session_is_401_problem_and_no_redirect()
    {
        using var client = _app.Factory.CreateAnonymousClient();

        var response = await client.GetAsync("/api/v1/auth/me");

        var problem = await ReadProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("unauthenticated", problem.GetProperty("code").GetString());
        Assert.Equal("未登录", problem.GetProperty("title").GetString());
    }

    internal static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteAuthApiTests : AuthApiTests
{
    public SqliteAuthApiTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresAuthApiTests : AuthApiTests
{
    public PostgresAuthApiTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
