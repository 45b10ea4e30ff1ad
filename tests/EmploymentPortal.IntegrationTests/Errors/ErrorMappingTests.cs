using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EmploymentPortal.Data.Seeding;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;

namespace EmploymentPortal.IntegrationTests.Errors;

/// <summary>
/// Bad input is a 400 problem with Chinese texts, a stable code and the failing fields in
/// camelCase, the same in Development as in Production (docs/decisions/006-error-mapping.md).
/// station1 holds 东湖社区; officer1 is a bureau officer.
/// </summary>
public abstract class ErrorMappingTests
{
    private readonly PortalApp _app;

    protected ErrorMappingTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_not_a_500()
    {
        var (client, residentId) = await StationAndResidentAsync();

        var response = await client.PostAsync($"/api/v1/residents/{residentId}/contacts", Json("{\"outcome\": \"已联系\", "));

        var problem = await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "invalid-json");
        Assert.Contains("JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_json_type_names_the_field()
    {
        var (client, residentId) = await StationAndResidentAsync();

        var response = await client.PostAsync($"/api/v1/residents/{residentId}/contacts", Json("{\"contactedOn\": 5, \"channel\": \"Phone\", \"outcome\": \"已联系\"}"));

        var errors = await ErrorAssert.FieldErrorsAsync(response);
        Assert.Equal(["contactedOn"], errors.Keys);
    }

    [Fact]
    public async Task Unknown_enum_value_in_the_body_names_the_field()
    {
        var (client, residentId) = await StationAndResidentAsync();

        var response = await client.PostAsync($"/api/v1/residents/{residentId}/contacts", Json("{\"contactedOn\": \"2024-03-01\", \"channel\": \"CarrierPigeon\", \"outcome\": \"已联系\"}"));

        var errors = await ErrorAssert.FieldErrorsAsync(response);
        Assert.Equal(["channel"], errors.Keys);
    }

    [Fact]
    public async Task Numeric_enum_value_in_the_body_is_refused()
    {
        var (client, residentId) = await StationAndResidentAsync();

        var response = await client.PostAsync($"/api/v1/residents/{residentId}/contacts", Json("{\"contactedOn\": \"2024-03-01\", \"channel\": \"Phone\", \"outcome\": \"已联系\", \"services\": [99]}"));

        var errors = await ErrorAssert.FieldErrorsAsync(response);
        Assert.Equal(["services[0]"], errors.Keys);
    }

    [Fact]
    public async Task Null_for_a_list_names_the_field()
    {
        var (client, residentId) = await StationAndResidentAsync();

        var response = await client.PostAsync($"/api/v1/residents/{residentId}/contacts", Json("{\"contactedOn\": \"2024-03-01\", \"channel\": \"Phone\", \"outcome\": \"已联系\", \"services\": null}"));

        var errors = await ErrorAssert.FieldErrorsAsync(response);
        Assert.Equal(["services"], errors.Keys);
    }

    [Theory]
    [InlineData("keyGroup=Nonsense", "keyGroup")]
    [InlineData("keyGroup=99", "keyGroup")]
    [InlineData("status=-1", "status")]
    [InlineData("community=not-a-guid", "community")]
    [InlineData("pageSize=many", "pageSize")]
    [InlineData("overdue=perhaps", "overdue")]
    public async Task Bad_query_value_names_the_parameter(string query, string field)
    {
        var client = await ClientAsync("station1");

        var response = await client.GetAsync($"/api/v1/residents?{query}");

        var errors = await ErrorAssert.FieldErrorsAsync(response);
        Assert.Equal([field], errors.Keys);
    }

    [Theory]
    [InlineData("/api/v1/post-programmes/summary?year=-1")]
    [InlineData("/api/v1/job-fairs/summary?year=99999")]
    public async Task Implausible_year_in_the_query_names_the_parameter(string url)
    {
        var client = await ClientAsync("officer1");

        var response = await client.GetAsync(url);

        var errors = await ErrorAssert.FieldErrorsAsync(response);
        Assert.Equal(["year"], errors.Keys);
    }

    [Fact]
    public async Task Bad_guid_in_the_route_is_not_a_500()
    {
        var client = await ClientAsync("station1");

        var response = await client.GetAsync("/api/v1/residents/not-a-guid");

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("1899-12-31")]
    public async Task Implausible_date_in_the_body_names_the_field(string date)
    {
        var (client, residentId) = await StationAndResidentAsync();

        var response = await client.PostAsync($"/api/v1/residents/{residentId}/contacts", Json($"{{\"contactedOn\": \"{date}\", \"channel\": \"Phone\", \"outcome\": \"已联系\"}}"));

        var errors = await ErrorAssert.FieldErrorsAsync(response);
        Assert.Contains("1900-01-01", Assert.Single(errors["contactedOn"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=0001-01-01", "from")]
    [InlineData("until=2200-01-01", "until")]
    public async Task Implausible_date_in_the_query_names_the_parameter(string query, string field)
    {
        var client = await ClientAsync("officer1");

        var response = await client.GetAsync($"/api/v1/claim-reports/export?{query}");

        var errors = await ErrorAssert.FieldErrorsAsync(response);
        Assert.Equal([field], errors.Keys);
    }

    [Theory]
    [InlineData("\u0000")]
    [InlineData("\u0007")]
    [InlineData("\u001b")]
    [InlineData("\u007f")]
    [InlineData("\u202e")]
    [InlineData("\u2066")]
    public async Task Control_character_in_free_text_names_the_field(string control)
    {
        var (client, residentId) = await StationAndResidentAsync();

        var response = await client.PostAsJsonAsync($"/api/v1/residents/{residentId}/contacts", new { contactedOn = "2024-03-01", channel = "Phone", outcome = $"已联系{control}本人" });

        var errors = await ErrorAssert.FieldErrorsAsync(response);
        Assert.Contains("控制字符", Assert.Single(errors["outcome"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Line_breaks_in_free_text_are_kept()
    {
        var (client, residentId) = await StationAndResidentAsync();

        var response = await client.PostAsJsonAsync($"/api/v1/residents/{residentId}/contacts", new { contactedOn = "2024-03-01", channel = "Phone", outcome = "已联系本人。\r\n\t下月再访。" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("张\u0000三")]
    [InlineData("张\n三")]
    [InlineData("张\u202e三")]
    public async Task Control_character_in_a_name_names_the_field(string name)
    {
        var client = await ClientAsync("station1");
        var communityId = await CommunityOfAsync(client);
        var idNumber = DemoIdentifiers.IdNumber(new Random(name.Length * 31 + name[1]), "360102", new DateOnly(1990, 3, 7), Sex.Male);

        var response = await client.PostAsJsonAsync("/api/v1/residents", new { name, idNumber, phone = "13800138000", communityId });

        var errors = await ErrorAssert.FieldErrorsAsync(response);
        Assert.Contains("name", errors.Keys);
    }

    [Fact]
    public async Task Field_errors_of_every_api_are_camelCase()
    {
        var client = await ClientAsync("enterprise1");

        var response = await client.PostAsJsonAsync("/api/v1/claims", new { });

        var errors = await ErrorAssert.FieldErrorsAsync(response);
        Assert.NotEmpty(errors);
        Assert.All(errors.Keys, key => Assert.True(key.Length == 0 || char.IsLower(key[0]), $"field \"{key}\" is not camelCase"));
    }

    [Fact]
    public async Task Wrong_content_type_is_a_415_problem()
    {
        var (client, residentId) = await StationAndResidentAsync();

        var response = await client.PostAsync($"/api/v1/residents/{residentId}/contacts", new StringContent("outcome=x", Encoding.UTF8, "text/plain"));

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Fact]
    public async Task Missing_body_is_a_400_problem()
    {
        var (client, residentId) = await StationAndResidentAsync();

        var response = await client.PostAsync($"/api/v1/residents/{residentId}/contacts", Json(string.Empty));

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "invalid-json");
    }

    [Fact]
    public async Task Zip_bomb_disguised_as_a_ledger_is_refused_before_it_is_expanded()
    {
        var client = await ClientAsync("station1");
        await using var bomb = ZipBombs.LedgerWithHugeSheet(600L * 1024 * 1024);

        var response = await client.PostWithAntiforgeryAsync("/api/v1/residents/import", ZipBombs.Form(bomb));

        var problem = await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "ledger-file-rejected");
        Assert.Contains("解压", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ledger_with_too_many_parts_is_refused()
    {
        var client = await ClientAsync("station1");
        await using var bomb = ZipBombs.LedgerWithManyParts(5_000);

        var response = await client.PostWithAntiforgeryAsync("/api/v1/residents/import", ZipBombs.Form(bomb));

        var problem = await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "ledger-file-rejected");
        Assert.Contains("文件数", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private async Task<HttpClient> ClientAsync(string userName) => ErrorAssert.WithOwnOrigin(await _app.SignedInClientAsync(userName));

    private async Task<(HttpClient Client, Guid ResidentId)> StationAndResidentAsync()
    {
        var client = await ClientAsync("station1");
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/residents?pageSize=1");
        return (client, page.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    private static async Task<Guid> CommunityOfAsync(HttpClient client)
    {
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        return me.GetProperty("communityIds")[0].GetGuid();
    }
}

[Collection(DevelopmentSqliteAppCollection.Name)]
public sealed class DevelopmentErrorMappingTests : ErrorMappingTests
{
    public DevelopmentErrorMappingTests(DevelopmentSqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(ProductionPostgresAppCollection.Name)]
public sealed class ProductionErrorMappingTests : ErrorMappingTests
{
    public ProductionErrorMappingTests(ProductionPostgresPortalApp app)
        : base(app)
    {
    }
}
