using EmploymentPortal.Web.Features.Posts;

namespace EmploymentPortal.Web.Features.JobFairs;

public static class JobFairFeatures
{
    /// <summary>The handlers of post programmes and job fairs, one instance per circuit or request.</summary>
    public static IServiceCollection AddPostAndJobFairFeatures(this IServiceCollection services)
    {
        services.AddScoped<PostCommands.Handler>();
        services.AddScoped<RecordJobFair.Handler>();
        return services;
    }
}
