using System.Text.Json;
using EmploymentPortal.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace EmploymentPortal.IntegrationTests.Api;

/// <summary>
/// The served OpenAPI document passes Redocly's recommended lint with no error, and says what a
/// client needs: the sign-in cookie as a security scheme on exactly the operations that require
/// it, unique operationIds, schemas named after their own types, problem responses.
/// Before issue 14, Redocly CLI 2.77.0 found 97 errors in it (96 operations without security,
/// a server URL with a trailing slash) and warned of 96 operations without operationId and 96
/// without a 4xx response.
/// </summary>
public abstract class OpenApiContractTests
{
    private readonly PortalApp _app;
    private readonly ITestOutputHelper _output;

    protected OpenApiContractTests(PortalApp app, ITestOutputHelper output)
    {
        _app = app;
        _output = output;
    }

    [Fact]
    public async Task Redocly_recommended_lint_finds_no_error_in_the_served_document()
    {
        var folder = Directory.CreateTempSubdirectory("portal-openapi-lint-");
        try
        {
            var file = Path.Combine(folder.FullName, "v1.json");
            await File.WriteAllTextAsync(file, await DocumentTextAsync());

            var lint = await ExternalTool.RunAsync(
                ExternalTool.NpmCommand("redocly"),
                ["lint", file, "--extends=recommended", "--format=json", "--max-problems=10000"],
                folder.FullName,
                TimeSpan.FromMinutes(2),
                new Dictionary<string, string> { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" });

            var json = lint.Output[lint.Output.IndexOf('{', StringComparison.Ordinal)..];
            using var report = JsonDocument.Parse(json);
            var problems = report.RootElement.GetProperty("problems").EnumerateArray()
                .Select(p => (Severity: p.GetProperty("severity").GetString(), Rule: p.GetProperty("ruleId").GetString(), Message: p.GetProperty("message").GetString(), Where: p.GetProperty("location")[0].GetProperty("pointer").GetString()))
                .ToList();
            foreach (var group in problems.GroupBy(p => (p.Severity, p.Rule)))
            {
                _output.WriteLine($"{group.Key.Severity} {group.Key.Rule}: {group.Count()}");
            }

            var errors = problems.Where(p => p.Severity == "error").ToList();
            Assert.True(errors.Count == 0, $"{errors.Count} errors:\n{string.Join('\n', errors.Take(30).Select(e => $"{e.Rule} {e.Where}: {e.Message}"))}");
            Assert.True(lint.ExitCode == 0, lint.ToString());

            // The warnings the issue named are gone too: every operation has an id and a 4xx.
            Assert.DoesNotContain(problems, p => p.Rule is "operation-operationId" or "operation-4xx-response" or "operation-operationId-unique");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_cookie_is_required_by_every_operation_but_the_anonymous_ones_and_each_has_its_own_id_and_problem_responses()
    {
        using var document = JsonDocument.Parse(await DocumentTextAsync());
        var root = document.RootElement;
        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("cookieAuth");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("cookie", scheme.GetProperty("in").GetString());
        Assert.Equal(ExpectedCookieName, scheme.GetProperty("name").GetString());
        Assert.All(root.GetProperty("servers").EnumerateArray(), s => Assert.False(s.GetProperty("url").GetString()!.EndsWith('/')));

        string[] anonymous = ["POST /api/v1/auth/login", "POST /api/v1/enterprises", "GET /api/v1/vacancies", "GET /api/v1/vacancies/{id}", "GET /api/v1/geography/boundaries"];
        var ids = new List<string>();
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                ids.Add(operation.Value.GetProperty("operationId").GetString()!);
                var requirement = Assert.Single(operation.Value.GetProperty("security").EnumerateArray());
                var schemes = requirement.EnumerateObject().Select(p => p.Name).ToList();
                Assert.True(anonymous.Contains(name) ? schemes.Count == 0 : schemes.SequenceEqual(["cookieAuth"]), $"{name}: security {requirement}");

                var responses = operation.Value.GetProperty("responses").EnumerateObject().ToList();
                Assert.Contains(responses, r => r.Name == "503");
                Assert.True(anonymous.Contains(name) || responses.Any(r => r.Name == "401"), $"{name} documents no 401");
                foreach (var error in responses.Where(r => r.Name[0] is '4' or '5'))
                {
                    var content = Assert.Single(error.Value.GetProperty("content").EnumerateObject());
                    Assert.Equal("application/problem+json", content.Name);
                    Assert.Equal("#/components/schemas/ProblemDetails", content.Value.GetProperty("schema").GetProperty("$ref").GetString());
                }

                if (operation.Value.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("multipart/form-data", out _))
                {
                    Assert.Contains(responses, r => r.Name == "413");
                }
            }
        }

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        var problem = root.GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetails").GetProperty("properties");
        Assert.True(problem.TryGetProperty("code", out _) && problem.TryGetProperty("errors", out _), problem.ToString());

        // Nested types are named with their declaring type: no two write endpoints share "Command".
        var schemaNames = root.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name).ToList();
        Assert.DoesNotContain("Command", schemaNames);
        Assert.Contains("RegisterResidentCommand", schemaNames);
        Assert.Contains("RecordHireCommand", schemaNames);
        Assert.Contains("CreateClaimCommand", schemaNames);
        Assert.Contains("ResidentQueriesPageOfHireQueriesHireRow", schemaNames);
    }

    protected abstract string ExpectedCookieName { get; }

    private async Task<string> DocumentTextAsync()
    {
        using var anonymous = _app.Factory.CreateAnonymousClient();
        return await anonymous.GetStringAsync("/openapi/v1.json");
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteOpenApiContractTests : OpenApiContractTests
{
    public SqliteOpenApiContractTests(SqlitePortalApp app, ITestOutputHelper output)
        : base(app, output)
    {
    }

    protected override string ExpectedCookieName => "portal.auth";
}

/// <summary>Production names the cookie with the <c>__Host-</c> prefix; the document says so.</summary>
[Collection(ProductionPostgresAppCollection.Name)]
public sealed class ProductionOpenApiContractTests : OpenApiContractTests
{
    public ProductionOpenApiContractTests(ProductionPostgresPortalApp app, ITestOutputHelper output)
        : base(app, output)
    {
    }

    protected override string ExpectedCookieName => "__Host-portal.auth";
}
