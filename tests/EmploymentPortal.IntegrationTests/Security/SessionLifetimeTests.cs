using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using EmploymentPortal.Data;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using FakeClock = EmploymentPortal.IntegrationTests.Residents.FollowUpTestData.FakeClock;

namespace EmploymentPortal.IntegrationTests.Security;

/// <summary>
/// How long a session lives, on a fake clock: the idle timeout slides with each request, the
/// absolute lifetime does not; and what checking the session costs per request, counted in
/// database commands. Each test starts a host of its own with the clock (on the shared database).
/// </summary>
public abstract class SessionLifetimeTests
{
    private readonly PortalApp _app;
    private readonly FakeClock _clock = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    protected SessionLifetimeTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task A_session_ends_after_the_idle_timeout_without_requests()
    {
        var userName = await _app.CreateUserAsync(PortalRoles.BureauOfficer);
        await using var host = Host(("Sessions:IdleTimeoutMinutes", "30"));
        using var browser = Browser(host);
        await SignInAsync(browser, userName);

        _clock.Now += TimeSpan.FromMinutes(20);
        var within = await browser.GetAsync("/api/v1/auth/me");
        _clock.Now += TimeSpan.FromMinutes(31);
        var after = await browser.GetAsync("/api/v1/auth/me");

        Assert.Equal(HttpStatusCode.OK, within.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task An_active_session_ends_at_its_absolute_lifetime_though_requests_keep_sliding_it()
    {
        var userName = await _app.CreateUserAsync(PortalRoles.BureauOfficer);
        await using var host = Host(("Sessions:IdleTimeoutMinutes", "30"), ("Sessions:AbsoluteLifetimeHours", "12"));
        using var browser = Browser(host);
        await SignInAsync(browser, userName);
        var statuses = new List<HttpStatusCode>();

        for (var elapsed = TimeSpan.FromMinutes(20); elapsed < TimeSpan.FromHours(12); elapsed += TimeSpan.FromMinutes(20))
        {
            _clock.Now += TimeSpan.FromMinutes(20);
            statuses.Add((await browser.GetAsync("/api/v1/auth/me")).StatusCode);
        }

        _clock.Now += TimeSpan.FromMinutes(20);
        var api = await browser.GetAsync("/api/v1/auth/me");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(35, statuses.Count);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task A_page_redirects_to_the_login_page_after_the_absolute_lifetime()
    {
        var userName = await _app.CreateUserAsync(PortalRoles.BureauOfficer);
        await using var host = Host(("Sessions:IdleTimeoutMinutes", "120"), ("Sessions:AbsoluteLifetimeHours", "2"));
        using var browser = Browser(host);
        await SignInAsync(browser, userName);

        _clock.Now += TimeSpan.FromMinutes(119);
        var before = await browser.GetAsync("/");
        _clock.Now += TimeSpan.FromMinutes(2);
        var after = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location?.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The cookie is sent as it was issued (as scripts do, which keep no renewed cookie), so a
    /// per-request check that is not cached, or that re-issues the cookie, shows in the count.
    /// Identity's security-stamp validator would run six queries on each of these requests.
    /// </summary>
    [Fact]
    public async Task Checking_the_session_costs_at_most_one_query_per_user_per_check_interval()
    {
        var userName = await _app.CreateUserAsync(PortalRoles.BureauOfficer);
        var commands = new IdentityCommandCounter();
        await using var host = _app.Factory.With(
            _clock,
            services => services.ConfigureDbContext<PortalDbContext>((_, options) => options.AddInterceptors(commands)),
            ("Sessions:CheckIntervalSeconds", "30"));
        var cookie = await SessionEndTests.SignInAsync(host, userName);
        using var script = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        script.DefaultRequestHeaders.Add("Cookie", cookie);
        _clock.Now += TimeSpan.FromMinutes(2);
        commands.Reset();

        var first = await RequestsAsync(script, 25);
        var firstCount = commands.Count;
        _clock.Now += TimeSpan.FromSeconds(30);
        var second = await RequestsAsync(script, 25);

        Assert.All(first.Concat(second), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(1, firstCount);
        Assert.Equal(2, commands.Count);
    }

    private static async Task<List<HttpStatusCode>> RequestsAsync(HttpClient client, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            statuses.Add((await client.GetAsync("/api/v1/auth/me")).StatusCode);
        }

        return statuses;
    }

    private static async Task SignInAsync(HttpClient browser, string userName)
    {
        var login = await browser.PostAsync("/api/v1/auth/login", JsonContent.Create(new { userName, password = PortalAppFactory.DemoPassword }));
        Assert.True(login.StatusCode == HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
    }

    /// <summary>A browser: keeps the cookies the portal sets, renewed ones included; follows no redirect.</summary>
    private static HttpClient Browser(WebApplicationFactory<Program> host) => host.CreateDefaultClient(new CookieContainerHandler(new CookieContainer()));

    private WebApplicationFactory<Program> Host(params (string Key, string Value)[] settings) => _app.Factory.With(_clock, null, settings);

    /// <summary>Counts the commands that read or write users, their roles, claims, scopes or sessions.</summary>
    private sealed class IdentityCommandCounter : DbCommandInterceptor
    {
        private static readonly string[] Tables = ["AspNetUser", "AspNetRole", "UserCommunityScopes", "UserSessions"];
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Tally(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Tally(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Tally(command);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Tally(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Tally(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Tally(command);
            return ValueTask.FromResult(result);
        }

        private void Tally(DbCommand command)
        {
            if (Tables.Any(t => command.CommandText.Contains(t, StringComparison.Ordinal)))
            {
                Interlocked.Increment(ref _count);
            }
        }
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteSessionLifetimeTests : SessionLifetimeTests
{
    public SqliteSessionLifetimeTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresSessionLifetimeTests : SessionLifetimeTests
{
    public PostgresSessionLifetimeTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
