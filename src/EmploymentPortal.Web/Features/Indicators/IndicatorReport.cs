using System.Globalization;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Indicators;
using EmploymentPortal.Policies.Indicators;
using EmploymentPortal.Web.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Indicators;

/// <summary>
/// The bureau's indicators (指标与目标): every target of the catalogue that falls in the asked
/// years, with the actual figure (computed from the records or entered), % achieved, the trend
/// against the year before and the status (docs/indicators.md). A yearly target gives one row per
/// year; a five-year total one row for its whole span, cumulated to the day of the report.
/// </summary>
public static class IndicatorReport
{
    public const int MaxYears = 10;

    /// <summary>The years and area of a report, parsed from the query (<c>period=2023</c> or <c>2021-2025</c>; <c>scope=city</c>, <c>district:369902</c>, <c>community:&lt;id&gt;</c>).</summary>
    public sealed record Request(int FromYear, int ToYear, AreaScope Area)
    {
        public string Period => FromYear == ToYear ? FromYear.ToString(CultureInfo.InvariantCulture) : $"{FromYear}-{ToYear}";
    }

    /// <summary>The entered figure a row rests on (the latest of its year, or the years summed for a total).</summary>
    public sealed record EnteredFigure(int Year, decimal Value, string Source, DateOnly SourceDate, string EnteredBy, DateTimeOffset EnteredAt);

    public sealed record Row(
        string TargetId,
        string Indicator,
        string DocumentId,
        string DocumentTitle,
        string? DocumentNumber,
        string Citation,
        string Section,
        string Quote,
        IReadOnlyList<string> Jurisdictions,
        TargetScope TargetScope,
        string Unit,
        TargetPeriodKind PeriodKind,
        string Window,
        DateOnly WindowStart,
        DateOnly WindowEnd,
        DateOnly AsOf,
        decimal? Baseline,
        string? BaselineNote,
        decimal Target,
        TargetDirection Direction,
        bool Approximate,
        TargetNature Nature,
        FigureSource Source,
        string SourceDescription,
        string? EnteredLabel,
        decimal? Actual,
        decimal? Expected,
        decimal? PercentAchieved,
        decimal? YearlyPace,
        decimal? PreviousYearActual,
        string? Trend,
        ProgressStatus? Status,
        bool TargetAppliesToArea,
        IReadOnlyList<EnteredFigure> Entered);

    public sealed record Report(string Period, int FromYear, int ToYear, string Scope, string ScopeLabel, DateOnly Today, string CatalogueVersion, IReadOnlyList<Row> Rows);

    /// <summary>Parses the query; a bad value is a 400 outcome naming the field, in Chinese.</summary>
    public static async Task<(Request? Request, FeatureOutcome? Refusal)> ParseAsync(PortalDbContext db, string? period, string? scope, DateOnly today, CancellationToken cancellationToken)
    {
        int from, to;
        var text = period?.Trim() ?? string.Empty;
        var parts = text.Split('-');
        if (text.Length == 0)
        {
            (from, to) = (today.Year, today.Year);
        }
        else if (parts.Length is 1 or 2 && parts.All(p => p.Length == 4 && p.All(char.IsAsciiDigit)))
        {
            from = int.Parse(parts[0], CultureInfo.InvariantCulture);
            to = int.Parse(parts[^1], CultureInfo.InvariantCulture);
        }
        else
        {
            return (null, FeatureOutcome.Field("period", "期间格式应为年份（如 2023）或年份区间（如 2021-2025）。"));
        }

        if (from is < 2000 or > 2100 || to is < 2000 or > 2100 || to < from || to - from + 1 > MaxYears)
        {
            return (null, FeatureOutcome.Field("period", $"期间应在 2000~2100 年之间，起始年不晚于结束年，最长 {MaxYears} 年。"));
        }

        var (area, error) = await AreaAsync(db, scope, cancellationToken);
        return area is null ? (null, FeatureOutcome.Field("scope", error!)) : (new Request(from, to, area), null);
    }

