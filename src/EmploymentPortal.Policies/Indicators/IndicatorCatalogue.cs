using System.Globalization;
using System.Text;
using EmploymentPortal.Policies.Loading;
using EmploymentPortal.Policies.Model;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace EmploymentPortal.Policies.Indicators;

/// <summary>
/// The quantified targets of the policy documents (issue 17), read from the versioned
/// <c>Indicators/targets.yaml</c> beside the rules catalogue and checked like it: every target
/// cites a document of the rules catalogue and words that occur in that document's text; unknown
/// keys, units, kinds and duplicate ids are refused with every problem listed.
/// </summary>
public sealed class IndicatorCatalogue
{
    private const string ResourceName = "Indicators/targets.yaml";

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    private IndicatorCatalogue(string version, IReadOnlyList<IndicatorTarget> targets, IReadOnlyList<NotATarget> notTargets)
    {
        Version = version;
        Targets = targets;
        NotTargets = notTargets;
    }

    /// <summary>The file's <c>version</c>: changes with every edit of the targets.</summary>
    public string Version { get; }

    public IReadOnlyList<IndicatorTarget> Targets { get; }

    /// <summary>Sentences with a figure that were judged not to be targets, each with the reason.</summary>
    public IReadOnlyList<NotATarget> NotTargets { get; }

    public IndicatorTarget? Find(string id) => Targets.FirstOrDefault(t => t.Id == id);

    /// <summary>The embedded <c>targets.yaml</c>, checked against <paramref name="policies"/> and its texts.</summary>
    /// <exception cref="PolicyCatalogueException">The file is invalid.</exception>
    public static IndicatorCatalogue LoadEmbedded(PolicyCatalogue policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        using var stream = typeof(IndicatorCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Load(reader.ReadToEnd(), policies);
    }

    /// <exception cref="PolicyCatalogueException">The file is invalid.</exception>
    public static IndicatorCatalogue Load(string yaml, PolicyCatalogue policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        TargetsFileYaml file;
        try
        {
            file = Deserializer.Deserialize<TargetsFileYaml>(yaml) ?? throw new PolicyCatalogueException(["targets.yaml: empty file"]);
        }
        catch (YamlException e)
        {
            throw new PolicyCatalogueException([$"targets.yaml ({e.Start.Line}:{e.Start.Column}): {e.InnerException?.Message ?? e.Message}"]);
        }

        var texts = PolicyTextIndex.Load(policies.PolicyTextDirectory);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(file.Version))
        {
            errors.Add("targets.yaml: version is required");
        }

        var targets = new List<IndicatorTarget>();
        foreach (var item in file.Targets ?? [])
        {
            var target = Read(item, policies, texts, errors);
            if (target is null)
            {
                continue;
            }

            if (targets.Any(t => t.Id == target.Id))
            {
                errors.Add($"{target.Id}: duplicate id");
            }

            targets.Add(target);
        }

        var notTargets = new List<NotATarget>();
        foreach (var item in file.NotTargets ?? [])
        {
            var document = item.Document is null ? null : policies.FindDocument(item.Document);
            if (document is null)
            {
                errors.Add($"notTargets: unknown document '{item.Document}'");
                continue;
            }

            if (string.IsNullOrWhiteSpace(item.Quote) || !texts.Contains(document.SourceFile, item.Quote))
            {
                errors.Add($"notTargets ({item.Document}): the quote '{item.Quote}' is not in {document.SourceFile}");
                continue;
            }

            if (string.IsNullOrWhiteSpace(item.Reason))
            {
                errors.Add($"notTargets ({item.Document}): '{item.Quote}' needs a reason");
                continue;
            }

            notTargets.Add(new NotATarget(document.Id, item.Quote, item.Reason));
        }

        if (errors.Count > 0)
        {
            throw new PolicyCatalogueException(errors);
        }

        return new IndicatorCatalogue(file.Version!, targets, notTargets);
    }

