using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EmploymentPortal.Policies.Evaluation;

/// <summary>
/// Reads facts by dotted camelCase name (<c>person.birthDate</c>) from the JSON facts object and
/// records every read, so that a trace shows exactly which values a decision used. Dates are
/// ISO strings (yyyy-MM-dd); numbers may be JSON numbers or numeric strings; booleans may be JSON
/// booleans or "true"/"false". A value of the wrong shape counts as missing, with a note.
/// A host building facts in code may also give a date as a <see cref="DateOnly"/> value
/// (<c>JsonValue.Create(date)</c>), which is read without formatting and parsing it (date
/// facts only: the records of <c>history.payments</c> are matched as JSON text and keep ISO strings).
/// With <paramref name="trace"/> false only the missing reads are recorded (what the decision
/// needs); values read are neither copied nor kept.
/// </summary>
public sealed class FactReader(JsonObject facts, bool trace = true)
{
    // Fact names come from the catalogue (a few hundred): their parts are split once, not on
    // every read (a batch reads millions of facts).
    private static readonly ConcurrentDictionary<string, string[]> Paths = new(StringComparer.Ordinal);

    private List<FactRead> _reads = [];

    /// <summary>Facts that were asked for and not present (or unreadable), in order, once each.</summary>
    public List<string> Missing => _missing ??= [];

    private List<string>? _missing;

    /// <summary>Starts a new section of reads (one per condition) and returns the previous one.</summary>
    public IReadOnlyList<FactRead> TakeReads()
    {
        if (_reads.Count == 0)
        {
            return [];
        }

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
        foreach (var part in Paths.GetOrAdd(name, static n => n.Split('.')))
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

    public DateOnly? Date(string name) => Read(name, static node =>
        node is not JsonValue v ? null
        : v.TryGetValue<string>(out var s) ? (TryParseIsoDate(s, out var d) ? d : null)
        : v.TryGetValue<DateOnly>(out var date) ? date
        : (DateOnly?)null);

    /// <summary>
    /// DateOnly.TryParseExact(s, "yyyy-MM-dd", invariant): the common shape (ten ASCII
    /// characters, digits and two hyphens) is read directly, anything else goes to the framework,
    /// so the accepted strings and the dates are the same.
    /// </summary>
    internal static bool TryParseIsoDate(string s, out DateOnly date)
    {
        if (s.Length == 10 && s[4] == '-' && s[7] == '-' &&
            Digits(s, 0, 4, out var year) && Digits(s, 5, 2, out var month) && Digits(s, 8, 2, out var day))
        {
            var valid = year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
            date = valid ? new DateOnly(year, month, day) : default;
            return valid;
        }

        return DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static bool Digits(string s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = s[i];
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = value * 10 + (c - '0');
        }

        return true;
    }

    public decimal? Number(string name) => Read(name, node =>
    {
        if (node is not JsonValue v)
        {
            return null;
        }

        if (v.GetValueKind() == JsonValueKind.Number)
        {
            // The node may wrap a long, a double or a JsonElement: go through its JSON text. A
            // parsed number's text is its raw UTF-8 and an integer's text is exact, so those two
            // skip the writer; a double (whose text is its shortest round-trip form) does not.
            if (v.TryGetValue<JsonElement>(out var element))
            {
                return decimal.TryParse(JsonMarshal.GetRawUtf8Value(element), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            }

            if (v.TryGetValue<int>(out var i))
            {
                return i;
            }

            if (v.TryGetValue<long>(out var l))
            {
                return l;
            }

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
        if (trace || value is null)
        {
            _reads.Add(new FactRead(name, trace ? node?.DeepClone() : null, value is null));
        }

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
        if (trace)
        {
            _reads.Add(new FactRead(name, node?.DeepClone(), missing));
        }
        else if (missing)
        {
            _reads.Add(new FactRead(name, null, true));
        }

        if (missing && !Missing.Contains(name))
        {
            Missing.Add(name);
        }
    }
}
