using EmploymentPortal.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmploymentPortal.Data.Security;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.IntegrationTests.Residents;

/// <summary>
/// Registering residents, 失业登记 and the monthly follow-up through the API, on both providers:
/// the conditions are the rules service's (UnemploymentRegistrationConditionsTests), the scope the stations'.
/// </summary>
public abstract class ResidentRegistryTests
{
    /// <summary>The region code of the ID numbers these tests register; no demo resident has it.</summary>
    public const string TestRegionCode = "110101";

    private readonly PortalApp _app;

    protected ResidentRegistryTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task Station_worker_registers_a_resident_and_gets_201_with_the_id()
    {
        var client = await _app.SignedInClientAsync("station1");
        var donghu = await CommunityAsync("东湖社区");
        var idNumber = TestData.IdNumber(new DateOnly(1992, 4, 8), Sex.Female);

        var response = await client.PostAsJsonAsync("/api/v1/residents/", Registration(idNumber, donghu));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await using var db = _app.Database.CreateContext();
        var stored = await db.Residents.SingleAsync(r => r.Id == id);
        Assert.Equal(idNumber, stored.IdNumber);
        Assert.Equal(new DateOnly(1992, 4, 8), stored.BirthDate);
        Assert.Equal(Sex.Female, stored.Sex);
    }

