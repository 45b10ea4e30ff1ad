using System.Net;
using EmploymentPortal.IntegrationTests.Infrastructure;

namespace EmploymentPortal.IntegrationTests.Web;

/// <summary>
/// Each role's home page as the server prerenders it, with the scope applied in the query: a
/// station worker sees only their own communities.
/// </summary>
public abstract class HomePageTests
{
    private readonly PortalApp _app;

    protected HomePageTests(PortalApp app)
    {
        _app = app;
    }

    [Theory]
    [InlineData("admin", "系统管理工作台")]
    [InlineData("officer1", "人社局经办工作台")]
    [InlineData("station1", "社区服务站工作台")]
    [InlineData("enterprise1", "企业服务")]
    public async Task Home_page_greets_each_role_with_its_own_workbench(string userName, string title)
    {
        var client = await _app.SignedInClientAsync(userName);

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches($"<h1 [^>]*data-testid=\"home-title\"[^>]*>{title}</h1>", html);
    }

    [Theory]
    [InlineData("station1", new[] { "东湖社区", "滨江社区" }, new[] { "西山社区" })]
    [InlineData("station2", new[] { "西山社区" }, new[] { "东湖社区", "滨江社区" })]
    public async Task Station_home_page_lists_only_the_workers_own_communities(string userName, string[] own, string[] others)
    {
        var client = await _app.SignedInClientAsync(userName);

        var html = await client.GetStringAsync("/");

        Assert.All(own, name => Assert.Contains($"<span class=\"home-community\">{name}</span>", html, StringComparison.Ordinal));
        Assert.All(others, name => Assert.DoesNotContain($"<span class=\"home-community\">{name}</span>", html, StringComparison.Ordinal));
        Assert.Contains("href=\"/residents?overdue=true\"", html, StringComparison.Ordinal);
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteHomePageTests : HomePageTests
{
    public SqliteHomePageTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresHomePageTests : HomePageTests
{
    public PostgresHomePageTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
