namespace EmploymentPortal.Web.Infrastructure;

/// <summary>
/// Security headers on every response. The content security policy allows only the portal's own
/// scripts and connections (the Blazor circuit is a same-origin WebSocket); MudBlazor sets inline styles on elements, hence 'unsafe-inline' for styles only. The portal must never be framed.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    /// <summary>
    /// The policy with the map tile server's origin (<c>Circles:TileUrl</c>, docs/circles.md)
    /// allowed as an image source; the plain policy when no tile URL is configured.
    /// </summary>
    public static string PolicyFor(string? tileUrl) =>
        Features.Circles.CircleOptions.TileImageSource(tileUrl) is { } source
            ? ContentSecurityPolicy.Replace("img-src 'self' data: blob:;", $"img-src 'self' data: blob: {source};", StringComparison.Ordinal)
            : ContentSecurityPolicy;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var policy = PolicyFor(app.ApplicationServices.GetService<Microsoft.Extensions.Options.IOptions<Features.Circles.CircleOptions>>()?.Value.TileUrl);
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers["Content-Security-Policy"] = policy;
                headers["X-Content-Type-Options"] = "nosniff";
                headers["X-Frame-Options"] = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self)";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next();
        });
    }
}
