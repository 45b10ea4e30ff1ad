using System.Text;
using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.ValueObjects;

/// <summary>
/// The one normalisation every value object applies before it validates: what people type into
/// a form or a spreadsheet cell (a Chinese input method in full-width mode, a pasted number with
/// spaces) should not be refused for its shape alone.
/// </summary>
internal static class InputNormalizer
{
    private const char FullWidthFirst = '\uFF01';
    private const char FullWidthLast = '\uFF5E';
    private const int FullWidthOffset = 0xFEE0;

    /// <summary>
    /// Removes every whitespace character (leading, trailing and internal, including the
    /// ideographic space U+3000), maps the full-width forms U+FF01–U+FF5E (０-９, Ａ-Ｚ, ａ-ｚ, Ｘ,
    /// ＋, －, ，, ．, ...) to their ASCII counterparts and upper-cases ASCII letters.
    /// Returns an empty string for <see langword="null"/>.
    /// </summary>
    public static string Normalize(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(input.Length);
        foreach (var raw in input)
        {
            if (char.IsWhiteSpace(raw))
            {
                continue;
            }

            var c = raw is >= FullWidthFirst and <= FullWidthLast ? (char)(raw - FullWidthOffset) : raw;
            builder.Append(c is >= 'a' and <= 'z' ? (char)(c - ('a' - 'A')) : c);
        }

        return builder.ToString();
    }

    /// <summary>True when every character is an ASCII digit 0-9.</summary>
    public static bool IsAsciiDigits(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Describes a character for an error message, e.g. “I” or U+00A0 for invisible ones.</summary>
    public static string Describe(char c) =>
        char.IsControl(c) || char.IsWhiteSpace(c) ? $"U+{(int)c:X4}" : $"“{c}”";
}

/// <summary>A failed parse: a stable code for the API and a Simplified Chinese message for the user.</summary>
internal readonly record struct ParseError(string Code, string Message)
{
    public DomainException ToException() => new(Code, Message);
}
