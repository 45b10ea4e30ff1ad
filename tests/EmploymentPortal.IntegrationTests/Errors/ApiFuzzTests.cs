using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmploymentPortal.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace EmploymentPortal.IntegrationTests.Errors;

/// <summary>
/// At least 1,000 malformed requests, generated from the OpenAPI document over every operation,
/// get no 5xx and every error is a problem document, in Development as in Production. Each
/// operation is called as the demo accounts that may call it (found with a well-formed request
/// first), so that the requests reach binding and the handlers instead of stopping at 401/403.
/// </summary>
public abstract class ApiFuzzTests
{
    private const int Seed = 20_260_613;

    /// <summary>Signing out would end the session the other requests use.</summary>
    private static readonly HashSet<string> Skipped = ["POST /api/v1/auth/logout"];

    private static readonly string[] Accounts = ["station1", "officer1", "enterprise1", "admin"];

    /// <summary>Malformed requests per operation, drawn across the kinds: about 1,000 in all, under a minute on two cores.</summary>
    private const int PerOperation = 12;

    private readonly PortalApp _app;
    private readonly ITestOutputHelper _output;

    protected ApiFuzzTests(PortalApp app, ITestOutputHelper output)
    {
        _app = app;
        _output = output;
    }

    [Fact]
    public async Task A_thousand_malformed_requests_over_every_operation_get_no_5xx_and_problem_details()
    {
        var clock = Stopwatch.StartNew();
        using var anonymous = _app.Factory.CreateAnonymousClient();
        var document = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var fuzzer = new OpenApiFuzzer(document, Seed);
        var operations = fuzzer.Operations().Where(o => !Skipped.Contains(o.ToString())).ToList();
        var clients = new Dictionary<string, HttpClient>();
        foreach (var account in Accounts)
        {
            clients[account] = ErrorAssert.WithOwnOrigin(await _app.SignedInClientAsync(account));
        }

        var failures = new List<string>();
        var sent = 0;
        var malformed = 0;
        foreach (var operation in operations)
        {
            var callers = new List<HttpClient>();
            foreach (var (account, client) in clients)
            {
                var probe = fuzzer.Baseline(operation);
                var response = await SendAsync(client, probe, failures);
                sent++;
                if (response is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
                {
                    callers.Add(client);
                }
            }

            if (callers.Count == 0)
            {
                callers.Add(clients["officer1"]);
            }

            var i = 0;
            foreach (var request in fuzzer.Malformed(operation, PerOperation))
            {
                await SendAsync(callers[i++ % callers.Count], request, failures);
                sent++;
                malformed++;
            }
        }

        _output.WriteLine($"{malformed} malformed of {sent} requests over {operations.Count} operations in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(operations.Count >= 80, $"only {operations.Count} operations in the OpenAPI document");
        Assert.True(malformed >= 1_000, $"only {malformed} malformed requests");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests failed the rule:\n{string.Join('\n', failures.Take(40))}");
    }

    /// <summary>Sends the request; records it when the answer is a 5xx, or an error that is not a problem document.</summary>
    private static async Task<HttpStatusCode> SendAsync(HttpClient client, FuzzRequest request, List<string> failures)
    {
        using var message = request.Build();
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The in-memory server rethrows what the portal let escape.
            failures.Add($"{e.GetType().Name}: {e.Message} ← {request}");
            return HttpStatusCode.InternalServerError;
        }

        using var _ = response;
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            failures.Add($"{status} ← {request} → {Shorten(await response.Content.ReadAsStringAsync())}");
        }
        else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            failures.Add($"{status} without problem details ← {request} → {Shorten(await response.Content.ReadAsStringAsync())}");
        }

        return response.StatusCode;
    }

    private static string Shorten(string text) => text.Length > 400 ? text[..400] + "…" : text;
}

[Collection(DevelopmentSqliteAppCollection.Name)]
public sealed class DevelopmentApiFuzzTests : ApiFuzzTests
{
    public DevelopmentApiFuzzTests(DevelopmentSqlitePortalApp app, ITestOutputHelper output)
        : base(app, output)
    {
    }
}

[Collection(ProductionPostgresAppCollection.Name)]
public sealed class ProductionApiFuzzTests : ApiFuzzTests
{
    public ProductionApiFuzzTests(ProductionPostgresPortalApp app, ITestOutputHelper output)
        : base(app, output)
    {
    }
}
