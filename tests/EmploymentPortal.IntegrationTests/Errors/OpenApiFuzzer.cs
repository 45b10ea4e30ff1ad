using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EmploymentPortal.IntegrationTests.Errors;

/// <summary>One operation of the OpenAPI document: method, path template, parameters and JSON body schema.</summary>
internal sealed record ApiOperation(string Method, string Path, IReadOnlyList<ApiParameter> Parameters, JsonElement? Body)
{
    public override string ToString() => $"{Method} {Path}";
}

internal sealed record ApiParameter(string Name, string In, JsonElement Schema, bool Required);

/// <summary>One request to send: what it is, and how to build it.</summary>
internal sealed record FuzzRequest(ApiOperation Operation, string Kind, string Url, HttpMethod Method, Func<HttpContent?> Content, string BodyText)
{
    public HttpRequestMessage Build() => new(Method, Url) { Content = Content() };

    public override string ToString()
    {
        var body = BodyText.Length > 300 ? BodyText[..300] + $"…({BodyText.Length} chars)" : BodyText;
        return $"{Method} {Url} [{Kind}] {body}";
    }
}

/// <summary>
/// Malformed requests generated from the portal's OpenAPI document, deterministically from a
/// seed: for every operation, bad route and query values (wrong type, bad GUID, implausible
/// date, unknown enum, huge and control-character text) and bad bodies (not JSON, wrong
/// content type, null, wrong type or bad value in each property, missing fields, deep nesting).
/// </summary>
internal sealed class OpenApiFuzzer
{
    private const string Controls = "\u0000\u0007\u001b\u007f\u202e\u2066";

    private readonly JsonElement _document;
    private readonly Random _random;

    public OpenApiFuzzer(JsonElement document, int seed)
    {
        _document = document;
        _random = new Random(seed);
    }

    public IReadOnlyList<ApiOperation> Operations()
    {
        var operations = new List<ApiOperation>();
        foreach (var path in _document.GetProperty("paths").EnumerateObject())
        {
            var shared = path.Value.TryGetProperty("parameters", out var common) ? common.EnumerateArray().ToList() : [];
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch"))
            {
                var parameters = shared.Concat(operation.Value.TryGetProperty("parameters", out var own) ? own.EnumerateArray() : [])
                    .Select(p => new ApiParameter(
                        p.GetProperty("name").GetString()!,
                        p.GetProperty("in").GetString()!,
                        p.TryGetProperty("schema", out var schema) ? Resolve(schema) : default,
                        p.TryGetProperty("required", out var required) && required.GetBoolean()))
                    .ToList();
                JsonElement? body = operation.Value.TryGetProperty("requestBody", out var requestBody)
                    && requestBody.TryGetProperty("content", out var content)
                    && content.TryGetProperty("application/json", out var json)
                    && json.TryGetProperty("schema", out var bodySchema)
                        ? Resolve(bodySchema)
                        : null;
                operations.Add(new ApiOperation(operation.Name.ToUpperInvariant(), path.Name, parameters, body));
            }
        }

        return operations;
    }

    /// <summary>A request that should get through binding: the baseline the malformed ones vary.</summary>
    public FuzzRequest Baseline(ApiOperation operation)
    {
        var body = operation.Body is { } schema ? Sample(schema, 0)?.ToJsonString() : null;
        return Request(operation, "baseline", RouteValues(operation, null, null), QueryValues(operation, null, null), body, "application/json");
    }

    /// <summary>
    /// At most <paramref name="count"/> of <see cref="AllMalformed"/>, drawn with the seed and
    /// spread over the kinds (route and query values, documents, content types, body properties).
    /// </summary>
    public IReadOnlyList<FuzzRequest> Malformed(ApiOperation operation, int count)
    {
        var groups = AllMalformed(operation)
            .GroupBy(r => r.Kind.Split(' ')[0])
            .Select(g => new Queue<FuzzRequest>(g.OrderBy(_ => _random.Next())))
            .ToList();
        var chosen = new List<FuzzRequest>();
        while (chosen.Count < count && groups.Any(g => g.Count > 0))
        {
            foreach (var group in groups.Where(g => g.Count > 0))
            {
                if (chosen.Count < count)
                {
                    chosen.Add(group.Dequeue());
                }
            }
        }

        return chosen;
    }

