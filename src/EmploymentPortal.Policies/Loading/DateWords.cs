using System.Text.RegularExpressions;

namespace EmploymentPortal.Policies.Loading;

/// <summary>
/// The dates a quote states in Chinese words, so the loader can check that a date of the catalogue
/// is in the words it cites: <c>2020年1月1日</c> (a day), <c>12月31日</c> after a year in the same
/// quote (<c>2020年1月1日至12月31日</c>), <c>2022年2月</c> or <c>二〇二二年二月</c> (a month),
/// <c>2022年</c> (a year). A day states itself; a month or a year states its first day as a start
/// and its last day as an end (<c>2022年,因疫情防控…</c> runs from 1 January to 31 December 2022).
/// </summary>
internal static partial class DateWords
{
    /// <summary>A span the words name, with whether it is one day.</summary>
    private readonly record struct Span(DateOnly First, DateOnly Last, bool Day);

    /// <summary>True when <paramref name="quote"/> names <paramref name="date"/> as a day, or as the first day of a month or year it names.</summary>
    public static bool StatesStart(string quote, DateOnly date) => Spans(quote).Any(s => s.First == date);

    /// <summary>True when <paramref name="quote"/> names <paramref name="date"/> as a day, or as the last day of a month or year it names.</summary>
    public static bool StatesEnd(string quote, DateOnly date) => Spans(quote).Any(s => s.Last == date);

    /// <summary>True when <paramref name="quote"/> names <paramref name="date"/> as a whole day (年月日).</summary>
    public static bool StatesDay(string quote, DateOnly date) => Spans(quote).Any(s => s.Day && s.First == date);

    private static IEnumerable<Span> Spans(string quote)
    {
        int? year = null;
        foreach (Match match in Expression().Matches(quote))
        {
            if (match.Groups["y"].Success)
            {
                year = Number(match.Groups["y"].Value);
            }

            if (year is not { } y || y is < 1900 or > 2200)
            {
                continue;
            }

            var month = match.Groups["m"].Success ? Number(match.Groups["m"].Value) : (int?)null;
            var day = match.Groups["d"].Success ? Number(match.Groups["d"].Value) : (int?)null;
            if (month is null)
            {
                if (match.Groups["y"].Success)
                {
                    yield return new Span(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), false);
                }

                continue;
            }

            if (month is < 1 or > 12)
            {
                continue;
            }

            var first = new DateOnly(y, month.Value, 1);
            if (day is null)
            {
                yield return new Span(first, first.AddMonths(1).AddDays(-1), false);
            }
            else if (day >= 1 && day <= DateTime.DaysInMonth(y, month.Value))
            {
                var date = new DateOnly(y, month.Value, day.Value);
                yield return new Span(date, date, true);
            }
        }
    }

    /// <summary>Arabic digits, or Chinese numerals as dates write them (二〇二二, 十二, 二十七).</summary>
    private static int Number(string text)
    {
        if (text.All(char.IsAsciiDigit))
        {
            return int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        }

        const string digits = "〇一二三四五六七八九";
        if (!text.Contains('十', StringComparison.Ordinal))
        {
            return text.Aggregate(0, (n, c) => (n * 10) + Math.Max(0, digits.IndexOf(c == '零' ? '〇' : c, StringComparison.Ordinal)));
        }

        var parts = text.Split('十');
        var tens = parts[0].Length == 0 ? 1 : digits.IndexOf(parts[0][0], StringComparison.Ordinal);
        var ones = parts[1].Length == 0 ? 0 : digits.IndexOf(parts[1][0], StringComparison.Ordinal);
        return (tens * 10) + ones;
    }

    // A year (4 digits or 4 Chinese numerals) with an optional month and day, or a month and day
    // without a year (which take the year last named in the quote).
    [GeneratedRegex("(?:(?<y>[0-9]{4}|[〇零一二三四五六七八九]{4})年(?:(?<m>[0-9]{1,2}|十[一二]?|[一二三四五六七八九])月(?:(?<d>[0-9]{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日)?)?)|(?:(?<m>[0-9]{1,2})月(?<d>[0-9]{1,2})日)")]
    private static partial Regex Expression();
}
