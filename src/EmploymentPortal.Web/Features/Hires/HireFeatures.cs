namespace EmploymentPortal.Web.Features.Hires;

public static class HireFeatures
{
    /// <summary>The handlers of hires, one instance per circuit or request.</summary>
    public static IServiceCollection AddHireFeatures(this IServiceCollection services)
    {
        services.AddScoped<RecordHire.Handler>();
        services.AddScoped<UpdateHireInsurance.Handler>();
        return services;
    }
}
