namespace EmploymentPortal.Web.Features.Residents.Ledger;

public static class LedgerFeatures
{
    /// <summary>The resident ledger (台账): import with background jobs, template, sample and export.</summary>
    public static IServiceCollection AddLedgerFeatures(this IServiceCollection services)
    {
        services.AddSingleton(new LedgerImportOptions());
        services.AddScoped<LedgerImporter>();
        services.AddSingleton<LedgerImportJobs>();
        return services;
    }
}