    private static IndicatorTarget? Read(TargetYaml item, PolicyCatalogue policies, PolicyTextIndex texts, List<string> errors)
    {
        var id = item.Id ?? "(no id)";
        var count = errors.Count;
        var document = item.Document is null ? null : policies.FindDocument(item.Document);
        if (document is null)
        {
            errors.Add($"{id}: unknown document '{item.Document}'");
            return null;
        }

        if (item.Id is null || !item.Id.StartsWith(document.Id + ".", StringComparison.Ordinal))
        {
            errors.Add($"{id}: the id must start with the document id '{document.Id}.'");
        }

        var citations = new List<Citation>();
        foreach (var reference in new[] { item.Reference }.Concat(item.Also ?? []))
        {
            if (reference?.Section is null || reference.Quote is null)
            {
                errors.Add($"{id}: a reference needs a section and a quote");
                continue;
            }

            if (!texts.Contains(document.SourceFile, reference.Quote))
            {
                errors.Add($"{id}: the quote '{reference.Quote}' is not in {document.SourceFile}");
            }

            citations.Add(new Citation(document.SourceFile, reference.Section, reference.Quote));
        }

        var unit = TargetUnit.Find(item.Unit);
        if (unit is null)
        {
            errors.Add($"{id}: unknown unit '{item.Unit}'");
        }

        var scope = Parse<TargetScope>(item.Scope, id, "scope", errors);
        var direction = Parse<TargetDirection>(item.Direction, id, "direction", errors);
        var nature = Parse<TargetNature>(item.Nature, id, "nature", errors);
        var kind = Parse<TargetPeriodKind>(item.Period?.Kind, id, "period.kind", errors);
        var measuredAs = item.MeasuredAs is null ? (unit?.Id == "percent" ? MeasuredAs.Level : MeasuredAs.Flow) : Parse<MeasuredAs>(item.MeasuredAs, id, "measuredAs", errors);
        if (item.Period?.From is not { } from || from is < 2000 or > 2100)
        {
            errors.Add($"{id}: period.from must be a year");
            from = 0;
        }

        var to = item.Period?.To;
        if (kind != TargetPeriodKind.EachYear && to is null)
        {
            errors.Add($"{id}: a {item.Period?.Kind} period needs `to`");
        }

        if (to is { } end && end < from)
        {
            errors.Add($"{id}: period.to is before period.from");
        }

        if (kind == TargetPeriodKind.Year && to != from)
        {
            errors.Add($"{id}: a year period has from = to");
        }

        if (kind == TargetPeriodKind.Total && to == from)
        {
            errors.Add($"{id}: a total spans several years; use kind: year");
        }

        if (item.Target is not { } value || value < 0)
        {
            errors.Add($"{id}: target must be a number ≥ 0");
            value = 0;
        }

        if (string.IsNullOrWhiteSpace(item.Indicator))
        {
            errors.Add($"{id}: indicator is required");
        }

        TargetBaseline? baseline = null;
        if (item.Baseline is { } b)
        {
            if (b.Value is null || b.From is null || b.To is null || string.IsNullOrWhiteSpace(b.Note))
            {
                errors.Add($"{id}: a baseline needs value, from, to and note");
            }
            else
            {
                baseline = new TargetBaseline(b.Value.Value, b.From.Value, b.To.Value, b.Note);
            }
        }

        if (errors.Count > count)
        {
            return null;
        }

        return new IndicatorTarget(
            item.Id!, document, citations[0], citations.Skip(1).ToList(), item.Indicator!, unit!, scope, new TargetPeriod(kind, from, to),
            baseline, value, direction, item.Approximate ?? false, nature, measuredAs, string.IsNullOrWhiteSpace(item.Measure) ? null : item.Measure);
    }

    private static T Parse<T>(string? text, string id, string field, List<string> errors)
        where T : struct, Enum
    {
        if (text is not null && Enum.TryParse<T>(text, ignoreCase: true, out var value) && !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            return value;
        }

        errors.Add($"{id}: unknown {field} '{text}'");
        return default;
    }

    private sealed class TargetsFileYaml
    {
        public string? Version { get; set; }

        public List<TargetYaml>? Targets { get; set; }

        public List<NotTargetYaml>? NotTargets { get; set; }
    }

    private sealed class TargetYaml
    {
        public string? Id { get; set; }

        public string? Document { get; set; }

        public ReferenceYaml? Reference { get; set; }

        public List<ReferenceYaml>? Also { get; set; }

        public string? Indicator { get; set; }

        public string? Unit { get; set; }

        public string? Scope { get; set; }

        public PeriodYaml? Period { get; set; }

        public BaselineYaml? Baseline { get; set; }

        public decimal? Target { get; set; }

        public string? Direction { get; set; }

        public bool? Approximate { get; set; }

        public string? Nature { get; set; }

        public string? MeasuredAs { get; set; }

        public string? Measure { get; set; }
    }

    private sealed class ReferenceYaml
    {
        public string? Section { get; set; }

        public string? Quote { get; set; }
    }

    private sealed class PeriodYaml
    {
        public string? Kind { get; set; }

        public int? From { get; set; }

        public int? To { get; set; }
    }

    private sealed class BaselineYaml
    {
        public decimal? Value { get; set; }

        public int? From { get; set; }

        public int? To { get; set; }

        public string? Note { get; set; }
    }

    private sealed class NotTargetYaml
    {
        public string? Document { get; set; }

        public string? Quote { get; set; }

        public string? Reason { get; set; }
    }
}

