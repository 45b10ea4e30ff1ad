using System.Net;
using System.Net.Http.Json;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.IntegrationTests.Claims;

/// <summary>
/// Issue 15: a counter claim (柜台代办, prepared by an officer) above the two-tier threshold needs
/// three officers: its maker, a first approver and a second one. The portal runs on an app of its
/// own here (demo seed only), so that the officers other tests create do not count.
/// </summary>
public abstract class CounterClaimTests
{
    private static int _sequence;
    private readonly PortalApp _app;

    protected CounterClaimTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task A_counter_claim_above_the_threshold_can_be_finished_by_the_officers_the_demo_seeds()
    {
        var maker = await _app.SignedInClientAsync("officer1");
        var id = await CounterClaimAsync(maker);
        var officers = await ActiveOfficersAsync();

        // Every officer who exists tries, in turn, until the claim is approved or nobody can move it on.
        for (var round = 0; round < officers.Count && await StatusAsync(id) != ClaimStatus.Approved; round++)
        {
            foreach (var officer in officers)
            {
                await (await _app.SignedInClientAsync(officer)).PostAsJsonAsync($"/api/v1/claims/{id}/approve", new { });
            }
        }

        Assert.Equal(ClaimStatus.Approved, await StatusAsync(id));
    }

    [Fact]
    public async Task Without_an_officer_left_for_the_second_approval_the_first_approval_is_refused_and_the_claim_stays_in_review()
    {
        var maker = await _app.SignedInClientAsync("officer1");
        var first = await _app.SignedInClientAsync("officer2");
        var id = await CounterClaimAsync(maker);
        var others = (await ActiveOfficersAsync()).Except(["officer1", "officer2"]).ToList();
        Assert.NotEmpty(others);
        await SetDisabledAsync(others, true);
        try
        {
            var refused = await first.PostAsJsonAsync($"/api/v1/claims/{id}/approve", new { });

            var body = await refused.Content.ReadAsStringAsync();
            Assert.True(refused.StatusCode == HttpStatusCode.UnprocessableEntity, body);
            Assert.Contains("\"code\":\"claim-no-second-approver\"", body, StringComparison.Ordinal);
            Assert.Contains("没有可复核的经办人员", body, StringComparison.Ordinal);
            Assert.Equal(ClaimStatus.Submitted, await StatusAsync(id));
        }
        finally
        {
            await SetDisabledAsync(others, false);
        }

        var approved = await first.PostAsJsonAsync($"/api/v1/claims/{id}/approve", new { });
        var second = await (await _app.SignedInClientAsync(others[0])).PostAsJsonAsync($"/api/v1/claims/{id}/approve", new { });

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(ClaimStatus.Approved, await StatusAsync(id));
    }

    /// <summary>A submitted claim of 5,000 yuan (above the 3,000 yuan threshold) prepared at the bureau's counter.</summary>
    private async Task<Guid> CounterClaimAsync(HttpClient officer)
    {
        var n = Interlocked.Increment(ref _sequence);
        var (resident, _) = await ClaimTestData.ReturningMigrantAsync(_app, $"柜台{n}", new DateOnly(1984, 3, 1).AddDays(n * 41), Sex.Male);
        var id = await ClaimTestData.EntrepreneurshipClaimAsync(officer, resident);
        await using var db = _app.Database.CreateContext();
        Assert.Equal(ClaimantKind.Bureau, await db.Claims.Where(c => c.Id == id).Select(c => c.ClaimantKind).SingleAsync());
        return id;
    }

    private async Task<List<string>> ActiveOfficersAsync()
    {
        await using var db = _app.Database.CreateContext();
        return await db.Users
            .Where(u => !u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == PortalRoles.BureauOfficer)))
            .OrderBy(u => u.UserName)
            .Select(u => u.UserName!)
            .ToListAsync();
    }

    private async Task SetDisabledAsync(IReadOnlyList<string> userNames, bool disabled)
    {
        await using var db = _app.Database.CreateContext();
        foreach (var user in await db.Users.Where(u => userNames.Contains(u.UserName!)).ToListAsync())
        {
            user.IsDisabled = disabled;
        }

        await db.SaveChangesAsync();
    }

    private async Task<ClaimStatus> StatusAsync(Guid id)
    {
        await using var db = _app.Database.CreateContext();
        return await db.Claims.AsNoTracking().Where(c => c.Id == id).Select(c => c.Status).SingleAsync();
    }
}

/// <summary>A portal of its own on SQLite: the demo's officers only.</summary>
public sealed class CounterClaimSqliteApp : PortalApp
{
    public CounterClaimSqliteApp()
        : base(EmploymentPortal.Data.DatabaseProvider.Sqlite)
    {
    }
}

/// <summary>A portal of its own on PostgreSQL: the demo's officers only.</summary>
public sealed class CounterClaimPostgresApp : PortalApp
{
    public CounterClaimPostgresApp()
        : base(EmploymentPortal.Data.DatabaseProvider.Postgres)
    {
    }
}

public sealed class SqliteCounterClaimTests : CounterClaimTests, IClassFixture<CounterClaimSqliteApp>
{
    public SqliteCounterClaimTests(CounterClaimSqliteApp app)
        : base(app)
    {
    }
}

public sealed class PostgresCounterClaimTests : CounterClaimTests, IClassFixture<CounterClaimPostgresApp>
{
    public PostgresCounterClaimTests(CounterClaimPostgresApp app)
        : base(app)
    {
    }
}
