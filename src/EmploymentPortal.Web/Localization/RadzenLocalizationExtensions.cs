using Microsoft.Extensions.DependencyInjection.Extensions;
using Radzen;

namespace EmploymentPortal.Web.Localization;

/// <summary>Registration of the portal's Chinese texts for Radzen.Blazor components.</summary>
public static class RadzenLocalizationExtensions
{
    /// <summary>
    /// Registers <see cref="PortalRadzenLocalizer"/> as the application's <see cref="ILocalizer"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Radzen 12's <c>AddRadzenComponents()</c> registers no <see cref="ILocalizer"/> of its own: it
    /// only adds (via <c>TryAddScoped</c>) its internal scoped <c>Radzen.Localizer</c>, whose factory
    /// takes the optional <see cref="ILocalizer"/> from the container. Components resolve that
    /// <c>Radzen.Localizer</c> from their scope and fall back to a static default without any custom
    /// localizer when it is missing, so <c>AddRadzenComponents()</c> must still be called; the order of
    /// the two calls does not matter.
    /// </para>
    /// <para>
    /// The localizer is stateless, so it is a singleton. Any <see cref="ILocalizer"/> registered
    /// earlier is removed, so exactly one global localizer is in effect.
    /// </para>
    /// </remarks>
    public static IServiceCollection AddPortalRadzenLocalization(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.RemoveAll<ILocalizer>();
        services.AddSingleton<ILocalizer, PortalRadzenLocalizer>();
        return services;
    }
}
