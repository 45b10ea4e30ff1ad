using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.IntegrationTests.Training;

/// <summary>
/// Training through the API on both providers: the bureau designates an institution and approves
/// its class, a station enrols its resident, attendance and completion, the certificate on the
/// resident's record; the refusals (full class, short hours, duplicate certificate, another
/// station's resident); an institution's user reaches only its own classes; every change audited.
/// </summary>
public abstract class TrainingApiTests
{
    private readonly PortalApp _app;

    protected TrainingApiTests(PortalApp app)
    {
        _app = app;
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Fact]
    public async Task Approve_enrol_attend_complete_certify_and_the_certificate_is_on_the_resident_record()
    {
        var officer = await _app.SignedInClientAsync("officer1");
        var station = await _app.SignedInClientAsync("station1");
        var classId = await ApprovedClassAsync(plannedHours: 10);
        var residentId = await ResidentAsync();

        var enrolment = await IdOfAsync(await station.PostAsJsonAsync($"/api/v1/training/classes/{classId}/enrolments", new { residentId }));
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/training/classes/{classId}/attendance", new { date = Date(Today), hours = 8, enrolmentIds = new[] { enrolment } }));
        await OkAsync(await officer.PostAsync($"/api/v1/training/classes/{classId}/enrolments/{enrolment}/complete", null));
        var number = $"CERT{TestData.Next():D8}";
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/training/classes/{classId}/enrolments/{enrolment}/certificate", Certificate(number)));

        using var history = JsonDocument.Parse(await station.GetStringAsync($"/api/v1/residents/{residentId}/training"));
        var row = Assert.Single(history.RootElement.EnumerateArray());
        Assert.Equal("Completed", row.GetProperty("status").GetString());
        Assert.Equal(number, row.GetProperty("certificate").GetProperty("number").GetString());
        Assert.Equal("Pending", row.GetProperty("employment").GetString());
        await using var db = _app.Database.CreateContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "Enrolment" && a.EntityId == enrolment.ToString()));
    }

    [Fact]
    public async Task The_roster_export_lists_the_trainees_the_station_sees_with_masked_id_numbers()
    {
        var station = await _app.SignedInClientAsync("station1");
        var classId = await ApprovedClassAsync();
        var residentId = await ResidentAsync();
        await IdOfAsync(await station.PostAsJsonAsync($"/api/v1/training/classes/{classId}/enrolments", new { residentId }));
        string idNumber;
        await using (var db = _app.Database.CreateContext())
        {
            idNumber = await db.Residents.Where(r => r.Id == residentId).Select(r => r.IdNumber).SingleAsync();
        }

        var response = await station.GetAsync($"/api/v1/training/classes/{classId}/roster");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = XlsxText.Read(await response.Content.ReadAsByteArrayAsync(), "花名册");
        var header = rows.FindIndex(r => r.Count > 0 && r[0] == "姓名");
        Assert.True(header >= 0);
        var trainee = Assert.Single(rows.Skip(header + 1));
        Assert.Equal("培训测试居民", trainee[0]);
        Assert.NotEqual(idNumber, trainee[1]);
        Assert.EndsWith(idNumber[^4..], trainee[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hire_after_completion_makes_the_graduate_employed_after_training()
    {
        var officer = await _app.SignedInClientAsync("officer1");
        var station = await _app.SignedInClientAsync("station1");
        var classId = await ApprovedClassAsync(plannedHours: 8);
        var residentId = await ResidentAsync();
        var enrolment = await IdOfAsync(await station.PostAsJsonAsync($"/api/v1/training/classes/{classId}/enrolments", new { residentId }));
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/training/classes/{classId}/attendance", new { date = Date(Today), hours = 8, enrolmentIds = new[] { enrolment } }));
        await OkAsync(await officer.PostAsync($"/api/v1/training/classes/{classId}/enrolments/{enrolment}/complete", null));
        await using (var db = _app.Database.CreateContext())
        {
            var enterpriseId = await db.Users.Where(u => u.UserName == "enterprise1").Select(u => u.EnterpriseId).SingleAsync();
            var code = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.CreditCode).SingleAsync();
            var hire = await station.PostAsJsonAsync("/api/v1/hires", new
            {
                residentId,
                enterpriseCreditCode = code,
                position = "厨师",
                startDate = Date(Today),
                contractType = "FixedTerm",
                contractStart = Date(Today),
                contractEnd = Date(Today.AddYears(1).AddDays(-1)),
                socialInsurancePaid = false,
            });
            Assert.True(hire.StatusCode == HttpStatusCode.Created, await hire.Content.ReadAsStringAsync());
        }

        using var view = JsonDocument.Parse(await officer.GetStringAsync($"/api/v1/training/classes/{classId}"));

        var trainee = Assert.Single(view.RootElement.GetProperty("trainees").EnumerateArray());
        Assert.Equal("Employed", trainee.GetProperty("employment").GetString());
    }

    [Fact]
    public async Task Completion_with_too_few_hours_is_refused_with_the_hours_named()
    {
        var officer = await _app.SignedInClientAsync("officer1");
        var station = await _app.SignedInClientAsync("station1");
        var classId = await ApprovedClassAsync(plannedHours: 20);
        var enrolment = await IdOfAsync(await station.PostAsJsonAsync($"/api/v1/training/classes/{classId}/enrolments", new { residentId = await ResidentAsync() }));
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/training/classes/{classId}/attendance", new { date = Date(Today), hours = 8, enrolmentIds = new[] { enrolment } }));

        var response = await officer.PostAsync($"/api/v1/training/classes/{classId}/enrolments/{enrolment}/complete", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("training-hours-short", body, StringComparison.Ordinal);
        Assert.Contains("16 学时", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_full_class_and_a_draft_class_refuse_enrolment()
    {
        var station = await _app.SignedInClientAsync("station1");
        var full = await ApprovedClassAsync(capacity: 1);
        await IdOfAsync(await station.PostAsJsonAsync($"/api/v1/training/classes/{full}/enrolments", new { residentId = await ResidentAsync() }));
        var draft = await PlannedClassAsync(await InstitutionAsync());

        var fullResponse = await station.PostAsJsonAsync($"/api/v1/training/classes/{full}/enrolments", new { residentId = await ResidentAsync() });
        var draftResponse = await station.PostAsJsonAsync($"/api/v1/training/classes/{draft}/enrolments", new { residentId = await ResidentAsync() });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, fullResponse.StatusCode);
        Assert.Contains("training-class-full", await fullResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, draftResponse.StatusCode);
    }

    [Fact]
    public async Task A_second_class_in_the_same_year_is_refused_by_the_yearly_limit()
    {
        var station = await _app.SignedInClientAsync("station1");
        var residentId = await ResidentAsync();
        var first = await ApprovedClassAsync();
        var second = await ApprovedClassAsync(occupation: "电工", level: "Level4");
        await IdOfAsync(await station.PostAsJsonAsync($"/api/v1/training/classes/{first}/enrolments", new { residentId }));

        var response = await station.PostAsJsonAsync($"/api/v1/training/classes/{second}/enrolments", new { residentId });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("training-limit-year", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_station_cannot_enrol_another_station_resident()
    {
        var station2 = await _app.SignedInClientAsync("station2");
        var classId = await ApprovedClassAsync();

        var response = await station2.PostAsJsonAsync($"/api/v1/training/classes/{classId}/enrolments", new { residentId = await ResidentAsync() });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_certificate_number_recorded_already_is_a_409_on_the_number()
    {
        var officer = await _app.SignedInClientAsync("officer1");
        var number = $"CERT{TestData.Next():D8}";
        var (firstClass, firstEnrolment) = await CompletedTraineeAsync();
        var (secondClass, secondEnrolment) = await CompletedTraineeAsync();
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/training/classes/{firstClass}/enrolments/{firstEnrolment}/certificate", Certificate(number)));

        var response = await officer.PostAsJsonAsync($"/api/v1/training/classes/{secondClass}/enrolments/{secondEnrolment}/certificate", Certificate(number));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("training-certificate-duplicate", json.RootElement.GetProperty("code").GetString());
        Assert.Contains("已经登记过", json.RootElement.GetProperty("errors").GetProperty("number")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_institution_user_sees_and_runs_only_its_own_classes()
    {
        var own = await InstitutionAsync();
        var userName = await InstitutionUserAsync(own);
        var institution = await _app.Factory.CreateSignedInClientAsync(userName);
        var others = await ApprovedClassAsync();

        var planned = await institution.PostAsJsonAsync("/api/v1/training/classes/", ClassBody(institutionId: null));
        var ownClass = await IdOfAsync(planned);
        var list = JsonDocument.Parse(await institution.GetStringAsync("/api/v1/training/classes/"));
        var attendance = await institution.PostAsJsonAsync($"/api/v1/training/classes/{others}/attendance", new { date = Date(Today), hours = 8, enrolmentIds = new[] { Guid.NewGuid() } });
        var approve = await institution.PostAsync($"/api/v1/training/classes/{ownClass}/approve", null);

        var ids = list.RootElement.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([ownClass], ids);
        Assert.Equal(HttpStatusCode.NotFound, attendance.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
    }

    [Fact]
    public async Task The_institution_account_runs_its_approved_class_attendance_and_completion()
    {
        var own = await InstitutionAsync();
        var institution = await _app.Factory.CreateSignedInClientAsync(await InstitutionUserAsync(own));
        var officer = await _app.SignedInClientAsync("officer1");
        var station = await _app.SignedInClientAsync("station1");
        var classId = await IdOfAsync(await institution.PostAsJsonAsync("/api/v1/training/classes/", ClassBody(institutionId: null)));
        await OkAsync(await officer.PostAsync($"/api/v1/training/classes/{classId}/approve", null));
        var enrolment = await IdOfAsync(await station.PostAsJsonAsync($"/api/v1/training/classes/{classId}/enrolments", new { residentId = await ResidentAsync() }));

        await OkAsync(await institution.PostAsJsonAsync($"/api/v1/training/classes/{classId}/attendance", new { date = Date(Today), hours = 8, enrolmentIds = new[] { enrolment } }));
        await OkAsync(await institution.PostAsync($"/api/v1/training/classes/{classId}/enrolments/{enrolment}/complete", null));

        using var view = JsonDocument.Parse(await institution.GetStringAsync($"/api/v1/training/classes/{classId}"));
        Assert.Equal("Completed", Assert.Single(view.RootElement.GetProperty("trainees").EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_demo_city_has_two_institutions_and_classes_with_certificates()
    {
        await using var db = _app.Database.CreateContext();

        Assert.True(await db.TrainingInstitutions.CountAsync(i => i.Name.StartsWith("江州市")) >= 2);
        Assert.True(await db.TrainingEnrolments.CountAsync(e => e.Certificate != null && e.Certificate.Number.StartsWith("S")) >= 4);
        Assert.True(await db.TrainingClasses.AnyAsync(c => c.Status == Domain.Training.TrainingClassStatus.Draft));
        var account = await db.Users.SingleAsync(u => u.UserName == "institution1");
        Assert.NotNull(account.TrainingInstitutionId);
    }

    [Fact]
    public async Task A_malformed_credit_code_and_phone_are_400s_in_chinese_by_field()
    {
        var officer = await _app.SignedInClientAsync("officer1");

        var response = await officer.PostAsJsonAsync("/api/v1/training/institutions/", InstitutionBody(await CommunityAsync(), creditCode: "91350100M000100Y44", phone: "123"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = json.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("creditCode", out _));
        Assert.True(errors.TryGetProperty("contactPhone", out _));
    }

    [Fact]
    public async Task The_same_credit_code_cannot_be_designated_twice()
    {
        var officer = await _app.SignedInClientAsync("officer1");
        var code = TestData.CreditCode();
        await IdOfAsync(await officer.PostAsJsonAsync("/api/v1/training/institutions/", InstitutionBody(await CommunityAsync(), creditCode: code)));

        var response = await officer.PostAsJsonAsync("/api/v1/training/institutions/", InstitutionBody(await CommunityAsync(), creditCode: code));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("training-institution-credit-code-taken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<(Guid ClassId, Guid EnrolmentId)> CompletedTraineeAsync()
    {
        var officer = await _app.SignedInClientAsync("officer1");
        var station = await _app.SignedInClientAsync("station1");
        var classId = await ApprovedClassAsync(plannedHours: 8);
        var enrolment = await IdOfAsync(await station.PostAsJsonAsync($"/api/v1/training/classes/{classId}/enrolments", new { residentId = await ResidentAsync() }));
        await OkAsync(await officer.PostAsJsonAsync($"/api/v1/training/classes/{classId}/attendance", new { date = Date(Today), hours = 8, enrolmentIds = new[] { enrolment } }));
        await OkAsync(await officer.PostAsync($"/api/v1/training/classes/{classId}/enrolments/{enrolment}/complete", null));
        return (classId, enrolment);
    }

    private async Task<Guid> ApprovedClassAsync(int plannedHours = 8, int capacity = 30, string occupation = "中式烹调师", string level = "Level5")
    {
        var officer = await _app.SignedInClientAsync("officer1");
        var classId = await PlannedClassAsync(await InstitutionAsync(), plannedHours, capacity, occupation, level);
        await OkAsync(await officer.PostAsync($"/api/v1/training/classes/{classId}/approve", null));
        return classId;
    }

    private async Task<Guid> PlannedClassAsync(Guid institutionId, int plannedHours = 8, int capacity = 30, string occupation = "中式烹调师", string level = "Level5")
    {
        var officer = await _app.SignedInClientAsync("officer1");
        return await IdOfAsync(await officer.PostAsJsonAsync("/api/v1/training/classes/", ClassBody(institutionId, plannedHours, capacity, occupation, level)));
    }

    private static object ClassBody(Guid? institutionId, int plannedHours = 8, int capacity = 30, string occupation = "中式烹调师", string level = "Level5") => new
    {
        institutionId,
        name = TestData.Name("测试班"),
        occupation,
        level,
        kind = "EmploymentSkills",
        plannedHours,
        startDate = Date(Today),
        endDate = Date(Today),
        place = "测试教室",
        capacity,
    };

    private async Task<Guid> InstitutionAsync()
    {
        var officer = await _app.SignedInClientAsync("officer1");
        return await IdOfAsync(await officer.PostAsJsonAsync("/api/v1/training/institutions/", InstitutionBody(await CommunityAsync())));
    }

    private static object InstitutionBody(Guid communityId, string? creditCode = null, string phone = "13800138000") => new
    {
        creditCode = creditCode ?? TestData.CreditCode(),
        name = TestData.Name("测试培训学校"),
        designatedOn = Date(Today.AddYears(-1)),
        designationExpiresOn = Date(Today.AddYears(2)),
        scopes = new[] { new { occupation = "中式烹调师", level = "Level5" }, new { occupation = "电工", level = "Level4" } },
        communityId,
        address = "测试路 1 号",
        contactName = "王老师",
        contactPhone = phone,
    };

    private static object Certificate(string number) => new
    {
        kind = "SkillLevel",
        number,
        level = "Level5",
        issuingBody = "江州市职业技能鉴定中心",
        issuedOn = Date(Today),
    };

    private async Task<string> InstitutionUserAsync(Guid institutionId)
    {
        await using var scope = _app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser
        {
            UserName = TestData.UserName("itest-inst"),
            DisplayName = "培训机构测试用户",
            TrainingInstitutionId = institutionId,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        Assert.True((await users.CreateAsync(user, PortalAppFactory.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, PortalRoles.TrainingInstitution)).Succeeded);
        return user.UserName;
    }

    /// <summary>A new resident of 东湖社区 (station1), registered unemployed today.</summary>
    private async Task<Guid> ResidentAsync()
    {
        var station = await _app.SignedInClientAsync("station1");
        var response = await station.PostAsJsonAsync("/api/v1/residents/", new
        {
            name = "培训测试居民",
            idNumber = TestData.IdNumber(new DateOnly(1990, 1, 1)),
            phone = TestData.Phone(),
            communityId = await CommunityAsync(),
            hukouType = "LocalUrban",
            education = "SeniorSecondary",
        });
        var id = await IdOfAsync(response);
        (await station.PostAsJsonAsync($"/api/v1/residents/{id}/unemployment-registration", new { ableToWork = true, wantsWork = true, currentlyUnemployed = true })).EnsureSuccessStatusCode();
        return id;
    }

    private async Task<Guid> CommunityAsync()
    {
        await using var db = _app.Database.CreateContext();
        return await db.Communities.Where(c => c.Name == "东湖社区").Select(c => c.Id).SingleAsync();
    }

    private static async Task<Guid> IdOfAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task OkAsync(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteTrainingApiTests : TrainingApiTests
{
    public SqliteTrainingApiTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresTrainingApiTests : TrainingApiTests
{
    public PostgresTrainingApiTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
