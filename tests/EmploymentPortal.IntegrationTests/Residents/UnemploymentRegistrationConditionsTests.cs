using EmploymentPortal.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Hires;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.IntegrationTests.Residents;

/// <summary>
/// The unemployment register's conditions decided by the rules service (邢南政发〔2020〕1号 (二十);
/// 界首 二、(二)2 for migrant workers) through the API, on both providers: what the records hold is
/// taken from them, the rest is asked (needs information when not stated), a failed condition
/// refuses the registration, and a registered person is told the ground for leaving the register.
/// </summary>
public abstract class UnemploymentRegistrationConditionsTests
{
    private const string General = "nanhe-2020-1.unemployment-registration";
    private const string GeneralKept = "nanhe-2020-1.unemployment-registration-kept";
    private const string MigrantWorkers = "jieshou-2022.unemployment-registration-migrant-worker";

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private readonly PortalApp _app;

    protected UnemploymentRegistrationConditionsTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task Conditions_not_stated_need_information_and_the_facts_the_records_hold_are_not_asked()
    {
        var residentId = await RegisterAsync("东湖社区", new DateOnly(1990, 6, 6));
        var client = await _app.SignedInClientAsync("station1");

        var conditions = await GetConditionsAsync(client, residentId, string.Empty);

        Assert.Equal("unemployment-registration", conditions.GetProperty("kind").GetString());
        Assert.False(conditions.GetProperty("allowed").GetBoolean());
        var general = Decision(conditions, General);
        Assert.Equal("needsInformation", general.GetProperty("outcome").GetString());
        Assert.Equal(["person.ableToWork", "person.wantsWork", "person.unemployed"], Strings(general.GetProperty("missingFacts")));
        Assert.Equal(["person.workingAgeFrom", "person.statutoryRetirementDate", "person.migrantWorker", "registration.place"], Strings(conditions.GetProperty("fromRecords")));
        var view = general.GetProperty("view");
        Assert.Equal("需补充信息", view.GetProperty("outcomeWords").GetString());
        Assert.Equal("邢南政发〔2020〕1号 第二十条", view.GetProperty("citation").GetProperty("label").GetString());
    }

