using EmploymentPortal.Web.Features.Vacancies;

namespace EmploymentPortal.Web.Features.Enterprises;

public static class EnterpriseServiceCollectionExtensions
{
    /// <summary>The handlers of the enterprise registry and vacancies, one instance per circuit or request.</summary>
    public static IServiceCollection AddEnterpriseFeatures(this IServiceCollection services)
    {
        services.AddScoped<SaveVacancy.Handler>();
        services.AddScoped<SubmitVacancy.Handler>();
        services.AddScoped<ReviewVacancy.Handler>();
        return services;
    }
}
