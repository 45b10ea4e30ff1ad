using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmploymentPortal.Data;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Web.Features.Admin.Users;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.IntegrationTests.Security;

/// <summary>
/// A session ends at once when it should (issue 13, point 4): after a sign-out, a password change
/// or reset, a disabled account, or a change of roles or scope, the cookie the user had is worth
/// nothing: the API answers 401 and pages redirect to the login page. Each test replays the old
/// cookie itself, as a thief who copied it would, rather than trusting the browser to drop it.
/// </summary>
public abstract class SessionEndTests
{
    private const string NewPassword = "Changed2026Portal";

    private readonly PortalApp _app;

    protected SessionEndTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task Api_logout_ends_the_session_for_the_old_cookie()
    {
        var userName = await _app.CreateUserAsync(PortalRoles.BureauOfficer);
        var cookie = await SignInAsync(userName);
        using var replay = Replaying(cookie);

        var logout = await replay.PostAsync("/api/v1/auth/logout", content: null);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        await AssertSignedOutAsync(cookie);
    }

    [Fact]
    public async Task Logout_ends_only_the_session_signed_out_not_the_users_other_devices()
    {
        var userName = await _app.CreateUserAsync(PortalRoles.BureauOfficer);
        var phone = await SignInAsync(userName);
        var desk = await SignInAsync(userName);
        using var replay = Replaying(phone);

        await replay.PostAsync("/api/v1/auth/logout", content: null);

        await AssertSignedOutAsync(phone);
        await AssertSignedInAsync(desk);
    }

    [Fact]
    public async Task Password_change_ends_every_session_of_the_user()
    {
        var userName = await _app.CreateUserAsync(PortalRoles.BureauOfficer);
        var cookie = await SignInAsync(userName);

        await WithUserManagerAsync(async users =>
        {
            var user = await users.FindByNameAsync(userName);
            var changed = await users.ChangePasswordAsync(user!, PortalAppFactory.DemoPassword, NewPassword);
            Assert.True(changed.Succeeded);
        });

        await AssertSignedOutAsync(cookie);
    }

    [Fact]
    public async Task Administrators_password_reset_ends_every_session_of_the_user()
    {
        var userName = await _app.CreateUserAsync(PortalRoles.StationStaff);
        var cookie = await SignInAsync(userName);

        var outcome = await AsAdministratorAsync(userName, (services, user) =>
            services.GetRequiredService<CommandPipeline>().SendAsync(new ResetPassword.Command { UserId = user.Id, ConcurrencyStamp = user.ConcurrencyStamp!, Generate = true }));

        Assert.True(outcome.Result.Succeeded, outcome.Result.Message);
        await AssertSignedOutAsync(cookie);
    }

    [Fact]
    public async Task Disabling_the_account_ends_every_session_of_the_user()
    {
        var userName = await _app.CreateUserAsync(PortalRoles.BureauOfficer);
        var cookie = await SignInAsync(userName);

        var result = await AsAdministratorAsync(userName, (services, user) =>
            services.GetRequiredService<CommandPipeline>().SendAsync(new SetUserEnabled.Command(user.Id, user.ConcurrencyStamp!, Enabled: false)));

        Assert.True(result.Succeeded, result.Result.Message);
        await AssertSignedOutAsync(cookie);
    }

    [Fact]
    public async Task A_change_of_roles_ends_every_session_of_the_user()
    {
        var userName = await _app.CreateUserAsync(PortalRoles.BureauOfficer);
        var cookie = await SignInAsync(userName);

        var result = await AsAdministratorAsync(userName, (services, user) =>
            services.GetRequiredService<CommandPipeline>().SendAsync(new UpdateUserAccess.Command
            {
                UserId = user.Id,
                ConcurrencyStamp = user.ConcurrencyStamp!,
                DisplayName = user.DisplayName,
                Roles = [PortalRoles.BureauOfficer, PortalRoles.Administrator],
            }));

        Assert.True(result.Succeeded, result.Result.Message);
        await AssertSignedOutAsync(cookie);
    }