    [Fact]
    public async Task Stated_conditions_make_the_decision_eligible_and_the_registration_returns_it()
    {
        var residentId = await RegisterAsync("东湖社区", new DateOnly(1991, 7, 7));
        var client = await _app.SignedInClientAsync("station1");

        var conditions = await GetConditionsAsync(client, residentId, "ableToWork=true&wantsWork=true&currentlyUnemployed=true");
        var registered = await client.PostAsJsonAsync($"/api/v1/residents/{residentId}/unemployment-registration", Eligible());

        Assert.True(conditions.GetProperty("allowed").GetBoolean());
        Assert.Equal("eligible", Decision(conditions, General).GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        var body = await registered.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("eligible", Decision(body.GetProperty("conditions"), General).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_current_hire_decides_the_employment_from_the_records_and_the_registration_is_refused()
    {
        var residentId = await HiredResidentAsync(registerFirst: false);
        var client = await _app.SignedInClientAsync("station1");

        var conditions = await GetConditionsAsync(client, residentId, "ableToWork=true&wantsWork=true&currentlyUnemployed=true");
        var response = await client.PostAsJsonAsync($"/api/v1/residents/{residentId}/unemployment-registration", Eligible());

        Assert.Contains("person.unemployed", Strings(conditions.GetProperty("fromRecords")));
        Assert.Equal("ineligible", Decision(conditions, General).GetProperty("outcome").GetString());
        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unemployment-registration-refused", problem.GetProperty("code").GetString());
        Assert.Equal(["目前处于失业状态：否（要求：是）。", "依据：邢南政发〔2020〕1号 第二十条。"], Strings(problem.GetProperty("refusals")));
        Assert.False(problem.GetProperty("conditions").GetProperty("allowed").GetBoolean());
        await using var db = _app.Database.CreateContext();
        Assert.Null((await db.Residents.SingleAsync(r => r.Id == residentId)).CurrentStatus);
    }

    [Fact]
    public async Task A_condition_not_confirmed_refuses_the_registration_with_the_facts_to_ask()
    {
        var residentId = await RegisterAsync("东湖社区", new DateOnly(1992, 8, 8));
        var client = await _app.SignedInClientAsync("station1");

        var response = await client.PostAsJsonAsync($"/api/v1/residents/{residentId}/unemployment-registration", new { wantsWork = true, currentlyUnemployed = true });

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("需补充信息：有劳动能力。", Strings(problem.GetProperty("refusals")));
        Assert.Equal("needsInformation", Decision(problem.GetProperty("conditions"), General).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Registration_on_the_sixteenth_birthday_is_allowed_and_the_day_before_refused()
    {
        var residentId = await RegisterAsync("东湖社区", new DateOnly(2008, 2, 29));
        var client = await _app.SignedInClientAsync("station1");

        var dayBefore = await client.PostAsJsonAsync($"/api/v1/residents/{residentId}/unemployment-registration", Eligible(new DateOnly(2024, 2, 28)));
        var birthday = await client.PostAsJsonAsync($"/api/v1/residents/{residentId}/unemployment-registration", Eligible(new DateOnly(2024, 2, 29)));

        Assert.Equal((HttpStatusCode)422, dayBefore.StatusCode);
        Assert.Equal(["年满16周岁之日：2024-02-29（要求：不晚于评估日期（2024-02-28））。", "依据：邢南政发〔2020〕1号 第二十条。"],
            Strings((await dayBefore.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refusals")));
        Assert.Equal(HttpStatusCode.OK, birthday.StatusCode);
    }

    [Fact]
    public async Task A_migrant_worker_may_register_where_the_household_is_registered_and_another_person_is_refused()
    {
        var migrant = await RegisterAsync("东湖社区", new DateOnly(1985, 9, 9), migrantWorker: true);
        var other = await RegisterAsync("东湖社区", new DateOnly(1985, 10, 10));
        var binjiang = await CommunityAsync("滨江社区");
        var client = await _app.SignedInClientAsync("station1");

        var allowed = await client.PostAsJsonAsync($"/api/v1/residents/{migrant}/unemployment-registration", Eligible(registeringCommunityId: binjiang, registrationPlace: "hukou"));
        var refused = await client.PostAsJsonAsync($"/api/v1/residents/{other}/unemployment-registration", Eligible(registeringCommunityId: binjiang, registrationPlace: "hukou"));

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        var decision = Decision((await allowed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conditions"), MigrantWorkers);
        Assert.Equal("eligible", decision.GetProperty("outcome").GetString());
        Assert.Contains("draftDocument", Strings(decision.GetProperty("flags")));
        Assert.Equal((HttpStatusCode)422, refused.StatusCode);
        Assert.Contains("登记地：户籍地（要求：常住地）。", Strings((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refusals")));
    }

    [Fact]
    public async Task An_unknown_place_of_registration_is_a_400_with_a_chinese_message()
    {
        var residentId = await RegisterAsync("东湖社区", new DateOnly(1986, 11, 11));
        var client = await _app.SignedInClientAsync("station1");

        var post = await client.PostAsJsonAsync($"/api/v1/residents/{residentId}/unemployment-registration", Eligible(registrationPlace: "moon"));
        var get = await client.GetAsync($"/api/v1/residents/{residentId}/unemployment-registration/conditions?registrationPlace=moon");

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains("登记地只能是", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
        Assert.Contains("登记地只能是", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registered_person_in_work_is_told_the_ground_for_leaving_the_register()
    {
        var residentId = await HiredResidentAsync(registerFirst: true);
        var client = await _app.SignedInClientAsync("station1");

        var conditions = await GetConditionsAsync(client, residentId, "ableToWork=true&wantsWork=true");

        Assert.Equal("unemployment-registration-kept", conditions.GetProperty("kind").GetString());
        Assert.False(conditions.GetProperty("allowed").GetBoolean());
        Assert.Contains("person.unemployed", Strings(conditions.GetProperty("fromRecords")));
        Assert.Contains("registration.place", Strings(conditions.GetProperty("fromRecords")));
        Assert.Equal("ineligible", Decision(conditions, GeneralKept).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Another_station_cannot_see_the_conditions_of_a_resident_it_does_not_serve()
    {
        var residentId = await RegisterAsync("东湖社区", new DateOnly(1987, 12, 12));
        var station2 = await _app.SignedInClientAsync("station2");

        var response = await station2.GetAsync($"/api/v1/residents/{residentId}/unemployment-registration/conditions");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static object Eligible(DateOnly? registeredOn = null, Guid? registeringCommunityId = null, string? registrationPlace = null) =>
        new { ableToWork = true, wantsWork = true, currentlyUnemployed = true, registeredOn, registeringCommunityId, registrationPlace };

    private static JsonElement Decision(JsonElement conditions, string ruleId) =>
        conditions.GetProperty("decisions").EnumerateArray().Single(d => d.GetProperty("ruleId").GetString() == ruleId);

    private static List<string?> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()).ToList();

    private static async Task<JsonElement> GetConditionsAsync(HttpClient client, Guid residentId, string query)
    {
        var response = await client.GetAsync($"/api/v1/residents/{residentId}/unemployment-registration/conditions?{query}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<Guid> RegisterAsync(string community, DateOnly birthDate, bool migrantWorker = false)
    {
        var client = await _app.SignedInClientAsync("station1");
        var response = await client.PostAsJsonAsync("/api/v1/residents/", new
        {
            name = TestData.Name("登记"),
            idNumber = TestData.IdNumber(birthDate, Sex.Male),
            phone = "13912345678",
            communityId = await CommunityAsync(community),
            hukouType = "LocalUrban",
            migrantWorker = migrantWorker ? "MigrantWorker" : "None",
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>A resident of 东湖社区 hired a month ago without an end (optionally registered unemployed before).</summary>
    private async Task<Guid> HiredResidentAsync(bool registerFirst)
    {
        var residentId = await RegisterAsync("东湖社区", new DateOnly(1988, 1, 20));
        if (registerFirst)
        {
            var client = await _app.SignedInClientAsync("station1");
            var registered = await client.PostAsJsonAsync($"/api/v1/residents/{residentId}/unemployment-registration", Eligible(Today.AddMonths(-3)));
            Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        }

        await using var db = _app.Database.CreateContext();
        var resident = await db.Residents.Include(r => r.StatusHistory).SingleAsync(r => r.Id == residentId);
        var enterprise = await db.Enterprises.FirstAsync(e => e.Status == EnterpriseStatus.Verified);
        var hired = Today.AddMonths(-1);
        db.Hires.Add(Hire.Record(
            enterprise,
            resident,
            new HireTerms("仓库管理员", hired, ContractType.OpenEnded, hired, null, true, hired),
            new HireRecorder(HireRecorderRole.Enterprise, "conditions-test", DateTimeOffset.UtcNow),
            Today));
        await db.SaveChangesAsync();
        return residentId;
    }

    private async Task<Guid> CommunityAsync(string name)
    {
        await using var db = _app.Database.CreateContext();
        return await db.Communities.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteUnemploymentRegistrationConditionsTests : UnemploymentRegistrationConditionsTests
{
    public SqliteUnemploymentRegistrationConditionsTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresUnemploymentRegistrationConditionsTests : UnemploymentRegistrationConditionsTests
{
    public PostgresUnemploymentRegistrationConditionsTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
