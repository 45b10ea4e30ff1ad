using EmploymentPortal.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.IntegrationTests.Enterprises;

/// <summary>
/// Enterprise users manage only their own enterprise's accounts; bureau officers suspend (with a
/// reason) and reinstate enterprises. Each test that changes accounts uses an enterprise of its own.
/// </summary>
public abstract class ColleagueAndSuspensionTests
{
    private readonly PortalApp _app;

    protected ColleagueAndSuspensionTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task An_enterprise_user_lists_only_the_accounts_of_its_own_enterprise()
    {
        var client = await _app.SignedInClientAsync("enterprise1");

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/enterprise-users"));

        var names = json.RootElement.EnumerateArray().Select(u => u.GetProperty("userName").GetString()).ToList();
        Assert.Contains("enterprise1", names);
        Assert.DoesNotContain("enterprise2", names);
        Assert.DoesNotContain("station1", names);
    }

    [Fact]
    public async Task A_colleague_is_created_with_a_generated_password_disabled_enabled_and_reset()
    {
        var (_, owner) = await VerifiedEnterpriseAsync();
        using var client = await _app.Factory.CreateSignedInClientAsync(owner);
        var colleague = $"col{Guid.NewGuid():N}"[..14];

        var created = await client.PostAsJsonAsync("/api/v1/enterprise-users", new { userName = colleague, displayName = "同事甲" });

        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = body.RootElement.GetProperty("id").GetString();
        var password = body.RootElement.GetProperty("password").GetString()!;
        using (var signedIn = await _app.Factory.CreateSignedInClientAsync(colleague, password))
        {
            using var me = JsonDocument.Parse(await signedIn.GetStringAsync("/api/v1/auth/me"));
            using var mine = JsonDocument.Parse(await client.GetStringAsync("/api/v1/auth/me"));
            Assert.Equal(mine.RootElement.GetProperty("enterpriseId").GetGuid(), me.RootElement.GetProperty("enterpriseId").GetGuid());
        }

        var disabled = await client.PostAsJsonAsync($"/api/v1/enterprise-users/{id}/enabled", new { enabled = false });
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _app.Factory.CreateSignedInClientAsync(colleague, password));

        (await client.PostAsJsonAsync($"/api/v1/enterprise-users/{id}/enabled", new { enabled = true })).EnsureSuccessStatusCode();
        var reset = await client.PostAsJsonAsync($"/api/v1/enterprise-users/{id}/reset-password", new { });
        reset.EnsureSuccessStatusCode();
        var newPassword = (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("password").GetString()!;
        Assert.NotEqual(password, newPassword);
        using var again = await _app.Factory.CreateSignedInClientAsync(colleague, newPassword);
    }

    [Fact]
    public async Task An_enterprise_user_cannot_disable_or_reset_accounts_of_another_enterprise_or_role()
    {
        var client = await _app.SignedInClientAsync("enterprise1");
        await using var db = _app.Database.CreateContext();
        var enterprise2 = await db.Users.Where(u => u.UserName == "enterprise2").Select(u => u.Id).SingleAsync();
        var station1 = await db.Users.Where(u => u.UserName == "station1").Select(u => u.Id).SingleAsync();

        var disable = await client.PostAsJsonAsync($"/api/v1/enterprise-users/{enterprise2}/enabled", new { enabled = false });
        var reset = await client.PostAsJsonAsync($"/api/v1/enterprise-users/{enterprise2}/reset-password", new { });
        var resetStation = await client.PostAsJsonAsync($"/api/v1/enterprise-users/{station1}/reset-password", new { });

        Assert.Equal(HttpStatusCode.NotFound, disable.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reset.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, resetStation.StatusCode);
        var stored = await db.Users.AsNoTracking().SingleAsync(u => u.Id == enterprise2);
        Assert.False(stored.IsDisabled);
    }

