using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.IntegrationTests.Api;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Security;

namespace EmploymentPortal.IntegrationTests.Web;

/// <summary>
/// What every client sees of the portal whatever the database: health, security headers,
/// antiforgery on forms, problem details for API errors, OpenAPI, the login page.
/// </summary>
[Collection(SqliteAppCollection.Name)]
public sealed partial class WebSurfaceTests
{
    private readonly SqlitePortalApp _app;

    public WebSurfaceTests(SqlitePortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task Health_live_is_200_for_anyone()
    {
        using var client = _app.Factory.CreateAnonymousClient();

        var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_ready_is_200_on_a_migrated_database()
    {
        using var client = _app.Factory.CreateAnonymousClient();

        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/api/v1/auth/me")]
    [InlineData("/health/live")]
    public async Task Responses_carry_the_security_headers(string path)
    {
        using var client = _app.Factory.CreateAnonymousClient();

        var response = await client.GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Login_page_is_Chinese_and_carries_an_antiforgery_token()
    {
        using var client = _app.Factory.CreateAnonymousClient();

        var response = await client.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("用户登录", html, StringComparison.Ordinal);
        Assert.Matches(AntiforgeryField(), html);
    }

    [Fact]
    public async Task Login_form_posted_without_the_antiforgery_token_is_rejected()
    {
        using var client = _app.Factory.CreateAnonymousClient();
        await client.GetAsync("/account/login");

        var response = await client.PostAsync("/account/login", LoginForm(token: null, "officer1", PortalAppFactory.DemoPassword));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(SetCookies(response), c => c.StartsWith("portal.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Login_form_with_the_right_password_signs_in_and_goes_to_the_return_url()
    {
        using var client = _app.Factory.CreateAnonymousClient();
        var token = await AntiforgeryTokenAsync(client, "/account/login?ReturnUrl=%2Fgeography");

        var response = await client.PostAsync("/account/login?ReturnUrl=%2Fgeography", LoginForm(token, "officer1", PortalAppFactory.DemoPassword));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("localhost", response.Headers.Location?.Host);
        Assert.Equal("/geography", response.Headers.Location?.AbsolutePath);
        Assert.Contains(SetCookies(response), c => c.StartsWith("portal.auth=", StringComparison.Ordinal));
        var page = await client.GetAsync("/geography");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("区划与服务站", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_form_never_redirects_to_another_site()
    {
        using var client = _app.Factory.CreateAnonymousClient();
        var token = await AntiforgeryTokenAsync(client, "/account/login?ReturnUrl=%2F%2Fevil.example");

        var response = await client.PostAsync("/account/login?ReturnUrl=%2F%2Fevil.example", LoginForm(token, "officer1", PortalAppFactory.DemoPassword));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("localhost", response.Headers.Location?.Host);
        Assert.Equal("/", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Login_form_with_a_wrong_password_shows_the_Chinese_error()
    {
        var userName = await _app.CreateUserAsync(PortalRoles.BureauOfficer);
        using var client = _app.Factory.CreateAnonymousClient();
        var token = await AntiforgeryTokenAsync(client, "/account/login");

        var response = await client.PostAsync("/account/login", LoginForm(token, userName, "Wrong2026Password"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"login-error\"", html, StringComparison.Ordinal);
        Assert.Contains(LoginFlow.RefusedMessage, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_form_from_an_address_with_too_many_failures_answers_429_with_retry_after_and_the_Chinese_message()
    {
        await using var host = _app.Factory.With(null, null, ("SignIn:AddressFailures", "2"));
        using var client = host.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(PortalAppFactory.ClientAddressHeader, "203.0.113.77");
        var token = await AntiforgeryTokenAsync(client, "/account/login");
        await client.PostAsync("/account/login", LoginForm(token, "nobody-at-all", "Wrong2026Password"));
        await client.PostAsync("/account/login", LoginForm(token, "nobody-else", "Wrong2026Password"));

        var response = await client.PostAsync("/account/login", LoginForm(token, "officer1", PortalAppFactory.DemoPassword));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("本机登录失败次数过多，请稍后再试。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(SetCookies(response), c => c.StartsWith("portal.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Logout_form_ends_the_session_so_that_a_copy_of_the_old_cookie_is_refused()
    {
        var jar = new CookieContainer();
        using var browser = _app.Factory.CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(jar));
        browser.DefaultRequestHeaders.Add("Origin", PortalAppFactory.PortalOrigin.GetLeftPart(UriPartial.Authority));
        var login = await browser.PostAsJsonAsync("/api/v1/auth/login", new { userName = await _app.CreateUserAsync(PortalRoles.BureauOfficer), password = PortalAppFactory.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var copy = jar.GetCookieHeader(browser.BaseAddress!);
        var token = await AntiforgeryTokenAsync(browser, "/");

        var logout = await browser.PostAsync("/account/logout", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        using var thief = _app.Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        thief.DefaultRequestHeaders.Add("Cookie", copy);
        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.GetAsync("/api/v1/auth/me")).StatusCode);
        var page = await thief.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/login", page.Headers.Location?.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Logout_form_posted_without_the_antiforgery_token_is_rejected_and_keeps_the_session()
    {
        using var client = await _app.Factory.CreateSignedInClientAsync("officer2");

        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Logout_form_with_the_antiforgery_token_signs_out()
    {
        using var client = await _app.Factory.CreateSignedInClientAsync("officer2");
        var token = await AntiforgeryTokenAsync(client, "/");

        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_page_request_redirects_to_the_login_page_with_the_return_url()
    {
        using var client = _app.Factory.CreateAnonymousClient();

        var response = await client.GetAsync("/geography");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location?.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fgeography", response.Headers.Location?.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_api_route_is_a_404_problem_with_a_code()
    {
        var client = await _app.SignedInClientAsync("officer1");

        var response = await client.GetAsync("/api/v1/does-not-exist");

        var problem = await AuthApiTests.ReadProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("not-found", problem.GetProperty("code").GetString());
        Assert.Equal("未找到", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Unknown_api_route_is_a_problem_for_anonymous_callers_too()
    {
        using var client = _app.Factory.CreateAnonymousClient();

        var response = await client.GetAsync("/api/v1/does-not-exist");

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized, $"got {(int)response.StatusCode}");
        Assert.NotNull((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Wrong_method_on_an_api_route_is_a_405_problem()
    {
        // Signed in: for anonymous callers the fallback policy answers 401 before routing's 405.
        // Not GET on a POST route: the static-asset fallback {**path:file} is a GET candidate
        // for every path, so routing answers 404 there instead of 405.
        var client = await _app.SignedInClientAsync("officer1");

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/auth/me"));

        var problem = await AuthApiTests.ReadProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal("method-not-allowed", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task OpenApi_document_is_json_and_lists_the_login_endpoint()
    {
        using var client = _app.Factory.CreateAnonymousClient();

        var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/auth/login", out var login));
        Assert.True(login.TryGetProperty("post", out _));
        Assert.True(paths.TryGetProperty("/api/v1/auth/me", out _));
    }

    [Fact]
    public async Task Culture_switch_only_redirects_to_local_paths()
    {
        using var client = _app.Factory.CreateAnonymousClient();

        var local = await client.GetAsync("/culture/set?culture=en&redirectUri=%2Faccount%2Flogin");
        var foreign = await client.GetAsync("/culture/set?culture=en&redirectUri=%2F%2Fevil.example");

        Assert.Equal("/account/login", local.Headers.Location?.OriginalString);
        Assert.Contains(SetCookies(local), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Equal("/", foreign.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Blazor_script_of_the_runtime_is_served_fingerprinted_with_an_etag_and_revalidates()
    {
        using var client = _app.Factory.CreateAnonymousClient();
        var page = await client.GetStringAsync("/account/login");
        var source = System.Text.RegularExpressions.Regex.Match(page, "<script src=\"(_framework/blazor\\.web\\.[a-z0-9]+\\.js)\"").Groups[1].Value;

        var first = await client.GetAsync("/" + source);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/" + source);
        again.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag?.ToString());
        var second = await client.SendAsync(again);

        Assert.NotEqual(string.Empty, source);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/javascript", first.Content.Headers.ContentType?.MediaType);
        Assert.True((await first.Content.ReadAsByteArrayAsync()).Length > 10_000);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    private static FormUrlEncodedContent LoginForm(string? token, string userName, string password)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("_handler", "login"),
            new("Input.UserName", userName),
            new("Input.Password", password),
        };
        if (token is not null)
        {
            fields.Add(new("__RequestVerificationToken", token));
        }

        return new FormUrlEncodedContent(fields);
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var match = AntiforgeryField().Match(html);
        Assert.True(match.Success, $"{page} has no antiforgery field");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