    [Fact]
    public async Task A_graduate_date_before_the_birth_date_is_a_400_on_the_graduate_date_and_nothing_is_stored()
    {
        var client = await _app.SignedInClientAsync("station1");
        var donghu = await CommunityAsync("东湖社区");
        var idNumber = TestData.IdNumber(new DateOnly(2000, 6, 1), Sex.Male);

        var response = await client.PostAsJsonAsync("/api/v1/residents/", new
        {
            name = "毕业早于出生",
            idNumber,
            phone = "13912345678",
            communityId = donghu,
            education = "Bachelor",
            graduateSchool = "河北师范大学",
            graduateMajor = "数学",
            graduatedOn = new DateOnly(1999, 7, 1),
            leftSchoolOn = new DateOnly(1999, 7, 1),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("validation-failed", body.GetProperty("code").GetString());
        Assert.Equal("毕业时间与离校时间不一致，请核对。", body.GetProperty("errors").GetProperty("graduatedOn")[0].GetString());
        await using var db = _app.Database.CreateContext();
        Assert.False(await db.Residents.WithIdNumber(db, idNumber).AnyAsync());
    }

    [Fact]
    public async Task Wrong_check_digit_is_a_400_with_the_chinese_message_on_the_field()
    {
        var client = await _app.SignedInClientAsync("station1");
        var donghu = await CommunityAsync("东湖社区");
        var idNumber = TestData.IdNumber(new DateOnly(1992, 4, 8), Sex.Female);
        var wrong = idNumber[..17] + (idNumber[17] == '0' ? '1' : '0');

        var response = await client.PostAsJsonAsync("/api/v1/residents/", Registration(wrong, donghu));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var message = body.GetProperty("errors").GetProperty("idNumber")[0].GetString();
        Assert.Contains("校验码不正确", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_registration_of_the_same_id_number_anywhere_is_409_naming_the_community_only()
    {
        var station1 = await _app.SignedInClientAsync("station1");
        var station2 = await _app.SignedInClientAsync("station2");
        var idNumber = TestData.IdNumber(new DateOnly(1985, 11, 30), Sex.Male);
        var first = await station1.PostAsJsonAsync("/api/v1/residents/", Registration(idNumber, await CommunityAsync("东湖社区"), name: "钱多多"));
        first.EnsureSuccessStatusCode();

        var second = await station2.PostAsJsonAsync("/api/v1/residents/", Registration(idNumber, await CommunityAsync("西山社区"), name: "钱多多"));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var body = await second.Content.ReadAsStringAsync();
        Assert.Contains("东湖社区", body, StringComparison.Ordinal);
        Assert.DoesNotContain("钱多多", body, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Station_worker_cannot_register_into_another_station_community()
    {
        var station2 = await _app.SignedInClientAsync("station2");

        var response = await station2.PostAsJsonAsync("/api/v1/residents/", Registration(TestData.IdNumber(new DateOnly(1990, 1, 1), Sex.Male), await CommunityAsync("东湖社区")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Station_worker_cannot_register_unemployment_or_log_contacts_for_another_community()
    {
        var residentId = await RegisterAsync("station1", "东湖社区", new DateOnly(1990, 2, 2));
        var station2 = await _app.SignedInClientAsync("station2");

        var registration = await station2.PostAsJsonAsync($"/api/v1/residents/{residentId}/unemployment-registration", Eligible());
        var contact = await station2.PostAsJsonAsync($"/api/v1/residents/{residentId}/contacts", Contact());
        var read = await station2.GetAsync($"/api/v1/residents/{residentId}");

        Assert.Equal(HttpStatusCode.NotFound, registration.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, contact.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task Unemployment_registration_issues_a_number_and_a_second_one_is_refused()
    {
        var residentId = await RegisterAsync("station1", "东湖社区", new DateOnly(1990, 3, 3));
        var client = await _app.SignedInClientAsync("station1");

        var first = await client.PostAsJsonAsync($"/api/v1/residents/{residentId}/unemployment-registration", Eligible());
        var second = await client.PostAsJsonAsync($"/api/v1/residents/{residentId}/unemployment-registration", Eligible());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.StartsWith("SY", (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("registrationNumber").GetString(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode)422, second.StatusCode);
        Assert.Contains("不能重复登记", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unemployment_registration_refusal_names_each_failed_condition()
    {
        var residentId = await RegisterAsync("station1", "东湖社区", new DateOnly(1990, 4, 4));
        var client = await _app.SignedInClientAsync("station1");

        var response = await client.PostAsJsonAsync($"/api/v1/residents/{residentId}/unemployment-registration", new { ableToWork = true, wantsWork = false, currentlyUnemployed = false });

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        var refusals = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refusals").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Equal(["有就业要求：否（要求：是）。", "目前处于失业状态：否（要求：是）。", "依据：邢南政发〔2020〕1号 第二十条。"], refusals);
    }

    [Fact]
    public async Task Unemployment_registration_of_a_person_past_retirement_age_is_refused()
    {
        var residentId = await RegisterAsync("station1", "东湖社区", new DateOnly(1950, 5, 5));
        var client = await _app.SignedInClientAsync("station1");

        var response = await client.PostAsJsonAsync($"/api/v1/residents/{residentId}/unemployment-registration", Eligible());

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Contains("法定退休日期：", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registered_unemployed_resident_is_overdue_until_a_contact_this_month()
    {
        var residentId = await RegisterAsync("station1", "东湖社区", new DateOnly(1991, 6, 6));
        var client = await _app.SignedInClientAsync("station1");
        var donghu = await CommunityAsync("东湖社区");
        (await client.PostAsJsonAsync($"/api/v1/residents/{residentId}/unemployment-registration", Eligible())).EnsureSuccessStatusCode();

        var before = await OverdueIdsAsync(client, donghu);
        var contact = await client.PostAsJsonAsync($"/api/v1/residents/{residentId}/contacts", Contact());
        var after = await OverdueIdsAsync(client, donghu);

        Assert.Contains(residentId, before);
        Assert.Equal(HttpStatusCode.Created, contact.StatusCode);
        Assert.DoesNotContain(residentId, after);
    }

    [Fact]
    public async Task Resident_list_filters_by_status()
    {
        var residentId = await RegisterAsync("station1", "东湖社区", new DateOnly(1991, 7, 7));
        var client = await _app.SignedInClientAsync("station1");
        (await client.PostAsJsonAsync($"/api/v1/residents/{residentId}/unemployment-registration", Eligible())).EnsureSuccessStatusCode();

        using var registered = JsonDocument.Parse(await client.GetStringAsync("/api/v1/residents/?status=RegisteredUnemployed&pageSize=200"));
        using var employed = JsonDocument.Parse(await client.GetStringAsync("/api/v1/residents/?status=Employed&pageSize=200"));

        Assert.Contains(residentId, registered.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        Assert.DoesNotContain(residentId, employed.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Overdue_list_of_a_station_worker_holds_only_their_communities()
    {
        var client = await _app.SignedInClientAsync("station2");

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/followups/overdue?pageSize=200"));

        Assert.All(json.RootElement.GetProperty("items").EnumerateArray(), item => Assert.Equal("西山社区", item.GetProperty("communityName").GetString()));
    }

    private static object Registration(string idNumber, Guid communityId, string name = "测试居民") => new
    {
        name,
        idNumber,
        phone = "13912345678",
        communityId,
        hukouType = "LocalUrban",
        education = "Bachelor",
    };

    private static object Eligible() => new { ableToWork = true, wantsWork = true, currentlyUnemployed = true };

    private static object Contact() => new { contactedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)), channel = "Phone", outcome = "电话联系，介绍岗位两个。", services = new[] { "JobReferral", "PolicyExplained" } };

    private static async Task<List<Guid>> OverdueIdsAsync(HttpClient client, Guid community)
    {
        var ids = new List<Guid>();
        string? cursor = null;
        do
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/followups/overdue?community={community}&pageSize=200" + (cursor is null ? string.Empty : $"&cursor={cursor}")));
            ids.AddRange(json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
            cursor = json.RootElement.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        return ids;
    }

    private async Task<Guid> RegisterAsync(string user, string community, DateOnly birthDate)
    {
        var client = await _app.SignedInClientAsync(user);
        var response = await client.PostAsJsonAsync("/api/v1/residents/", Registration(TestData.IdNumber(birthDate, Sex.Male), await CommunityAsync(community)));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<Guid> CommunityAsync(string name)
    {
        await using var db = _app.Database.CreateContext();
        return await db.Communities.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteResidentRegistryTests : ResidentRegistryTests
{
    public SqliteResidentRegistryTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresResidentRegistryTests : ResidentRegistryTests
{
    public PostgresResidentRegistryTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
