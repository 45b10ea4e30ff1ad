using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace EmploymentPortal.IntegrationTests.Security;

/// <summary>
/// Writes cannot be forged from another origin (docs/security.md, section 5): a page on another
/// port of the same host (<see cref="ForeignOrigin"/>) is the same site, so the browser sends it
/// the SameSite=Lax sign-in cookie; the portal refuses its writes by their <c>Origin</c>.
/// The requests here carry a sign-in cookie by hand (no cookie jar), so that a sign-out endpoint
/// that lets a request through cannot end the session the next probe needs.
/// </summary>
[Collection(SqliteAppCollection.Name)]
public sealed partial class SameOriginWriteTests
{
    /// <summary>Another port of the portal's host: same site, other origin.</summary>
    private const string ForeignOrigin = "http://localhost:5081";

    private const string RefusalCode = "cross-origin-write";

    private static readonly string[] SafeMethods = ["GET", "HEAD", "OPTIONS", "TRACE"];

    private readonly SqlitePortalApp _app;
    private readonly ITestOutputHelper _output;

    public SameOriginWriteTests(SqlitePortalApp app, ITestOutputHelper output)
    {
        _app = app;
        _output = output;
    }

    private static string PortalOrigin => PortalAppFactory.PortalOrigin.GetLeftPart(UriPartial.Authority);

