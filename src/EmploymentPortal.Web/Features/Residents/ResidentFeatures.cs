namespace EmploymentPortal.Web.Features.Residents;

public static class ResidentFeatures
{
    public static IServiceCollection AddResidentFeatures(this IServiceCollection services)
    {
        // The residents' command handlers are registered by AddCommandPipeline (ICommandHandler<T>).
        services.AddSingleton<Unemployment.RegistrationConditions>();
        return services;
    }
}
