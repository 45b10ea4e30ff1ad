using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using EmploymentPortal.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Xunit;

namespace EmploymentPortal.IntegrationTests.Localization;

/// <summary>
/// MudBlazor's built-in texts (pager, filters, dialogs, pickers) speak Chinese through
/// <see cref="PortalMudLocalizer"/>: every key MudBlazor has is translated, placeholders kept,
/// and the real localization pipeline of the registered services picks the texts up.
/// </summary>
public sealed partial class MudBlazorChineseLocalizerTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> _mudEnglish = new(LoadMudEnglish);

    [Fact]
    public void Every_MudBlazor_key_has_a_Chinese_text()
    {
        var missing = _mudEnglish.Value.Keys
            .Where(key => !PortalMudLocalizer.ChineseTexts.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(missing.Count == 0, $"MudBlazor keys without Chinese text: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Chinese_texts_have_no_keys_unknown_to_MudBlazor()
    {
        var extra = PortalMudLocalizer.ChineseTexts.Keys.Where(key => !_mudEnglish.Value.ContainsKey(key)).ToList();

        Assert.True(extra.Count == 0, $"Chinese keys that MudBlazor does not have: {string.Join(", ", extra)}");
    }

    [Fact]
    public void Chinese_texts_keep_the_English_placeholders()
    {
        var mismatches = _mudEnglish.Value
            .Where(pair => PortalMudLocalizer.ChineseTexts.TryGetValue(pair.Key, out var chinese)
                && !Placeholders(pair.Value).SequenceEqual(Placeholders(chinese)))
            .Select(pair => pair.Key)
            .ToList();

        Assert.True(mismatches.Count == 0, $"Placeholder mismatches: {string.Join(", ", mismatches)}");
    }

    [Theory]
    [InlineData("zh-CN", "每页行数：", "第 1–10 条，共 57 条")]
    [InlineData("en", "Rows per page:", "1-10 of 57")]
    public void Components_get_Chinese_under_a_Chinese_culture_and_MudBlazors_English_otherwise(string culture, string rowsPerPage, string pagerInfo)
    {
        var services = new ServiceCollection().AddLogging().AddLocalization();
        services.AddPortalMudBlazor();
        using var provider = services.BuildServiceProvider();
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            var interceptor = provider.GetRequiredService<ILocalizationInterceptor>();

            Assert.Equal(rowsPerPage, interceptor.Handle("MudDataGridPager_RowsPerPage").Value);
            Assert.Equal(pagerInfo, interceptor.Handle("MudDataGridPager_InfoFormat", 1, 10, 57).Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Exactly_one_MudBlazor_localizer_is_registered()
    {
        var services = new ServiceCollection();
        services.AddPortalMudBlazor();

        var descriptor = Assert.Single(services, d => d.ServiceType == typeof(MudLocalizer));
        Assert.Equal(typeof(PortalMudLocalizer), descriptor.ImplementationType);
    }

    private static string[] Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal).ToArray();

    [GeneratedRegex(@"\{\d+[^}]*\}")]
    private static partial Regex PlaceholderPattern();

    private static IReadOnlyDictionary<string, string> LoadMudEnglish()
    {
        var assembly = typeof(MudButton).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("LanguageResource.resources", StringComparison.Ordinal));
        var manager = new ResourceManager(name[..^".resources".Length], assembly);
        var set = manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)
            ?? throw new InvalidOperationException("MudBlazor's language resources are missing.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }
}
