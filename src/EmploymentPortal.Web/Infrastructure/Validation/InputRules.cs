using System.Collections.Concurrent;
using System.Reflection;
using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Web.Infrastructure.Validation;

/// <summary>
/// The plausibility rules every input meets wherever it enters (API JSON, query and route
/// values, page forms), in one place (docs/decisions/006-error-mapping.md):
/// <list type="bullet">
/// <item>a date lies between <see cref="EarliestDate"/> and <see cref="LatestDate"/>: nothing the
/// portal records (births, contacts, claims, policies) is older or further ahead, and
/// 0001-01-01 or 9999-12-31 are placeholders, not dates;</item>
/// <item>text holds no control characters (C0 but tab and line breaks, DEL, C1) and no
/// bidirectional controls, which can hide or reorder what an officer reads (a name shown as
/// "张三" that sorts and searches as something else); names and other single-line fields hold
/// no line breaks or tabs either.</item>
/// </list>
/// </summary>
public static class InputRules
{
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);
    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    public const string DateRangeMessage = "日期须在 1900-01-01 至 2100-12-31 之间。";
    public const string YearRangeMessage = "年度须在 1900 至 2100 之间。";
    public const string ControlCharacterMessage = "不能包含控制字符或文字方向控制符（如 U+0000、U+202E）。";
    public const string LineBreakMessage = "不能包含换行符、制表符等控制字符。";

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Checked = new();

    public static bool IsPlausible(DateOnly date) => date >= EarliestDate && date <= LatestDate;

    public static bool IsPlausible(DateTime time) => IsPlausible(DateOnly.FromDateTime(time));

    public static bool IsPlausible(DateTimeOffset time) => IsPlausible(PortalCalendar.DateOf(time));

    /// <summary>A year (a value named <c>year</c>) is a date too.</summary>
    public static bool IsPlausibleYear(int year) => year >= EarliestDate.Year && year <= LatestDate.Year;

    public static bool IsYear(string name) => string.Equals(name, "year", StringComparison.OrdinalIgnoreCase);

    /// <summary>A character no text input may hold: C0 controls but tab, LF and CR; DEL; C1; bidirectional marks, embeddings, overrides and isolates.</summary>
    public static bool IsForbidden(char c) =>
        (c < ' ' && c is not ('\t' or '\n' or '\r'))
        || c is >= '\u007f' and <= '\u009f'
        || c is '\u061c' or '\u200e' or '\u200f'
        || c is >= '\u202a' and <= '\u202e'
        || c is >= '\u2066' and <= '\u2069';

    /// <summary>The message for <paramref name="text"/>, or null when it is acceptable.</summary>
    /// <param name="text">The text as entered.</param>
    /// <param name="singleLine">Also refuse tab, LF and CR (names, numbers, codes).</param>
    public static string? CheckText(string? text, bool singleLine)
    {
        if (text is null)
        {
            return null;
        }

        foreach (var c in text)
        {
            if (IsForbidden(c))
            {
                return ControlCharacterMessage;
            }

            if (singleLine && c is '\t' or '\n' or '\r')
            {
                return LineBreakMessage;
            }
        }

        return null;
    }

    /// <summary>
    /// Free text (a note, a reason, an address) may span lines; every other text field is one
    /// line. Which is which is told by the property's name, so that a new command follows the
    /// rule without registering anything.
    /// </summary>
    public static bool IsMultiLine(string propertyName) =>
        MultiLineWords.Any(w => propertyName.EndsWith(w, StringComparison.Ordinal));

    private static readonly string[] MultiLineWords = ["Outcome", "Reason", "Note", "Notes", "Description", "Comment", "Address", "Remarks", "Duties", "Requirements", "Benefits", "Text", "Message", "Detail", "Details", "Content", "Quote", "Json"];

    /// <summary>
    /// The failures of <paramref name="instance"/>'s own public properties (text, dates, lists
    /// of text) against the rules, by property name. Nested objects are checked by their own
    /// validators.
    /// </summary>
    public static IEnumerable<(string Property, string Message)> Check(object? instance)
    {
        if (instance is null)
        {
            yield break;
        }

        foreach (var property in Checked.GetOrAdd(instance.GetType(), CheckedProperties))
        {
            var value = property.GetValue(instance);
            var message = value switch
            {
                string text => CheckText(text, !IsMultiLine(property.Name)),
                IEnumerable<string?> texts => texts.Select(t => CheckText(t, singleLine: !IsMultiLine(property.Name))).FirstOrDefault(m => m is not null),
                DateOnly date when !IsPlausible(date) => DateRangeMessage,
                DateTime time when !IsPlausible(time) => DateRangeMessage,
                DateTimeOffset time when !IsPlausible(time) => DateRangeMessage,
                int year when !IsPlausibleYear(year) => YearRangeMessage,
                _ => null,
            };
            if (message is not null)
            {
                yield return (property.Name, message);
            }
        }
    }

    private static PropertyInfo[] CheckedProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && (IsChecked(p.PropertyType) || (IsYear(p.Name) && (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType) == typeof(int))))
            .ToArray();

    private static bool IsChecked(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(string) || type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset)
            || (type != typeof(string) && typeof(IEnumerable<string>).IsAssignableFrom(type));
    }
}
