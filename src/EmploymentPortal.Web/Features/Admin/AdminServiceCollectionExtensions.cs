using EmploymentPortal.Web.Features.Admin.Users;
using EmploymentPortal.Web.Infrastructure;

namespace EmploymentPortal.Web.Features.Admin;

public static class AdminServiceCollectionExtensions
{
    /// <summary>The handlers of user administration (系统管理), one instance per circuit or request.</summary>
    public static IServiceCollection AddAdminFeatures(this IServiceCollection services)
    {
        services.AddScoped<OperationScope>();
        services.AddScoped<CreateUser.Handler>();
        services.AddScoped<UpdateUserAccess.Handler>();
        services.AddScoped<SetUserEnabled.Handler>();
        services.AddScoped<ResetPassword.Handler>();
        services.AddScoped<UnlockUser.Handler>();
        return services;
    }
}
