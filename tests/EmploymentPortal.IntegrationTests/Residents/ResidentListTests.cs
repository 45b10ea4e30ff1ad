using System.Net;
using System.Text.Json;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Web.Features.Residents;
using Microsoft.EntityFrameworkCore;
using static EmploymentPortal.IntegrationTests.Residents.FollowUpTestData;

namespace EmploymentPortal.IntegrationTests.Residents;

/// <summary>
/// The staff list at scale, on both providers: keyset pages that together hold every matching
/// resident exactly once in the database's own order (ties on the sort key included); key-group
/// and age-band filters that agree with the domain's rules; the scope on the new filters.
/// </summary>
public abstract class ResidentListTests
{
    private readonly PortalApp _app;

    protected ResidentListTests(PortalApp app)
    {
        _app = app;
    }

    [Theory]
    [InlineData("Newest")]
    [InlineData("Name")]
    [InlineData("BirthDate")]
    public async Task Keyset_pages_hold_every_resident_once_in_order_despite_ties(string sort)
    {
        var communityId = await TiedCommunityAsync();
        var officer = await _app.SignedInClientAsync("officer1");
        await using var db = _app.Database.CreateContext();
        var all = db.Residents.Where(r => r.CommunityId == communityId);
        var expected = sort switch
        {
            "Name" => await all.OrderBy(r => r.Name).ThenBy(r => r.Id).Select(r => r.Id).ToListAsync(),
            "BirthDate" => await all.OrderBy(r => r.BirthDate).ThenBy(r => r.Id).Select(r => r.Id).ToListAsync(),
            _ => await all.OrderByDescending(r => r.Id).Select(r => r.Id).ToListAsync(),
        };

        var pages = new List<List<Guid>>();
        string? cursor = null;
        int? total = null;
        do
        {
            var url = $"/api/v1/residents/?community={communityId}&sort={sort}&pageSize=7" + (cursor is null ? string.Empty : $"&cursor={cursor}");
            using var json = JsonDocument.Parse(await officer.GetStringAsync(url));
            pages.Add(json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList());
            total ??= json.RootElement.GetProperty("total").GetInt32();
            cursor = json.RootElement.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null && pages.Count < 20);

        var seen = pages.SelectMany(p => p).ToList();
        Assert.Equal(expected, seen);
        Assert.Equal(expected.Count, total);
        Assert.Equal(Math.Ceiling(expected.Count / 7.0), pages.Count);
        Assert.All(pages.SkipLast(1), p => Assert.Equal(7, p.Count));
    }