    [Fact]
    public async Task A_change_of_community_scope_ends_every_session_of_the_user()
    {
        var userName = await _app.CreateUserAsync(PortalRoles.StationStaff);
        var communities = await CommunitiesAsync();
        var first = await SetScopeAsync(userName, communities[0]);
        Assert.True(first.Succeeded, first.Result.Message);
        var cookie = await SignInAsync(userName);

        var result = await SetScopeAsync(userName, communities[1]);

        Assert.True(result.Succeeded, result.Result.Message);
        await AssertSignedOutAsync(cookie);
    }

    [Fact]
    public async Task An_enterprise_user_disabling_a_colleague_ends_the_colleagues_sessions()
    {
        var owner = await _app.SignedInClientAsync("enterprise1");
        var colleague = $"col{Guid.NewGuid():N}"[..14];
        var created = await owner.PostAsJsonAsync("/api/v1/enterprise-users", new { userName = colleague, displayName = "同事乙" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var cookie = await SignInAsync(colleague, body.RootElement.GetProperty("password").GetString()!);

        var disabled = await owner.PostAsJsonAsync($"/api/v1/enterprise-users/{body.RootElement.GetProperty("id").GetString()}/enabled", new { enabled = false });

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        await AssertSignedOutAsync(cookie);
    }

    /// <summary>Signs in through the API and returns the Cookie header a browser would send from then on.</summary>
    internal static async Task<string> SignInAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host, string userName, string password = PortalAppFactory.DemoPassword)
    {
        var jar = new CookieContainer();
        using var browser = host.CreateDefaultClient(new CookieContainerHandler(jar));
        var login = await browser.PostAsJsonAsync("/api/v1/auth/login", new { userName, password });
        Assert.True(login.StatusCode == HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
        var cookie = jar.GetCookieHeader(browser.BaseAddress!);
        Assert.Contains("portal.auth=", cookie, StringComparison.Ordinal);
        return cookie;
    }

    private Task<string> SignInAsync(string userName, string password = PortalAppFactory.DemoPassword) => SignInAsync(_app.Factory, userName, password);

    private HttpClient Replaying(string cookie)
    {
        var client = _app.Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        // From the portal's own pages: a signed-in write needs its Origin (docs/security.md, section 5).
        client.DefaultRequestHeaders.Add("Origin", PortalAppFactory.PortalOrigin.GetLeftPart(UriPartial.Authority));
        return client;
    }

    private async Task AssertSignedInAsync(string cookie)
    {
        using var client = Replaying(cookie);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    /// <summary>The API refuses the cookie with 401 and a page sends its holder to the login page.</summary>
    private async Task AssertSignedOutAsync(string cookie)
    {
        using var client = Replaying(cookie);

        var api = await client.GetAsync("/api/v1/auth/me");
        var page = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/login", page.Headers.Location?.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    private async Task WithUserManagerAsync(Func<UserManager<PortalUser>, Task> work)
    {
        await using var scope = _app.Factory.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>());
    }

    /// <summary>Runs a user-administration handler as the demo administrator, on the user as stored now.</summary>
    private async Task<T> AsAdministratorAsync<T>(string userName, Func<IServiceProvider, PortalUser, Task<T>> work)
    {
        await using var scope = _app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var admin = await users.FindByNameAsync("admin");
        var user = await users.FindByNameAsync(userName);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new PortalPrincipal(admin!.Id, "admin", admin.DisplayName, new HashSet<string> { PortalRoles.Administrator }, new HashSet<Guid>(), null));
        return await work(scope.ServiceProvider, user!);
    }

    private Task<EmploymentPortal.Web.Infrastructure.Validation.FeatureOutcome> SetScopeAsync(string userName, Guid community) =>
        AsAdministratorAsync(userName, (services, user) =>
            services.GetRequiredService<CommandPipeline>().SendAsync(new UpdateUserAccess.Command
            {
                UserId = user.Id,
                ConcurrencyStamp = user.ConcurrencyStamp!,
                DisplayName = user.DisplayName,
                Roles = [PortalRoles.StationStaff],
                CommunityIds = [community],
            }));

    private async Task<List<Guid>> CommunitiesAsync()
    {
        await using var db = _app.Database.CreateContext();
        return await db.Communities.AsNoTracking().OrderBy(c => c.Name).Select(c => c.Id).Take(2).ToListAsync();
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteSessionEndTests : SessionEndTests
{
    public SqliteSessionEndTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresSessionEndTests : SessionEndTests
{
    public PostgresSessionEndTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
