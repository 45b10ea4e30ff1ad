using EmploymentPortal.Web.Infrastructure;

namespace EmploymentPortal.Web.Features.Admin;

public static class AdminServiceCollectionExtensions
{
    /// <summary>The handlers of user administration (系统管理), one instance per circuit or request.</summary>
    public static IServiceCollection AddAdminFeatures(this IServiceCollection services)
    {
        services.AddScoped<OperationScope>();

        // The user-administration command handlers are registered by AddCommandPipeline (ICommandHandler<T>).
        return services;
    }
}