    [Fact]
    public async Task Keyset_paging_of_the_overdue_list_holds_every_overdue_resident_once()
    {
        var communityId = await TiedCommunityAsync();
        var station = Station(communityId);
        await using var db = _app.Database.CreateContext();
        var today = new PortalCalendar(TimeProvider.System).Today;
        var expected = await db.Residents.Where(r => r.CommunityId == communityId && r.CurrentStatus == EmploymentStatus.RegisteredUnemployed)
            .OrderByDescending(r => r.Id).Select(r => r.Id).ToListAsync();

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await ResidentListQueries.SeekOverdueAsync(db, station, communityId, today, cursor, 4);
            seen.AddRange(page.Items.Select(i => i.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null && seen.Count < 200);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Numbered_pages_match_the_keyset_pages_and_stop_where_the_cursor_takes_over()
    {
        var communityId = await TiedCommunityAsync();
        var officer = await _app.SignedInClientAsync("officer1");
        var url = $"/api/v1/residents/?community={communityId}&sort=Name&pageSize=3";
        using var first = JsonDocument.Parse(await officer.GetStringAsync(url));
        var cursor = first.RootElement.GetProperty("nextCursor").GetString();
        Assert.NotNull(cursor);

        var second = await IdsAsync(officer, $"{url}&cursor={Uri.EscapeDataString(cursor!)}");
        var pageTwo = await IdsAsync(officer, $"{url}&page=2");
        var pageOne = await IdsAsync(officer, $"{url}&page=1");

        Assert.Equal(3, second.Count);
        Assert.Equal(second, pageTwo);
        Assert.Equal(first.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()), pageOne);
        foreach (var bad in new[] { "&page=0", $"&page={ResidentListQueries.MaxNumberedPages + 1}", $"&page=2&cursor={Uri.EscapeDataString(cursor!)}" })
        {
            var response = await officer.GetAsync(url + bad);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("invalid-page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_cursor_that_was_not_issued_for_this_order_is_a_400()
    {
        var communityId = await TiedCommunityAsync();
        var officer = await _app.SignedInClientAsync("officer1");
        using var first = JsonDocument.Parse(await officer.GetStringAsync($"/api/v1/residents/?community={communityId}&sort=Name&pageSize=3"));
        var nameCursor = first.RootElement.GetProperty("nextCursor").GetString();

        var wrongOrder = await officer.GetAsync($"/api/v1/residents/?community={communityId}&sort=BirthDate&cursor={nameCursor}");
        var garbage = await officer.GetAsync("/api/v1/residents/?cursor=not-a-cursor");

        Assert.Equal(HttpStatusCode.BadRequest, wrongOrder.StatusCode);
        Assert.Contains("invalid-cursor", await wrongOrder.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
    }

    [Fact]
    public async Task Key_group_and_age_band_filters_agree_with_the_domain_rules_at_the_boundary_days()
    {
        var today = new PortalCalendar(TimeProvider.System).Today;
        var communityId = await BoundaryCommunityAsync(today);
        var officer = await _app.SignedInClientAsync("officer1");
        await using var db = _app.Database.CreateContext();
        var residents = await db.Residents.AsNoTracking().Include(r => r.StatusHistory).Where(r => r.CommunityId == communityId).ToListAsync();

        foreach (var group in Enum.GetValues<KeyGroup>())
        {
            var expected = new List<Guid>();
            foreach (var r in residents)
            {
                var zeroSince = await EmploymentPortal.Web.Features.Households.ZeroEmploymentSync.ZeroEmploymentFamilySinceAsync(db, r.Id);
                if (KeyGroups.For(r, today, zeroEmploymentFamilySince: zeroSince).Any(m => m.Group == group))
                {
                    expected.Add(r.Id);
                }
            }

            expected.Sort();
            var found = await IdsAsync(officer, $"/api/v1/residents/?community={communityId}&keyGroup={group}&pageSize=200");
            Assert.True(expected.SequenceEqual(found.Order()), $"{group}: expected {expected.Count}, found {found.Count}");
        }

        foreach (var band in Enum.GetValues<AgeBand>())
        {
            var (min, max) = ResidentListQueries.Ages(band);
            var expected = residents.Where(r => r.AgeOn(today) >= min && (max is null || r.AgeOn(today) <= max)).Select(r => r.Id).Order().ToList();
            var found = await IdsAsync(officer, $"/api/v1/residents/?community={communityId}&ageBand={band}&pageSize=200");
            Assert.True(expected.SequenceEqual(found.Order()), $"{band}: expected {expected.Count}, found {found.Count}");
        }

        Assert.True(residents.Count(r => KeyGroups.For(r, today).Count > 0) >= 6);
    }

    [Fact]
    public async Task Station_worker_filtering_by_a_community_of_another_station_gets_nothing()
    {
        var station2 = await _app.SignedInClientAsync("station2");
        await using var db = _app.Database.CreateContext();
        var donghu = await db.Communities.Where(c => c.Name == "东湖社区").Select(c => c.Id).SingleAsync();
        Assert.True(await db.Residents.AnyAsync(r => r.CommunityId == donghu && r.CurrentStatus == EmploymentStatus.RegisteredUnemployed));

        using var list = JsonDocument.Parse(await station2.GetStringAsync($"/api/v1/residents/?community={donghu}&status=RegisteredUnemployed&sort=Name"));
        using var overdue = JsonDocument.Parse(await station2.GetStringAsync($"/api/v1/followups/overdue?community={donghu}"));

        Assert.Empty(list.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(0, list.RootElement.GetProperty("total").GetInt32());
        Assert.Empty(overdue.RootElement.GetProperty("items").EnumerateArray());
    }

    private static async Task<List<Guid>> IdsAsync(HttpClient client, string url)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(url));
        return json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
    }

    /// <summary>45 residents with three names and three birth dates only, so that every sort has long runs of ties; a third registered unemployed.</summary>
    private async Task<Guid> TiedCommunityAsync()
    {
        await using var db = _app.Database.CreateContext();
        var community = await TestCity.AddCommunityAsync(db);
        string[] names = ["王芳", "李伟", "张敏"];
        DateOnly[] births = [new(1985, 6, 1), new(1990, 6, 1), new(1995, 6, 1)];
        var residents = Enumerable.Range(0, 45)
            .Select(i => Resident(community.Id, names[i % 3], births[(i / 3) % 3], i % 2 == 0 ? Sex.Male : Sex.Female))
            .ToList();
        foreach (var resident in residents.Where((_, i) => i % 3 == 0))
        {
            resident.RegisteredUnemployed(new DateOnly(2025, 1, 6));
        }

        await SaveAsync(db, residents);
        return community.Id;
    }

    /// <summary>Residents on both sides of each date-dependent key group's boundary day, and one of each fact-based group.</summary>
    private async Task<Guid> BoundaryCommunityAsync(DateOnly today)
    {
        await using var db = _app.Database.CreateContext();
        var community = await TestCity.AddCommunityAsync(db);
        var id = community.Id;
        var leftIn = today.AddYears(-2);
        var graduateIn = new ResidentProfile { Education = EducationLevel.Bachelor, Graduate = new GraduateDetails("江州大学", "会计", leftIn, leftIn) };
        var graduateOut = new ResidentProfile { Education = EducationLevel.Bachelor, Graduate = new GraduateDetails("江州大学", "会计", leftIn.AddDays(-1), leftIn.AddDays(-1)) };
        var sixMonths = today.AddMonths(-6);
        List<Resident> residents =
        [
            Resident(id, "毕业在", new DateOnly(2000, 3, 3), profile: graduateIn),
            Resident(id, "毕业出", new DateOnly(2000, 3, 4), profile: graduateOut),
            Resident(id, "失业满", new DateOnly(1988, 1, 1)).RegisteredUnemployed(sixMonths),
            Resident(id, "失业差", new DateOnly(1988, 1, 2)).RegisteredUnemployed(sixMonths.AddDays(1)),
            Resident(id, "女四十", today.AddYears(-40), Sex.Female),
            Resident(id, "女差一天", today.AddYears(-40).AddDays(1), Sex.Female),
            Resident(id, "男五十", today.AddYears(-50), Sex.Male),
            Resident(id, "男四十九", today.AddYears(-50).AddDays(1), Sex.Male),
            Resident(id, "男退休", today.AddYears(-70), Sex.Male),
            Resident(id, "十六岁", today.AddYears(-16), Sex.Female),
            Resident(id, "二十五", today.AddYears(-25), Sex.Male),
            Resident(id, "二十五差", today.AddYears(-25).AddDays(1), Sex.Male),
            Resident(id, "五十五", today.AddYears(-55), Sex.Female),
            Resident(id, "残疾", new DateOnly(1980, 8, 8), profile: new ResidentProfile { DisabilityCertificateNumber = "12010119800808123411" }),
            Resident(id, "退役", new DateOnly(1981, 8, 8), profile: new ResidentProfile { IsVeteran = true }),
            Resident(id, "搬迁", new DateOnly(1982, 8, 8), profile: new ResidentProfile { IsRelocatedResident = true }),
            Resident(id, "返乡", new DateOnly(1983, 8, 8), profile: new ResidentProfile { MigrantWorker = MigrantWorkerStatus.ReturningMigrantWorker }),
            Resident(id, "监测", new DateOnly(1984, 8, 8), profile: new ResidentProfile { IsPovertyMonitoredHousehold = true, IsVeteran = true }),
        ];
        await SaveAsync(db, residents);
        return id;
    }
}

[Collection(SqliteFollowUpCollection.Name)]
public sealed class SqliteResidentListTests : ResidentListTests
{
    public SqliteResidentListTests(SqliteFollowUpApp app)
        : base(app)
    {
    }
}

[Collection(PostgresFollowUpCollection.Name)]
public sealed class PostgresResidentListTests : ResidentListTests
{
    public PostgresResidentListTests(PostgresFollowUpApp app)
        : base(app)
    {
    }
}
