using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmploymentPortal.IntegrationTests.Infrastructure;

namespace EmploymentPortal.IntegrationTests.Policies;

/// <summary>The rules service over HTTP: catalogue listings and evaluations with cited traces.</summary>
[Collection(SqliteAppCollection.Name)]
public sealed class PolicyApiTests
{
    private readonly SqlitePortalApp _app;

    public PolicyApiTests(SqlitePortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task Policies_list_names_the_five_documents_and_the_catalogue_version()
    {
        var client = await _app.SignedInClientAsync("officer1");

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/policies/"));

        var ids = json.RootElement.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToList();
        Assert.Equal(5, ids.Count);
        Assert.Contains("nanhe-2020-1", ids);
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("catalogueVersion").GetString()));
    }

    [Fact]
    public async Task Rules_of_a_document_carry_their_quotes()
    {
        var client = await _app.SignedInClientAsync("officer1");

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/policies/nanhe-2020-1/rules"));

        var absorption = json.RootElement.GetProperty("rules").EnumerateArray()
            .Single(r => r.GetProperty("rule").GetProperty("id").GetString() == "nanhe-2020-1.absorption-long-term-unemployed");
        Assert.Contains("1000元", absorption.GetProperty("rule").GetProperty("reference").GetProperty("quote").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_policy_document_is_404_problem()
    {
        var client = await _app.SignedInClientAsync("officer1");

        var response = await client.GetAsync("/api/v1/policies/no-such-document/rules");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Absorption_subsidy_for_a_long_term_unemployed_hire_is_1000_yuan_with_the_cited_clause()
    {
        var client = await _app.SignedInClientAsync("officer1");
        var request = new
        {
            benefit = "absorption",
            jurisdiction = "130506",
            date = "2020-10-01",
            facts = new
            {
                person = new { registeredUnemployedSince = "2020-01-10" },
                hire = new { date = "2020-09-15", contractMonths = 12, socialInsurancePaid = true },
            },
        };

        var response = await client.PostAsJsonAsync("/api/v1/eligibility/evaluate", request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var decision = json.RootElement.GetProperty("decisions").EnumerateArray()
            .Single(d => d.GetProperty("ruleId").GetString() == "nanhe-2020-1.absorption-long-term-unemployed");
        Assert.Equal("eligible", decision.GetProperty("outcome").GetString());
        Assert.Equal("1000.00", decision.GetProperty("amount").GetString());
        Assert.Equal("(十)", decision.GetProperty("reference").GetProperty("section").GetString());
        Assert.NotEmpty(decision.GetProperty("trace").GetProperty("conditions").EnumerateArray());
    }

    [Fact]
    public async Task Evaluation_with_bad_input_is_400_with_a_chinese_message_per_field()
    {
        var client = await _app.SignedInClientAsync("officer1");

        var response = await client.PostAsJsonAsync("/api/v1/eligibility/evaluate", new { benefit = "no-such-benefit", jurisdiction = "13", date = "2020-13-45" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = json.RootElement.GetProperty("errors");
        Assert.Contains("未知的补贴类型", errors.GetProperty("benefit")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("jurisdiction", out _));
        Assert.True(errors.TryGetProperty("date", out _));
    }
}