    /// <summary>The area of a scope key; a Chinese message when the key is malformed or names nothing.</summary>
    public static async Task<(AreaScope? Area, string? Error)> AreaAsync(PortalDbContext db, string? scope, CancellationToken cancellationToken)
    {
        var key = scope?.Trim() ?? string.Empty;
        if (key.Length == 0 || key == AreaScope.City.Key)
        {
            return (AreaScope.City, null);
        }

        const string format = "范围应为 city（全市）、district:区县代码 或 community:社区编号。";
        var separator = key.IndexOf(':', StringComparison.Ordinal);
        var kind = separator < 0 ? key : key[..separator];
        var value = separator < 0 ? string.Empty : key[(separator + 1)..];
        if (kind == "district" && value.Length == 6 && value.All(char.IsAsciiDigit))
        {
            var district = await db.Districts.AsNoTracking().Where(d => d.Code == value).Select(d => new { d.Id, d.Name }).FirstOrDefaultAsync(cancellationToken);
            if (district is null)
            {
                return (null, "所选区县不存在。");
            }

            var ids = await db.Communities.AsNoTracking().Where(c => db.Streets.Any(s => s.Id == c.StreetId && s.DistrictId == district.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
            return (new AreaScope($"district:{value}", district.Name, TargetScope.District, ids), null);
        }

        if (kind == "community" && Guid.TryParse(value, out var communityId))
        {
            var name = await db.Communities.AsNoTracking().Where(c => c.Id == communityId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
            return name is null ? (null, "所选社区不存在。") : (new AreaScope($"community:{communityId}", name, TargetScope.Community, [communityId]), null);
        }

        return (null, format);
    }

    public static async Task<Report> BuildAsync(
        PortalDbContext db,
        IndicatorCatalogue catalogue,
        IReadOnlyCollection<string> jurisdictions,
        Request request,
        DateOnly today,
        IConfiguration configuration,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(request);
        var targets = catalogue.Targets.Where(t => t.Jurisdictions.Any(jurisdictions.Contains)).ToList();
        var targetIds = targets.Select(t => t.Id).ToList();
        var figures = await db.IndicatorFigures.AsNoTracking()
            .Where(f => f.Scope == request.Area.Key && targetIds.Contains(f.TargetId))
            .ToListAsync(cancellationToken);
        var latest = figures
            .GroupBy(f => (f.TargetId, f.Year))
            .ToDictionary(g => g.Key, g => g.OrderBy(f => f.EnteredAt).ThenBy(f => f.Id).Last());
        var rows = new List<Row>();
        foreach (var target in targets)
        {
            foreach (var window in TargetWindow.Within(target, request.FromYear, request.ToYear))
            {
                rows.Add(await RowAsync(db, target, window, request.Area, latest, today, configuration, cancellationToken));
            }
        }

        return new Report(request.Period, request.FromYear, request.ToYear, request.Area.Key, request.Area.Label, today, catalogue.Version, rows);
    }

    private static async Task<Row> RowAsync(
        PortalDbContext db,
        IndicatorTarget target,
        TargetWindow window,
        AreaScope area,
        Dictionary<(string TargetId, int Year), IndicatorFigure> figures,
        DateOnly today,
        IConfiguration configuration,
        CancellationToken cancellationToken)
    {
        var measure = IndicatorMeasures.Find(target.Measure);
        var source = measure?.Source ?? FigureSource.Entered;
        var asOf = window.AsOf(today);
        var started = today >= window.Start;
        var (actual, entered) = started ? await ActualAsync(db, target, measure, window.Start, asOf, area, figures, configuration, cancellationToken) : (null, []);

        // The trend compares the year of the report's day with the same days a year before.
        var trendStart = target.Period.Kind == TargetPeriodKind.Total ? new DateOnly(asOf.Year, 1, 1) : window.Start;
        decimal? current = target.Period.Kind == TargetPeriodKind.Total && started
            ? (await ActualAsync(db, target, measure, trendStart, asOf, area, figures, configuration, cancellationToken)).Actual
            : actual;
        decimal? previous = started && trendStart.Year > 2000
            ? (await ActualAsync(db, target, measure, trendStart.AddYears(-1), asOf.AddYears(-1), area, figures, configuration, cancellationToken)).Actual
            : null;
        var trend = current is { } c && previous is { } p ? (c > p ? "up" : c < p ? "down" : "flat") : null;

        var applies = area.Level == TargetScope.City;
        var comparison = TargetComparison.Of(target, window, actual, today);
        return new Row(
            target.Id, target.Indicator, target.Document.Id, target.Document.Title, target.Document.DocumentNumber, target.CitationText,
            target.Reference.Section, target.Reference.Quote, target.Jurisdictions, target.Scope, target.Unit.Label, target.Period.Kind,
            window.Label, window.Start, window.End, asOf, target.Baseline?.Value, target.Baseline?.Note, target.Value, target.Direction,
            target.Approximate, target.Nature, source, measure?.Description ?? "人工录入：经办人员按年度录入数值、数据来源和日期", measure?.EnteredLabel,
            actual, comparison.Expected, comparison.PercentAchieved, comparison.YearlyPace, previous, trend,
            applies ? comparison.Status : null, applies, entered);
    }

    /// <summary>The actual figure in the target's unit from <paramref name="start"/> through <paramref name="asOf"/>, and the entered figures it rests on.</summary>
    private static async Task<(decimal? Actual, IReadOnlyList<EnteredFigure> Entered)> ActualAsync(
        PortalDbContext db,
        IndicatorTarget target,
        IndicatorMeasures.Measure? measure,
        DateOnly start,
        DateOnly asOf,
        AreaScope area,
        Dictionary<(string TargetId, int Year), IndicatorFigure> figures,
        IConfiguration configuration,
        CancellationToken cancellationToken)
    {
        // A flow adds the years of the span; a level (and a rate's denominator) is the figure of the latest year.
        var years = Enumerable.Range(start.Year, asOf.Year - start.Year + 1).Where(y => figures.ContainsKey((target.Id, y))).ToList();
        var used = target.MeasuredAs == MeasuredAs.Flow && measure is null ? years : years.TakeLast(1).ToList();
        var entered = used.Select(y => figures[(target.Id, y)]).Select(f => new EnteredFigure(f.Year, f.Value, f.Source, f.SourceDate, f.EnteredByName, f.EnteredAt)).ToList();
        switch (measure?.Source)
        {
            case null or FigureSource.Entered:
                return (entered.Count == 0 ? null : entered.Sum(f => f.Value), entered);
            case FigureSource.RecordsOverEntered:
                var numerator = await IndicatorMeasures.ComputeAsync(db, measure.Id, area, start, asOf, configuration, cancellationToken);
                var denominator = entered.Count == 0 ? 0 : entered[^1].Value;
                return (numerator is { } n && denominator > 0 ? Math.Round(n * 100m / denominator, 2) : null, entered);
            default:
                var value = await IndicatorMeasures.ComputeAsync(db, measure.Id, area, start, asOf, configuration, cancellationToken);
                return (value is { } v ? Math.Round(v / target.Unit.Factor, 4) : null, []);
        }
    }
}
