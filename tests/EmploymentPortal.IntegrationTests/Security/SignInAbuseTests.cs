using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.IntegrationTests.Api;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Web.Features.Admin.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using FakeClock = EmploymentPortal.IntegrationTests.Residents.FollowUpTestData.FakeClock;

namespace EmploymentPortal.IntegrationTests.Security;

/// <summary>
/// The login cannot be abused (issue 13, point 8): it answers an unknown user, a wrong password
/// and a locked account alike (in the same time: <see cref="SignInTimingTests"/>); it limits failures per client address and per
/// account, so that a stranger cannot keep an officer out for longer than a short window; and the
/// locks it sets are in the administrators' audit. Addresses come from the test header that stands
/// in for the forwarded-headers middleware (<see cref="PortalAppFactory.ClientAddressHeader"/>).
/// </summary>
public abstract class SignInAbuseTests
{
    /// <summary>The one answer to an unknown user, a wrong password and a locked account.</summary>
    private const string RefusedMessage = "用户名或密码错误，或账号已被暂时锁定，请稍后再试。";

    private const string WrongPassword = "Wrong2026Portal";

    private readonly PortalApp _app;
    private readonly FakeClock _clock = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    protected SignInAbuseTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task Unknown_user_wrong_password_and_locked_account_get_the_same_status_and_body()
    {
        var known = await _app.CreateUserAsync(PortalRoles.BureauOfficer);
        var locked = await LockedUserAsync(_app, DateTimeOffset.UtcNow.AddHours(1));
        using var client = From(_app.Factory, "192.0.2.10");

        var unknown = await LoginAsync(client, $"nobody-{Guid.NewGuid():N}"[..20], WrongPassword);
        var wrong = await LoginAsync(client, known, WrongPassword);
        var lockedWithRightPassword = await LoginAsync(client, locked, PortalAppFactory.DemoPassword);

        var answers = new[] { unknown, wrong, lockedWithRightPassword };
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.Status));
        Assert.Equal(RefusedMessage, JsonNode.Parse(unknown.Body)!["detail"]!.GetValue<string>());
        Assert.Equal(unknown.Body, wrong.Body);
        Assert.Equal(unknown.Body, lockedWithRightPassword.Body);
    }

    [Fact]
    public async Task A_strangers_failures_lock_out_only_the_strangers_address_not_the_owner()
    {
        var officer = await _app.CreateUserAsync(PortalRoles.BureauOfficer);
        using var stranger = From(_app.Factory, "198.51.100.7");
        using var owner = From(_app.Factory, "192.0.2.20");
        var strangerAnswers = new List<HttpStatusCode>();

        for (var attempt = 0; attempt < 8; attempt++)
        {
            strangerAnswers.Add((await LoginAsync(stranger, officer, WrongPassword)).Status);
        }

        var strangerWithRightPassword = await LoginAsync(stranger, officer, PortalAppFactory.DemoPassword);
        var ownerWithRightPassword = await LoginAsync(owner, officer, PortalAppFactory.DemoPassword);

        Assert.All(strangerAnswers, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.Unauthorized, strangerWithRightPassword.Status);
        Assert.Equal(HttpStatusCode.OK, ownerWithRightPassword.Status);
    }

    [Fact]
    public async Task Failures_from_many_addresses_lock_the_account_for_everyone_only_for_the_lockout_window()
    {
        var officer = await _app.CreateUserAsync(PortalRoles.BureauOfficer);
        await using var host = Clocked(("SignIn:AccountFailures", "10"), ("SignIn:AccountLockoutMinutes", "5"));
        for (var attempt = 0; attempt < 10; attempt++)
        {
            using var stranger = From(host, $"198.51.100.{30 + attempt}");
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(stranger, officer, WrongPassword)).Status);
        }

        using var owner = From(host, "192.0.2.30");
        var during = await LoginAsync(owner, officer, PortalAppFactory.DemoPassword);
        _clock.Now += TimeSpan.FromMinutes(5);
        var after = await LoginAsync(owner, officer, PortalAppFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.Unauthorized, during.Status);
        Assert.Equal(RefusedMessage, JsonNode.Parse(during.Body)!["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, after.Status);
    }

    [Fact]
    public async Task An_account_lock_is_in_the_administrators_audit_and_the_user_list()
    {
        var officer = await _app.CreateUserAsync(PortalRoles.BureauOfficer);
        await using var host = Clocked(("SignIn:AccountFailures", "3"), ("SignIn:AccountLockoutMinutes", "5"));
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var stranger = From(host, $"198.51.100.{60 + attempt}");
            await LoginAsync(stranger, officer, WrongPassword);
        }

        await using var db = _app.Database.CreateContext();
        var audit = await AuditQueries.PageAsync(db, new AuditQueries.AuditFilter("SignIn", null, null, null, null, null), 0, 100);
        var lockout = await db.Users.Where(u => u.UserName == officer).Select(u => u.LockoutEnd).SingleAsync();

        var entry = Assert.Single(audit.Rows, r => r.EntityId == officer);
        var changes = AuditQueries.ParseChanges(entry.Changes).ToDictionary(c => c.Field, c => c.New);
        Assert.Equal("account-locked", changes["event"]);
        Assert.Equal("198.51.100.62", changes["address"]);
        Assert.Equal(_clock.Now + TimeSpan.FromMinutes(5), lockout);
    }

    [Fact]
    public async Task An_address_with_too_many_failures_gets_429_with_retry_after_and_a_Chinese_message_until_its_window_ends()
    {
        await using var host = Clocked(("SignIn:AddressFailures", "3"), ("SignIn:AddressWindowMinutes", "15"));
        using var sprayer = From(host, "203.0.113.9");
        using var neighbour = From(host, "203.0.113.10");
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(sprayer, $"spray-{attempt}-{Guid.NewGuid():N}"[..20], WrongPassword)).Status);
        }

        var refused = await sprayer.PostAsJsonAsync("/api/v1/auth/login", new { userName = "officer1", password = WrongPassword });
        var other = await LoginAsync(neighbour, $"spray-x-{Guid.NewGuid():N}"[..20], WrongPassword);
        _clock.Now += TimeSpan.FromMinutes(15);
        var later = await LoginAsync(sprayer, $"spray-y-{Guid.NewGuid():N}"[..20], WrongPassword);

        var problem = await AuthApiTests.ReadProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal("too-many-attempts", problem.GetProperty("code").GetString());
        Assert.Equal("本机登录失败次数过多，请稍后再试。", problem.GetProperty("detail").GetString());
        Assert.Equal(TimeSpan.FromMinutes(15), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.Unauthorized, other.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, later.Status);
    }

    /// <summary>Signs in through the API; the body without its trace id, which differs on every answer.</summary>
    internal static async Task<(HttpStatusCode Status, string Body)> LoginAsync(HttpClient client, string userName, string password)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body.Remove("traceId");
        return (response.StatusCode, body.ToJsonString());
    }

    /// <summary>A client without cookies, from the given address.</summary>
    internal static HttpClient From(WebApplicationFactory<Program> host, string address)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add(PortalAppFactory.ClientAddressHeader, address);
        return client;
    }

    /// <summary>A user of this test whose account is locked until <paramref name="until"/>, as an account lock leaves it.</summary>
    internal static async Task<string> LockedUserAsync(PortalApp app, DateTimeOffset until)
    {
        var userName = await app.CreateUserAsync(PortalRoles.BureauOfficer);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var result = await users.SetLockoutEndDateAsync((await users.FindByNameAsync(userName))!, until);
        Assert.True(result.Succeeded);
        return userName;
    }

    private WebApplicationFactory<Program> Clocked(params (string Key, string Value)[] settings) => _app.Factory.With(_clock, null, settings);
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteSignInAbuseTests : SignInAbuseTests
{
    public SqliteSignInAbuseTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresSignInAbuseTests : SignInAbuseTests
{
    public PostgresSignInAbuseTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
