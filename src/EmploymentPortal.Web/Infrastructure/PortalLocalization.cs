using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace EmploymentPortal.Web.Infrastructure;

/// <summary>
/// Simplified Chinese first; English on request through the culture cookie that
/// <c>/culture/set</c> writes. UI texts use the Chinese text as their resource key
/// (<c>L["登录"]</c>): Chinese needs no resource and can never be missing, English comes from
/// Resources/SharedResource.en.resx.
/// </summary>
internal static class PortalLocalization
{
    public static readonly CultureInfo[] SupportedCultures = [new("zh-CN"), new("en")];

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("zh-CN");
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;

            // Only the user's explicit choice switches language; a browser asking for English
            // still gets the bureau's Chinese by default.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>Sets the culture cookie and goes back to the page the user was on.</summary>
    public static IEndpointConventionBuilder MapCultureSwitch(this IEndpointRouteBuilder endpoints)
    {
        return endpoints.MapGet("/culture/set", (HttpContext context, TimeProvider time, string culture, string? redirectUri) =>
        {
            var chosen = SupportedCultures.FirstOrDefault(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase)) ?? SupportedCultures[0];
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = time.GetUtcNow().AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });

            var target = LocalPaths.IsLocal(redirectUri) ? redirectUri! : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous().ExcludeFromDescription();
    }
}
