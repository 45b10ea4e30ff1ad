using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Radzen;

namespace EmploymentPortal.Web.Localization;

/// <summary>
/// Supplies Simplified Chinese texts for every built-in Radzen.Blazor UI string (pager, filters,
/// dialogs, data grid, upload, date picker, ...).
/// </summary>
/// <remarks>
/// Radzen resolves an optional <see cref="ILocalizer"/> from DI and asks it first; returning
/// <c>null</c> makes Radzen fall back to its own resources. The translations live in the embedded
/// resource <see cref="ResourceName"/> (key = <c>nameof(RadzenStrings.SomeKey)</c>, value = Chinese
/// text with the same <c>{0}</c>-style placeholders as Radzen's English text). They are returned for
/// any culture whose language is Chinese (<c>zh</c>, <c>zh-CN</c>, <c>zh-Hans</c>, ...); every other
/// culture, English included, gets <c>null</c> and therefore Radzen's built-in default.
/// The class is stateless and thread-safe, so it is registered as a singleton.
/// The project file must embed the JSON with <c>LogicalName</c> set to <see cref="ResourceName"/> and
/// <c>WithCulture="false"</c>: otherwise MSBuild reads ".zh-CN" in the file name as a culture and moves
/// the file into a zh-CN satellite assembly, where this class would not find it.
/// </remarks>
public sealed class PortalRadzenLocalizer : ILocalizer
{
    /// <summary>Logical name of the embedded JSON resource holding the Chinese texts.</summary>
    public const string ResourceName = "EmploymentPortal.Web.Localization.radzen.zh-CN.json";

    private static readonly Lazy<FrozenDictionary<string, string>> _chineseTexts =
        new(LoadChineseTexts, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>All Chinese texts, keyed by Radzen resource key (loaded once, on first use).</summary>
    public static IReadOnlyDictionary<string, string> ChineseTexts => _chineseTexts.Value;

    /// <inheritdoc />
    public string? Get(string key, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(culture);

        if (!IsChinese(culture))
        {
            return null;
        }

        return _chineseTexts.Value.TryGetValue(key, out var text) ? text : null;
    }

    /// <summary>Whether <paramref name="culture"/> is a Chinese culture (zh, zh-CN, zh-Hans, ...).</summary>
    public static bool IsChinese(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return string.Equals(culture.TwoLetterISOLanguageName, "zh", StringComparison.OrdinalIgnoreCase);
    }

    private static FrozenDictionary<string, string> LoadChineseTexts()
    {
        var assembly = typeof(PortalRadzenLocalizer).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(
                $"Embedded resource '{ResourceName}' was not found in '{assembly.GetName().Name}'. "
                + "Check the EmbeddedResource item for Localization/radzen.zh-CN.json (LogicalName and WithCulture=\"false\").");

        var texts = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is empty.");

        return texts.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
