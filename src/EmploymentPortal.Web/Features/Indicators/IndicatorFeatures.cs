using EmploymentPortal.Policies.Indicators;
using EmploymentPortal.Web.Features.Policies;

namespace EmploymentPortal.Web.Features.Indicators;

public static class IndicatorFeatures
{
    /// <summary>The targets catalogue, checked against the rules catalogue's documents and texts (docs/indicators.md).</summary>
    public static IServiceCollection AddIndicatorFeatures(this IServiceCollection services)
    {
        services.AddSingleton(sp => IndicatorCatalogue.LoadEmbedded(sp.GetRequiredService<PolicyCatalogueService>().BaseCatalogue));
        services.AddSingleton<Reports.RuleFunds>();
        return services;
    }
}
