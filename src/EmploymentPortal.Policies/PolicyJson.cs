using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Policies;

/// <summary>The JSON options decisions and catalogue listings are meant to be written with (camelCase, Chinese unescaped, money as in the API).</summary>
public static class PolicyJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
        Converters = { new MoneyJsonConverter() },
    };
}
