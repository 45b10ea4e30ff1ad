using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace EmploymentPortal.Domain.ValueObjects;

/// <summary>
/// The one JSON form of <see cref="Money"/> (docs/api.md, "Money"): a string of yuan with exactly
/// two decimals, <c>"3000.00"</c>. Read: such a string, with at most two decimals
/// (<c>"3000"</c>, <c>"3000.5"</c>), or a plain JSON number of yuan (<c>3000.5</c>); anything
/// else (fen, a negative amount, a fraction of a fen, thousands separators, a currency sign) is a
/// <see cref="JsonException"/> with a Chinese message, which the API answers as a 400. Registered
/// in the API's JSON options (<c>ApiInput.Configure</c>) and in the policy decisions' (<c>PolicyJson</c>).
/// </summary>
public sealed partial class MoneyJsonConverter : JsonConverter<Money>
{
    /// <summary>
    /// The pattern of the JSON string. A minus sign is in the pattern because an answer shows a
    /// corrupt stored amount as it is; a request with one is refused as negative.
    /// </summary>
    public const string Pattern = "^-?[0-9]+(\\.[0-9]{1,2})?$";

    /// <summary>An example of the JSON string.</summary>
    public const string Example = "3000.00";

    /// <summary>The Chinese message for a value that is not an amount in yuan.</summary>
    public const string FormatMessage = "金额应为以元为单位的字符串，最多两位小数，例如 \"3000.00\"。";

    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        decimal yuan;
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString();
            if (text is null || !YuanText().IsMatch(text) || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out yuan))
            {
                throw new JsonException(FormatMessage);
            }
        }
        else if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDecimal(out yuan))
        {
            throw new JsonException(FormatMessage);
        }

        return Money.TryFromYuan(yuan, out var money, out var error) ? money : throw new JsonException(error);
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToYuan().ToString("0.00", CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex YuanText();
}
