using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EmploymentPortal.Policies.Evaluation;

/// <summary>
/// Reads facts by dotted camelCase name (<c>person.birthDate</c>) from the JSON facts object and
/// records every read, so that a trace shows exactly which values a decision used. Dates are
/// ISO strings (yyyy-MM-dd); numbers may be JSON numbers or numeric strings; booleans may be JSON
/// booleans or "true"/"false". A value of the wrong shape counts as missing, with a note.
/// </summary>
public sealed class FactReader(JsonObject facts)
{
    private List<FactRead> _reads = [];

    /// <summary>Facts that were asked for and not present (or unreadable), in order, once each.</summary>
    public List<string> Missing { get; } = [];

    /// <summary>Starts a new section of reads (one per condition) and returns the previous one.</summary>
    public IReadOnlyList<FactRead> TakeReads()
    {
        var reads = _reads;
        _reads = [];
        return reads;
    }

    /// <summary>The names read as missing since the last <see cref="TakeReads"/>.</summary>
    public IReadOnlyList<string> MissingInCurrentSection() =>
        _reads.Where(r => r.Missing).Select(r => r.Name).Distinct().ToList();

    public JsonNode? Raw(string name)
    {
        JsonNode? node = facts;
        foreach (var part in name.Split('.'))
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(part, out var child) ? child : null;
            if (node is null)
            {
                break;
            }
        }

        return node;
    }

    public bool Has(string name) => Raw(name) is not null;

    public DateOnly? Date(string name) => Read(name, node =>
        node is JsonValue v && v.TryGetValue<string>(out var s) &&
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : (DateOnly?)null);

    public decimal? Number(string name) => Read(name, node =>
    {
        if (node is not JsonValue v)
        {
            return null;
        }

        if (v.GetValueKind() == JsonValueKind.Number)
        {
            // The node may wrap a long, a double or a JsonElement: go through its JSON text.
            return decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
        }

        return v.TryGetValue<string>(out var s) &&
               decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)
            ? n
            : (decimal?)null;
    });

    public bool? Bool(string name) => Read(name, node =>
    {
        if (node is not JsonValue v)
        {
            return null;
        }

        return v.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(v.GetValue<string>(), out var b) => b,
            _ => (bool?)null,
        };
    });

    public string? Text(string name)
    {
        var node = Raw(name);
        string? value = node is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number
            ? v.ToString()
            : null;
        Record(name, node, value is null);
        return value;
    }

    /// <summary>A text fact that may be absent without making the decision incomplete (an id used for matching history).</summary>
    public string? OptionalText(string name)
    {
        var node = Raw(name);
        var value = node is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number ? v.ToString() : null;
        _reads.Add(new FactRead(name, node?.DeepClone(), value is null));
        return value;
    }

    private T? Read<T>(string name, Func<JsonNode, T?> convert)
        where T : struct
    {
        var node = Raw(name);
        T? value = node is null ? null : convert(node);
        Record(name, node, value is null);
        return value;
    }

    private void Record(string name, JsonNode? node, bool missing)
    {
        _reads.Add(new FactRead(name, node?.DeepClone(), missing));
        if (missing && !Missing.Contains(name))
        {
            Missing.Add(name);
        }
    }
}
