using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Errors;
using EmploymentPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.IntegrationTests.Amounts;

/// <summary>
/// Money in request bodies (docs/api.md "Money") on the commands that carry an amount: a vacancy's
/// wages (<c>wageMin</c>, <c>wageMax</c>) and a post programme's <c>monthlySubsidy</c>. A JSON
/// number of yuan and a string of yuan both bind to the same amount; a bad value is a 400 naming
/// the field with a Chinese message, never a 500; the validators keep their bounds.
/// </summary>
public abstract class MoneyRequestTests
{
    private readonly PortalApp _app;

    protected MoneyRequestTests(PortalApp app)
    {
        _app = app;
    }

    [Theory]
    [InlineData("3000", 300_000)]
    [InlineData("\"3000.00\"", 300_000)]
    [InlineData("\"3000\"", 300_000)]
    [InlineData("3000.5", 300_050)]
    [InlineData("\"3000.05\"", 300_005)]
    public async Task A_vacancy_wage_binds_from_a_number_or_a_string_of_yuan(string json, long fen)
    {
        var enterprise = await _app.SignedInClientAsync("enterprise1");

        var response = await enterprise.PostAsync("/api/v1/vacancies", VacancyBody(json, "\"9000.00\""));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await using var db = _app.Database.CreateContext();
        var vacancy = await db.Vacancies.AsNoTracking().SingleAsync(v => v.Id == id);
        Assert.Equal(Money.FromFen(fen), vacancy.WageMin);
        Assert.Equal(Money.FromYuan(9_000), vacancy.WageMax);
    }

    [Theory]
    [InlineData("\"abc\"", "3000", "wageMin", "金额应为以元为单位的字符串")]
    [InlineData("\"-1\"", "3000", "wageMin", "金额不能为负数")]
    [InlineData("-1", "3000", "wageMin", "金额不能为负数")]
    [InlineData("3000.001", "3000", "wageMin", "不能精确到分")]
    [InlineData("\"3000.001\"", "3000", "wageMin", "金额应为以元为单位的字符串")]
    [InlineData("\"3,000.00\"", "3000", "wageMin", "金额应为以元为单位的字符串")]
    [InlineData("92233720368547758.08", "3000", "wageMin", "金额超出可表示的范围")]
    [InlineData("3000", "true", "wageMax", "金额应为以元为单位的字符串")]
    [InlineData("null", "3000", "wageMin", "请输入月薪下限。")]
    [InlineData("3000", "\"2999.99\"", "wageMax", "薪资上限不能低于下限。")]
    [InlineData("3000", "10000000.01", "wageMax", "薪资上限过大。")]
    public async Task A_bad_vacancy_wage_is_a_400_naming_the_field_in_chinese(string min, string max, string field, string message)
    {
        var enterprise = await _app.SignedInClientAsync("enterprise1");

        var response = await enterprise.PostAsync("/api/v1/vacancies", VacancyBody(min, max));

        var problem = await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.Contains(message, problem.GetProperty("errors").GetProperty(field)[0].GetString()!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1500", 150_000)]
    [InlineData("\"1500.00\"", 150_000)]
    [InlineData("\"1500.5\"", 150_050)]
    [InlineData("0", 0)]
    [InlineData("1000000", 100_000_000)]
    public async Task A_monthly_subsidy_binds_from_a_number_or_a_string_of_yuan(string json, long fen)
    {
        var officer = await _app.SignedInClientAsync("officer1");

        var response = await officer.PostAsync("/api/v1/post-programmes", ProgrammeBody(json));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await using var db = _app.Database.CreateContext();
        var programme = await db.PostProgrammes.AsNoTracking().SingleAsync(p => p.Id == id);
        Assert.Equal(Money.FromFen(fen), programme.MonthlySubsidy);
    }

    [Theory]
    [InlineData("\"abc\"", "金额应为以元为单位的字符串")]
    [InlineData("\"-0.01\"", "金额不能为负数")]
    [InlineData("1500.005", "不能精确到分")]
    [InlineData("\"¥1500\"", "金额应为以元为单位的字符串")]
    [InlineData("1e400", "金额应为以元为单位的字符串")]
    [InlineData("92233720368547758.08", "金额超出可表示的范围")]
    [InlineData("null", "请输入月岗位补贴标准。")]
    [InlineData("1000000.01", "月岗位补贴标准应在 0 到 1000000 元之间。")]
    public async Task A_bad_monthly_subsidy_is_a_400_naming_the_field_in_chinese(string json, string message)
    {
        var officer = await _app.SignedInClientAsync("officer1");

        var response = await officer.PostAsync("/api/v1/post-programmes", ProgrammeBody(json));

        var problem = await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.Contains(message, problem.GetProperty("errors").GetProperty("monthlySubsidy")[0].GetString()!, StringComparison.Ordinal);
    }

    private static StringContent VacancyBody(string wageMin, string wageMax)
    {
        var validUntil = PortalCalendar.DateOf(DateTimeOffset.UtcNow).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new(
            $"{{\"title\": \"金额测试岗位\", \"occupationGroup\": \"Production\", \"occupation\": \"普工\", \"openings\": 1, \"wageMin\": {wageMin}, \"wageMax\": {wageMax}, \"workType\": \"FullTime\", \"validUntil\": \"{validUntil}\", \"submit\": false}}",
            Encoding.UTF8,
            "application/json");
    }

    private static StringContent ProgrammeBody(string monthlySubsidy)
    {
        var name = $"金额测试{Guid.NewGuid():N}"[..12];
        return new(
            $"{{\"name\": \"{name}\", \"kind\": \"PublicWelfare\", \"owner\": \"东湖街道办事处\", \"year\": 2026, \"posts\": 2, \"monthlySubsidy\": {monthlySubsidy}, \"maxDurationMonths\": 12}}",
            Encoding.UTF8,
            "application/json");
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteMoneyRequestTests : MoneyRequestTests
{
    public SqliteMoneyRequestTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresMoneyRequestTests : MoneyRequestTests
{
    public PostgresMoneyRequestTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
