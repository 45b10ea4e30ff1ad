using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmploymentPortal.Data.Auditing;
using EmploymentPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.IntegrationTests.Policies;

/// <summary>
/// Rules the text limits to a period without an end (疫情防控期间) go to an officer after the
/// horizon; a bureau officer sets the end with its basis through the API, the change is audited,
/// kept in the rule's history, and every evaluation honours it. The app is shared: the tests work
/// on a rule no other test evaluates.
/// </summary>
public abstract class RuleEndTests
{
    private const string LoanExtension = "nanhe-2020-1.startup-loan-extension-covid";

    private readonly PortalApp _app;

    protected RuleEndTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task An_officer_ends_an_epidemic_period_rule_and_every_evaluation_honours_the_end_and_its_basis()
    {
        var officer = await _app.SignedInClientAsync("officer1");
        var pastHorizon = await EvaluateAsync(officer, "2023-01-07");
        Assert.Equal("manualReview", pastHorizon.GetProperty("outcome").GetString());
        Assert.Contains(pastHorizon.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("未载明截止日期", StringComparison.Ordinal));

        var set = await officer.PostAsJsonAsync($"/api/v1/policies/rules/{LoanExtension}/end", new
        {
            endsOn = "2023-01-07",
            basisDocument = "关于对新型冠状病毒感染实施“乙类乙管”的总体方案",
            section = "一",
            quote = "自2023年1月8日起，解除对新型冠状病毒感染采取的甲类传染病预防、控制措施",
        });

        Assert.True(set.IsSuccessStatusCode, await set.Content.ReadAsStringAsync());
        var lastDay = await EvaluateAsync(officer, "2023-01-07");
        var after = await EvaluateAsync(officer, "2023-01-08");
        Assert.Equal("eligible", lastDay.GetProperty("outcome").GetString());
        Assert.Equal("ineligible", after.GetProperty("outcome").GetString());
        Assert.Contains(after.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("2020-07-27 至 2023-01-07（截止日期由人社局依据关于对新型冠状病毒感染实施“乙类乙管”的总体方案设定）", StringComparison.Ordinal));

        var corrected = await officer.PostAsJsonAsync($"/api/v1/policies/rules/{LoanExtension}/end", new { endsOn = "2023-01-08", basisDocument = "同上（更正：1月8日当日仍按原措施办理）", section = "一", quote = "自2023年1月8日起" });
        Assert.True(corrected.IsSuccessStatusCode, await corrected.Content.ReadAsStringAsync());
        Assert.Equal("eligible", (await EvaluateAsync(officer, "2023-01-08")).GetProperty("outcome").GetString());
        using var ends = JsonDocument.Parse(await officer.GetStringAsync($"/api/v1/policies/rules/{LoanExtension}/ends"));
        var history = ends.RootElement.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["2023-01-08", "2023-01-07"], history.Select(h => h.GetProperty("endsOn").GetString()));
        Assert.Equal([true, false], history.Select(h => h.GetProperty("inForce").GetBoolean()));
        Assert.Equal("setByBureau", ends.RootElement.GetProperty("periods")[0].GetProperty("end").GetString());
        await using var db = _app.Database.CreateContext();
        var audit = await db.AuditEntries.Where(e => e.EntityType == "RuleEndDate" && e.Action == AuditAction.Insert && e.ActorName == "officer1").ToListAsync();
        Assert.Equal(2, audit.Count(e => e.Changes.Contains(LoanExtension, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_end_the_text_states_cannot_be_set_again_and_bad_input_gets_a_chinese_message()
    {
        var officer = await _app.SignedInClientAsync("officer1");
        var station = await _app.SignedInClientAsync("station1");
        object Body(string endsOn, string basis = "江人社〔2026〕9号") => new { endsOn, basisDocument = basis, section = "一", quote = "自即日起停止执行" };

        var stated = await officer.PostAsJsonAsync("/api/v1/policies/rules/nanhe-2020-1.absorption-long-term-unemployed/end", Body("2020-10-31"));
        var beforeStart = await officer.PostAsJsonAsync($"/api/v1/policies/rules/{LoanExtension}/end", Body("2020-07-26"));
        var badDate = await officer.PostAsJsonAsync($"/api/v1/policies/rules/{LoanExtension}/end", Body("2023-13-01"));
        var noBasis = await officer.PostAsJsonAsync($"/api/v1/policies/rules/{LoanExtension}/end", Body("2023-01-07", basis: ""));
        var unknown = await officer.PostAsJsonAsync("/api/v1/policies/rules/no-such-rule/end", Body("2023-01-07"));
        var byStation = await station.PostAsJsonAsync($"/api/v1/policies/rules/{LoanExtension}/end", Body("2023-01-07"));

        Assert.Equal(HttpStatusCode.BadRequest, stated.StatusCode);
        Assert.Contains("文件已载明该规则的截止日期（2020-12-31）", await stated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, beforeStart.StatusCode);
        Assert.Contains("不能早于规则的施行起始日（2020-07-27）", await beforeStart.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("yyyy-MM-dd", await badDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noBasis.StatusCode);
        Assert.Contains("basisDocument", await noBasis.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byStation.StatusCode);
        using var ends = JsonDocument.Parse(await officer.GetStringAsync("/api/v1/policies/rules/nanhe-2020-1.absorption-long-term-unemployed/ends"));
        Assert.Empty(ends.RootElement.GetProperty("history").EnumerateArray());
        Assert.False(ends.RootElement.GetProperty("canSetEnd").GetBoolean());
    }

    private static async Task<JsonElement> EvaluateAsync(HttpClient client, string date)
    {
        var response = await client.PostAsJsonAsync("/api/v1/eligibility/evaluate", new
        {
            benefit = "startup-loan-extension",
            jurisdiction = "130506",
            date,
            facts = new { person = new { hasStartupGuaranteeLoan = true, covidInfected = true } },
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("decisions").EnumerateArray().Single(d => d.GetProperty("ruleId").GetString() == LoanExtension).Clone();
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteRuleEndTests : RuleEndTests
{
    public SqliteRuleEndTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresRuleEndTests : RuleEndTests
{
    public PostgresRuleEndTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
