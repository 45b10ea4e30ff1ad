using System.Net;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static EmploymentPortal.IntegrationTests.Residents.FollowUpTestData;

namespace EmploymentPortal.IntegrationTests.Residents;

/// <summary>The resident detail page as the server renders it, on both providers.</summary>
public abstract class ResidentDetailPageTests
{
    private readonly PortalApp _app;

    protected ResidentDetailPageTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task Two_identical_follow_up_contacts_are_both_shown_and_the_page_does_not_fail()
    {
        await using var db = _app.Database.CreateContext();
        var donghu = await db.Communities.Where(c => c.Name == "东湖社区").Select(c => c.Id).SingleAsync();
        var resident = Resident(donghu, "重复跟踪", new DateOnly(1988, 5, 6)).RegisteredUnemployed(new DateOnly(2025, 2, 3));
        var day = new DateOnly(2025, 3, 4);
        await SaveAsync(db, [resident], [Contact(resident, day), Contact(resident, day)]);
        var station = await _app.SignedInClientAsync("station1");

        var response = await station.GetAsync($"/residents/{resident.Id}");

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html[..Math.Min(html.Length, 2000)]}");
        Assert.Equal(2, html.Split("2025-03-04").Length - 1);
    }
}

[Collection(SqliteFollowUpCollection.Name)]
public sealed class SqliteResidentDetailPageTests : ResidentDetailPageTests
{
    public SqliteResidentDetailPageTests(SqliteFollowUpApp app)
        : base(app)
    {
    }
}

[Collection(PostgresFollowUpCollection.Name)]
public sealed class PostgresResidentDetailPageTests : ResidentDetailPageTests
{
    public PostgresResidentDetailPageTests(PostgresFollowUpApp app)
        : base(app)
    {
    }
}
