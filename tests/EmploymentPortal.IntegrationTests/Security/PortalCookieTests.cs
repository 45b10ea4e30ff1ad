using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmploymentPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EmploymentPortal.IntegrationTests.Security;

/// <summary>
/// The sign-in and antiforgery cookies' names and attributes per environment, and the forwarded
/// headers of a TLS-terminating proxy, believed only from configured proxies (docs/security.md,
/// section 5; docs/operations.md, "Behind a reverse proxy").
/// </summary>
[Collection(SqliteAppCollection.Name)]
public sealed class PortalCookieTests
{
    private readonly SqlitePortalApp _app;

    public PortalCookieTests(SqlitePortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task In_production_the_sign_in_cookie_is_Host_prefixed_Secure_HttpOnly_and_Lax_even_over_plain_http()
    {
        await using var production = _app.Factory.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "officer1", password = PortalAppFactory.DemoPassword });

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var attributes = Attributes(login.Headers.GetValues("Set-Cookie"), "__Host-portal.auth");
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=lax", attributes);
        Assert.Contains("path=/", attributes);
        Assert.DoesNotContain(attributes, a => a.StartsWith("domain", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_production_the_antiforgery_cookie_is_HttpOnly_Strict_and_Secure_over_https()
    {
        await using var production = _app.Factory.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });

        var page = await client.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var attributes = Attributes(page.Headers.GetValues("Set-Cookie"), "portal.antiforgery");
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
    }

    [Fact]
    public async Task In_production_a_plain_http_request_behind_an_unconfigured_proxy_still_gets_the_login_form()
    {
        await using var production = _app.Factory.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        var page = await client.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("__RequestVerificationToken", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_plain_http_in_testing_the_sign_in_cookie_has_its_plain_name_and_no_Secure()
    {
        using var client = _app.Factory.CreateAnonymousClient();

        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "officer1", password = PortalAppFactory.DemoPassword });

        var attributes = Attributes(login.Headers.GetValues("Set-Cookie"), "portal.auth");
        Assert.DoesNotContain("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=lax", attributes);
    }

    [Theory]
    [InlineData("Network:KnownProxies", "10.0.0.2", "10.0.0.2")]
    [InlineData("Network:KnownNetworks", "10.0.0.0/8", "10.1.2.3")]
    public async Task Through_a_configured_proxy_X_Forwarded_Proto_https_gives_a_Secure_cookie_and_the_clients_address(string key, string value, string proxy)
    {
        await using var proxied = _app.Factory.WithWebHostBuilder(b => b.UseSetting(key, value));

        var context = await LoginAsync(proxied, from: proxy);

        Assert.True(context.Response.StatusCode == StatusCodes.Status200OK, await BodyAsync(context));
        Assert.Equal(IPAddress.Parse("203.0.113.7"), context.Connection.RemoteIpAddress);
        Assert.Equal("https", context.Request.Scheme);
        Assert.Contains("secure", Attributes(context.Response.Headers.SetCookie!, "portal.auth"));
    }

    [Fact]
    public async Task From_an_address_that_is_no_configured_proxy_the_forwarded_headers_are_ignored()
    {
        await using var proxied = _app.Factory.WithWebHostBuilder(b => b.UseSetting("Network:KnownProxies", "10.0.0.2"));

        var context = await LoginAsync(proxied, from: "10.0.0.9");

        Assert.True(context.Response.StatusCode == StatusCodes.Status200OK, await BodyAsync(context));
        Assert.Equal(IPAddress.Parse("10.0.0.9"), context.Connection.RemoteIpAddress);
        Assert.Equal("http", context.Request.Scheme);
        Assert.DoesNotContain("secure", Attributes(context.Response.Headers.SetCookie!, "portal.auth"));
    }

    [Fact]
    public async Task Without_configured_proxies_no_address_is_trusted_not_even_loopback()
    {
        var context = await LoginAsync(_app.Factory, from: "127.0.0.1");

        Assert.True(context.Response.StatusCode == StatusCodes.Status200OK, await BodyAsync(context));
        Assert.Equal(IPAddress.Loopback, context.Connection.RemoteIpAddress);
        Assert.Equal("http", context.Request.Scheme);
    }

    /// <summary>Signs officer1 in with a request from <paramref name="from"/> that says it forwards 203.0.113.7 over HTTPS.</summary>
    private static Task<HttpContext> LoginAsync(WebApplicationFactory<Program> factory, string from) =>
        factory.Server.SendAsync(context =>
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new { userName = "officer1", password = PortalAppFactory.DemoPassword });
            context.Request.Method = HttpMethods.Post;
            context.Request.Scheme = "http";
            context.Request.Host = new HostString("localhost");
            context.Request.Path = "/api/v1/auth/login";
            context.Request.ContentType = "application/json";
            context.Request.ContentLength = body.Length;
            context.Request.Body = new MemoryStream(body);
            context.Features.Set<IHttpRequestBodyDetectionFeature>(new HasBody());
            context.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
            context.Request.Headers["X-Forwarded-Proto"] = "https";
            context.Connection.RemoteIpAddress = IPAddress.Parse(from);
        });

    private static async Task<string> BodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Response.Body);
        return $"{context.Response.StatusCode}: {await reader.ReadToEndAsync()}";
    }

    /// <summary>The lower-case attributes of the cookie <paramref name="name"/> among Set-Cookie values.</summary>
    private static List<string> Attributes(IEnumerable<string?> setCookies, string name)
    {
        var cookie = Assert.Single(setCookies, c => c is not null && c.StartsWith(name + "=", StringComparison.Ordinal))!;
        return cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
    }

    private sealed class HasBody : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }
}
