using EmploymentPortal.Web.Features.Households;
using EmploymentPortal.Web.Features.Residents.Transfers;

namespace EmploymentPortal.Web.Features.Residents.Profile;

/// <summary>Job-search wishes, status changes, 就业困难人员认定, households and record transfers.</summary>
public static class ResidentProfileFeatures
{
    public static IServiceCollection AddResidentProfileFeatures(this IServiceCollection services)
    {
        services.AddScoped<UpdateJobPreferences.Handler>();
        services.AddScoped<UpdateResidentHome.Handler>();
        services.AddScoped<ChangeResidentStatus.Handler>();
        services.AddScoped<CertifyEmploymentDifficulty.Handler>();
        services.AddScoped<SaveHousehold.Handler>();
        services.AddScoped<RecordPlacement.Handler>();
        services.AddScoped<ReassessHouseholds>();
        services.AddScoped<RequestTransfer.Handler>();
        services.AddScoped<DecideTransfer.Handler>();
        return services;
    }
}
