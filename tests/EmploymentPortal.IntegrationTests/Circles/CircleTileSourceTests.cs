using EmploymentPortal.Web.Features.Circles;
using EmploymentPortal.Web.Infrastructure;

namespace EmploymentPortal.IntegrationTests.Circles;

/// <summary>The map's tile origin in the content security policy: only when a tile URL is configured.</summary>
public sealed class CircleTileSourceTests
{
    [Theory]
    [InlineData("https://t{s}.tianditu.gov.cn/vec_w/wmts?tk=abc&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}", "https://*.tianditu.gov.cn")]
    [InlineData("https://tiles.example.cn:8443/{z}/{x}/{y}.png", "https://tiles.example.cn:8443")]
    [InlineData("http://10.1.2.3/tiles/{z}/{x}/{y}.png", "http://10.1.2.3")]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("/tiles/{z}/{x}/{y}.png", null)]
    public void The_tile_origin_is_scheme_and_host_with_a_subdomain_wildcard(string url, string? expected)
    {
        Assert.Equal(expected, CircleOptions.TileImageSource(url));
    }

    [Fact]
    public void Without_a_tile_url_the_policy_allows_only_the_portals_own_images()
    {
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, SecurityHeaders.PolicyFor(string.Empty));
        Assert.Contains("img-src 'self' data: blob: https://*.tianditu.gov.cn;", SecurityHeaders.PolicyFor("https://t{s}.tianditu.gov.cn/vec_w/wmts?tk=k"), StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", SecurityHeaders.PolicyFor("https://t{s}.tianditu.gov.cn/vec_w/wmts?tk=k"), StringComparison.Ordinal);
    }
}
