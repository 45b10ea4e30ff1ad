using System.Globalization;
using System.Text.RegularExpressions;
using EmploymentPortal.Domain.Circles;
using EmploymentPortal.Domain.JobFairs;
using EmploymentPortal.Domain.Posts;
using EmploymentPortal.Policies.Indicators;
using EmploymentPortal.Policies.Loading;

namespace EmploymentPortal.Policies.Tests;

/// <summary>The targets catalogue (Indicators/targets.yaml) against the texts of the five documents.</summary>
public sealed partial class IndicatorCatalogueTests
{
    private static readonly Lazy<IndicatorCatalogue> _catalogue = new(() => IndicatorCatalogue.LoadEmbedded(CatalogueFixture.Embedded));

    private static IndicatorCatalogue Catalogue => _catalogue.Value;

    [Fact]
    public void The_targets_load_with_every_quote_found_in_its_document()
    {
        var catalogue = Catalogue;

        Assert.True(catalogue.Targets.Count >= 60, $"{catalogue.Targets.Count} targets");
        Assert.All(CatalogueFixture.Embedded.Documents, d => Assert.Contains(catalogue.Targets, t => t.Document.Id == d.Id));
    }

    /// <summary>
    /// Greps every document for figures with a unit (人, 万人, 人次, 个, 场, 家, 户, 名, %, 亿元, 套, 次;
    /// not 元, which are the rules' amounts): each occurrence must lie inside the words of a target or
    /// of a sentence listed as not a target, with its reason.
    /// </summary>
    [Fact]
    public void Every_figure_in_the_documents_is_a_target_or_listed_as_not_a_target()
    {
        var uncovered = new List<string>();

        foreach (var document in CatalogueFixture.Embedded.Documents)
        {
            var text = PolicyTextIndex.Normalise(File.ReadAllText(Path.Combine(CatalogueFixture.PolicyTextDirectory, document.SourceFile)));
            var quotes = Catalogue.Targets.Where(t => t.Document.Id == document.Id).SelectMany(t => t.Also.Prepend(t.Reference)).Select(c => c.Quote)
                .Concat(Catalogue.NotTargets.Where(n => n.DocumentId == document.Id).Select(n => n.Quote))
                .Select(PolicyTextIndex.Normalise)
                .ToList();
            var covered = new bool[text.Length];
            foreach (var quote in quotes)
            {
                for (var at = text.IndexOf(quote, StringComparison.Ordinal); at >= 0; at = text.IndexOf(quote, at + 1, StringComparison.Ordinal))
                {
                    Array.Fill(covered, true, at, quote.Length);
                }
            }

            foreach (Match figure in FigureWithUnit().Matches(text))
            {
                if (!covered.AsSpan(figure.Index, figure.Length).ToArray().All(c => c))
                {
                    uncovered.Add($"{document.Id}: {figure.Value} in “{text.Substring(Math.Max(0, figure.Index - 30), Math.Min(60, text.Length - Math.Max(0, figure.Index - 30)))}”");
                }
            }
        }

        Assert.True(uncovered.Count == 0, "Figures neither in a target nor listed as not a target:\n" + string.Join("\n", uncovered));
    }

    [Fact]
    public void Every_row_of_Tongrens_table_1_is_a_target_with_its_baseline_value_and_kind()
    {
        var lines = File.ReadAllLines(Path.Combine(CatalogueFixture.PolicyTextDirectory, "004_5f1c384928a0f1e0.txt"))
            .Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var start = lines.FindIndex(l => l.StartsWith("专栏1", StringComparison.Ordinal)) + 5;
        var end = lines.FindIndex(start, l => l.StartsWith("第四章", StringComparison.Ordinal));
        var rows = new List<(string Name, decimal Baseline, decimal Target, string Kind)>();
        for (var i = start; i + 3 < end + 1; i += 4)
        {
            rows.Add((lines[i], decimal.Parse(lines[i + 1], CultureInfo.InvariantCulture), decimal.Parse(lines[i + 2].Replace("以内", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture), lines[i + 3]));
        }

        Assert.Equal(16, rows.Count);
        foreach (var row in rows)
        {
            var target = Catalogue.Targets.SingleOrDefault(t => t.Document.Id == "tongren-2022" && t.Reference.Section == "专栏1" && PolicyTextIndex.Normalise(t.Reference.Quote).StartsWith(row.Name, StringComparison.Ordinal));
            Assert.True(target is not null, $"专栏1 row {row.Name} has no target");
            Assert.Equal(row.Baseline, target.Baseline?.Value);
            Assert.Equal(row.Target, target.Value);
            Assert.Equal(row.Kind == "约束性" ? TargetNature.Binding : TargetNature.Expected, target.Nature);
        }
    }

    [Fact]
    public void The_existing_target_models_carry_the_figures_of_the_catalogue()
    {
        var fairs = new JobFairTargets();
        var posts = new PostQuotas();

        Assert.Equal(Catalogue.Find("jieshou-2022.job-fairs")!.Value, fairs.FairsPerYear);
        Assert.Equal(Catalogue.Find("jieshou-2022.job-fair-intentions")!.Value, fairs.IntentionsPerYear);
        Assert.Equal(Catalogue.Find("jieshou-2022.public-welfare-posts")!.Value, posts.PublicWelfarePerYear);
        Assert.Equal(Catalogue.Find("jieshou-2022.internship-posts")!.Value, posts.InternshipPerYear);
        Assert.Equal(PostStatistics.RelocatedShareTargetPercent, Catalogue.Find("tongren-2022.relocated-share-of-public-welfare-posts")!.Value);
        Assert.Equal(Catalogue.Find("jieshou-2022.fully-employed-communities-2022")!.Value, CircleStanding.TargetSharePercent(2022));
        Assert.Equal(Catalogue.Find("jieshou-2022.fully-employed-communities-2025")!.Value, CircleStanding.TargetSharePercent(2025));
    }

    [Fact]
    public void A_target_whose_quote_is_not_in_its_document_is_refused()
    {
        const string yaml = """
            version: "t"
            targets:
              - id: jieshou-2022.invented
                document: jieshou-2022
                reference: {section: "一、(二)", quote: "每年举办招聘会不少于99场次"}
                indicator: 招聘会
                unit: fairs
                scope: city
                period: {kind: total, from: 2022}
                target: 99
                direction: atLeast
                nature: notStated
            """;

        var error = Assert.Throws<PolicyCatalogueException>(() => IndicatorCatalogue.Load(yaml, CatalogueFixture.Embedded));

        Assert.Contains(error.Errors, e => e.Contains("is not in 002_75d7a3de9afe1312.txt", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("needs `to`", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_key_is_refused()
    {
        const string yaml = """
            version: "t"
            targets:
              - id: jieshou-2022.x
                documnet: jieshou-2022
            """;

        Assert.Throws<PolicyCatalogueException>(() => IndicatorCatalogue.Load(yaml, CatalogueFixture.Embedded));
    }

    [GeneratedRegex(@"\d+(?:\.\d+)?(?:%|万人次|万人|人次|人|个|场次|场|家|户|名|亿元|套|次)(?!元)")]
    private static partial Regex FigureWithUnit();
}
