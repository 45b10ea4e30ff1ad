using System.Text.Json;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Tests.ValueObjects;

public sealed class MoneyJsonConverterTests
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new MoneyJsonConverter() } };

    private sealed record Holder(Money Amount, Money? Optional);

    [Theory]
    [InlineData(0L, "\"0.00\"")]
    [InlineData(1L, "\"0.01\"")]
    [InlineData(300_000L, "\"3000.00\"")]
    [InlineData(123_456_789_012L, "\"1234567890.12\"")]
    [InlineData(long.MaxValue, "\"92233720368547758.07\"")]
    public void Money_is_written_as_a_string_of_yuan_with_two_decimals_and_read_back(long fen, string json)
    {
        var money = Money.FromFen(fen);

        var written = JsonSerializer.Serialize(money, Options);

        Assert.Equal(json, written);
        Assert.Equal(money, JsonSerializer.Deserialize<Money>(written, Options));
    }

    [Fact]
    public void A_negative_amount_is_written_with_its_sign()
    {
        Assert.Equal("\"-50.25\"", JsonSerializer.Serialize(Money.Zero - Money.FromFen(5_025), Options));
    }

    [Fact]
    public void Null_and_properties_round_trip()
    {
        var holder = new Holder(Money.Parse("3000"), null);

        var json = JsonSerializer.Serialize(holder, Options);

        Assert.Equal("{\"amount\":\"3000.00\",\"optional\":null}", json);
        Assert.Equal(holder, JsonSerializer.Deserialize<Holder>(json, Options));
    }

    [Theory]
    [InlineData("\"3000\"", 300_000L)]
    [InlineData("\"3000.5\"", 300_050L)]
    [InlineData("\"3000.05\"", 300_005L)]
    [InlineData("3000", 300_000L)]
    [InlineData("3000.5", 300_050L)]
    [InlineData("0.01", 1L)]
    [InlineData("\"-0\"", 0L)]
    public void A_string_or_a_number_of_yuan_with_at_most_two_decimals_is_read(string json, long fen)
    {
        Assert.Equal(Money.FromFen(fen), JsonSerializer.Deserialize<Money>(json, Options));
    }

    [Theory]
    [InlineData("\"abc\"", MoneyJsonConverter.FormatMessage)]
    [InlineData("\"3000.001\"", MoneyJsonConverter.FormatMessage)]
    [InlineData("\"¥3000\"", MoneyJsonConverter.FormatMessage)]
    [InlineData("\"3,000.00\"", MoneyJsonConverter.FormatMessage)]
    [InlineData("\"3000元\"", MoneyJsonConverter.FormatMessage)]
    [InlineData("\"\"", MoneyJsonConverter.FormatMessage)]
    [InlineData("\".5\"", MoneyJsonConverter.FormatMessage)]
    [InlineData("\"1e3\"", MoneyJsonConverter.FormatMessage)]
    [InlineData("true", MoneyJsonConverter.FormatMessage)]
    [InlineData("[1]", MoneyJsonConverter.FormatMessage)]
    [InlineData("{\"fen\":1}", MoneyJsonConverter.FormatMessage)]
    [InlineData("1e400", MoneyJsonConverter.FormatMessage)]
    [InlineData("3000.001", "金额3000.001元不能精确到分，最多两位小数。")]
    [InlineData("\"-1\"", "金额不能为负数。")]
    [InlineData("-0.01", "金额不能为负数。")]
    [InlineData("\"92233720368547758.08\"", "金额超出可表示的范围。")]
    public void Anything_else_is_refused_with_a_chinese_message(string json, string message)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Money>(json, Options));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void The_pattern_matches_what_is_written()
    {
        var written = JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(Money.FromFen(123_456), Options))!;

        Assert.Matches(MoneyJsonConverter.Pattern, written);
        Assert.Matches(MoneyJsonConverter.Pattern, MoneyJsonConverter.Example);
        Assert.DoesNotMatch(MoneyJsonConverter.Pattern, "1,234.56");
    }
}
