using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EmploymentPortal.Web.Infrastructure.Security;

/// <summary>
/// Writes cannot be forged from another origin (docs/security.md, section 5). SameSite=Lax keeps
/// the sign-in cookie off cross-site requests, but a page on another port of the same host or on a
/// sibling subdomain is the same site, so its <c>fetch(..., { credentials: "include" })</c> carried
/// an officer's cookie. Every state-changing request (any method but GET, HEAD, OPTIONS and TRACE,
/// and every WebSocket handshake, which the Blazor circuit and a hijacker both use) is therefore
/// judged by where the browser says it comes from:
/// <list type="number">
/// <item>an <c>Origin</c> header must be the portal's own origin (the request's scheme, host and
/// port as seen after <see cref="ForwardedHeadersSetup"/>) or one of <c>Security:AllowedOrigins</c>;
/// a foreign or <c>null</c> origin is refused, signed in or not (a login form or sign-up posted
/// from another origin is never legitimate either);</item>
/// <item>without <c>Origin</c>, the <c>Referer</c>'s origin must be the portal's;</item>
/// <item>with neither, a request that carries the sign-in cookie is refused (every browser we
/// support sends <c>Origin</c> on POST, the circuit's negotiate and WebSocket included, so only a
/// script can omit both: it sends the portal's origin, see docs/operations.md); without the cookie
/// it goes on to antiforgery, authorization and rate limiting as before.</item>
/// </list>
/// A refusal is 403 problem details with code <see cref="Code"/> and a Chinese message, logged as
/// a warning. It runs before authentication, so a refused request neither reads nor renews the
/// session.
/// </summary>
public static class SameOriginWrites
{
    public const string Code = "cross-origin-write";
    public const string Title = "请求来源不被允许";
    public const string ForeignDetail = "该操作只能在本平台自己的页面上提交，来自其他网站或端口的请求已被拒绝。请回到平台页面重新操作。";
    public const string MissingDetail = "已登录的写操作必须带有来源（Origin 请求头）。请在平台页面上操作；脚本请在请求中加上平台地址作为 Origin。";
    public const string AllowedOriginsKey = "Security:AllowedOrigins";

    public static IApplicationBuilder UseSameOriginWrites(this IApplicationBuilder app)
    {
        var services = app.ApplicationServices;
        var allowed = AllowedOrigins(services.GetRequiredService<IConfiguration>());
        var authCookie = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).Cookie.Name
            ?? throw new InvalidOperationException("The sign-in cookie has no name.");
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SameOriginWrites).FullName!);
        return app.Use(async (context, next) =>
        {
            var refusal = Judge(context.Request, authCookie, allowed);
            if (refusal is null)
            {
                await next();
                return;
            }

            logger.LogWarning(
                "Refused {Method} {Path}: Origin {Origin}, Referer origin {RefererOrigin}, portal origin {PortalOrigin}, sign-in cookie {HasCookie}",
                context.Request.Method, context.Request.Path.Value, context.Request.Headers.Origin.ToString(), OriginOf(context.Request.Headers.Referer.ToString()),
                OwnOrigin(context.Request), context.Request.Cookies.ContainsKey(authCookie));
            await ApiProblems.Problem(StatusCodes.Status403Forbidden, Code, Title, refusal).ExecuteAsync(context);
        });
    }

    /// <summary>Null when the request may go on; otherwise the refusal's detail.</summary>
    private static string? Judge(HttpRequest request, string authCookie, IReadOnlySet<string> allowedOrigins)
    {
        if (!ChangesState(request))
        {
            return null;
        }

        var own = OwnOrigin(request);
        bool IsOurs(string? origin) => origin is not null && (origin == own || allowedOrigins.Contains(origin));

        if (request.Headers.Origin.Count > 0)
        {
            return IsOurs(OriginOf(request.Headers.Origin.ToString())) ? null : ForeignDetail;
        }

        if (request.Headers.Referer.Count > 0)
        {
            return IsOurs(OriginOf(request.Headers.Referer.ToString())) ? null : ForeignDetail;
        }

        return request.Cookies.ContainsKey(authCookie) ? MissingDetail : null;
    }

    /// <summary>
    /// "scheme://host:port" in canonical form (lower case, port always written), or null for
    /// anything that is no http(s) URL, such as the <c>null</c> origin of sandboxed frames.
    /// </summary>
    private static string? OriginOf(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.GetComponents(UriComponents.Scheme | UriComponents.Host | UriComponents.StrongPort, UriFormat.UriEscaped)
            : null;

    private static string? OwnOrigin(HttpRequest request) =>
        request.Host.HasValue ? OriginOf($"{request.Scheme}://{request.Host.Value}") : null;

    private static bool ChangesState(HttpRequest request)
    {
        var method = request.Method;
        var safe = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
        return !safe || request.Headers.Upgrade.ToString().Contains("websocket", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// <c>Security:AllowedOrigins</c>: public addresses of the portal other than the one a request
    /// arrives at, e.g. when the proxy rewrites the Host header. An array or one comma-separated
    /// value; each must be an http(s) origin.
    /// </summary>
    private static HashSet<string> AllowedOrigins(IConfiguration configuration)
    {
        return ConfigurationLists.Read(configuration, AllowedOriginsKey)
            .Select(v => OriginOf(v) ?? throw new InvalidOperationException($"{AllowedOriginsKey}: '{v}' is not an origin such as https://portal.example.gov.cn."))
            .ToHashSet(StringComparer.Ordinal);
    }
}
