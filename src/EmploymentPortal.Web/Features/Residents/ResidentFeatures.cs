using EmploymentPortal.Web.Features.Residents.FollowUp;
using EmploymentPortal.Web.Features.Residents.Register;
using EmploymentPortal.Web.Features.Residents.Unemployment;

namespace EmploymentPortal.Web.Features.Residents;

public static class ResidentFeatures
{
    public static IServiceCollection AddResidentFeatures(this IServiceCollection services)
    {
        services.AddScoped<RegisterResident.Handler>();
        services.AddScoped<RegisterUnemployment.Handler>();
        services.AddScoped<LogContact.Handler>();
        services.AddOptions<FollowUpOptions>().BindConfiguration(FollowUpOptions.Section);
        return services;
    }
}
