using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Net.Http.Headers;

namespace EmploymentPortal.Web.Infrastructure;

/// <summary>
/// <c>Cache-Control: no-store</c> and <c>Pragma: no-cache</c> on every response that may carry
/// personal data, so that no browser, proxy or shared computer keeps a copy of a resident list,
/// an export or an attachment (docs/security.md, section 7). The rule is the safe one: every
/// response except static assets (which carry no data and keep their own caching) and the
/// anonymous public job board (published vacancies only).
/// </summary>
internal static class NoStore
{
    public static IApplicationBuilder UseNoStoreForPersonalData(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (MayBeStored(context))
                {
                    return Task.CompletedTask;
                }

                var headers = context.Response.Headers;
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
                headers.Remove(HeaderNames.Expires);
                return Task.CompletedTask;
            });
            await next();
        });

    /// <summary>Static assets, and the job board as an anonymous visitor sees it.</summary>
    internal static bool MayBeStored(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null)
        {
            return true;
        }

        var path = context.Request.Path;
        var read = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        var publicBoard = path.Equals("/jobs", StringComparison.OrdinalIgnoreCase)
            || path.Equals("/api/v1/vacancies", StringComparison.OrdinalIgnoreCase)
            || path.Equals("/api/v1/vacancies/", StringComparison.OrdinalIgnoreCase);
        return read && publicBoard && context.User.Identity?.IsAuthenticated != true;
    }
}
