using EmploymentPortal.Web.Infrastructure.Xlsx;
using EmploymentPortal.Data.Security;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using EmploymentPortal.Data.Auditing;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Web.Features.Residents.Ledger;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.IntegrationTests.Residents;

/// <summary>
/// The ledger API on the demo city: station1 holds 东湖社区, station2 西山社区. Import and export
/// keep to the caller's communities; the error report belongs to the uploader.
/// </summary>
public abstract class LedgerApiTests
{
    private readonly PortalApp _app;

    protected LedgerApiTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task Template_has_the_ledger_headers_an_example_row_and_the_callers_communities()
    {
        var client = await _app.SignedInClientAsync("station2");

        var response = await client.GetAsync("/api/v1/residents/import-template");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        await using var body = await ToSeekableAsync(response);
        using var reader = XlsxSheetReader.Open(body);
        var rows = reader.ReadRows().ToList();
        Assert.Contains("身份证号*", rows[0].Cells);
        Assert.Contains("社区名称", rows[0].Cells);
        Assert.StartsWith(LedgerFiles.ExampleMarker, rows[1].Cells[0], StringComparison.Ordinal);
        Assert.Contains("西山社区", rows[1].Cells);
    }

    [Fact]
    public async Task Station_worker_cannot_import_into_another_stations_community()
    {
        var client = await _app.SignedInClientAsync("station2");
        var donghu = await CommunityCodeAsync("东湖社区");
        var random = new Random(41);
        var rows = Enumerable.Range(0, 3).Select(_ => LedgerTestFiles.GoodRow(random, [], donghu)).ToList();

        var summary = await UploadAsync(client, LedgerTestFiles.Write(rows));

        Assert.Equal("Completed", summary.GetProperty("status").GetString());
        Assert.Equal(0, summary.GetProperty("imported").GetInt32());
        Assert.Equal(3, summary.GetProperty("rejected").GetInt32());
        await using var db = _app.Database.CreateContext();
        var ids = rows.Select(r => r[1]!).ToList();
        Assert.Equal(0, await db.Residents.WithIdNumbers(db, ids).CountAsync());
    }

