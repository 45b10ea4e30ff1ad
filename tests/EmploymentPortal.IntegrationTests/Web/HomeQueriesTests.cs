using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.IntegrationTests.Residents;
using EmploymentPortal.Web.Features.Home;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Features.Residents.FollowUp;
using Microsoft.EntityFrameworkCore;
using static EmploymentPortal.IntegrationTests.Residents.FollowUpTestData;

namespace EmploymentPortal.IntegrationTests.Web;

/// <summary>
/// The station's home figures on both providers for hand-built communities of their own: each
/// count right, another community's residents and transfers never counted, and “overdue” the same
/// number on the home page, in the resident list's filter and in the follow-up coverage.
/// </summary>
public abstract class HomeQueriesTests
{
    private static readonly DateOnly Today = new(2025, 4, 10);
    private readonly PortalApp _app;

    protected HomeQueriesTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task Station_home_counts_overdue_registrations_and_transfers_of_the_workers_communities_only()
    {
        var (mine, other) = await TwoCommunitiesAsync();
        await using var db = _app.Database.CreateContext();

        var work = await HomeQueries.StationAsync(db, Station(mine.CommunityId), Today);

        Assert.Equal(2, work.Overdue); // B (contacted in March only) and C (registered this month); not A (contacted in April), not D (employed)
        // E's record moving here waits for the other station (the holder) to accept, not for this one.
        Assert.Equal(0, work.TransfersToAccept);
        var row = Assert.Single(work.Communities);
        Assert.Equal(mine.CommunityId, row.Id);
        Assert.Equal((4, 1, 3, 2), (row.Residents, row.RegistrationsThisMonth, row.RegisteredUnemployed, row.Overdue));
        Assert.Equal(33.3m, row.CoveragePercent);
        Assert.False(row.MeetsTarget); // the default standard asks for 90 %
        Assert.Equal(0, work.OpenReferrals);
    }

    [Fact]
    public async Task Station_home_of_another_community_never_counts_these_residents_and_counts_the_transfer_it_must_decide()
    {
        var (mine, other) = await TwoCommunitiesAsync();
        await using var db = _app.Database.CreateContext();

        var work = await HomeQueries.StationAsync(db, Station(other.CommunityId), Today);

        Assert.Equal(1, work.Overdue);
        // The holder of E's record accepts or declines the pending request (the declined one is done).
        Assert.Equal(1, work.TransfersToAccept);
        Assert.Equal([other.CommunityId], work.Communities.Select(c => c.Id));
    }

    [Fact]
    public async Task Overdue_is_one_number_on_the_home_page_the_resident_list_and_the_coverage()
    {
        var (mine, _) = await TwoCommunitiesAsync();
        await using var db = _app.Database.CreateContext();
        var worker = Station(mine.CommunityId);

        var home = await HomeQueries.StationAsync(db, worker, Today);
        var list = await ResidentListQueries.Filtered(db, worker, new ResidentListQueries.Filter(Today, Overdue: true)).Select(r => r.Id).ToListAsync();
        var coverage = (await FollowUpCoverage.ForMonthAsync(db, Today, Today, mine.DistrictId, null))!.Single(r => r.CommunityId == mine.CommunityId);

        Assert.Equal(new[] { mine.B, mine.C }.Order(), list.Order());
        Assert.Equal(list.Count, home.Overdue);
        Assert.Equal(list.Count, coverage.RegisteredUnemployed - coverage.Contacted);
    }

    [Fact]
    public async Task A_contact_dated_today_clears_overdue_and_one_dated_after_today_does_not()
    {
        var (mine, _) = await TwoCommunitiesAsync();
        await using (var write = _app.Database.CreateContext())
        {
            write.ResidentContacts.Add(new ResidentContact(mine.B, Today, ContactChannel.HomeVisit, "今日走访。", FollowUpServices.None, "测试"));
            write.ResidentContacts.Add(new ResidentContact(mine.C, Today.AddDays(1), ContactChannel.HomeVisit, "次日走访。", FollowUpServices.None, "测试"));
            await write.SaveChangesAsync();
        }

        await using var db = _app.Database.CreateContext();
        var work = await HomeQueries.StationAsync(db, Station(mine.CommunityId), Today);

        Assert.Equal(1, work.Overdue);
    }

    /// <summary>
    /// Two communities of their own. Mine: A registered in January and contacted on 2025-04-03; B
    /// registered in February, contacted in March only; C registered on 2025-04-02, never contacted;
    /// D employed. Other: E registered, never contacted. One transfer of E into mine is pending, one
    /// from mine to other was declined.
    /// </summary>
    private async Task<(Built Mine, Built Other)> TwoCommunitiesAsync()
    {
        await using var db = _app.Database.CreateContext();
        var mine = await TestCity.AddCommunityAsync(db);
        var other = await TestCity.AddCommunityAsync(db);
        var a = Resident(mine.Id, "甲", new DateOnly(1990, 1, 1)).RegisteredUnemployed(new DateOnly(2025, 1, 10));
        var b = Resident(mine.Id, "乙", new DateOnly(1991, 2, 2), Sex.Female).RegisteredUnemployed(new DateOnly(2025, 2, 1));
        var c = Resident(mine.Id, "丙", new DateOnly(1992, 3, 3)).RegisteredUnemployed(new DateOnly(2025, 4, 2));
        var d = Resident(mine.Id, "丁", new DateOnly(1993, 4, 4)).RegisteredUnemployed(new DateOnly(2025, 1, 5));
        d.ChangeStatus(EmploymentStatus.Employed, new DateOnly(2025, 3, 20), "江州测试公司");
        var e = Resident(other.Id, "戊", new DateOnly(1994, 5, 5), Sex.Female).RegisteredUnemployed(new DateOnly(2025, 1, 20));
        await SaveAsync(db, [a, b, c, d, e], [Contact(a, new DateOnly(2025, 4, 3)), Contact(b, new DateOnly(2025, 3, 31))]);
        var declined = new ResidentTransferRequest(a.Id, mine.Id, other.Id, "搬家", "测试", DateTimeOffset.UtcNow);
        declined.Decline("不在本社区居住", "测试", DateTimeOffset.UtcNow);
        db.ResidentTransferRequests.AddRange(new ResidentTransferRequest(e.Id, other.Id, mine.Id, "搬家", "测试", DateTimeOffset.UtcNow), declined);
        await db.SaveChangesAsync();
        var street = await db.Streets.SingleAsync(s => s.Id == mine.StreetId);
        return (new Built(mine.Id, street.DistrictId, a.Id, b.Id, c.Id), new Built(other.Id, Guid.Empty, e.Id, Guid.Empty, Guid.Empty));
    }

    private sealed record Built(Guid CommunityId, Guid DistrictId, Guid A, Guid B, Guid C);
}

[Collection(SqliteFollowUpCollection.Name)]
public sealed class SqliteHomeQueriesTests : HomeQueriesTests
{
    public SqliteHomeQueriesTests(SqliteFollowUpApp app)
        : base(app)
    {
    }
}

[Collection(PostgresFollowUpCollection.Name)]
public sealed class PostgresHomeQueriesTests : HomeQueriesTests
{
    public PostgresHomeQueriesTests(PostgresFollowUpApp app)
        : base(app)
    {
    }
}