    /// <summary>
    /// The same request from the portal's own origin must then not be 403 at all, so the probe
    /// signs in as a user in every role (and of an enterprise) whom authorization lets through.
    /// </summary>
    [Fact]
    public async Task Every_state_changing_endpoint_refuses_a_signed_in_request_from_another_port_and_takes_it_from_the_portal()
    {
        var cookie = await SignInCookieAsync(await UserInEveryRoleAsync());
        using var client = CookielessClient();
        var failures = new List<string>();
        var probed = 0;

        foreach (var (method, route, path) in StateChangingEndpoints())
        {
            probed++;
            using var foreign = await SendAsync(client, method, path, cookie, origin: ForeignOrigin);
            using var own = await SendAsync(client, method, path, cookie, origin: PortalOrigin);
            var foreignCode = await ProblemCodeAsync(foreign);
            var ownCode = await ProblemCodeAsync(own);
            _output.WriteLine($"{method,-6} {route,-60} foreign {(int)foreign.StatusCode} {foreignCode,-20} own {(int)own.StatusCode} {ownCode}");
            if (foreign.StatusCode != HttpStatusCode.Forbidden || foreignCode != RefusalCode)
            {
                failures.Add($"{method} {route} from {ForeignOrigin}: {(int)foreign.StatusCode} {foreignCode}, expected 403 {RefusalCode}");
            }

            if (own.StatusCode == HttpStatusCode.Forbidden)
            {
                failures.Add($"{method} {route} from the portal's origin: 403 {ownCode}");
            }
        }

        Assert.True(probed > 50, $"only {probed} state-changing endpoints found");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task A_signed_in_write_without_Origin_or_Referer_is_refused()
    {
        var cookie = await SignInCookieAsync("officer1");
        using var client = CookielessClient();

        using var response = await SendAsync(client, "POST", "/api/v1/auth/logout", cookie, origin: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(RefusalCode, problem.GetProperty("code").GetString());
        Assert.Contains("Origin", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("https://localhost")]
    [InlineData("http://portal.localhost")]
    [InlineData("http://localhost.evil.example")]
    public async Task A_signed_in_write_from_a_look_alike_or_opaque_origin_is_refused(string origin)
    {
        var cookie = await SignInCookieAsync("officer1");
        using var client = CookielessClient();

        using var response = await SendAsync(client, "POST", "/api/v1/auth/logout", cookie, origin);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(RefusalCode, await ProblemCodeAsync(response));
    }

    [Fact]
    public async Task Without_Origin_the_Referer_decides()
    {
        var cookie = await SignInCookieAsync("officer1");
        using var client = CookielessClient();

        using var foreign = await SendAsync(client, "POST", "/api/v1/eligibility/evaluate", cookie, origin: null, referer: ForeignOrigin + "/attack.html");
        using var own = await SendAsync(client, "POST", "/api/v1/eligibility/evaluate", cookie, origin: null, referer: PortalOrigin + "/policies/sandbox");

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(RefusalCode, await ProblemCodeAsync(foreign));
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Equal("validation-failed", await ProblemCodeAsync(own));
    }

    [Fact]
    public async Task Sign_in_from_another_origin_is_refused_and_sets_no_cookie()
    {
        using var client = CookielessClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
        {
            Content = JsonContent.Create(new { userName = "officer1", password = PortalAppFactory.DemoPassword }),
        };
        request.Headers.Add("Origin", ForeignOrigin);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(RefusalCode, await ProblemCodeAsync(response));
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_script_without_a_session_and_without_Origin_still_signs_in()
    {
        using var client = CookielessClient();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "officer1", password = PortalAppFactory.DemoPassword });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_form_post_from_another_port_is_refused_even_with_a_valid_antiforgery_token()
    {
        using var client = await _app.Factory.CreateSignedInClientAsync("officer2");
        var token = (await client.GetFromJsonAsync<JsonElement>("/api/v1/auth/antiforgery")).GetProperty("token").GetString()!;
        HttpRequestMessage SignOut(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/account/logout") { Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]) };
            request.Headers.Add("Origin", origin);
            return request;
        }

        using var forged = await client.SendAsync(SignOut(ForeignOrigin));
        var stillSignedIn = await client.GetAsync("/api/v1/auth/me");
        using var own = await client.SendAsync(SignOut(PortalOrigin));

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
    }

    [Fact]
    public async Task A_WebSocket_to_the_circuit_from_another_port_is_refused_and_from_the_portal_accepted()
    {
        var cookie = await SignInCookieAsync("officer1");

        var foreign = await Record.ExceptionAsync(() => ConnectCircuitAsync(cookie, ForeignOrigin));
        var own = await Record.ExceptionAsync(() => ConnectCircuitAsync(cookie, PortalOrigin));

        Assert.NotNull(foreign);
        Assert.Contains("403", foreign.Message, StringComparison.Ordinal);
        Assert.Null(own);
    }

    [Fact]
    public async Task Upload_with_the_antiforgery_pair_of_another_account_is_refused()
    {
        var victim = await SignInCookieAsync("station1");
        var (attackerCookie, attackerToken) = await AntiforgeryPairAsync(await SignInCookieAsync("station2"));
        using var client = CookielessClient();
        using var content = new MultipartFormDataContent { { new ByteArrayContent("not a workbook"u8.ToArray()), "file", "ledger.xlsx" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/residents/import") { Content = content };
        request.Headers.Add("Cookie", $"{victim}; {attackerCookie}");
        request.Headers.Add("Origin", PortalOrigin);
        request.Headers.Add("X-XSRF-TOKEN", attackerToken);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("antiforgery-token-invalid", await ProblemCodeAsync(response));
    }

    [Fact]
    public async Task A_public_origin_from_configuration_is_the_portals_own()
    {
        await using var factory = _app.Factory.WithWebHostBuilder(b => b.UseSetting("Security:AllowedOrigins", "https://jiuye.jiangzhou.gov.cn"));
        using var signIn = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await signIn.PostAsJsonAsync("/api/v1/auth/login", new { userName = "officer1", password = PortalAppFactory.DemoPassword });
        var cookie = AuthCookie(login);
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        using var configured = await SendAsync(client, "POST", "/api/v1/eligibility/evaluate", cookie, "https://jiuye.jiangzhou.gov.cn");
        using var other = await SendAsync(client, "POST", "/api/v1/eligibility/evaluate", cookie, "https://evil.jiangzhou.gov.cn");

        Assert.Equal("validation-failed", await ProblemCodeAsync(configured));
        Assert.Equal(RefusalCode, await ProblemCodeAsync(other));
    }

    /// <summary>
    /// Every endpoint a request can change state through, read from the app's endpoint data
    /// source, so that a new endpoint is probed without being listed: any method but the safe ones,
    /// and endpoints that take every method (probed with POST).
    /// </summary>
    private IEnumerable<(string Method, string Route, string Path)> StateChangingEndpoints()
    {
        var endpoints = _app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null);
        foreach (var endpoint in endpoints)
        {
            var route = endpoint.RoutePattern.RawText ?? string.Empty;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            foreach (var method in methods is { Count: > 0 } ? methods.Except(SafeMethods, StringComparer.OrdinalIgnoreCase) : ["POST"])
            {
                yield return (method, route, RouteParameter().Replace(route, m => m.Groups[1].Value.Contains("guid", StringComparison.OrdinalIgnoreCase) ? Guid.NewGuid().ToString() : "sample"));
            }
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, string cookie, string? origin, string? referer = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Add("Cookie", cookie);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (referer is not null)
        {
            request.Headers.Referrer = new Uri(referer);
        }

        return await client.SendAsync(request);
    }

    private async Task ConnectCircuitAsync(string cookie, string origin)
    {
        var sockets = _app.Factory.Server.CreateWebSocketClient();
        sockets.ConfigureRequest = request =>
        {
            request.Headers.Cookie = cookie;
            request.Headers.Origin = origin;
        };
        using var socket = await sockets.ConnectAsync(new Uri(_app.Factory.Server.BaseAddress, "/_blazor"), CancellationToken.None);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    private HttpClient CookielessClient() =>
        _app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>Signs in through the API and answers the sign-in cookie as "name=value".</summary>
    private async Task<string> SignInCookieAsync(string userName)
    {
        using var client = CookielessClient();
        using var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = PortalAppFactory.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return AuthCookie(login);
    }

    private async Task<string> UserInEveryRoleAsync()
    {
        await using var scope = _app.Factory.Services.CreateAsyncScope();
        await using var db = _app.Database.CreateContext();
        var enterprise = await db.Enterprises.AsNoTracking().OrderBy(e => e.CreditCode).Select(e => e.Id).FirstAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = $"every-{Guid.NewGuid():N}"[..20], DisplayName = "全部角色", EnterpriseId = enterprise, CreatedAt = DateTimeOffset.UtcNow };
        Assert.True((await users.CreateAsync(user, PortalAppFactory.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRolesAsync(user, [PortalRoles.StationStaff, PortalRoles.EnterpriseUser, PortalRoles.BureauOfficer, PortalRoles.Administrator])).Succeeded);
        return user.UserName;
    }

    /// <summary>The antiforgery cookie ("name=value") and request token a signed-in user gets.</summary>
    private async Task<(string Cookie, string Token)> AntiforgeryPairAsync(string authCookie)
    {
        using var client = CookielessClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/antiforgery");
        request.Headers.Add("Cookie", authCookie);
        using var response = await client.SendAsync(request);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.Contains("antiforgery", StringComparison.Ordinal));
        return (cookie.Split(';')[0], token);
    }

    private static string AuthCookie(HttpResponseMessage login) =>
        login.Headers.GetValues("Set-Cookie").Single(c => c.Contains("portal.auth=", StringComparison.Ordinal)).Split(';')[0];

    private static async Task<string?> ProblemCodeAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return null;
        }

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.TryGetProperty("code", out var code) ? code.GetString() : null;
    }

    [GeneratedRegex(@"\{\**([^}]+)\}")]
    private static partial Regex RouteParameter();
}