    public IEnumerable<FuzzRequest> AllMalformed(ApiOperation operation)
    {
        var baselineBody = operation.Body is { } schema ? Sample(schema, 0) : null;
        var body = baselineBody?.ToJsonString();

        foreach (var parameter in operation.Parameters.Where(p => p.In is "path" or "query"))
        {
            foreach (var (kind, value) in BadValues(parameter.Schema))
            {
                var route = RouteValues(operation, parameter.In == "path" ? parameter.Name : null, value);
                var query = QueryValues(operation, parameter.In == "query" ? parameter.Name : null, value);
                yield return Request(operation, $"{parameter.In} {parameter.Name}: {kind}", route, query, body, "application/json");
            }
        }

        var path = RouteValues(operation, null, null);
        var plainQuery = QueryValues(operation, null, null);
        foreach (var (kind, text) in BadDocuments())
        {
            yield return Request(operation, "document " + kind, path, plainQuery, text, "application/json");
        }

        yield return Request(operation, "content text/plain", path, plainQuery, body ?? "{}", "text/plain");
        yield return Request(operation, "content form", path, plainQuery, "a=1&b=%00", "application/x-www-form-urlencoded");
        yield return Request(operation, "content multipart garbage", path, plainQuery, "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n\r\nPK\u0003\u0004garbage\r\n--x--\r\n", "multipart/form-data; boundary=x");

        if (baselineBody is JsonObject root && operation.Body is { } bodySchema)
        {
            foreach (var (name, propertySchema) in Properties(bodySchema))
            {
                foreach (var (kind, value) in BadJsonValues(propertySchema))
                {
                    var copy = (JsonObject)root.DeepClone();
                    copy[name] = value;
                    yield return Request(operation, $"body {name}: {kind}", path, plainQuery, copy.ToJsonString(), "application/json");
                }
            }

            yield return Request(operation, "body {}", path, plainQuery, "{}", "application/json");
        }
    }

    private FuzzRequest Request(ApiOperation operation, string kind, string path, string query, string? body, string contentType)
    {
        var method = new HttpMethod(operation.Method);
        var url = query.Length == 0 ? path : $"{path}?{query}";
        var sends = body is not null && operation.Method is not ("GET" or "DELETE");
        return new FuzzRequest(
            operation,
            kind,
            url,
            method,
            () => sends ? new ByteArrayContent(Encoding.UTF8.GetBytes(body!)) { Headers = { { "Content-Type", contentType } } } : null,
            sends ? body! : string.Empty);
    }

    private string RouteValues(ApiOperation operation, string? changed, string? value)
    {
        var path = operation.Path;
        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
        {
            var text = parameter.Name == changed ? value! : Sample(parameter.Schema, 0)?.GetValueKind() == JsonValueKind.String ? Sample(parameter.Schema, 0)!.GetValue<string>() : NextGuid().ToString();
            path = path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(text), StringComparison.Ordinal);
        }

