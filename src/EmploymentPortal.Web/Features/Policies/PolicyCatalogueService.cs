using EmploymentPortal.Data;
using EmploymentPortal.Policies;
using EmploymentPortal.Policies.Evaluation;
using EmploymentPortal.Policies.Loading;
using EmploymentPortal.Policies.Model;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Policies;

/// <summary>Configuration section <c>Policies</c>.</summary>
public sealed class PolicyOptions
{
    public const string SectionName = "Policies";

    /// <summary>
    /// Folder of the policy texts the catalogue quotes (the documents in shared/policies). When
    /// empty, the copy in the build output or a shared/policies folder above the content root is used.
    /// </summary>
    public string? TextDirectory { get; set; }

    /// <summary>Administrative division codes of the jurisdictions this deployment serves.</summary>
    public List<string> Jurisdictions { get; set; } = [];

    /// <summary>
    /// Months after the start of a rule the text limits to a period without stating its end
    /// (疫情防控期间, 阶段性 …) after which a decision is a manual review, until a bureau officer sets
    /// the rule's end on the policies page. Default 12.
    /// </summary>
    public int UnstatedEndHorizonMonths { get; set; } = PolicyCatalogue.DefaultUnstatedEndHorizonMonths;
}

/// <summary>
/// The policy catalogue of the running portal, loaded and checked once at start: a catalogue that
/// fails to load (an unknown key, a quote not in its document) stops the portal with the list of
/// problems rather than deciding claims on a broken rule set.
/// </summary>
public sealed class PolicyCatalogueService
{
    /// <summary>
    /// How long the catalogue in force is trusted without asking the database, when nothing was
    /// saved in this instance: the longest a local value or rule end set through another portal
    /// instance takes to apply here.
    /// </summary>
    public static readonly TimeSpan OtherInstancesMaxAge = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, string> _texts;
    private readonly EntityChangeSignal _changes;
    private readonly TimeProvider _time;
    private volatile Snapshot _current;

    public PolicyCatalogueService(PolicyOptions options, IWebHostEnvironment environment, EntityChangeSignal changes, TimeProvider time)
    {
        _changes = changes;
        _time = time;
        var directory = string.IsNullOrWhiteSpace(options.TextDirectory)
            ? PolicyTextLocator.Locate(AppContext.BaseDirectory, environment.ContentRootPath)
            : Path.GetFullPath(options.TextDirectory, environment.ContentRootPath);
        BaseCatalogue = PolicyCatalogue.LoadEmbedded(directory).WithUnstatedEndHorizon(options.UnstatedEndHorizonMonths);
        _current = new Snapshot(BaseCatalogue, new EligibilityEvaluator(BaseCatalogue), 0, 0, SignalVersion: -1, CheckedAt: DateTimeOffset.MinValue);
        _texts = BaseCatalogue.Documents
            .Select(d => d.SourceFile)
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(f => f, f => File.ReadAllText(Path.Combine(BaseCatalogue.PolicyTextDirectory, f)), StringComparer.Ordinal);
        Jurisdictions = options.Jurisdictions.Count > 0
            ? options.Jurisdictions
            : BaseCatalogue.Documents.SelectMany(d => d.Jurisdictions).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The catalogue as the documents state it, without the bureau's local values and rule ends (with the configured horizon).</summary>
    public PolicyCatalogue BaseCatalogue { get; }

    /// <summary>The catalogue in force: the documents plus the bureau's local parameter values and rule ends.</summary>
    public PolicyCatalogue Catalogue => _current.Catalogue;

    public IEligibilityEvaluator Evaluator => _current.Evaluator;

    /// <summary>
    /// The catalogue with the given local values (and rule ends), without publishing it: used to
    /// check a new value or end (overlaps, unknown or non-local parameters, an end the text states)
    /// and for what-if runs.
    /// </summary>
    /// <exception cref="PolicyCatalogueException">A value or an end is refused.</exception>
    public PolicyCatalogue Preview(IEnumerable<Domain.Policies.LocalParameterValue> values, IEnumerable<Domain.Policies.RuleEndDate>? ends = null) =>
        BaseCatalogue
            .WithLocalParameters(new LocalParameterOverlay(values.OrderBy(v => v.ParameterId, StringComparer.Ordinal).ThenBy(v => v.EffectiveFrom).Select(ToOverlayValue)))
            .WithRuleEnds(InOrder(ends ?? []).Select(ToRuleEnd));

    /// <summary>
    /// Brings the catalogue in force up to date with the local values and rule ends in the
    /// database. A value or end saved in this instance is seen at once (<see cref="EntityChangeSignal"/>);
    /// otherwise the database is asked at most every <see cref="OtherInstancesMaxAge"/>, so an
    /// evaluation does not query it on every call. Values and ends are only ever added, so their
    /// counts tell whether anything changed: two small queries, and a rebuild only when needed.
    /// </summary>
    public async Task EnsureCurrentAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        // Read before the counts: a save during them changes the version and is looked at next time.
        var version = SignalVersion();
        var now = _time.GetUtcNow();
        var current = _current;
        if (version == current.SignalVersion && now - current.CheckedAt < OtherInstancesMaxAge)
        {
            return;
        }

        var count = await db.LocalParameterValues.CountAsync(cancellationToken);
        var endCount = await db.RuleEndDates.CountAsync(cancellationToken);
        if (count == current.LocalValueCount && endCount == current.RuleEndCount)
        {
            _current = current with { SignalVersion = version, CheckedAt = now };
            return;
        }

        var values = await db.LocalParameterValues.AsNoTracking().ToListAsync(cancellationToken);
        var ends = await db.RuleEndDates.AsNoTracking().ToListAsync(cancellationToken);
        var catalogue = Preview(values, ends);
        _current = new Snapshot(catalogue, new EligibilityEvaluator(catalogue), values.Count, ends.Count, version, now);
    }

