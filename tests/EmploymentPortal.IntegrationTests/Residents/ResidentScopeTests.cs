using System.Net;
using System.Text.Json;
using EmploymentPortal.Data.Auditing;
using EmploymentPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.IntegrationTests.Residents;

/// <summary>
/// The scope is enforced in the queries: a station worker asking for a resident of another
/// community gets "not found", never the data; ID numbers and phones are masked unless revealed,
/// and a reveal is audited.
/// </summary>
public abstract class ResidentScopeTests
{
    private readonly PortalApp _app;

    protected ResidentScopeTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task Station_worker_of_another_community_gets_404_for_a_resident_outside_their_scope()
    {
        var (residentId, _) = await DonghuResidentAsync();
        var client = await _app.SignedInClientAsync("station2");

        var response = await client.GetAsync($"/api/v1/residents/{residentId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"code\":\"not-found\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain(residentId.ToString(), body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Station_worker_of_another_community_sees_not_found_on_the_resident_page()
    {
        var (residentId, name) = await DonghuResidentAsync();
        var client = await _app.SignedInClientAsync("station2");

        var html = await client.GetStringAsync($"/residents/{residentId}");

        Assert.Contains("data-testid=\"resident-not-found\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(name, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Station_worker_in_scope_gets_the_resident_with_masked_id_number_and_phone()
    {
        var (residentId, name) = await DonghuResidentAsync();
        var client = await _app.SignedInClientAsync("station1");

        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/residents/{residentId}"));

        var root = json.RootElement;
        Assert.Equal(name, root.GetProperty("name").GetString());
        Assert.Matches(@"^\d{4}\*{10}[\dX]{4}$", root.GetProperty("idNumber").GetString());
        Assert.Matches(@"^1\d{2}\*{4}\d{4}$", root.GetProperty("phone").GetString());
        Assert.False(root.GetProperty("idNumberRevealed").GetBoolean());
    }

    [Fact]
    public async Task Revealing_the_full_id_number_returns_it_and_writes_an_audited_read()
    {
        var (residentId, _) = await DonghuResidentAsync();
        var client = await _app.SignedInClientAsync("station1");
        await using var db = _app.Database.CreateContext();
        var before = await db.AuditEntries.CountAsync(e => e.Action == AuditAction.Read && e.EntityId == residentId.ToString());

        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/residents/{residentId}?reveal=true"));

        var idNumber = json.RootElement.GetProperty("idNumber").GetString();
        var stored = await db.Residents.Where(r => r.Id == residentId).Select(r => r.IdNumber).SingleAsync();
        Assert.Equal(stored, idNumber);
        var reads = await db.AuditEntries.Where(e => e.Action == AuditAction.Read && e.EntityId == residentId.ToString()).ToListAsync();
        Assert.Equal(before + 1, reads.Count);
        Assert.Equal("station1", reads[^1].ActorName);
    }

    [Fact]
    public async Task Resident_list_of_a_station_worker_holds_only_their_communities()
    {
        var client = await _app.SignedInClientAsync("station2");
        await using var db = _app.Database.CreateContext();
        var xishan = await db.Communities.Where(c => c.Name == "西山社区").Select(c => c.Id).SingleAsync();
        var expected = await db.Residents.CountAsync(r => r.CommunityId == xishan);

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/residents/?pageSize=200"));

        Assert.Equal(expected, json.RootElement.GetProperty("total").GetInt32());
        Assert.All(json.RootElement.GetProperty("items").EnumerateArray(), item => Assert.Equal("西山社区", item.GetProperty("communityName").GetString()));
    }

    [Fact]
    public async Task Enterprise_user_is_refused_resident_records()
    {
        var (residentId, _) = await DonghuResidentAsync();
        var client = await _app.SignedInClientAsync("enterprise1");

        var response = await client.GetAsync($"/api/v1/residents/{residentId}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<(Guid Id, string Name)> DonghuResidentAsync()
    {
        await using var db = _app.Database.CreateContext();
        var donghu = await db.Communities.Where(c => c.Name == "东湖社区").Select(c => c.Id).SingleAsync();
        var resident = await db.Residents.Where(r => r.CommunityId == donghu).OrderBy(r => r.Id).Select(r => new { r.Id, r.Name }).FirstAsync();
        return (resident.Id, resident.Name);
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteResidentScopeTests : ResidentScopeTests
{
    public SqliteResidentScopeTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresResidentScopeTests : ResidentScopeTests
{
    public PostgresResidentScopeTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
