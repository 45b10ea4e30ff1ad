using EmploymentPortal.Policies.Loading;

namespace EmploymentPortal.Policies.Tests;

/// <summary>The embedded catalogue, loaded once, with and without the test's local parameter values.</summary>
public static class CatalogueFixture
{
    private static readonly Lazy<PolicyCatalogue> _embedded = new(() => PolicyCatalogue.LoadEmbedded(PolicyTextDirectory));

    private static readonly Lazy<PolicyCatalogue> _withLocal = new(() =>
        _embedded.Value.WithLocalParameters(LocalParameterOverlay.FromYaml(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "local-parameters.yaml")), "local-parameters.yaml")));

    public static string PolicyTextDirectory { get; } = PolicyTextLocator.Locate(AppContext.BaseDirectory);

    public static PolicyCatalogue Embedded => _embedded.Value;

    public static PolicyCatalogue WithLocalParameters => _withLocal.Value;
}
