using System.Text.RegularExpressions;

namespace EmploymentPortal.Domain.Tests.Common;

/// <summary>
/// “Today” has one definition: <see cref="Domain.Common.PortalCalendar"/>, the China date from the
/// injected clock. These tests read every .cs and .razor file under src/ and fail on any other
/// reading of the system clock, time-zone lookup, hand-made +08:00, or UTC date of an instant.
/// </summary>
public sealed partial class OneCalendarArchitectureTests
{
    private const string CalendarFile = "src/EmploymentPortal.Domain/Common/PortalCalendar.cs";

    /// <summary>
    /// Files that may keep a form the rule forbids, each with the reason. Keep it short: a new
    /// entry needs a reason that PortalCalendar cannot serve.
    /// </summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        [CalendarFile] = "the one calendar: it looks up Asia/Shanghai and builds the fixed +08:00 fallback",
    };

    private static readonly (string Name, Regex Pattern)[] Forbidden =
    [
        ("DateTime.UtcNow / DateTime.Now / DateTime.Today", SystemDateTime()),
        ("DateTimeOffset.Now / DateTimeOffset.UtcNow", SystemDateTimeOffset()),
        ("a TimeZoneInfo lookup or conversion", TimeZoneLookup()),
        ("a UTC date taken from GetUtcNow()", UtcDateOfNow()),
        ("a UTC date of an instant (…UtcDateTime.Date, DateOnly.FromDateTime(….UtcDateTime))", UtcDateOfInstant()),
        ("a hand-made China offset (+8 hours)", HandMadeChinaOffset()),
    ];

    [Fact]
    public void Only_PortalCalendar_reads_the_system_clock_a_time_zone_or_a_UTC_date()
    {
        var root = SourceTree.RepositoryRoot();
        var files = SourceTree.SourceFiles(root);

        var offences = files
            .Where(f => !Allowed.ContainsKey(f))
            .SelectMany(f => File.ReadLines(Path.Combine(root, f)).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .SelectMany(l => Offences(l.Text).Select(name => $"{l.File}:{l.Line}: {name}: {l.Text.Trim()}"))
            .ToList();

        Assert.NotEmpty(files);
        Assert.True(offences.Count == 0, "Use PortalCalendar (Today, CurrentMonth, DateOf, StartOf, EndOf, ToChinaTime) instead of:\n" + string.Join('\n', offences));
        Assert.Contains(CalendarFile, files);
    }

    [Theory]
    [InlineData("var today = DateOnly.FromDateTime(DateTime.UtcNow);")]
    [InlineData("var t = DateTime.Now;")]
    [InlineData("private int _year = DateTime.Today.Year;")]
    [InlineData("Expires = DateTimeOffset.UtcNow.AddYears(1)")]
    [InlineData("var now = DateTimeOffset.Now;")]
    [InlineData("return TimeZoneInfo.FindSystemTimeZoneById(\"Asia/Shanghai\");")]
    [InlineData("TimeZoneInfo.ConvertTime(value, zone)")]
    [InlineData("var today = _time.GetUtcNow().Date;")]
    [InlineData("var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);")]
    [InlineData("var today = time.GetUtcNow().UtcDateTime.Date;")]
    [InlineData("var day = DateOnly.FromDateTime(r.ApprovedAt.UtcDateTime);")]
    [InlineData("@row.ReferredAt.ToOffset(TimeSpan.FromHours(8)).ToString(\"yyyy-MM-dd\")")]
    [InlineData("DateOnly.FromDateTime(x.ReferredAt.UtcDateTime.AddHours(8))")]
    public void Each_forbidden_form_is_recognised(string line)
    {
        Assert.NotEmpty(Offences(line));
    }

    [Theory]
    [InlineData("var today = _calendar.Today;")]
    [InlineData("var now = _time.GetUtcNow();")]
    [InlineData("var day = PortalCalendar.DateOf(r.ApprovedAt);")]
    [InlineData("var start = DateOnly.FromDateTime(command.StartDate!.Value);")]
    [InlineData("c.InTimeZone(PortalCalendar.ChinaTime)")]
    public void Calendar_and_instant_code_is_not_flagged(string line)
    {
        Assert.Empty(Offences(line));
    }

    private static IEnumerable<string> Offences(string line) =>
        Forbidden.Where(f => f.Pattern.IsMatch(line)).Select(f => f.Name);

    [GeneratedRegex(@"\bDateTime\s*\.\s*(UtcNow|Now|Today)\b")]
    private static partial Regex SystemDateTime();

    [GeneratedRegex(@"\bDateTimeOffset\s*\.\s*(UtcNow|Now)\b")]
    private static partial Regex SystemDateTimeOffset();

    [GeneratedRegex(@"\bTimeZoneInfo\s*\.\s*(FindSystemTimeZoneById|TryFindSystemTimeZoneById|Local|ConvertTime\w*|CreateCustomTimeZone|GetSystemTimeZones)\b")]
    private static partial Regex TimeZoneLookup();

    [GeneratedRegex(@"GetUtcNow\(\)\s*\.\s*(Date\b|UtcDateTime\b|DateTime\b)|DateOnly\s*\.\s*FromDateTime\([^;]*(UtcNow|GetUtcNow\(\))")]
    private static partial Regex UtcDateOfNow();

    [GeneratedRegex(@"\.UtcDateTime\s*\.\s*Date\b|DateOnly\s*\.\s*FromDateTime\([^;]*\.UtcDateTime\b")]
    private static partial Regex UtcDateOfInstant();

    [GeneratedRegex(@"\b(FromHours|AddHours)\(\s*8\s*\)")]
    private static partial Regex HandMadeChinaOffset();
}
