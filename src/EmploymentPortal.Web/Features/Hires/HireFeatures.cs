namespace EmploymentPortal.Web.Features.Hires;

public static class HireFeatures
{
    /// <summary>The handlers of hires, enterprise accounts and suspension, one instance per circuit or request.</summary>
    public static IServiceCollection AddHireFeatures(this IServiceCollection services)
    {
        // The hires' command handlers, and those of enterprise accounts and suspension, are
        // registered by AddCommandPipeline (ICommandHandler<T>).
        return services;
    }
}
