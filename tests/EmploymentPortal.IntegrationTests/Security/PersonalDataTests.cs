using EmploymentPortal.Web.Infrastructure.Xlsx;
using EmploymentPortal.Testing;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EmploymentPortal.Data;
using EmploymentPortal.Data.Security;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.IntegrationTests.Residents;
using EmploymentPortal.Web.Features.Residents.Ledger;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.IntegrationTests.Security;

/// <summary>
/// Personal data at rest (docs/personal-data.md) on both providers: ID and phone numbers are
/// stored only as ciphertext and keyed hashes, the audit log holds them masked, the stations'
/// search finds a resident by the whole number or its last four, and an implausible ID number
/// (born in the future or more than 120 years ago) is refused at every entry.
/// </summary>
public abstract class PersonalDataTests
{
    private readonly PortalApp _app;

    protected PersonalDataTests(PortalApp app)
    {
        _app = app;
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Fact]
    public async Task Registered_id_and_phone_numbers_are_stored_only_as_ciphertext_and_keyed_hashes()
    {
        var (id, idNumber, phone) = await RegisterAsync();

        var values = await RawValuesAsync("Residents");

        Assert.DoesNotContain(values, v => v.Contains(idNumber, StringComparison.Ordinal) || v.Contains(phone, StringComparison.Ordinal));
        await using var db = _app.Database.CreateContext();
        var stored = await db.Residents.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { r.IdNumber, r.Phone, Hash = EF.Property<string>(r, PersonalDataMapping.ResidentIdNumberHash) }).SingleAsync();
        Assert.Equal(idNumber, stored.IdNumber);
        Assert.Equal(phone, stored.Phone);
        Assert.Equal(db.PersonalData.Hash(PersonalDataKind.IdNumber, idNumber), stored.Hash);
        Assert.Contains(values, v => v.StartsWith(TestKeys.PersonalDataEncryptionId + ":", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_audit_log_holds_the_masked_id_and_phone_numbers_never_the_plain_ones()
    {
        var (id, idNumber, phone) = await RegisterAsync();

        await using var db = _app.Database.CreateContext();
        var changes = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "Resident" && e.EntityId == id.ToString())
            .Select(e => e.Changes).ToListAsync();
        var all = string.Join("\n", changes);

        Assert.NotEmpty(changes);
        Assert.Contains(IdCardNumber.Parse(idNumber).Masked, all, StringComparison.Ordinal);
        Assert.Contains(PhoneNumber.Parse(phone).Masked, all, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber, all, StringComparison.Ordinal);
        Assert.DoesNotContain(phone, all, StringComparison.Ordinal);
        Assert.DoesNotContain("IdNumberHash", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Station_staff_find_a_resident_by_the_whole_id_or_phone_number_or_its_last_four()
    {
        var (id, idNumber, phone) = await RegisterAsync();
        var station = await _app.SignedInClientAsync("station1");

        foreach (var search in new[] { idNumber, idNumber[^4..], phone, phone[^4..], $" {idNumber.ToLowerInvariant()} " })
        {
            var ids = await SearchAsync(station, search);

            Assert.Contains(id, ids);
        }
    }

    [Fact]
    public async Task The_search_keeps_to_the_callers_scope_and_refuses_fragments_with_a_chinese_message()
    {
        var (id, idNumber, _) = await RegisterAsync();
        var otherStation = await _app.SignedInClientAsync("station2");

        var found = await SearchAsync(otherStation, idNumber);
        var fragment = await otherStation.GetAsync($"/api/v1/residents/?search={idNumber[6..14]}");

        Assert.DoesNotContain(id, found);
        Assert.Equal(HttpStatusCode.BadRequest, fragment.StatusCode);
        Assert.Contains("完整的身份证号码或手机号码", await fragment.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_refuses_a_birth_date_more_than_120_years_ago_and_accepts_exactly_120()
    {
        var station = await _app.SignedInClientAsync("station1");
        var community = await CommunityAsync("东湖社区");
        var tooOld = TestData.IdNumber(Today.AddYears(-120).AddDays(-1));
        var oldest = TestData.IdNumber(Today.AddYears(-120));

        var refused = await station.PostAsJsonAsync("/api/v1/residents/", Registration(tooOld, TestData.Phone(), community));
        var accepted = await station.PostAsJsonAsync("/api/v1/residents/", Registration(oldest, TestData.Phone(), community));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("早于120年前", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task Registration_refuses_a_birth_date_after_today()
    {
        var station = await _app.SignedInClientAsync("station1");

        var refused = await station.PostAsJsonAsync("/api/v1/residents/", Registration(TestData.IdNumber(Today.AddDays(1)), TestData.Phone(), await CommunityAsync("东湖社区")));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("晚于今天", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hire_refuses_an_id_number_born_more_than_120_years_ago()
    {
        var enterprise = await _app.SignedInClientAsync("enterprise1");
        var today = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var response = await enterprise.PostAsJsonAsync("/api/v1/hires", new
        {
            idNumber = TestData.IdNumber(Today.AddYears(-120).AddDays(-1)),
            name = "测试居民",
            position = "仓库管理员",
            startDate = today,
            contractType = "OpenEnded",
            contractStart = today,
            socialInsurancePaid = false,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("早于120年前", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_claim_refuses_an_id_number_born_more_than_120_years_ago()
    {
        var enterprise = await _app.SignedInClientAsync("enterprise1");

        var response = await enterprise.PostAsJsonAsync("/api/v1/claims", new
        {
            benefit = "absorption",
            residentIdNumber = TestData.IdNumber(Today.AddYears(-120).AddDays(-1)),
            facts = new { hire = new { date = "2020-07-15", contractMonths = 12, socialInsurancePaid = true } },
            payeeAccount = "6222020200998877",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("早于120年前", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ledger_import_rejects_the_row_of_an_id_number_born_more_than_120_years_ago()
    {
        var station = await _app.SignedInClientAsync("station1");
        string code;
        await using (var db = _app.Database.CreateContext())
        {
            code = await db.Communities.Where(c => c.Name == "东湖社区").Select(c => c.Code).SingleAsync();
        }

        var row = LedgerTestFiles.GoodRow(new Random(171), [], code);
        row[1] = TestData.IdNumber(Today.AddYears(-120).AddDays(-1));
        using var content = new MultipartFormDataContent();
        var part = new StreamContent(LedgerTestFiles.Write([row]));
        part.Headers.ContentType = new MediaTypeHeaderValue(XlsxExport.ContentType);
        content.Add(part, "file", "台账.xlsx");

        var response = await station.PostWithAntiforgeryAsync("/api/v1/residents/import", content);

        var summary = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, summary.GetProperty("rejected").GetInt32());
        Assert.Equal(0, summary.GetProperty("imported").GetInt32());
        var report = await station.GetAsync(summary.GetProperty("errorReport").GetString());
        await using var reportBody = new MemoryStream(await report.Content.ReadAsByteArrayAsync());
        Assert.Contains("早于120年前", LedgerTestFiles.ReadReport(reportBody)[2].Reason, StringComparison.Ordinal);
    }

    /// <summary>A resident of 东湖社区 (station1) with a unique ID number and mobile number.</summary>
    private async Task<(Guid Id, string IdNumber, string Phone)> RegisterAsync()
    {
        var station = await _app.SignedInClientAsync("station1");
        var idNumber = TestData.IdNumber(new DateOnly(1980, 1, 1));
        var phone = TestData.Phone();
        var response = await station.PostAsJsonAsync("/api/v1/residents/", Registration(idNumber, phone, await CommunityAsync("东湖社区")));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return (id, idNumber, phone);
    }

    private static async Task<List<Guid>> SearchAsync(HttpClient client, string search)
    {
        var response = await client.GetAsync($"/api/v1/residents/?search={Uri.EscapeDataString(search)}&pageSize=200");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
    }

    /// <summary>Every text value of every row of a table, read below EF Core.</summary>
    private async Task<List<string>> RawValuesAsync(string table)
    {
        await using var db = _app.Database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (!await reader.IsDBNullAsync(i) && reader.GetValue(i) is string text)
                {
                    values.Add(text);
                }
            }
        }

        return values;
    }

    private async Task<Guid> CommunityAsync(string name)
    {
        await using var db = _app.Database.CreateContext();
        return await db.Communities.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }

    private static object Registration(string idNumber, string phone, Guid communityId) => new
    {
        name = "测试居民",
        idNumber,
        phone,
        communityId,
        hukouType = "LocalUrban",
        education = "Bachelor",
    };
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqlitePersonalDataTests : PersonalDataTests
{
    public SqlitePersonalDataTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresPersonalDataTests : PersonalDataTests
{
    public PostgresPersonalDataTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
