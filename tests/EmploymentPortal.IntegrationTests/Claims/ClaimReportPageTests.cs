using System.Net;
using System.Text.RegularExpressions;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Web.Features.Claims;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.IntegrationTests.Claims;

/// <summary>The bureau's claim statistics page by decision date (issue 17: date filters on statistics), linked by its address.</summary>
public abstract partial class ClaimReportPageTests
{
    private readonly PortalApp _app;

    protected ClaimReportPageTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task The_decision_dates_in_the_address_bound_the_figures_and_the_export_link()
    {
        var officer = await _app.SignedInClientAsync("officer1");

        var all = await officer.GetStringAsync("/bureau/claim-reports?from=2000-01-01");
        await using (var db = _app.Database.CreateContext())
        {
            var rows = await ClaimQueries.ReportAsync(db, _app.Factory.Services.GetRequiredService<ClaimAmounts>(), new DateOnly(2000, 1, 1), null);
            Assert.Contains($"合计 {rows.Sum(r => r.Count)} 件", WebUtility.HtmlDecode(all), StringComparison.Ordinal);
            Assert.True(rows.Sum(r => r.Count) > 0, "the demo city has decided claims");
        }

        var none = WebUtility.HtmlDecode(await officer.GetStringAsync("/bureau/claim-reports?from=2090-01-01&until=2090-01-31"));
        Assert.Contains("合计 0 件", none, StringComparison.Ordinal);
        Assert.Contains("/api/v1/claim-reports/export?from=2090-01-01&until=2090-01-31", none, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?from=2026-02-30", "决定日期自（2026-02-30）")]
    [InlineData("?until=yesterday", "决定日期至（yesterday）")]
    [InlineData("?from=2026-03-01&until=2026-02-01", "决定日期自（2026-03-01）")]
    public async Task A_date_the_page_cannot_use_is_named_in_chinese_and_the_page_still_shows(string query, string named)
    {
        var officer = await _app.SignedInClientAsync("officer1");

        var response = await officer.GetAsync("/bureau/claim-reports" + query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(named, html, StringComparison.Ordinal);
        Assert.Matches(Total(), html);
    }

    [GeneratedRegex("合计 [0-9]+ 件")]
    private static partial Regex Total();
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteClaimReportPageTests(SqlitePortalApp app) : ClaimReportPageTests(app);

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresClaimReportPageTests(PostgresPortalApp app) : ClaimReportPageTests(app);
