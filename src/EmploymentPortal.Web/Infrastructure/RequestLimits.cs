using Microsoft.AspNetCore.Http.Features;

namespace EmploymentPortal.Web.Infrastructure;

/// <summary>
/// The largest request body the portal accepts, in bytes: one value (<c>Http:MaxRequestBodyBytes</c>,
/// default 50 MB) for Kestrel, multipart forms and the upload pages, so that the limit the docs
/// state is the one that applies. A larger body is a 413 problem that states it.
/// </summary>
public sealed record RequestLimits(long MaxRequestBodyBytes)
{
    public const string ConfigurationKey = "Http:MaxRequestBodyBytes";

    public const long DefaultMaxRequestBodyBytes = 50L * 1024 * 1024;

    /// <summary>"50 MB".</summary>
    public string MaxRequestBodyText => ErrorMapping.Megabytes(MaxRequestBodyBytes);
}

public static class RequestLimitsExtensions
{
    public static WebApplicationBuilder AddPortalRequestLimits(this WebApplicationBuilder builder)
    {
        var limits = new RequestLimits(builder.Configuration.GetValue(RequestLimits.ConfigurationKey, RequestLimits.DefaultMaxRequestBodyBytes));
        builder.Services.AddSingleton(limits);
        builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes);
        builder.Services.Configure<FormOptions>(options => options.MultipartBodyLengthLimit = limits.MaxRequestBodyBytes);
        return builder;
    }
}
