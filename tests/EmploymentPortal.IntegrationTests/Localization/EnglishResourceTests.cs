using System.Text.RegularExpressions;
using System.Xml.Linq;
using EmploymentPortal.IntegrationTests.Infrastructure;

namespace EmploymentPortal.IntegrationTests.Localization;

/// <summary>
/// UI texts are keyed by their Simplified Chinese text (<c>L["登录"]</c>); every key used in the
/// web project must have an English text in Resources/SharedResource.en.resx, or English users
/// would see Chinese. eng/resx.py adds texts and lists missing ones.
/// </summary>
public sealed partial class EnglishResourceTests
{
    [Fact]
    public void Every_ui_text_used_in_the_web_project_has_an_english_translation()
    {
        var web = Path.Combine(ExternalTool.RepositoryRoot(), "src", "EmploymentPortal.Web");
        var english = XDocument.Load(Path.Combine(web, "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data")
            .ToDictionary(e => (string)e.Attribute("name")!, e => (string?)e.Element("value") ?? string.Empty);
        var used = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LocalizedKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

        var missing = used.Where(k => !english.TryGetValue(k, out var value) || string.IsNullOrWhiteSpace(value)).Order(StringComparer.Ordinal).ToList();

        Assert.True(used.Count > 50, $"Found only {used.Count} keys: the scan is broken.");
        Assert.True(missing.Count == 0, "UI texts without English (add with eng/resx.py 'Chinese=English'):" + Environment.NewLine + string.Join(Environment.NewLine, missing));
    }

    [GeneratedRegex("""\bL\["((?:[^"\\]|\\.)+)"\]""")]
    private static partial Regex LocalizedKey();
}