/// <summary>A quantified target of a policy document.</summary>
/// <param name="Id">Stable id, <c>&lt;document id&gt;.&lt;name&gt;</c>; never reused or renamed (entered figures refer to it).</param>
/// <param name="Document">The document (its number, title and jurisdictions).</param>
/// <param name="Reference">The clause and words that set the target.</param>
/// <param name="Also">Other places the same target is stated.</param>
/// <param name="Indicator">The indicator in the document's words.</param>
/// <param name="Unit">The unit of <see cref="Value"/> and of the baseline.</param>
/// <param name="Scope">The level of the jurisdiction the target is set for.</param>
/// <param name="Period">The years the target covers and how they count.</param>
/// <param name="Baseline">The figure the document starts from (Tongren's 十三五 column).</param>
/// <param name="Value">The target figure, in <see cref="Unit"/>.</param>
/// <param name="Direction">≥ or ≤.</param>
/// <param name="Approximate">左右: the figure is approximate; status still compares with it.</param>
/// <param name="Nature">预期性 or 约束性, where the document says.</param>
/// <param name="MeasuredAs">A flow accumulates over its period; a level is a state at the end of it.</param>
/// <param name="Measure">The portal's computation from its records; null: an officer enters the figure.</param>
public sealed record IndicatorTarget(
    string Id,
    PolicyDocument Document,
    Citation Reference,
    IReadOnlyList<Citation> Also,
    string Indicator,
    TargetUnit Unit,
    TargetScope Scope,
    TargetPeriod Period,
    TargetBaseline? Baseline,
    decimal Value,
    TargetDirection Direction,
    bool Approximate,
    TargetNature Nature,
    MeasuredAs MeasuredAs,
    string? Measure)
{
    public IReadOnlyList<string> Jurisdictions => Document.Jurisdictions;

    /// <summary>The document cited as people read it: its number, or its title in 《》, and the clause.</summary>
    public string CitationText => $"{(Document.DocumentNumber is { } number ? number : $"《{Document.Title}》")} {Reference.Section}";
}

/// <summary>A sentence with a figure that is not a target, and why.</summary>
public sealed record NotATarget(string DocumentId, string Quote, string Reason);

/// <summary>The baseline: its value, the years it covers and what it is (e.g. the 十三五 result, a five-year total).</summary>
public sealed record TargetBaseline(decimal Value, int From, int To, string Note);

/// <summary>The years a target covers.</summary>
/// <param name="Kind">One year, each year, or a total.</param>
/// <param name="From">The first year.</param>
/// <param name="To">Null for a standing yearly target (每年, no end stated).</param>
public sealed record TargetPeriod(TargetPeriodKind Kind, int From, int? To)
{
    /// <summary>Years of a total (five for a 十四五 total); 1 otherwise.</summary>
    public int Years => Kind == TargetPeriodKind.Total ? To!.Value - From + 1 : 1;
}

public enum TargetPeriodKind
{
    /// <summary>One calendar year (2022年; 到2025年 for a level).</summary>
    Year,

    /// <summary>Every year of the span (每年; 年均; 全年), each compared with its own year.</summary>
    EachYear,

    /// <summary>The sum over the whole span (“十四五”期间): never a yearly figure.</summary>
    Total,
}

public enum TargetDirection
{
    /// <summary>≥: 以上、不少于、不低于、达到.</summary>
    AtLeast,

    /// <summary>≤: 以内、清零.</summary>
    AtMost,
}

public enum TargetNature
{
    /// <summary>预期性.</summary>
    Expected,

    /// <summary>约束性.</summary>
    Binding,

    /// <summary>The document gives no kind.</summary>
    NotStated,
}

public enum TargetScope
{
    City,
    District,
    Community,
}

public enum MeasuredAs
{
    /// <summary>Accumulates over the period (hires, fairs, trainings).</summary>
    Flow,

    /// <summary>A state at the end of the period (a rate, a number of parks, open zero-employment households).</summary>
    Level,
}

/// <summary>A unit of a target, with the factor from the portal's base unit (persons, yuan, items).</summary>
public sealed record TargetUnit(string Id, string Label, decimal Factor)
{
    public static IReadOnlyList<TargetUnit> All { get; } =
    [
        new("persons", "人", 1),
        new("tenThousandPersons", "万人", 10_000),
        new("personTimes", "人次", 1),
        new("tenThousandPersonTimes", "万人次", 10_000),
        new("percent", "%", 1),
        new("count", "个", 1),
        new("fairs", "场", 1),
        new("enterprises", "家", 1),
        new("households", "户", 1),
        new("hundredMillionCny", "亿元", 100_000_000),
        new("dwellings", "套", 1),
        new("times", "次", 1),
    ];

    public static TargetUnit? Find(string? id) => All.FirstOrDefault(u => u.Id == id);
}
