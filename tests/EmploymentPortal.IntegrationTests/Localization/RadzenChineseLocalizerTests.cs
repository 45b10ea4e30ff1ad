using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using EmploymentPortal.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using Radzen;
using Radzen.Blazor;
using Xunit;

namespace EmploymentPortal.IntegrationTests.Localization;

public sealed partial class RadzenChineseLocalizerTests
{
    private const string RadzenNeutralResourceName = "Radzen.Blazor.RadzenStrings.resources";

    private static readonly Lazy<IReadOnlyDictionary<string, string>> _radzenEnglish = new(LoadRadzenEnglish);

    [Fact]
    public void Every_Radzen_key_has_a_Chinese_text()
    {
        var missing = _radzenEnglish.Value.Keys
            .Where(key => !PortalRadzenLocalizer.ChineseTexts.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(missing.Count == 0, $"Radzen keys without Chinese text: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Chinese_texts_have_no_keys_unknown_to_Radzen()
    {
        var extra = PortalRadzenLocalizer.ChineseTexts.Keys
            .Where(key => !_radzenEnglish.Value.ContainsKey(key))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(extra.Count == 0, $"Chinese keys that Radzen does not have: {string.Join(", ", extra)}");
    }

    [Fact]
    public void Chinese_texts_keep_the_English_placeholders()
    {
        var mismatches = new List<string>();
        foreach (var (key, english) in _radzenEnglish.Value)
        {
            if (!PortalRadzenLocalizer.ChineseTexts.TryGetValue(key, out var chinese))
            {
                continue;
            }

            var expected = Placeholders(english);
            var actual = Placeholders(chinese);
            if (!expected.SequenceEqual(actual))
            {
                mismatches.Add($"{key}: '{english}' vs '{chinese}'");
            }
        }

        Assert.True(mismatches.Count == 0, $"Placeholder mismatches:{Environment.NewLine}{string.Join(Environment.NewLine, mismatches)}");
    }

    [Fact]
    public void Chinese_format_strings_format_like_the_English_ones()
    {
        foreach (var (key, english) in _radzenEnglish.Value.Where(pair => Placeholders(pair.Value).Count > 0))
        {
            var arguments = Enumerable.Range(0, 10).Select(i => (object)i).ToArray();
            _ = string.Format(CultureInfo.InvariantCulture, english, arguments);

            var exception = Record.Exception(() =>
                string.Format(CultureInfo.InvariantCulture, PortalRadzenLocalizer.ChineseTexts[key], arguments));
            Assert.True(exception is null, $"{key}: {exception?.Message}");
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("en-US")]
    [InlineData("de-DE")]
    [InlineData("")]
    public void Non_Chinese_cultures_fall_back_to_Radzen_defaults(string cultureName)
    {
        var localizer = new PortalRadzenLocalizer();

        Assert.Null(localizer.Get(nameof(RadzenStrings.Pager_PagingSummaryFormat), new CultureInfo(cultureName)));
        Assert.Null(localizer.Get(nameof(RadzenStrings.Dialog_OkText), new CultureInfo(cultureName)));
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("zh-CN")]
    [InlineData("zh-Hans")]
    [InlineData("zh-Hans-CN")]
    public void Chinese_cultures_get_the_Chinese_texts(string cultureName)
    {
        var localizer = new PortalRadzenLocalizer();
        var culture = new CultureInfo(cultureName);

        Assert.Equal("第 {0} 页，共 {1} 页（共 {2} 条）", localizer.Get(nameof(RadzenStrings.Pager_PagingSummaryFormat), culture));
        Assert.Equal("确定", localizer.Get(nameof(RadzenStrings.Dialog_OkText), culture));
        Assert.Equal("取消", localizer.Get(nameof(RadzenStrings.Dialog_CancelText), culture));
        Assert.Equal("选择文件", localizer.Get(nameof(RadzenStrings.Upload_ChooseText), culture));
    }

    [Fact]
    public void Unknown_key_returns_null_even_for_Chinese()
    {
        var localizer = new PortalRadzenLocalizer();

        Assert.Null(localizer.Get("NoSuchRadzenKey", new CultureInfo("zh-CN")));
    }

    [Fact]
    public void AddPortalRadzenLocalization_registers_a_single_singleton_localizer()
    {
        var services = new ServiceCollection();
        services.AddRadzenComponents();
        services.AddSingleton<ILocalizer, NullLocalizer>();

        services.AddPortalRadzenLocalization();

        var descriptor = Assert.Single(services, d => d.ServiceType == typeof(ILocalizer));
        Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
        Assert.Equal(typeof(PortalRadzenLocalizer), descriptor.ImplementationType);

        using var provider = services.BuildServiceProvider();
        Assert.IsType<PortalRadzenLocalizer>(provider.GetRequiredService<ILocalizer>());
    }

    private static List<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(match => match.Value).Order(StringComparer.Ordinal).ToList();

    private static IReadOnlyDictionary<string, string> LoadRadzenEnglish()
    {
        var assembly = typeof(RadzenButton).Assembly;
        using var stream = assembly.GetManifestResourceStream(RadzenNeutralResourceName)
            ?? throw new InvalidOperationException($"'{RadzenNeutralResourceName}' not found in {assembly.FullName}.");
        using var reader = new ResourceReader(stream);

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in reader)
        {
            if (entry.Value is string value)
            {
                texts[(string)entry.Key] = value;
            }
        }

        Assert.NotEmpty(texts);
        return texts;
    }

    [GeneratedRegex(@"\{\d+(?:,[^}:]*)?(?::[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();

    private sealed class NullLocalizer : ILocalizer
    {
        public string? Get(string key, CultureInfo culture) => null;
    }
}
