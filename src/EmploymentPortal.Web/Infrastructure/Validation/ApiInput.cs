using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Web.Infrastructure.Validation;

/// <summary>
/// Where API input enters, the <see cref="InputRules"/> and the types hold before a handler
/// runs: JSON bodies through the serializer options, query and route values through an
/// endpoint filter. What fails is thrown (JSON) or answered (filter) as a 400 with the field
/// named; <see cref="ErrorMapping"/> turns the exceptions into problem details.
/// </summary>
public static class ApiInput
{
    /// <summary>
    /// The API's JSON: enums by name only (a number could name a value the enum does not have),
    /// dates plausible and as ISO text, money as a string of yuan (<see cref="MoneyJsonConverter"/>), text without control characters, and null refused for
    /// what the C# type says cannot be null (e.g. <c>"services": null</c> for a list). Answers
    /// are written as before: the null check applies to reading only.
    /// </summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.Converters.Add(new DateOnlyConverter());
        options.Converters.Add(new DateTimeConverter());
        options.Converters.Add(new DateTimeOffsetConverter());
        options.Converters.Add(new TextConverter());
        options.Converters.Add(new MoneyJsonConverter());
        options.RespectNullableAnnotations = true;
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(WriteNullsAsBefore);
    }

    /// <summary>
    /// A filter for the API group: query, route and header values of enum, date and text types
    /// meet the same rules as the JSON body (<c>?keyGroup=99</c>, <c>?from=0001-01-01</c>);
    /// an integer named <c>year</c> lies in the dates' range.
    /// </summary>
    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var checkedParameters = context.MethodInfo.GetParameters()
            .Select((parameter, index) => (parameter, index))
            .Where(p => IsSimpleInput(p.parameter.ParameterType) || (InputRules.IsYear(p.parameter.Name ?? string.Empty) && (Nullable.GetUnderlyingType(p.parameter.ParameterType) ?? p.parameter.ParameterType) == typeof(int)))
            .ToArray();
        if (checkedParameters.Length == 0)
        {
            return next;
        }

        return invocation =>
        {
            Dictionary<string, string[]>? errors = null;
            foreach (var (parameter, index) in checkedParameters)
            {
                if (Check(invocation.Arguments[index]) is { } message)
                {
                    errors ??= [];
                    errors[parameter.Name!] = [message];
                }
            }

            return errors is null ? next(invocation) : ValueTask.FromResult<object?>(ApiProblems.Validation(errors));
        };
    }

    private static bool IsSimpleInput(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsEnum || type == typeof(string) || type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset);
    }

    private static string? Check(object? value) => value switch
    {
        null => null,
        Enum e when !IsDefined(e) => $"取值无效，可选值：{string.Join("、", Enum.GetNames(e.GetType()))}。",
        string text => InputRules.CheckText(text, singleLine: true),
        DateOnly date when !InputRules.IsPlausible(date) => InputRules.DateRangeMessage,
        DateTime time when !InputRules.IsPlausible(time) => InputRules.DateRangeMessage,
        DateTimeOffset time when !InputRules.IsPlausible(time) => InputRules.DateRangeMessage,
        int year when !InputRules.IsPlausibleYear(year) => InputRules.YearRangeMessage,
        _ => null,
    };

    /// <summary>A value the enum names; for a flags enum, any combination of named flags.</summary>
    private static bool IsDefined(Enum value)
    {
        var type = value.GetType();
        if (Enum.IsDefined(type, value))
        {
            return true;
        }

        if (type.GetCustomAttribute<FlagsAttribute>() is null)
        {
            return false;
        }

        var all = Enum.GetValues(type).Cast<Enum>().Aggregate(0UL, (bits, v) => bits | Convert.ToUInt64(v, CultureInfo.InvariantCulture));
        return (Convert.ToUInt64(value, CultureInfo.InvariantCulture) & ~all) == 0;
    }

    private static void WriteNullsAsBefore(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties.Where(p => !p.PropertyType.IsValueType))
        {
            property.IsGetNullable = true;
        }
    }

    private sealed class DateOnlyConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String
                || !DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new JsonException("应为日期，格式 yyyy-MM-dd。");
            }

            return InputRules.IsPlausible(date) ? date : throw new JsonException(InputRules.DateRangeMessage);
        }

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private sealed class DateTimeConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTime(out var time))
            {
                throw new JsonException("应为 ISO 8601 格式的时间，如 2025-03-01T09:30:00+08:00。");
            }

            return InputRules.IsPlausible(time) ? time : throw new JsonException(InputRules.DateRangeMessage);
        }

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class DateTimeOffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var time))
            {
                throw new JsonException("应为 ISO 8601 格式的时间，如 2025-03-01T09:30:00+08:00。");
            }

            return InputRules.IsPlausible(time) ? time : throw new JsonException(InputRules.DateRangeMessage);
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    /// <summary>Text of any JSON field: line breaks allowed (free text), other control characters not; names are one line by their validators.</summary>
    private sealed class TextConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException("应为文本。");
            }

            var text = reader.GetString();
            return InputRules.CheckText(text, singleLine: false) is { } message ? throw new JsonException(message) : text;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
