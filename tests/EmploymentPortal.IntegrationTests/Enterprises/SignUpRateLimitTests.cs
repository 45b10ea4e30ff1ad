using System.Net;
using System.Text;
using System.Text.Json;
using EmploymentPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EmploymentPortal.IntegrationTests.Enterprises;

/// <summary>The anonymous enterprise sign-up is rate limited per address; reading the form is not.</summary>
[Collection(SqliteAppCollection.Name)]
public sealed class SignUpRateLimitTests
{
    private readonly SqlitePortalApp _app;

    public SignUpRateLimitTests(SqlitePortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task The_third_sign_up_within_the_window_is_a_429_with_a_chinese_problem()
    {
        await using var limited = _app.Factory.WithWebHostBuilder(b => b.UseSetting("RateLimiting:EnterpriseSignUp:PermitLimit", "2"));
        using var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last?.Dispose();
            last = await client.PostAsync("/api/v1/enterprises", new StringContent("{}", Encoding.UTF8, "application/json"));
            statuses.Add(last.StatusCode);
        }

        var form = await client.GetAsync("/account/register-enterprise");

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
        using var json = JsonDocument.Parse(await last!.Content.ReadAsStringAsync());
        Assert.Equal("sign-up-rate-limited", json.RootElement.GetProperty("code").GetString());
        Assert.Contains("企业注册提交过于频繁", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(last.Headers.RetryAfter is not null);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        last.Dispose();
    }

    [Fact]
    public async Task The_map_base_layer_past_its_limit_in_a_minute_is_a_429_with_a_chinese_problem()
    {
        await using var limited = _app.Factory.WithWebHostBuilder(b => b.UseSetting("RateLimiting:PublicMap:PermitLimit", "2"));
        using var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last?.Dispose();
            last = await client.GetAsync("/api/v1/geography/boundaries");
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        using var json = JsonDocument.Parse(await last!.Content.ReadAsStringAsync());
        Assert.Equal("rate-limited", json.RootElement.GetProperty("code").GetString());
        Assert.Contains("地图数据请求过于频繁", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMinutes(1), last.Headers.RetryAfter?.Delta);
        last.Dispose();
    }
}
