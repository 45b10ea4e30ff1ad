using EmploymentPortal.Testing;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.IntegrationTests.Hires;

/// <summary>
/// Recording hires through the API on both providers: the resident leaves “registered
/// unemployed” and the overdue follow-up list, the facts are frozen on the hire, enterprise users
/// see and change only their own enterprise's hires, stations only their residents', and only a
/// verified enterprise hires.
/// </summary>
public abstract class HireTests
{
    private readonly PortalApp _app;

    protected HireTests(PortalApp app)
    {
        _app = app;
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Fact]
    public async Task Enterprise_records_a_hire_and_the_resident_leaves_registered_unemployed_and_the_overdue_list()
    {
        var (residentId, idNumber, name) = await RegisteredUnemployedResidentAsync();
        var station = await _app.SignedInClientAsync("station1");
        var donghu = await CommunityAsync("东湖社区");
        Assert.Contains(residentId, await OverdueIdsAsync(station, donghu));
        var enterprise = await _app.SignedInClientAsync("enterprise1");

        var response = await enterprise.PostAsJsonAsync("/api/v1/hires", HireBody(idNumber: idNumber, name: name));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(residentId, await OverdueIdsAsync(station, donghu));
        using var registered = JsonDocument.Parse(await station.GetStringAsync($"/api/v1/residents/?status=RegisteredUnemployed&community={donghu}&pageSize=200"));
        Assert.DoesNotContain(residentId, registered.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        await using var db = _app.Database.CreateContext();
        var resident = await db.Residents.Include(r => r.StatusHistory).SingleAsync(r => r.Id == residentId);
        Assert.Equal(EmploymentStatus.Employed, resident.CurrentStatus);
        Assert.Equal(Today, resident.StatusHistory.OrderBy(s => s.EffectiveFrom).Last().EffectiveFrom);
    }

    [Fact]
    public async Task The_hire_keeps_the_facts_as_they_were_when_it_was_recorded()
    {
        var (residentId, idNumber, name) = await RegisteredUnemployedResidentAsync(relocated: true);
        var enterprise = await _app.SignedInClientAsync("enterprise1");

        var response = await enterprise.PostAsJsonAsync("/api/v1/hires", HireBody(idNumber: idNumber, name: name, insured: true));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var hireId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await using var db = _app.Database.CreateContext();
        var hire = await db.Hires.AsNoTracking().SingleAsync(h => h.Id == hireId);
        var own = await Enterprise1Async();
        Assert.Equal(residentId, hire.ResidentId);
        Assert.Equal(own.Id, hire.EnterpriseId);
        Assert.Equal(EmploymentStatus.RegisteredUnemployed, hire.Facts.StatusBeforeHire);
        Assert.Contains(KeyGroup.RelocatedResident, hire.Facts.KeyGroups);
        Assert.Equal(own.Size, hire.Facts.EnterpriseSize);
        Assert.Equal(Today, hire.Facts.AsOf);
        Assert.Equal(12, hire.ContractTermMonths);
        Assert.Equal(new DateOnly(Today.Year, Today.Month, 1), hire.SocialInsuranceFrom);
        Assert.Equal("enterprise1", hire.RecordedBy);
    }

    [Fact]
    public async Task Station_records_a_hire_from_the_resident_page_and_the_resident_is_no_longer_overdue()
    {
        var (residentId, _, _) = await RegisteredUnemployedResidentAsync();
        var station = await _app.SignedInClientAsync("station1");
        var own = await Enterprise1Async();

        var response = await station.PostAsJsonAsync("/api/v1/hires", HireBody(residentId: residentId, creditCode: own.CreditCode));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(residentId, await OverdueIdsAsync(station, await CommunityAsync("东湖社区")));
        using var hires = JsonDocument.Parse(await station.GetStringAsync($"/api/v1/hires?resident={residentId}"));
        var row = Assert.Single(hires.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(own.Name, row.GetProperty("enterpriseName").GetString());
    }

    [Fact]
    public async Task A_station_cannot_record_a_hire_of_another_station_resident()
    {
        var (residentId, _, _) = await RegisteredUnemployedResidentAsync();
        var station2 = await _app.SignedInClientAsync("station2");
        var own = await Enterprise1Async();

        var response = await station2.PostAsJsonAsync("/api/v1/hires", HireBody(residentId: residentId, creditCode: own.CreditCode));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_id_number_and_name_that_do_not_match_are_one_field_error_in_chinese()
    {
        var (_, idNumber, _) = await RegisteredUnemployedResidentAsync();
        var enterprise = await _app.SignedInClientAsync("enterprise1");

        var response = await enterprise.PostAsJsonAsync("/api/v1/hires", HireBody(idNumber: idNumber, name: "不是本人"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        Assert.Contains("身份证号码与姓名一致", json.RootElement.GetProperty("errors").GetProperty("idNumber")[0].GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("测试居民", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_and_inconsistent_fields_are_a_400_with_chinese_messages_per_field()
    {
        var enterprise = await _app.SignedInClientAsync("enterprise1");

        var response = await enterprise.PostAsJsonAsync("/api/v1/hires", new
        {
            position = "",
            contractType = "FixedTerm",
            contractStart = Date(Today),
            contractEnd = Date(Today.AddDays(-1)),
            socialInsurancePaid = true,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = json.RootElement.GetProperty("errors");
        Assert.Equal("validation-failed", json.RootElement.GetProperty("code").GetString());
        Assert.Equal("请输入录用岗位。", errors.GetProperty("position")[0].GetString());
        Assert.Equal("请选择入职日期。", errors.GetProperty("startDate")[0].GetString());
        Assert.Equal("合同终止日期应晚于合同起始日期。", errors.GetProperty("contractEnd")[0].GetString());
        Assert.Equal("缴纳社会保险时请选择参保起始月份。", errors.GetProperty("socialInsuranceFrom")[0].GetString());
        Assert.Equal("请输入被录用人员的身份证号码。", errors.GetProperty("idNumber")[0].GetString());
    }

    [Fact]
    public async Task Recording_the_same_hire_twice_is_a_409()
    {
        var (_, idNumber, name) = await RegisteredUnemployedResidentAsync();
        var enterprise = await _app.SignedInClientAsync("enterprise1");
        (await enterprise.PostAsJsonAsync("/api/v1/hires", HireBody(idNumber: idNumber, name: name))).EnsureSuccessStatusCode();

        var again = await enterprise.PostAsJsonAsync("/api/v1/hires", HireBody(idNumber: idNumber, name: name));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("hire-duplicate", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pending_enterprise_cannot_record_hires()
    {
        var (_, idNumber, name) = await RegisteredUnemployedResidentAsync();
        var (_, userName) = await SignUpAsync();
        using var pending = await _app.Factory.CreateSignedInClientAsync(userName);

        var response = await pending.PostAsJsonAsync("/api/v1/hires", HireBody(idNumber: idNumber, name: name));

        // 422 like every refusal for an enterprise that is not verified (ADR 007; it was 403 here).
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("enterprise-not-verified", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_enterprise_user_sees_and_changes_only_its_own_hires()
    {
        var (code, userName) = await SignUpAsync();
        var officer = await _app.SignedInClientAsync("officer1");
        (await officer.PostAsJsonAsync($"/api/v1/enterprises/{await EnterpriseIdAsync(code)}/verify", new { })).EnsureSuccessStatusCode();
        using var other = await _app.Factory.CreateSignedInClientAsync(userName);
        var (otherResidentId, idNumber, name) = await RegisteredUnemployedResidentAsync();
        var created = await other.PostAsJsonAsync("/api/v1/hires", HireBody(idNumber: idNumber, name: name));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var otherHireId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var enterprise1 = await _app.SignedInClientAsync("enterprise1");

        using var own = JsonDocument.Parse(await enterprise1.GetStringAsync("/api/v1/hires?pageSize=200"));
        using var theirs = JsonDocument.Parse(await other.GetStringAsync("/api/v1/hires?pageSize=200"));
        var change = await enterprise1.PostAsJsonAsync($"/api/v1/hires/{otherHireId}/social-insurance", new { paid = true, from = Date(Today) });
        var ownChange = await other.PostAsJsonAsync($"/api/v1/hires/{otherHireId}/social-insurance", new { paid = true, from = Date(Today) });

        var ownIds = own.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.NotEmpty(ownIds);
        Assert.DoesNotContain(otherHireId, ownIds);
        Assert.DoesNotContain(otherResidentId, own.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("residentId").GetGuid()));
        var theirRow = Assert.Single(theirs.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(otherHireId, theirRow.GetProperty("id").GetGuid());
        Assert.DoesNotContain(idNumber, theirs.RootElement.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownChange.StatusCode);
    }

    [Fact]
    public async Task A_suspended_enterprise_cannot_record_hires_until_reinstated()
    {
        var (code, userName) = await SignUpAsync();
        var officer = await _app.SignedInClientAsync("officer1");
        var id = await EnterpriseIdAsync(code);
        (await officer.PostAsJsonAsync($"/api/v1/enterprises/{id}/verify", new { })).EnsureSuccessStatusCode();
        await using (var db = _app.Database.CreateContext())
        {
            var stored = await db.Enterprises.SingleAsync(e => e.Id == id);
            stored.Suspend("测试暂停");
            await db.SaveChangesAsync();
        }

        using var client = await _app.Factory.CreateSignedInClientAsync(userName);
        var (_, idNumber, name) = await RegisteredUnemployedResidentAsync();

        var response = await client.PostAsJsonAsync("/api/v1/hires", HireBody(idNumber: idNumber, name: name));

        // 422 like every refusal for an enterprise that is not verified (ADR 007; it was 403 here).
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("enterprise-not-verified", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_data_has_hires_by_enterprise1_of_demo_residents_who_are_now_employed_and_this_years_posts_and_fairs()
    {
        var own = await Enterprise1Async();
        await using var db = _app.Database.CreateContext();

        var demoHires = await db.Hires.AsNoTracking().Where(h => h.EnterpriseId == own.Id && h.RecordedBy == "enterprise1").ToListAsync();
        var residentIds = demoHires.Select(h => h.ResidentId).ToList();
        var statuses = await db.Residents.AsNoTracking().Where(r => residentIds.Contains(r.Id)).Select(r => r.CurrentStatus).ToListAsync();

        Assert.True(demoHires.Count >= 4, $"enterprise1 has {demoHires.Count} demo hires");
        Assert.All(demoHires, h => Assert.Equal(EmploymentStatus.RegisteredUnemployed, h.Facts.StatusBeforeHire));
        Assert.All(statuses, s => Assert.Equal(EmploymentStatus.Employed, s));
        Assert.True(await db.PostPlacements.AnyAsync(p => p.Kind == Domain.Posts.PostKind.PublicWelfare));
        Assert.True(await db.PostPlacements.AnyAsync(p => p.Kind == Domain.Posts.PostKind.Internship && p.Retained));
        Assert.True(await db.JobFairs.CountAsync() >= 6);
    }

    [Fact]
    public async Task Leaving_is_recorded_on_the_hire_and_flags_the_enterprises_open_claims_for_the_person()
    {
        var (residentId, idNumber, name) = await RegisteredUnemployedResidentAsync();
        var enterprise = await _app.SignedInClientAsync("enterprise1");
        var hired = await enterprise.PostAsJsonAsync("/api/v1/hires", HireBody(idNumber: idNumber, name: name));
        Assert.True(hired.StatusCode == HttpStatusCode.Created, await hired.Content.ReadAsStringAsync());
        var hireId = (await hired.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var claim = await enterprise.PostAsJsonAsync("/api/v1/claims", new { benefit = "absorption", hireId, payeeAccount = "6222020200778800", submit = false });
        Assert.True(claim.StatusCode == HttpStatusCode.Created, await claim.Content.ReadAsStringAsync());
        var claimId = (await claim.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var byOther = await (await _app.SignedInClientAsync("enterprise2")).PostAsJsonAsync($"/api/v1/hires/{hireId}/end", new { lastDay = Date(Today), reason = "个人原因" });
        var beforeStart = await enterprise.PostAsJsonAsync($"/api/v1/hires/{hireId}/end", new { lastDay = Date(Today.AddDays(-1)), reason = "个人原因" });
        var noReason = await enterprise.PostAsJsonAsync($"/api/v1/hires/{hireId}/end", new { lastDay = Date(Today) });
        var ended = await enterprise.PostAsJsonAsync($"/api/v1/hires/{hireId}/end", new { lastDay = Date(Today), reason = "个人原因" });
        var again = await enterprise.PostAsJsonAsync($"/api/v1/hires/{hireId}/end", new { lastDay = Date(Today), reason = "个人原因" });

        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, beforeStart.StatusCode);
        Assert.Contains("lastDay", await beforeStart.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True(ended.IsSuccessStatusCode, await ended.Content.ReadAsStringAsync());
        Assert.Contains("资金监管", await ended.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(again.IsSuccessStatusCode);
        Assert.Contains("hire-ended", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = _app.Database.CreateContext();
        var hire = await db.Hires.AsNoTracking().SingleAsync(h => h.Id == hireId);
        Assert.Equal((Today, "个人原因"), (hire.EndedOn!.Value, hire.EndReason!));
        var flagged = await db.Claims.AsNoTracking().SingleAsync(c => c.Id == claimId);
        Assert.True(flagged.SupervisionFlag);
        Assert.Contains("离职", flagged.SupervisionNote, StringComparison.Ordinal);
        using var list = JsonDocument.Parse(await enterprise.GetStringAsync($"/api/v1/hires?resident={residentId}"));
        Assert.Equal(Date(Today), list.RootElement.GetProperty("items")[0].GetProperty("endedOn").GetString());
    }

    private static object HireBody(string? idNumber = null, string? name = null, Guid? residentId = null, string? creditCode = null, bool insured = false) => new
    {
        idNumber,
        name,
        residentId,
        enterpriseCreditCode = creditCode,
        position = "仓库管理员",
        startDate = Date(Today),
        contractType = "FixedTerm",
        contractStart = Date(Today),
        contractEnd = Date(Today.AddYears(1).AddDays(-1)),
        socialInsurancePaid = insured,
        socialInsuranceFrom = insured ? Date(Today) : null,
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A new resident of 东湖社区 (station1), registered unemployed today and not contacted.</summary>
    private async Task<(Guid Id, string IdNumber, string Name)> RegisteredUnemployedResidentAsync(bool relocated = false)
    {
        var station = await _app.SignedInClientAsync("station1");
        var idNumber = TestData.IdNumber(new DateOnly(1990, 1, 1));
        const string name = "测试居民";
        var response = await station.PostAsJsonAsync("/api/v1/residents/", new
        {
            name,
            idNumber,
            phone = "13912345678",
            communityId = await CommunityAsync("东湖社区"),
            hukouType = "LocalUrban",
            education = "SeniorSecondary",
            isRelocatedResident = relocated,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await station.PostAsJsonAsync($"/api/v1/residents/{id}/unemployment-registration", new { ableToWork = true, wantsWork = true, currentlyUnemployed = true })).EnsureSuccessStatusCode();
        return (id, idNumber, name);
    }

    private static async Task<List<Guid>> OverdueIdsAsync(HttpClient client, Guid community)
    {
        var ids = new List<Guid>();
        for (var page = 1; ; page++)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/followups/overdue?community={community}&page={page}&pageSize=200"));
            var items = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
            ids.AddRange(items);
            if (items.Count < 200)
            {
                return ids;
            }
        }
    }

    private async Task<Guid> CommunityAsync(string name)
    {
        await using var db = _app.Database.CreateContext();
        return await db.Communities.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }

    private async Task<Enterprise> Enterprise1Async()
    {
        await using var db = _app.Database.CreateContext();
        var enterpriseId = await db.Users.Where(u => u.UserName == "enterprise1").Select(u => u.EnterpriseId).SingleAsync();
        return await db.Enterprises.AsNoTracking().SingleAsync(e => e.Id == enterpriseId);
    }

    private async Task<Guid> EnterpriseIdAsync(string code)
    {
        await using var db = _app.Database.CreateContext();
        return await db.Enterprises.Where(e => e.CreditCode == code).Select(e => e.Id).SingleAsync();
    }

    private async Task<(string Code, string UserName)> SignUpAsync()
    {
        var code = NewCreditCode();
        var userName = $"hire{Guid.NewGuid():N}"[..16];
        using var client = _app.Factory.CreateAnonymousClient();
        var response = await client.PostAsJsonAsync("/api/v1/enterprises", new
        {
            creditCode = code,
            name = $"录用测试企业{userName}",
            legalRepresentative = "张三",
            communityId = await CommunityAsync("东湖社区"),
            address = "东湖路2号",
            industry = "C",
            size = "Small",
            totalEmployees = 30,
            insuredEmployees = 20,
            contactName = "李四",
            contactPhone = "13812345678",
            userName,
            password = PortalAppFactory.DemoPassword,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (code, userName);
    }

    private static string NewCreditCode() => TestData.CreditCode("341200");
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteHireTests : HireTests
{
    public SqliteHireTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresHireTests : HireTests
{
    public PostgresHireTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