        return path;
    }

    private string QueryValues(ApiOperation operation, string? changed, string? value)
    {
        var pairs = new List<string>();
        foreach (var parameter in operation.Parameters.Where(p => p.In == "query"))
        {
            if (parameter.Name == changed)
            {
                pairs.Add($"{Uri.EscapeDataString(parameter.Name)}={Uri.EscapeDataString(value!)}");
            }
        }

        return string.Join('&', pairs);
    }

    /// <summary>
    /// Bad texts for a route or query value of the schema. No NUL: the test server cannot carry
    /// one in a path, and Kestrel refuses such a request line before the portal sees it.
    /// </summary>
    private List<(string Kind, string Value)> BadValues(JsonElement schema)
    {
        var values = new List<(string, string)>
        {
            ("huge", new string('长', 5_000)),
            ("control characters", "a" + Controls[1..]),
            ("empty", string.Empty),
        };
        switch (TypeOf(schema), FormatOf(schema))
        {
            case ("string", "uuid"):
                values.Add(("not a GUID", "not-a-guid"));
                values.Add(("GUID with braces", "{" + NextGuid() + "}x"));
                break;
            case ("string", "date"):
                values.Add(("year 1", "0001-01-01"));
                values.Add(("year 2200", "2200-01-01"));
                values.Add(("not a date", "2024-13-45"));
                break;
            case ("string", "date-time"):
                values.Add(("year 1", "0001-01-01T00:00:00Z"));
                values.Add(("not a time", "yesterday"));
                break;
            case ("integer", _):
                values.Add(("text", "many"));
                values.Add(("negative", "-1"));
                values.Add(("overflow", "99999999999999999999"));
                break;
            case ("number", _):
                values.Add(("text", "lots"));
                values.Add(("NaN", "NaN"));
                values.Add(("huge", "1e308"));
                break;
            case ("boolean", _):
                values.Add(("not a boolean", "perhaps"));
                break;
        }

        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out _))
        {
            values.Add(("unknown enum", "Nonsense"));
            values.Add(("numeric enum", "99"));
            values.Add(("negative enum", "-1"));
        }

        return values;
    }

    private static IEnumerable<(string Kind, string Text)> BadDocuments()
    {
        yield return ("empty body", string.Empty);
        yield return ("truncated JSON", "{\"a\": ");
        yield return ("not JSON", "<xml/>");
        yield return ("JSON null", "null");
        yield return ("JSON string", "\"text\"");
        yield return ("JSON number", "42");
        yield return ("JSON array", "[1, 2, 3]");
        yield return ("deep nesting", new string('[', 2_000) + new string(']', 2_000));
        yield return ("control characters outside strings", "{\u0000}");
        yield return ("duplicate keys and trailing comma", "{\"a\": 1, \"a\": 2,}");
    }

    /// <summary>Bad JSON values for a property of the schema.</summary>
    private List<(string Kind, JsonNode? Value)> BadJsonValues(JsonElement schema)
    {
        var values = new List<(string, JsonNode?)>
        {
            ("null", null),
            ("object", new JsonObject { ["x"] = 1 }),
        };
        var type = TypeOf(schema);
        var format = FormatOf(schema);
        values.Add(type == "string" ? ("number", JsonValue.Create(12345)) : ("text", JsonValue.Create("text")));
        switch (type, format)
        {
            case ("string", "uuid"):
                values.Add(("not a GUID", JsonValue.Create("not-a-guid")));
                break;
            case ("string", "date"):
                values.Add(("year 1", JsonValue.Create("0001-01-01")));
                values.Add(("year 2200", JsonValue.Create("2200-01-01")));
                values.Add(("not a date", JsonValue.Create("2024-02-30")));
                break;
            case ("string", "date-time"):
                values.Add(("year 1", JsonValue.Create("0001-01-01T00:00:00Z")));
                values.Add(("year 9999", JsonValue.Create("9999-12-31T23:59:59Z")));
                break;
            case ("string", _):
                values.Add(("huge", JsonValue.Create(new string('长', 100_000))));
                values.Add(("control characters", JsonValue.Create("张" + Controls[_random.Next(Controls.Length)] + "三")));
                break;
            case ("integer", _):
                values.Add(("negative", JsonValue.Create(-1)));
                values.Add(("overflow", JsonNode.Parse("99999999999999999999999")));
                values.Add(("fraction", JsonValue.Create(1.5)));
                break;
            case ("number", _):
                values.Add(("huge", JsonNode.Parse("1e308")));
                values.Add(("negative", JsonValue.Create(-1e15)));
                break;
            case ("array", _):
                values.Add(("array of nulls", new JsonArray(null, null)));
                values.Add(("array of objects", new JsonArray(new JsonObject(), new JsonObject())));
                values.Add(("long array", new JsonArray(Enumerable.Range(0, 5_000).Select(i => (JsonNode?)JsonValue.Create(i)).ToArray())));
                break;
            case ("boolean", _):
                values.Add(("string boolean", JsonValue.Create("yes")));
                break;
        }

        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out _))
        {
            values.Add(("unknown enum", JsonValue.Create("Nonsense")));
            values.Add(("numeric enum", JsonValue.Create(99)));
        }

        return values;
    }

    /// <summary>A value that matches the schema well enough to get through binding.</summary>
    private JsonNode? Sample(JsonElement schema, int depth)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return JsonValue.Create("x");
        }

        schema = Resolve(schema);
        if (schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
        {
            return JsonNode.Parse(values.EnumerateArray().First(v => v.ValueKind != JsonValueKind.Null).GetRawText());
        }

        return (TypeOf(schema), FormatOf(schema)) switch
        {
            ("string", "uuid") => JsonValue.Create(NextGuid().ToString()),
            ("string", "date") => JsonValue.Create("2024-03-01"),
            ("string", "date-time") => JsonValue.Create("2024-03-01T08:00:00+08:00"),
            ("string", _) => JsonValue.Create("测试"),
            ("integer", _) => JsonValue.Create(1),
            ("number", _) => JsonValue.Create(1.5),
            ("boolean", _) => JsonValue.Create(false),
            ("array", _) when depth < 3 && schema.TryGetProperty("items", out var items) => new JsonArray(Sample(items, depth + 1)),
            ("array", _) => new JsonArray(),
            _ when depth < 3 => new JsonObject(Properties(schema).Select(p => KeyValuePair.Create(p.Name, Sample(p.Schema, depth + 1)))),
            _ => new JsonObject(),
        };
    }

    private IEnumerable<(string Name, JsonElement Schema)> Properties(JsonElement schema)
    {
        schema = Resolve(schema);
        return schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().Select(p => (p.Name, Resolve(p.Value))).ToList()
            : [];
    }

    /// <summary>Follows <c>$ref</c> and picks the non-null branch of <c>oneOf</c>/<c>anyOf</c>.</summary>
    private JsonElement Resolve(JsonElement schema)
    {
        for (var i = 0; i < 10 && schema.ValueKind == JsonValueKind.Object; i++)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                var name = reference.GetString()!.Split('/')[^1];
                schema = _document.GetProperty("components").GetProperty("schemas").GetProperty(name);
            }
            else if ((schema.TryGetProperty("oneOf", out var branches) || schema.TryGetProperty("anyOf", out branches))
                && branches.EnumerateArray().FirstOrDefault(b => TypeOf(b) != "null") is { ValueKind: JsonValueKind.Object } branch)
            {
                schema = branch;
            }
            else
            {
                break;
            }
        }

        return schema;
    }

    private static string? TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type))
        {
            return schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out _) ? "object" : null;
        }

        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null")
            : type.GetString();
    }

    private Guid NextGuid()
    {
        var bytes = new byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static string? FormatOf(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var format) ? format.GetString()?.ToLower(CultureInfo.InvariantCulture) : null;
}
