using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace EmploymentPortal.Web.Infrastructure.Security;

/// <summary>
/// The portal's cookies with secrets in them, the sign-in cookie and the antiforgery cookie, and
/// how they are sent (docs/security.md, section 5).
/// <list type="bullet">
/// <item>The sign-in cookie, deployed (every environment but Development and the tests' Testing):
/// the name carries the <c>__Host-</c> prefix and the cookie is always <c>Secure</c>, with
/// <c>Path=/</c> and no <c>Domain</c>, so the browser sends it over HTTPS only and neither a
/// sibling subdomain nor a page on another port can set or overwrite it. The portal runs behind a
/// TLS-terminating proxy there (<see cref="ForwardedHeadersSetup"/>); Secure does not depend on
/// the proxy telling the portal the scheme. Development and Testing run over plain
/// http://localhost: plain name, Secure when the request is HTTPS.</item>
/// <item>The sign-in cookie is HttpOnly and SameSite=Lax: a link from the bureau's mail or OA
/// system opens the portal signed in, which Strict would break (the first page would ask to sign
/// in again), and no GET changes anything, so Strict would protect nothing more. Lax does not
/// separate sites that share a host name (another port, a sibling subdomain):
/// <see cref="SameOriginWrites"/> does.</item>
/// <item>The antiforgery cookie keeps its plain name and is Secure when the request is HTTPS,
/// HttpOnly, SameSite=Strict. With <c>Secure</c> always, the framework throws on every plain-HTTP
/// form (a 500 behind a proxy whose scheme is not forwarded); a page that overwrites it gains
/// nothing, since a signed-in user's tokens are bound to that user and foreign origins are
/// refused before antiforgery runs.</item>
/// </list>
/// </summary>
public static class PortalCookies
{
    /// <summary>The environment the integration tests run in (over plain HTTP).</summary>
    public const string TestingEnvironment = "Testing";

    public const string SecurePrefix = "__Host-";

    public const string AuthName = "portal.auth";

    public const string AntiforgeryName = "portal.antiforgery";

    /// <summary>The header an API client sends the antiforgery request token in (uploads).</summary>
    public const string AntiforgeryHeader = "X-XSRF-TOKEN";

    /// <summary>True where the sign-in cookie is <c>__Host-</c> and always Secure: every environment but Development and Testing.</summary>
    public static bool RequireHttps(IHostEnvironment environment) =>
        !environment.IsDevelopment() && !environment.IsEnvironment(TestingEnvironment);

    /// <summary>The sign-in cookie's name in this environment: with the <c>__Host-</c> prefix where it requires HTTPS.</summary>
    public static string AuthCookieName(IHostEnvironment environment) =>
        RequireHttps(environment) ? SecurePrefix + AuthName : AuthName;

    /// <summary>
    /// Names and attributes of the sign-in and antiforgery cookies. Registered after
    /// <see cref="IdentitySetup.AddPortalIdentity"/>, which sets the sign-in cookie's paths, lifetime and events.
    /// </summary>
    public static IServiceCollection AddPortalCookies(this IServiceCollection services)
    {
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IHostEnvironment>((options, environment) =>
            {
                options.Cookie.Name = AuthCookieName(environment);
                options.Cookie.SecurePolicy = RequireHttps(environment) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.Path = "/";
                options.Cookie.Domain = null;
            });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = AntiforgeryName;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.HeaderName = AntiforgeryHeader;
        });
        return services;
    }
}