    private long SignalVersion() =>
        _changes.VersionOf(typeof(Domain.Policies.LocalParameterValue)) + _changes.VersionOf(typeof(Domain.Policies.RuleEndDate));

    /// <summary>The ends in the order they were set: the last one of a rule is in force.</summary>
    public static IEnumerable<Domain.Policies.RuleEndDate> InOrder(IEnumerable<Domain.Policies.RuleEndDate> ends) =>
        ends.OrderBy(e => e.SetAt).ThenBy(e => e.Id);

    private static LocalParameterValue ToOverlayValue(Domain.Policies.LocalParameterValue value) =>
        new(value.ParameterId, value.EffectiveFrom, value.EffectiveUntil, value.Value, new Citation(value.ReferenceDocument, value.Section, value.Quote, Local: true, SetBy: value.SetByName));

    private static RuleEnd ToRuleEnd(Domain.Policies.RuleEndDate end) =>
        new(end.RuleId, end.EndsOn, new Citation(end.BasisDocument, end.Section, end.Quote, Local: true, SetBy: end.SetByName));

    /// <summary>The jurisdictions this deployment serves (all of the catalogue's when not configured).</summary>
    public IReadOnlyList<string> Jurisdictions { get; }

    /// <summary>A jurisdiction as the bureau names it: the issuer of the catalogue's documents for it (邢台市南和区人民政府), or the code when no document names it.</summary>
    public string JurisdictionName(string code) =>
        BaseCatalogue.Documents.FirstOrDefault(d => d.Jurisdictions.Contains(code, StringComparer.Ordinal))?.Issuer ?? code;

    /// <summary>The text of a policy document (read once at start), or empty for an unknown file.</summary>
    public string DocumentText(string file) => _texts.GetValueOrDefault(Path.GetFileName(file), string.Empty);

    private sealed record Snapshot(PolicyCatalogue Catalogue, IEligibilityEvaluator Evaluator, int LocalValueCount, int RuleEndCount, long SignalVersion, DateTimeOffset CheckedAt);

}

public static class PolicyServiceCollectionExtensions
{
    /// <summary>The rules service of the portal: its options (<c>Policies:*</c>) and the catalogue in force with the bureau's local values.</summary>
    public static IServiceCollection AddPolicyFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(PolicyOptions.SectionName).Get<PolicyOptions>() ?? new PolicyOptions();
        services.AddSingleton(options);
        services.AddSingleton<PolicyCatalogueService>();
        return services;
    }
}
