using System.Net;
using System.Net.Http.Headers;
using EmploymentPortal.Data;
using EmploymentPortal.IntegrationTests.Infrastructure;

namespace EmploymentPortal.IntegrationTests.Errors;

/// <summary>
/// The upload limit the docs state (50 MB) is the one the server applies, on a real Kestrel
/// (the in-memory test server has no request body limit): a larger body is a 413 problem that
/// states the limit, never a 500.
/// </summary>
public sealed class UploadLimitTests : IAsyncLifetime
{
    private const long FiftyMegabytes = 50L * 1024 * 1024;

    private TestDatabase? _database;
    private PortalAppFactory? _factory;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        // Testing, not Production: over Kestrel's plain HTTP a browser would not send Production's
        // Secure sign-in cookie back, and the limits are the same in every environment.
        _factory = new PortalAppFactory(_database);
        _factory.StartKestrel();
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Ledger_file_over_30_million_bytes_but_within_50_MB_reaches_the_import()
    {
        using var client = ErrorAssert.WithOwnOrigin(await _factory!.CreateSignedInClientAsync("station1"));

        var response = await client.SendAsync(await UploadAsync(client, "/api/v1/residents/import", "ledger.xlsx", 40L * 1024 * 1024));

        // Zeros are no workbook: the import reads the file and refuses it.
        await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "ledger-file-rejected");
    }

    [Fact]
    public async Task Ledger_file_over_50_MB_is_a_413_that_states_the_limit()
    {
        using var client = ErrorAssert.WithOwnOrigin(await _factory!.CreateSignedInClientAsync("station1"));

        var response = await client.SendAsync(await UploadAsync(client, "/api/v1/residents/import", "ledger.xlsx", FiftyMegabytes + (64 * 1024)));

        var problem = await ErrorAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "request-too-large");
        Assert.Contains("50 MB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_body_over_the_limit_is_a_413_problem()
    {
        using var client = ErrorAssert.WithOwnOrigin(await _factory!.CreateSignedInClientAsync("station1"));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/residents")
        {
            Content = new ByteArrayContent(new byte[FiftyMegabytes + 1]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.ExpectContinue = true;

        var response = await client.SendAsync(request);

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "request-too-large");
    }

    /// <summary>
    /// A multipart upload of <paramref name="size"/> zero bytes with the antiforgery token in its
    /// header (an API client's way); the client waits for 100-continue, so a refused body is not sent.
    /// </summary>
    private static async Task<HttpRequestMessage> UploadAsync(HttpClient client, string path, string fileName, long size)
    {
        var file = new ByteArrayContent(new byte[size]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
        request.Headers.ExpectContinue = true;
        await client.AddAntiforgeryTokenAsync(request);
        return request;
    }
}
