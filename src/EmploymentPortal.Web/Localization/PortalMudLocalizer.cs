using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MudBlazor.Services;

namespace EmploymentPortal.Web.Localization;

/// <summary>
/// Simplified Chinese texts for every built-in MudBlazor string (pager, data grid filters, dialogs,
/// date pickers, file upload, ...), in force whenever the request's UI culture is Chinese.
/// </summary>
/// <remarks>
/// MudBlazor asks the registered <see cref="MudLocalizer"/> first and falls back to its own English
/// resources when the answer has <see cref="LocalizedString.ResourceNotFound"/> set, which is what
/// this class answers for every other culture. The texts live in the embedded resource
/// <see cref="ResourceName"/> (key = MudBlazor's <c>LanguageResource</c> key, value = Chinese with
/// the same <c>{0}</c> placeholders); a test checks that it covers every key MudBlazor has.
/// The project file embeds the JSON with <c>WithCulture="false"</c>, or MSBuild would read ".zh-CN"
/// as a culture and move it into a satellite assembly.
/// </remarks>
public sealed class PortalMudLocalizer : MudLocalizer
{
    /// <summary>Logical name of the embedded JSON resource holding the Chinese texts.</summary>
    public const string ResourceName = "EmploymentPortal.Web.Localization.mudblazor.zh-CN.json";

    private static readonly Lazy<FrozenDictionary<string, string>> _chineseTexts = new(Load);

    /// <summary>All Chinese texts keyed by MudBlazor resource key.</summary>
    public static IReadOnlyDictionary<string, string> ChineseTexts => _chineseTexts.Value;

    /// <inheritdoc />
    public override LocalizedString this[string key] => Translate(key, []);

    /// <inheritdoc />
    public override LocalizedString this[string key, params object[] arguments] => Translate(key, arguments);

    private static LocalizedString Translate(string key, object[] arguments)
    {
        var culture = CultureInfo.CurrentUICulture;
        if (culture.TwoLetterISOLanguageName == "zh" && _chineseTexts.Value.TryGetValue(key, out var text))
        {
            return new LocalizedString(key, arguments.Length == 0 ? text : string.Format(culture, text, arguments));
        }

        return new LocalizedString(key, key, resourceNotFound: true);
    }

    private static FrozenDictionary<string, string> Load()
    {
        using var stream = typeof(PortalMudLocalizer).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        return (JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is empty.")).ToFrozenDictionary();
    }
}

/// <summary>Registration of the MudBlazor component services with the portal's Chinese texts.</summary>
public static class MudBlazorRegistration
{
    /// <summary>Adds MudBlazor's services and <see cref="PortalMudLocalizer"/> as its one localizer.</summary>
    public static IServiceCollection AddPortalMudBlazor(this IServiceCollection services)
    {
        services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.TopCenter;
            options.SnackbarConfiguration.PreventDuplicates = false;
            options.SnackbarConfiguration.VisibleStateDuration = 6000;
        });
        services.RemoveAll<MudLocalizer>();
        services.AddTransient<MudLocalizer, PortalMudLocalizer>();
        return services;
    }
}