    [Fact]
    public async Task An_enterprise_user_cannot_disable_itself()
    {
        var (_, owner) = await VerifiedEnterpriseAsync();
        using var client = await _app.Factory.CreateSignedInClientAsync(owner);
        using var me = JsonDocument.Parse(await client.GetStringAsync("/api/v1/auth/me"));
        await using var db = _app.Database.CreateContext();
        var id = await db.Users.Where(u => u.UserName == owner).Select(u => u.Id).SingleAsync();

        var response = await client.PostAsJsonAsync($"/api/v1/enterprise-users/{id}/enabled", new { enabled = false });

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Contains("不能停用自己的账号", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pending_enterprise_cannot_create_accounts()
    {
        var (_, owner) = await SignUpAsync();
        using var client = await _app.Factory.CreateSignedInClientAsync(owner);

        var response = await client.PostAsJsonAsync("/api/v1/enterprise-users", new { userName = $"p{Guid.NewGuid():N}"[..12], displayName = "同事乙" });

        // 422 like every refusal for an enterprise that is not verified (ADR 007; it was 403 here).
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("\"code\":\"enterprise-not-verified\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_suspends_with_a_reason_and_reinstates_an_enterprise()
    {
        var (id, _) = await VerifiedEnterpriseAsync();
        var officer = await _app.SignedInClientAsync("officer1");

        var withoutReason = await officer.PostAsJsonAsync($"/api/v1/enterprises/{id}/suspend", new { });
        var suspended = await officer.PostAsJsonAsync($"/api/v1/enterprises/{id}/suspend", new { reason = "发布虚假招聘信息" });
        EnterpriseStatus afterSuspend;
        string? reason;
        await using (var db = _app.Database.CreateContext())
        {
            var stored = await db.Enterprises.AsNoTracking().SingleAsync(e => e.Id == id);
            (afterSuspend, reason) = (stored.Status, stored.SuspensionReason);
        }

        var reinstated = await officer.PostAsJsonAsync($"/api/v1/enterprises/{id}/reinstate", new { });
        var again = await officer.PostAsJsonAsync($"/api/v1/enterprises/{id}/reinstate", new { });

        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Contains("暂停企业必须填写原因", await withoutReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
        Assert.Equal(EnterpriseStatus.Suspended, afterSuspend);
        Assert.Equal("发布虚假招聘信息", reason);
        Assert.Equal(HttpStatusCode.OK, reinstated.StatusCode);
        Assert.Equal((HttpStatusCode)422, again.StatusCode);
        await using var check = _app.Database.CreateContext();
        Assert.Equal(EnterpriseStatus.Verified, (await check.Enterprises.AsNoTracking().SingleAsync(e => e.Id == id)).Status);
    }

    [Fact]
    public async Task An_enterprise_user_cannot_suspend_an_enterprise()
    {
        var client = await _app.SignedInClientAsync("enterprise1");
        await using var db = _app.Database.CreateContext();
        var own = await db.Users.Where(u => u.UserName == "enterprise1").Select(u => u.EnterpriseId).SingleAsync();

        var response = await client.PostAsJsonAsync($"/api/v1/enterprises/{own}/suspend", new { reason = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<(Guid Id, string UserName)> VerifiedEnterpriseAsync()
    {
        var (id, userName) = await SignUpAsync();
        var officer = await _app.SignedInClientAsync("officer1");
        (await officer.PostAsJsonAsync($"/api/v1/enterprises/{id}/verify", new { })).EnsureSuccessStatusCode();
        return (id, userName);
    }

    private async Task<(Guid Id, string UserName)> SignUpAsync()
    {
        var code = TestData.CreditCode("341200");
        var userName = TestData.UserName("own");
        await using var db = _app.Database.CreateContext();
        var community = await db.Communities.Where(c => c.Name == "东湖社区").Select(c => c.Id).SingleAsync();
        using var client = _app.Factory.CreateAnonymousClient();
        var response = await client.PostAsJsonAsync("/api/v1/enterprises", new
        {
            creditCode = code,
            name = $"账号测试企业{userName}",
            legalRepresentative = "张三",
            communityId = community,
            address = "东湖路3号",
            industry = "C",
            size = "Micro",
            totalEmployees = 8,
            insuredEmployees = 5,
            contactName = "李四",
            contactPhone = "13812345678",
            userName,
            password = PortalAppFactory.DemoPassword,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return (id, userName);
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteColleagueAndSuspensionTests : ColleagueAndSuspensionTests
{
    public SqliteColleagueAndSuspensionTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresColleagueAndSuspensionTests : ColleagueAndSuspensionTests
{
    public PostgresColleagueAndSuspensionTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
