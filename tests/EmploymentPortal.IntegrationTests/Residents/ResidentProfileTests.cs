using EmploymentPortal.Testing;
using EmploymentPortal.Data.Security;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EmploymentPortal.Data.Auditing;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Errors;
using EmploymentPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.IntegrationTests.Residents;

/// <summary>
/// Job-search wishes, status changes, 就业困难人员 certification, households with zero-employment
/// families and record transfers through the API, on both providers.
/// </summary>
public abstract class ResidentProfileTests
{
    private readonly PortalApp _app;

    protected ResidentProfileTests(PortalApp app)
    {
        _app = app;
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Fact]
    public async Task Registration_keeps_the_job_search_wishes_with_the_wage_in_fen()
    {
        var client = await _app.SignedInClientAsync("station1");

        var response = await client.PostAsJsonAsync("/api/v1/residents/", Registration(TestData.IdNumber(new DateOnly(1993, 2, 3), Sex.Male), await CommunityAsync("东湖社区"), new
        {
            wantedOccupation = "电焊工",
            desiredWageMin = 5000,
            desiredWageMax = 8000,
            workTypes = new[] { "FullTime", "Seasonal" },
        }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await using var db = _app.Database.CreateContext();
        var stored = await db.Residents.SingleAsync(r => r.Id == id);
        Assert.Equal(OccupationGroup.Production, stored.WantedOccupationGroup);
        Assert.Equal(Money.FromYuan(5_000), stored.DesiredWageMin);
        Assert.Equal(Money.FromYuan(8_000), stored.DesiredWageMax);
        Assert.Equal([WorkType.FullTime, WorkType.Seasonal], stored.JobPreferences.WorkTypes);
    }

    [Fact]
    public async Task The_home_is_the_location_given_or_else_the_communitys_station()
    {
        var client = await _app.SignedInClientAsync("station1");
        var community = await CommunityAsync("东湖社区");

        var given = await client.PostAsJsonAsync("/api/v1/residents/", Registration(TestData.IdNumber(new DateOnly(1991, 5, 6), Sex.Female), community, new { homeLocation = "30.5012,114.3021" }));
        var defaulted = await client.PostAsJsonAsync("/api/v1/residents/", Registration(TestData.IdNumber(new DateOnly(1991, 5, 7), Sex.Female), community, new { }));
        var wrong = await client.PostAsJsonAsync("/api/v1/residents/", Registration(TestData.IdNumber(new DateOnly(1991, 5, 8), Sex.Female), community, new { homeLocation = "北纬30度" }));

        Assert.Equal(HttpStatusCode.Created, given.StatusCode);
        Assert.Equal(HttpStatusCode.Created, defaulted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var body = await wrong.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("纬度", body.GetProperty("errors").GetProperty("homeLocation")[0].GetString(), StringComparison.Ordinal);

        await using var db = _app.Database.CreateContext();
        var station = await db.Communities.Where(c => c.Id == community).Select(c => new { c.StationLatitude, c.StationLongitude }).SingleAsync();
        var givenId = (await given.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var defaultedId = (await defaulted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var home = await db.Residents.Where(r => r.Id == givenId).Select(r => new { r.HomeLatitude, r.HomeLongitude, r.HomeGeoCell }).SingleAsync();
        var atStation = await db.Residents.Where(r => r.Id == defaultedId).Select(r => new { r.HomeLatitude, r.HomeLongitude }).SingleAsync();
        Assert.Equal(30.5012, home.HomeLatitude);
        Assert.Equal(114.3021, home.HomeLongitude);
        Assert.Equal(EmploymentPortal.Domain.ValueObjects.GeoGrid.CellOf(30.5012, 114.3021), home.HomeGeoCell);
        Assert.Equal(station.StationLatitude, atStation.HomeLatitude);
        Assert.Equal(station.StationLongitude, atStation.HomeLongitude);
    }

    [Fact]
    public async Task A_wage_maximum_below_the_minimum_is_a_400_on_the_field()
    {
        var client = await _app.SignedInClientAsync("station1");

        var response = await client.PostAsJsonAsync("/api/v1/residents/", Registration(TestData.IdNumber(new DateOnly(1993, 2, 4), Sex.Male), await CommunityAsync("东湖社区"), new { desiredWageMin = 6000, desiredWageMax = 5000 }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("期望月薪上限不能低于下限。", body.GetProperty("errors").GetProperty("desiredWageMax")[0].GetString());
    }

    [Fact]
    public async Task Job_wishes_are_edited_by_the_holding_station_only()
    {
        var id = await RegisterAsync("station1", "东湖社区", new DateOnly(1990, 8, 8));
        var station1 = await _app.SignedInClientAsync("station1");
        var station2 = await _app.SignedInClientAsync("station2");
        var wishes = new { wantedOccupationGroup = "Services", wantedOccupation = "养老护理员", desiredWageMin = 3000, workTypes = new[] { "PartTime" } };

        var foreign = await station2.PutAsJsonAsync($"/api/v1/residents/{id}/job-preferences", wishes);
        var own = await station1.PutAsJsonAsync($"/api/v1/residents/{id}/job-preferences", wishes);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        using var profile = JsonDocument.Parse(await station1.GetStringAsync($"/api/v1/residents/{id}/profile"));
        Assert.Equal("养老护理员", profile.RootElement.GetProperty("wantedOccupation").GetString());
        Assert.Equal("3000.00", profile.RootElement.GetProperty("desiredWageMin").GetString());
        Assert.Equal("PartTime", profile.RootElement.GetProperty("workTypes")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await station2.GetAsync($"/api/v1/residents/{id}/profile")).StatusCode);
    }

    [Theory]
    [InlineData("\"4500.50\"", "4500.50")]
    [InlineData("4500.5", "4500.50")]
    [InlineData("4500", "4500.00")]
    public async Task A_desired_wage_binds_from_a_number_or_a_string_of_yuan(string json, string written)
    {
        var id = await RegisterAsync("station1", "东湖社区", new DateOnly(1987, 3, 9));
        var station1 = await _app.SignedInClientAsync("station1");

        var response = await station1.PutAsync($"/api/v1/residents/{id}/job-preferences", WishesBody(json));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var profile = JsonDocument.Parse(await station1.GetStringAsync($"/api/v1/residents/{id}/profile"));
        Assert.Equal(written, profile.RootElement.GetProperty("desiredWageMax").GetString());
    }

    [Theory]
    [InlineData("\"abc\"", "金额应为以元为单位的字符串")]
    [InlineData("-1", "金额不能为负数")]
    [InlineData("4500.001", "不能精确到分")]
    [InlineData("92233720368547758.08", "金额超出可表示的范围")]
    [InlineData("1000000.01", "期望月薪上限应在 0 至 1,000,000 元之间。")]
    [InlineData("2999.99", "期望月薪上限不能低于下限。")]
    public async Task A_bad_desired_wage_is_a_400_on_the_field_in_chinese(string json, string message)
    {
        var id = await RegisterAsync("station1", "东湖社区", new DateOnly(1987, 3, 10));
        var station1 = await _app.SignedInClientAsync("station1");

        var response = await station1.PutAsync($"/api/v1/residents/{id}/job-preferences", WishesBody(json));

        var problem = await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.Contains(message, problem.GetProperty("errors").GetProperty("desiredWageMax")[0].GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Station_sets_the_home_location_and_an_empty_one_falls_back_to_the_station()
    {
        var id = await RegisterUnemployedAsync("station1", "东湖社区", new DateOnly(1990, 3, 3));
        var station1 = await _app.SignedInClientAsync("station1");
        var station2 = await _app.SignedInClientAsync("station2");

        var foreign = await station2.PutAsJsonAsync($"/api/v1/residents/{id}/home", new { homeLocation = "37.07,114.51" });
        var bad = await station1.PutAsJsonAsync($"/api/v1/residents/{id}/home", new { homeLocation = "91,114.51" });
        var set = await station1.PutAsJsonAsync($"/api/v1/residents/{id}/home", new { homeLocation = "37.0712,114.5123" });

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("homeLocation", await bad.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        await using (var db = _app.Database.CreateContext())
        {
            var resident = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == id);
            Assert.Equal(37.0712, resident.HomeLatitude);
            Assert.Equal(114.5123, resident.HomeLongitude);
            Assert.Equal(GeoGrid.CellOf(GeoPoint.Create(37.0712, 114.5123)), resident.HomeGeoCell);
        }

        var cleared = await station1.PutAsJsonAsync($"/api/v1/residents/{id}/home", new { homeLocation = "" });

        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        await using (var db = _app.Database.CreateContext())
        {
            var resident = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == id);
            var station = await db.Communities.AsNoTracking().SingleAsync(c => c.Id == resident.CommunityId);
            Assert.Equal(station.StationLatitude, resident.HomeLatitude);
            Assert.Equal(station.StationLongitude, resident.HomeLongitude);
        }

        using var profile = JsonDocument.Parse(await station1.GetStringAsync($"/api/v1/residents/{id}/profile"));
        Assert.True(profile.RootElement.TryGetProperty("homeLatitude", out var lat) && lat.ValueKind == JsonValueKind.Number);
    }

    [Fact]
    public async Task Station_moves_a_registered_resident_through_statuses_and_the_history_keeps_each_one()
    {
        var id = await RegisterUnemployedAsync("station1", "东湖社区", new DateOnly(1988, 9, 9));
        var client = await _app.SignedInClientAsync("station1");

        var flexible = await client.PostAsJsonAsync($"/api/v1/residents/{id}/status", new { status = "FlexiblyEmployed", note = "网约车" });
        var training = await client.PostAsJsonAsync($"/api/v1/residents/{id}/status", new { status = "InTraining", note = "电工培训" });
        var back = await client.PostAsJsonAsync($"/api/v1/residents/{id}/status", new { status = "RegisteredUnemployed" });
        var deregistered = await client.PostAsJsonAsync($"/api/v1/residents/{id}/status", new { status = "Deregistered", note = "入学" });
        var afterwards = await client.PostAsJsonAsync($"/api/v1/residents/{id}/status", new { status = "SelfEmployed" });

        Assert.Equal(HttpStatusCode.OK, flexible.StatusCode);
        Assert.Equal(HttpStatusCode.OK, training.StatusCode);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deregistered.StatusCode);
        Assert.Equal((HttpStatusCode)422, afterwards.StatusCode);
        Assert.Contains("已注销", await afterwards.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = _app.Database.CreateContext();
        var history = await db.EmploymentStatusChanges.Where(c => c.ResidentId == id).OrderBy(c => c.Id).Select(c => c.Status).ToListAsync();
        Assert.Equal([EmploymentStatus.RegisteredUnemployed, EmploymentStatus.FlexiblyEmployed, EmploymentStatus.InTraining, EmploymentStatus.RegisteredUnemployed, EmploymentStatus.Deregistered], history);
        Assert.Equal("入学", (await db.EmploymentStatusChanges.Where(c => c.ResidentId == id && c.Status == EmploymentStatus.Deregistered).SingleAsync()).Note);
    }

    [Fact]
    public async Task Status_refusals_say_why_in_chinese()
    {
        var unregistered = await RegisterAsync("station1", "东湖社区", new DateOnly(1988, 10, 10));
        var registered = await RegisterUnemployedAsync("station1", "东湖社区", new DateOnly(1988, 10, 11));
        var client = await _app.SignedInClientAsync("station1");

        var notRegistered = await client.PostAsJsonAsync($"/api/v1/residents/{unregistered}/status", new { status = "FlexiblyEmployed" });
        var hire = await client.PostAsJsonAsync($"/api/v1/residents/{registered}/status", new { status = "Employed" });
        var noReason = await client.PostAsJsonAsync($"/api/v1/residents/{registered}/status", new { status = "Deregistered" });
        var unchanged = await client.PostAsJsonAsync($"/api/v1/residents/{registered}/status", new { status = "RegisteredUnemployed" });

        Assert.Equal((HttpStatusCode)422, notRegistered.StatusCode);
        Assert.Contains("未办理失业登记", await notRegistered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, hire.StatusCode);
        Assert.Contains("招用登记", await hire.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("注销登记须填写原因", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode)422, unchanged.StatusCode);
        Assert.Contains("没有变化", await unchanged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_bureau_officer_certifies_employment_difficulty_and_the_key_group_follows()
    {
        var id = await RegisterAsync("station1", "东湖社区", new DateOnly(1987, 1, 2));
        var station = await _app.SignedInClientAsync("station1");
        var officer = await _app.SignedInClientAsync("officer1");
        var certification = new { category = "MinimumLivingAllowanceFamily", certifiedOn = Today };

        var byStation = await station.PostAsJsonAsync($"/api/v1/residents/{id}/employment-difficulty", certification);
        var byOfficer = await officer.PostAsJsonAsync($"/api/v1/residents/{id}/employment-difficulty", certification);
        var twice = await officer.PostAsJsonAsync($"/api/v1/residents/{id}/employment-difficulty", certification);

        Assert.Equal(HttpStatusCode.Forbidden, byStation.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byOfficer.StatusCode);
        Assert.Equal((HttpStatusCode)422, twice.StatusCode);
        await using (var db = _app.Database.CreateContext())
        {
            var resident = await db.Residents.Include(r => r.StatusHistory).SingleAsync(r => r.Id == id);
            var group = Assert.Single(KeyGroups.For(resident, Today), g => g.Group == KeyGroup.EmploymentDifficulty);
            Assert.Contains("低保家庭成员", group.Reason, StringComparison.Ordinal);
            Assert.Equal("李经办", resident.DifficultyCertifiedBy);
        }

        var revoked = await officer.PostAsJsonAsync($"/api/v1/residents/{id}/employment-difficulty/revoke", new { revokedOn = Today, reason = "已实现稳定就业" });

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        await using var after = _app.Database.CreateContext();
        var revokedResident = await after.Residents.Include(r => r.StatusHistory).SingleAsync(r => r.Id == id);
        Assert.DoesNotContain(KeyGroups.For(revokedResident, Today), g => g.Group == KeyGroup.EmploymentDifficulty);
    }

    [Fact]
    public async Task A_duplicate_registration_offers_a_transfer_that_the_holding_station_accepts()
    {
        var station1 = await _app.SignedInClientAsync("station1");
        var station2 = await _app.SignedInClientAsync("station2");
        var idNumber = TestData.IdNumber(new DateOnly(1986, 6, 16), Sex.Female);
        var xishan = await CommunityAsync("西山社区");
        var first = await station1.PostAsJsonAsync("/api/v1/residents/", Registration(idNumber, await CommunityAsync("东湖社区")));
        var residentId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var duplicate = await station2.PostAsJsonAsync("/api/v1/residents/", Registration(idNumber, xishan));
        var request = await station2.PostAsJsonAsync("/api/v1/resident-transfers/", new { idNumber, toCommunityId = xishan, reason = "本人已迁入西山社区" });
        var again = await station2.PostAsJsonAsync("/api/v1/resident-transfers/", new { idNumber, toCommunityId = xishan });
        var requestId = (await request.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var acceptedByRequester = await station2.PostAsync($"/api/v1/resident-transfers/{requestId}/accept", null);
        using var inbox = JsonDocument.Parse(await station1.GetStringAsync("/api/v1/resident-transfers/"));
        var accepted = await station1.PostAsync($"/api/v1/resident-transfers/{requestId}/accept", null);

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Contains("transferRequest", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, request.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, acceptedByRequester.StatusCode);
        Assert.Contains(inbox.RootElement.EnumerateArray(), r => r.GetProperty("id").GetGuid() == requestId && r.GetProperty("incoming").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await station2.GetAsync($"/api/v1/residents/{residentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await station1.GetAsync($"/api/v1/residents/{residentId}")).StatusCode);
        await using var db = _app.Database.CreateContext();
        Assert.Equal(xishan, (await db.Residents.SingleAsync(r => r.Id == residentId)).CommunityId);
        var audited = await db.AuditEntries.Where(e => (e.EntityId == residentId.ToString() || e.EntityId == requestId.ToString()) && e.Action == AuditAction.Update).Select(e => e.EntityType).ToListAsync();
        Assert.Contains(nameof(Resident), audited);
        Assert.Contains(nameof(ResidentTransferRequest), audited);
    }

    [Fact]
    public async Task A_transfer_accept_posted_from_another_port_with_the_holders_cookie_moves_nothing()
    {
        var station1 = await _app.SignedInClientAsync("station1");
        var station2 = await _app.SignedInClientAsync("station2");
        var idNumber = TestData.IdNumber(new DateOnly(1984, 4, 14), Sex.Male);
        var donghu = await CommunityAsync("东湖社区");
        var first = await station1.PostAsJsonAsync("/api/v1/residents/", Registration(idNumber, donghu));
        var residentId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var request = await station2.PostAsJsonAsync("/api/v1/resident-transfers/", new { idNumber, toCommunityId = await CommunityAsync("西山社区") });
        var requestId = (await request.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // What a page on http://localhost:5081 gets from fetch(url, { method: "POST", credentials: "include" }).
        using var forged = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/resident-transfers/{requestId}/accept");
        forged.Headers.Add("Origin", "http://localhost:5081");
        var response = await station1.SendAsync(forged);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("cross-origin-write", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = _app.Database.CreateContext();
        Assert.Equal(donghu, (await db.Residents.SingleAsync(r => r.Id == residentId)).CommunityId);
        Assert.Equal(TransferRequestStatus.Pending, (await db.ResidentTransferRequests.SingleAsync(t => t.Id == requestId)).Status);
    }

    [Fact]
    public async Task A_declined_transfer_leaves_the_record_and_tells_the_requester_why()
    {
        var station1 = await _app.SignedInClientAsync("station1");
        var station2 = await _app.SignedInClientAsync("station2");
        var idNumber = TestData.IdNumber(new DateOnly(1986, 7, 17), Sex.Male);
        var donghu = await CommunityAsync("东湖社区");
        (await station1.PostAsJsonAsync("/api/v1/residents/", Registration(idNumber, donghu))).EnsureSuccessStatusCode();
        var request = await station2.PostAsJsonAsync("/api/v1/resident-transfers/", new { idNumber, toCommunityId = await CommunityAsync("西山社区") });
        var requestId = (await request.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var noReason = await station1.PostAsJsonAsync($"/api/v1/resident-transfers/{requestId}/decline", new { });
        var declined = await station1.PostAsJsonAsync($"/api/v1/resident-transfers/{requestId}/decline", new { reason = "本人仍在东湖社区居住" });
        using var outbox = JsonDocument.Parse(await station2.GetStringAsync("/api/v1/resident-transfers/"));

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        var row = outbox.RootElement.EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == requestId);
        Assert.Equal("Declined", row.GetProperty("status").GetString());
        Assert.Equal("本人仍在东湖社区居住", row.GetProperty("declineReason").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("residentName").ValueKind);
        await using var db = _app.Database.CreateContext();
        Assert.Equal(donghu, await db.Residents.WithIdNumber(db, idNumber).Select(r => r.CommunityId).SingleAsync());
    }

    [Fact]
    public async Task A_household_is_flagged_as_zero_employment_and_cleared_with_the_date_when_a_member_is_placed()
    {
        var headId = await RegisterUnemployedAsync("station1", "东湖社区", new DateOnly(1982, 3, 3));
        var client = await _app.SignedInClientAsync("station1");
        var donghu = await CommunityAsync("东湖社区");
        string headIdNumber;
        await using (var db = _app.Database.CreateContext())
        {
            headIdNumber = await db.Residents.Where(r => r.Id == headId).Select(r => r.IdNumber).SingleAsync();
        }

        var created = await client.PostAsJsonAsync("/api/v1/households/", new
        {
            communityId = donghu,
            address = "东湖路8号",
            members = new object[]
            {
                new { relation = "Head", name = "户主甲", idNumber = headIdNumber, ableToWork = true, wantsWork = true, employed = false },
                new { relation = "Spouse", name = "配偶乙", idNumber = TestData.IdNumber(new DateOnly(1984, 4, 4), Sex.Female), ableToWork = true, wantsWork = true, employed = false },
                new { relation = "Child", name = "子女丙", ableToWork = false, wantsWork = false, employed = false },
            },
        });
        var createdBody = await created.Content.ReadFromJsonAsync<JsonElement>();
        var householdId = createdBody.GetProperty("id").GetGuid();
        var flagged = await ZeroEmploymentIdsAsync(client);
        var foreign = await (await _app.SignedInClientAsync("station2")).GetAsync($"/api/v1/households/{householdId}");
        await using (var db = _app.Database.CreateContext())
        {
            var resident = await db.Residents.Include(r => r.StatusHistory).SingleAsync(r => r.Id == headId);
            var since = await db.Households.Where(h => h.Id == householdId).Select(h => h.ZeroEmploymentSince).SingleAsync();
            Assert.Contains(KeyGroups.For(resident, Today, zeroEmploymentFamilySince: since), g => g.Group == KeyGroup.ZeroEmploymentFamilyMember);
        }

        var placed = await client.PostAsJsonAsync($"/api/v1/residents/{headId}/status", new { status = "PublicWelfarePost", note = "社区保洁公益性岗位" });
        using var after = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/households/{householdId}"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("零就业家庭", createdBody.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(householdId, flagged);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, placed.StatusCode);
        Assert.False(after.RootElement.GetProperty("isZeroEmployment").GetBoolean());
        Assert.Equal(Today.ToString("yyyy-MM-dd"), after.RootElement.GetProperty("zeroEmploymentClearedOn").GetString());
        Assert.Equal("户主甲", after.RootElement.GetProperty("clearedByMember").GetString());
        Assert.DoesNotContain(householdId, await ZeroEmploymentIdsAsync(client));
        Assert.DoesNotContain(headIdNumber, after.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recording_a_placement_clears_a_zero_employment_family()
    {
        var client = await _app.SignedInClientAsync("station1");
        var created = await client.PostAsJsonAsync("/api/v1/households/", new
        {
            communityId = await CommunityAsync("滨江社区"),
            members = new object[] { new { relation = "Head", name = "单身丁", idNumber = TestData.IdNumber(new DateOnly(1979, 5, 5), Sex.Male), ableToWork = true, wantsWork = true, employed = false } },
        });
        var householdId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var before = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/households/{householdId}"));
        var memberId = before.RootElement.GetProperty("members")[0].GetProperty("id").GetGuid();

        var placed = await client.PostAsJsonAsync($"/api/v1/households/{householdId}/members/{memberId}/placement", new { });
        using var after = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/households/{householdId}"));

        Assert.True(before.RootElement.GetProperty("isZeroEmployment").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, placed.StatusCode);
        Assert.False(after.RootElement.GetProperty("isZeroEmployment").GetBoolean());
        Assert.Equal(Today.ToString("yyyy-MM-dd"), after.RootElement.GetProperty("zeroEmploymentClearedOn").GetString());
    }

    [Fact]
    public async Task A_member_registered_after_the_household_is_linked_and_gets_the_key_group()
    {
        var client = await _app.SignedInClientAsync("station1");
        var donghu = await CommunityAsync("东湖社区");
        var idNumber = TestData.IdNumber(new DateOnly(1983, 8, 18), Sex.Female);
        var created = await client.PostAsJsonAsync("/api/v1/households/", new
        {
            communityId = donghu,
            members = new object[] { new { relation = "Head", name = "先录戊", idNumber, ableToWork = true, wantsWork = true, employed = false } },
        });
        var householdId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var registered = await client.PostAsJsonAsync("/api/v1/residents/", Registration(idNumber, donghu));

        var residentId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await using var db = _app.Database.CreateContext();
        Assert.Equal(residentId, await db.HouseholdMembers.Where(m => m.HouseholdId == householdId).Select(m => m.ResidentId).SingleAsync());
        Assert.NotNull(await EmploymentPortal.Web.Features.Households.ZeroEmploymentSync.ZeroEmploymentFamilySinceAsync(db, residentId));
    }

    [Fact]
    public async Task Demo_city_has_two_zero_employment_families_and_certified_persons()
    {
        await using var db = _app.Database.CreateContext();
        var demoFlagged = await db.Households.CountAsync(h => h.IsZeroEmployment && h.Address != "东湖路8号" && h.Members.Count == 3);

        Assert.True(demoFlagged >= 2, $"{demoFlagged} demo zero-employment families");
        Assert.True(await db.Households.AnyAsync(h => !h.IsZeroEmployment && h.ZeroEmploymentClearedOn != null));
        Assert.True(await db.Residents.CountAsync(r => r.DifficultyCertifiedOn != null) >= 3);
    }

    private static async Task<List<Guid>> ZeroEmploymentIdsAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/households/?zeroEmployment=true&pageSize=200"));
        return json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
    }

    private static Dictionary<string, object?> Registration(string idNumber, Guid communityId, object? wishes = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["name"] = "测试居民",
            ["idNumber"] = idNumber,
            ["phone"] = "13912345678",
            ["communityId"] = communityId,
        };
        if (wishes is not null)
        {
            foreach (var property in wishes.GetType().GetProperties())
            {
                body[property.Name] = property.GetValue(wishes);
            }
        }

        return body;
    }

    private async Task<Guid> RegisterAsync(string user, string community, DateOnly birthDate)
    {
        var client = await _app.SignedInClientAsync(user);
        var response = await client.PostAsJsonAsync("/api/v1/residents/", Registration(TestData.IdNumber(birthDate, Sex.Male), await CommunityAsync(community)));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<Guid> RegisterUnemployedAsync(string user, string community, DateOnly birthDate)
    {
        var id = await RegisterAsync(user, community, birthDate);
        var client = await _app.SignedInClientAsync(user);
        (await client.PostAsJsonAsync($"/api/v1/residents/{id}/unemployment-registration", new { ableToWork = true, wantsWork = true, currentlyUnemployed = true })).EnsureSuccessStatusCode();
        return id;
    }

    private async Task<Guid> CommunityAsync(string name)
    {
        await using var db = _app.Database.CreateContext();
        return await db.Communities.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }

    private static StringContent WishesBody(string desiredWageMax) =>
        new($"{{\"wantedOccupation\": \"养老护理员\", \"desiredWageMin\": \"3000.00\", \"desiredWageMax\": {desiredWageMax}, \"workTypes\": [\"FullTime\"]}}", Encoding.UTF8, "application/json");
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteResidentProfileTests : ResidentProfileTests
{
    public SqliteResidentProfileTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresResidentProfileTests : ResidentProfileTests
{
    public PostgresResidentProfileTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
