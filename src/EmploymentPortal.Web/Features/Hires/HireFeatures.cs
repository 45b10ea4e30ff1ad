namespace EmploymentPortal.Web.Features.Hires;

public static class HireFeatures
{
    /// <summary>The handlers of hires, enterprise accounts and suspension, one instance per circuit or request.</summary>
    public static IServiceCollection AddHireFeatures(this IServiceCollection services)
    {
        // The hires' command handlers are registered by AddCommandPipeline (ICommandHandler<T>).

        // Enterprise accounts and suspension, built with the hires (issue 4, items 1 and 4).
        services.AddScoped<Enterprises.Colleagues.ManageColleagues.Handler>();
        services.AddScoped<Enterprises.Suspension.SuspendEnterprise.Handler>();
        return services;
    }
}
