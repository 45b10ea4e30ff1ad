using EmploymentPortal.Policies;
using EmploymentPortal.Policies.Evaluation;
using EmploymentPortal.Policies.Loading;

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

    public PolicyCatalogueService(PolicyOptions options, IWebHostEnvironment environment)
    {
        var directory = string.IsNullOrWhiteSpace(options.TextDirectory)
            ? PolicyTextLocator.Locate(AppContext.BaseDirectory, environment.ContentRootPath)
            : Path.GetFullPath(options.TextDirectory, environment.ContentRootPath);
        Catalogue = PolicyCatalogue.LoadEmbedded(directory);
        Evaluator = new EligibilityEvaluator(Catalogue);
        _texts = Catalogue.Documents
            .Select(d => d.SourceFile)
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(f => f, f => File.ReadAllText(Path.Combine(Catalogue.PolicyTextDirectory, f)), StringComparer.Ordinal);
        Jurisdictions = options.Jurisdictions.Count > 0
            ? options.Jurisdictions
            : Catalogue.Documents.SelectMany(d => d.Jurisdictions).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    public PolicyCatalogue Catalogue { get; }

    public IEligibilityEvaluator Evaluator { get; }

    /// <summary>The jurisdictions this deployment serves (all of the catalogue's when not configured).</summary>
    public IReadOnlyList<string> Jurisdictions { get; }

    /// <summary>The text of a policy document (read once at start), or empty for an unknown file.</summary>
    public string DocumentText(string file) => _texts.GetValueOrDefault(Path.GetFileName(file), string.Empty);

    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(PolicyOptions.SectionName).Get<PolicyOptions>() ?? new PolicyOptions();
        services.AddSingleton(options);
        services.AddSingleton<PolicyCatalogueService>();
    }
}
