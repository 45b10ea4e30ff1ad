using System.Globalization;
using EmploymentPortal.Policies.Loading;
using EmploymentPortal.Policies.Model;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace EmploymentPortal.Policies;

/// <summary>
/// A value the bureau sets for a local parameter (a figure the document leaves to "按规定"), from a
/// date, with its own reference: the bureau's document, section and wording, and who set it.
/// </summary>
public sealed record LocalParameterValue(string Parameter, DateOnly From, DateOnly? Until, decimal Value, Citation Reference);

/// <summary>
/// The bureau's local parameter values. The host supplies them (from its database or a YAML
/// file); <see cref="PolicyCatalogue.WithLocalParameters"/> adds them to the parameter histories.
/// </summary>
public sealed class LocalParameterOverlay
{
    public LocalParameterOverlay(IEnumerable<LocalParameterValue> values)
    {
        Values = values.ToList();
        Version = PolicyCatalogue.Hash(Values.Select(v =>
            string.Join('|', v.Parameter, v.From.ToString("O", CultureInfo.InvariantCulture), v.Until?.ToString("O", CultureInfo.InvariantCulture), v.Value.ToString(CultureInfo.InvariantCulture), v.Reference.File, v.Reference.Section, v.Reference.Quote)));
    }

    public static LocalParameterOverlay Empty { get; } = new([]);

    public IReadOnlyList<LocalParameterValue> Values { get; }

    /// <summary>A short hash of the values; part of the catalogue version of every decision.</summary>
    public string Version { get; }

    /// <summary>
    /// Reads a YAML list of <c>{parameter, from, until?, value, reference: {document, section, quote, setBy}}</c>.
    /// Unknown keys and values without a reference are refused.
    /// </summary>
    /// <exception cref="PolicyCatalogueException">The file is invalid.</exception>
    public static LocalParameterOverlay FromYaml(string yaml, string name = "local parameters")
    {
        List<LocalValueYaml>? items;
        try
        {
            items = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
                .Deserialize<List<LocalValueYaml>>(yaml);
        }
        catch (YamlException e)
        {
            throw new PolicyCatalogueException([$"{name} ({e.Start.Line}:{e.Start.Column}): {e.InnerException?.Message ?? e.Message}"]);
        }

        var errors = new List<string>();
        var values = new List<LocalParameterValue>();
        foreach (var item in items ?? [])
        {
            var where = $"{name}: '{item.Parameter}' from {item.From}";
            if (string.IsNullOrWhiteSpace(item.Parameter) || item.Value is null ||
                !DateOnly.TryParseExact(item.From, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
            {
                errors.Add($"{where}: needs parameter, from (yyyy-MM-dd) and value");
                continue;
            }

            DateOnly? until = null;
            if (item.Until is not null)
            {
                if (!DateOnly.TryParseExact(item.Until, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var u))
                {
                    errors.Add($"{where}: until '{item.Until}' is not a date");
                    continue;
                }

                until = u;
            }

            if (item.Reference is not { } r || string.IsNullOrWhiteSpace(r.Document) || string.IsNullOrWhiteSpace(r.Quote) || string.IsNullOrWhiteSpace(r.SetBy))
            {
                errors.Add($"{where}: a local value needs a reference with document, quote and setBy");
                continue;
            }

            values.Add(new LocalParameterValue(item.Parameter, from, until, item.Value.Value,
                new Citation(r.Document, r.Section ?? "", r.Quote, Local: true, SetBy: r.SetBy)));
        }

        return errors.Count > 0 ? throw new PolicyCatalogueException(errors) : new LocalParameterOverlay(values);
    }
}