    [Fact]
    public async Task Sample_imports_its_good_rows_and_the_error_report_lists_the_bad_ones_for_the_uploader_only()
    {
        var client = await _app.SignedInClientAsync("station1");
        var sample = await client.GetAsync("/api/v1/residents/import-sample");
        Assert.Equal(HttpStatusCode.OK, sample.StatusCode);
        await using var file = await ToSeekableAsync(sample);

        var summary = await UploadAsync(client, file);

        Assert.Equal(17, summary.GetProperty("processed").GetInt32());
        Assert.Equal(10, summary.GetProperty("imported").GetInt32() + summary.GetProperty("skipped").GetInt32());
        Assert.Equal(7, summary.GetProperty("rejected").GetInt32());
        var reportUrl = summary.GetProperty("errorReport").GetString()!;
        var report = await client.GetAsync(reportUrl);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var rows = LedgerTestFiles.ReadReport(await ToSeekableAsync(report));
        Assert.Contains("校验码", rows[8].Reason, StringComparison.Ordinal);
        Assert.Contains("与第4行重复", rows[18].Reason, StringComparison.Ordinal);
        var other = await _app.SignedInClientAsync("station2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(reportUrl)).StatusCode);
    }

    [Fact]
    public async Task Export_holds_only_the_callers_communities_with_masked_numbers()
    {
        var client = await _app.SignedInClientAsync("station2");

        var response = await client.GetAsync("/api/v1/residents/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = XlsxSheetReader.Open(await ToSeekableAsync(response));
        var rows = reader.ReadRows().ToList();
        var header = rows[0].Cells.ToList();
        var community = header.IndexOf("社区名称");
        var id = header.IndexOf("身份证号*");
        var phone = header.IndexOf("手机号*");
        Assert.True(rows.Count > 1);
        Assert.All(rows.Skip(1), r =>
        {
            Assert.Equal("西山社区", r.Cells[community]);
            Assert.Matches(@"^\d{4}\*{10}[\dX]{4}$", r.Cells[id]);
            Assert.Matches(@"^1\d{2}\*{4}\d{4}$", r.Cells[phone]);
        });
        await using var db = _app.Database.CreateContext();
        var xishan = await db.Communities.Where(c => c.Name == "西山社区").Select(c => c.Id).SingleAsync();
        Assert.Equal(await db.Residents.CountAsync(r => r.CommunityId == xishan), rows.Count - 1);
    }

    [Fact]
    public async Task Export_takes_the_lists_filters_and_holds_exactly_the_listed_residents()
    {
        var client = await _app.SignedInClientAsync("station1");
        await using var db = _app.Database.CreateContext();
        var donghu = await db.Communities.Where(c => c.Name == "东湖社区").Select(c => c.Id).SingleAsync();
        var filter = $"community={donghu}&status=RegisteredUnemployed&ageBand=From35To44";

        var listed = new List<string>();
        using (var list = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync($"/api/v1/residents/?{filter}&pageSize=200")))
        {
            listed.AddRange(list.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!));
        }

        var response = await client.GetAsync($"/api/v1/residents/export?{filter}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = XlsxSheetReader.Open(await ToSeekableAsync(response));
        var rows = reader.ReadRows().ToList();
        var name = rows[0].Cells.ToList().IndexOf("姓名*");
        var exported = rows.Skip(1).Select(r => r.Cells[name]).ToList();
        var all = await db.Residents.CountAsync(r => r.CommunityId == donghu);
        Assert.NotEmpty(exported);
        Assert.True(exported.Count < all, "the filter narrows the export");
        Assert.Equal(listed.Order(StringComparer.Ordinal), exported.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Export_of_another_stations_community_is_not_found()
    {
        var client = await _app.SignedInClientAsync("station2");
        await using var db = _app.Database.CreateContext();
        var donghu = await db.Communities.Where(c => c.Name == "东湖社区").Select(c => c.Id).SingleAsync();

        var response = await client.GetAsync($"/api/v1/residents/export?community={donghu}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Full_export_shows_the_numbers_and_is_audited()
    {
        var client = await _app.SignedInClientAsync("station2");
        await using var db = _app.Database.CreateContext();
        var before = await db.AuditEntries.CountAsync(e => e.Action == AuditAction.Read && e.EntityId == "export" && e.ActorName == "station2");

        var response = await client.GetAsync("/api/v1/residents/export?full=true");

        using var reader = XlsxSheetReader.Open(await ToSeekableAsync(response));
        var rows = reader.ReadRows().ToList();
        var id = rows[0].Cells.ToList().IndexOf("身份证号*");
        Assert.Matches(@"^\d{17}[\dX]$", rows[1].Cells[id]);
        Assert.Equal(before + 1, await db.AuditEntries.CountAsync(e => e.Action == AuditAction.Read && e.EntityId == "export" && e.ActorName == "station2"));
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_is_refused_with_a_problem()
    {
        var client = await _app.SignedInClientAsync("station2");

        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent("not a workbook"u8.ToArray()), "file", "ledger.xlsx");
        var response = await client.PostWithAntiforgeryAsync("/api/v1/residents/import", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ledger-file-rejected", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_posted_without_an_antiforgery_token_is_refused_and_imports_nothing()
    {
        var client = await _app.SignedInClientAsync("station1");
        var donghu = await CommunityCodeAsync("东湖社区");
        var random = new Random(4305);
        var rows = Enumerable.Range(0, 2).Select(_ => LedgerTestFiles.GoodRow(random, [], donghu)).ToList();

        using var content = new MultipartFormDataContent();
        content.Add(new StreamContent(LedgerTestFiles.Write(rows)), "file", "台账.xlsx");
        var response = await client.PostAsync("/api/v1/residents/import", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("antiforgery-token-invalid", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = _app.Database.CreateContext();
        var ids = rows.Select(r => r[1]).ToList();
        Assert.Equal(0, await db.Residents.CountAsync(r => ids.Contains(r.IdNumber)));
    }

    private async Task<string> CommunityCodeAsync(string name)
    {
        await using var db = _app.Database.CreateContext();
        return await db.Communities.Where(c => c.Name == name).Select(c => c.Code).SingleAsync();
    }

    private static async Task<JsonElement> UploadAsync(HttpClient client, Stream file)
    {
        using var content = new MultipartFormDataContent();
        var part = new StreamContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(XlsxExport.ContentType);
        content.Add(part, "file", "台账.xlsx");
        var response = await client.PostWithAntiforgeryAsync("/api/v1/residents/import", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<MemoryStream> ToSeekableAsync(HttpResponseMessage response)
    {
        var stream = new MemoryStream();
        await response.Content.CopyToAsync(stream);
        stream.Position = 0;
        return stream;
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteLedgerApiTests : LedgerApiTests
{
    public SqliteLedgerApiTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresLedgerApiTests : LedgerApiTests
{
    public PostgresLedgerApiTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
