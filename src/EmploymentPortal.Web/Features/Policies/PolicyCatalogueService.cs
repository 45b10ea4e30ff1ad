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
}

/// <summary>
/// The policy catalogue of the running portal, loaded and checked once at start: a catalogue that
/// fails to load (an unknown key, a quote not in its document) stops the portal with the list of
/// problems rather than deciding claims on a broken rule set.
/// </summary>
public sealed class PolicyCatalogueService
{
    private readonly Dictionary<string, string> _texts;
    private volatile Snapshot _current;

    public PolicyCatalogueService(PolicyOptions options, IWebHostEnvironment environment)
    {
        var directory = string.IsNullOrWhiteSpace(options.TextDirectory)
            ? PolicyTextLocator.Locate(AppContext.BaseDirectory, environment.ContentRootPath)
            : Path.GetFullPath(options.TextDirectory, environment.ContentRootPath);
        BaseCatalogue = PolicyCatalogue.LoadEmbedded(directory);
        _current = new Snapshot(BaseCatalogue, new EligibilityEvaluator(BaseCatalogue), 0);
        _texts = BaseCatalogue.Documents
            .Select(d => d.SourceFile)
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(f => f, f => File.ReadAllText(Path.Combine(BaseCatalogue.PolicyTextDirectory, f)), StringComparer.Ordinal);
        Jurisdictions = options.Jurisdictions.Count > 0
            ? options.Jurisdictions
            : BaseCatalogue.Documents.SelectMany(d => d.Jurisdictions).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The catalogue as the documents state it, without the bureau's local values.</summary>
    public PolicyCatalogue BaseCatalogue { get; }

    /// <summary>The catalogue in force: the documents plus the bureau's local parameter values.</summary>
    public PolicyCatalogue Catalogue => _current.Catalogue;

    public IEligibilityEvaluator Evaluator => _current.Evaluator;

    /// <summary>
    /// The catalogue with the given local values, without publishing it: used to check a new
    /// value (overlaps, unknown or non-local parameters) and for what-if runs.
    /// </summary>
    /// <exception cref="PolicyCatalogueException">A value is refused.</exception>
    public PolicyCatalogue Preview(IEnumerable<Domain.Policies.LocalParameterValue> values) =>
        BaseCatalogue.WithLocalParameters(new LocalParameterOverlay(values.OrderBy(v => v.ParameterId, StringComparer.Ordinal).ThenBy(v => v.EffectiveFrom).Select(ToOverlayValue)));

    /// <summary>
    /// Brings the catalogue in force up to date with the local values in the database. Values are
    /// only ever added, so their count tells whether anything changed (also when another portal
    /// instance added one): one small query, and a rebuild only when needed.
    /// </summary>
    public async Task EnsureCurrentAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        var count = await db.LocalParameterValues.CountAsync(cancellationToken);
        if (count == _current.LocalValueCount)
        {
            return;
        }

        var values = await db.LocalParameterValues.AsNoTracking().ToListAsync(cancellationToken);
        var catalogue = Preview(values);
        _current = new Snapshot(catalogue, new EligibilityEvaluator(catalogue), values.Count);
    }

    private static LocalParameterValue ToOverlayValue(Domain.Policies.LocalParameterValue value) =>
        new(value.ParameterId, value.EffectiveFrom, value.EffectiveUntil, value.Value, new Citation(value.ReferenceDocument, value.Section, value.Quote, Local: true, SetBy: value.SetByName));

    /// <summary>The jurisdictions this deployment serves (all of the catalogue's when not configured).</summary>
    public IReadOnlyList<string> Jurisdictions { get; }

    /// <summary>The text of a policy document (read once at start), or empty for an unknown file.</summary>
    public string DocumentText(string file) => _texts.GetValueOrDefault(Path.GetFileName(file), string.Empty);

    private sealed record Snapshot(PolicyCatalogue Catalogue, IEligibilityEvaluator Evaluator, int LocalValueCount);

    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(PolicyOptions.SectionName).Get<PolicyOptions>() ?? new PolicyOptions();
        services.AddSingleton(options);
        services.AddSingleton<PolicyCatalogueService>();
    }
}
