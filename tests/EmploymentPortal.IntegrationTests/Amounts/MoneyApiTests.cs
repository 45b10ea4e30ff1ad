using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EmploymentPortal.IntegrationTests.Errors;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Policies;

namespace EmploymentPortal.IntegrationTests.Amounts;

/// <summary>
/// Money in the API (docs/api.md "Money"): written as a string of yuan with exactly two decimals,
/// read from such a string or a plain JSON number of yuan with at most two decimals; anything
/// else is a 400 naming the field with a Chinese message, never a 500. Through the bureau's
/// per-claim ceilings, which write and read an amount.
/// </summary>
public abstract class MoneyApiTests
{
    private const string Basis = "江人社〔2026〕9号 第三条";
    private readonly PortalApp _app;

    protected MoneyApiTests(PortalApp app)
    {
        _app = app;
    }

    [Theory]
    [InlineData("\"800\"", "800.00")]
    [InlineData("\"800.5\"", "800.50")]
    [InlineData("\"1234.56\"", "1234.56")]
    [InlineData("800.5", "800.50")]
    [InlineData("1234.56", "1234.56")]
    [InlineData("\"0.01\"", "0.01")]
    public async Task An_amount_of_yuan_is_read_and_written_back_with_two_decimals(string json, string written)
    {
        var officer = await _app.SignedInClientAsync("officer2");

        var set = await officer.PostAsync("/api/v1/benefit-ceilings", Body(json));

        Assert.True(set.StatusCode == HttpStatusCode.Created, await set.Content.ReadAsStringAsync());
        var ceilings = await officer.GetFromJsonAsync<JsonElement>("/api/v1/benefit-ceilings");
        var current = ceilings.GetProperty("current").EnumerateArray().Single(c => c.GetProperty("benefit").GetString() == BenefitKinds.TemporaryPostWage);
        Assert.Equal(JsonValueKind.String, current.GetProperty("amount").ValueKind);
        Assert.Equal(written, current.GetProperty("amount").GetString());
    }

    [Theory]
    [InlineData("\"abc\"", "金额应为以元为单位的字符串")]
    [InlineData("\"800.505\"", "金额应为以元为单位的字符串")]
    [InlineData("\"¥800\"", "金额应为以元为单位的字符串")]
    [InlineData("\"1,000.00\"", "金额应为以元为单位的字符串")]
    [InlineData("\" 800\"", "金额应为以元为单位的字符串")]
    [InlineData("\"\"", "金额应为以元为单位的字符串")]
    [InlineData("true", "金额应为以元为单位的字符串")]
    [InlineData("{\"fen\": 80000}", "金额应为以元为单位的字符串")]
    [InlineData("800.505", "不能精确到分")]
    [InlineData("\"-1\"", "金额不能为负数")]
    [InlineData("-0.01", "金额不能为负数")]
    [InlineData("92233720368547758.08", "金额超出可表示的范围")]
    [InlineData("1e400", "金额应为以元为单位的字符串")]
    public async Task Anything_else_is_a_400_naming_the_amount_in_chinese(string json, string message)
    {
        var officer = await _app.SignedInClientAsync("officer2");

        var response = await officer.PostAsync("/api/v1/benefit-ceilings", Body(json));

        var problem = await ErrorAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        var error = problem.GetProperty("errors").GetProperty("amount")[0].GetString()!;
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    private static StringContent Body(string amountJson) =>
        new($"{{\"benefit\": \"{BenefitKinds.TemporaryPostWage}\", \"amount\": {amountJson}, \"basis\": \"{Basis}\"}}", Encoding.UTF8, "application/json");
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteMoneyApiTests : MoneyApiTests
{
    public SqliteMoneyApiTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresMoneyApiTests : MoneyApiTests
{
    public PostgresMoneyApiTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
