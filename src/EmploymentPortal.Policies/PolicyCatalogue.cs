using System.Security.Cryptography;
using System.Text;
using EmploymentPortal.Policies.Evaluation;
using EmploymentPortal.Policies.Loading;
using EmploymentPortal.Policies.Model;

namespace EmploymentPortal.Policies;

/// <summary>
/// The end of a rule set by the bureau where the text does not state one (疫情防控期间, 阶段性, or a
/// standing rule the bureau ends), with its basis: the bureau's or a higher document (e.g. the one
/// that ended the emergency response), section, the quoted words and who set it
/// (<see cref="Citation.Local"/> true).
/// </summary>
public sealed record RuleEnd(string RuleId, DateOnly EndsOn, Citation Basis);

/// <summary>A rule with its document and the parameters it uses, for listing and for the bureau UI.</summary>
public sealed record RuleDescription(PolicyRule Rule, PolicyDocument Document, IReadOnlyList<PolicyParameter> Parameters);

/// <summary>
/// The policy catalogue: every document, rule and dated parameter, checked against the policy
/// texts. Immutable; <see cref="WithLocalParameters"/> returns a new catalogue with the bureau's
/// local values added. <see cref="Version"/> identifies the exact content (catalogue files and
/// local values) and is written into every decision trace.
/// </summary>
public sealed class PolicyCatalogue
{
    private const string ResourcePrefix = "Catalogue/";

    /// <summary>
    /// Months after the start of a period whose end the text does not state after which an
    /// evaluation is a manual review (configurable by the host, <c>Policies:UnstatedEndHorizonMonths</c>).
    /// </summary>
    public const int DefaultUnstatedEndHorizonMonths = 12;

    private readonly Dictionary<string, PolicyRule> _rules;
    private readonly Dictionary<string, PolicyDocument> _documents;

    private PolicyCatalogue(
        string version,
        string policyTextDirectory,
        IReadOnlyList<PolicyDocument> documents,
        IReadOnlyList<PolicyRule> rules,
        IReadOnlyDictionary<string, PolicyParameter> parameters,
        ConditionRegistry conditions,
        int unstatedEndHorizonMonths = DefaultUnstatedEndHorizonMonths)
    {
        UnstatedEndHorizonMonths = unstatedEndHorizonMonths;
        Version = version;
        PolicyTextDirectory = policyTextDirectory;
        Documents = documents;
        Rules = rules;
        Parameters = parameters;
        Conditions = conditions;
        _rules = rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        _documents = documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
    }

    public string Version { get; }
    public string PolicyTextDirectory { get; }
    public IReadOnlyList<PolicyDocument> Documents { get; }
    public IReadOnlyList<PolicyRule> Rules { get; }
    public IReadOnlyDictionary<string, PolicyParameter> Parameters { get; }
    public ConditionRegistry Conditions { get; }

    /// <summary>
    /// Months after the start of a period whose end the text does not state (<see cref="PeriodEnd.NotStated"/>)
    /// during which the rule is applied as written; a date after them gives a manual review that
    /// says why, until the bureau sets the end (<see cref="WithRuleEnds"/>).
    /// </summary>
    public int UnstatedEndHorizonMonths { get; }

    /// <summary>
    /// Loads the catalogue embedded in this assembly. <paramref name="policyTextDirectory"/> is
    /// the folder of the policy texts (configure it in the host); when null it is located with
    /// <see cref="PolicyTextLocator"/>.
    /// </summary>
    /// <exception cref="PolicyCatalogueException">The catalogue is invalid.</exception>
    public static PolicyCatalogue LoadEmbedded(string? policyTextDirectory = null, ConditionRegistry? conditions = null) =>
        Load(EmbeddedSources(), policyTextDirectory ?? PolicyTextLocator.Locate(), conditions);

    /// <summary>The YAML files embedded in this assembly, in name order.</summary>
    public static IReadOnlyList<CatalogueSource> EmbeddedSources()
    {
        var assembly = typeof(PolicyCatalogue).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream, Encoding.UTF8);
                return new CatalogueSource(n, reader.ReadToEnd());
            })
            .ToList();
    }

    /// <summary>Loads catalogue files (e.g. for tests or a host that keeps them elsewhere).</summary>
    /// <exception cref="PolicyCatalogueException">The catalogue is invalid.</exception>
    public static PolicyCatalogue Load(IEnumerable<CatalogueSource> sources, string policyTextDirectory, ConditionRegistry? conditions = null)
    {
        var list = sources.ToList();
        var registry = conditions ?? ConditionRegistry.Default;
        var loader = new CatalogueLoader(PolicyTextIndex.Load(policyTextDirectory), registry);
        loader.Load(list);
        var version = Hash(list.Select(s => s.Name + "\n" + s.Yaml));
        return new PolicyCatalogue(version, policyTextDirectory, loader.Documents, loader.Rules, loader.Parameters, registry);
    }

    /// <summary>
    /// A new catalogue with the bureau's local parameter values added to the histories. Values are
    /// only ever added: a value starting on a date that already has one, or overlapping one, is
    /// refused. Only parameters marked local accept values.
    /// </summary>
    /// <exception cref="PolicyCatalogueException">A value is refused.</exception>
    public PolicyCatalogue WithLocalParameters(LocalParameterOverlay overlay)
    {
        var errors = new List<string>();
        var parameters = new Dictionary<string, PolicyParameter>(Parameters, StringComparer.Ordinal);
        foreach (var group in overlay.Values.GroupBy(v => v.Parameter, StringComparer.Ordinal))
        {
            if (!parameters.TryGetValue(group.Key, out var parameter))
            {
                errors.Add($"local value for unknown parameter '{group.Key}'");
                continue;
            }

            if (!parameter.Local)
            {
                errors.Add($"parameter '{group.Key}' is stated by its document and takes no local values");
                continue;
            }

            var values = parameter.Values
                .Concat(group.Select(v => new ParameterValue(v.From, v.Until, v.Value, v.Reference)))
                .OrderBy(v => v.From)
                .ToList();
            errors.AddRange(CatalogueLoader.Overlaps(values.Select(v => (v.From, v.Until))).Select(o => $"parameter '{group.Key}': {o}"));
            parameters[group.Key] = parameter with { Values = values };
        }

        if (errors.Count > 0)
        {
            throw new PolicyCatalogueException(errors);
        }

        return new PolicyCatalogue(Version + "+local." + overlay.Version, PolicyTextDirectory, Documents, Rules, parameters, Conditions, UnstatedEndHorizonMonths);
    }

    /// <summary>
    /// A new catalogue in which each rule of <paramref name="ends"/> ends on the date the bureau set
    /// (the last one given for a rule is in force). Only a rule whose end the text does not state
    /// (not stated, standing, or an end inferred rather than quoted) takes an end, and not before
    /// its last period starts.
    /// </summary>
    /// <exception cref="PolicyCatalogueException">An end is refused.</exception>
    public PolicyCatalogue WithRuleEnds(IEnumerable<RuleEnd> ends)
    {
        ArgumentNullException.ThrowIfNull(ends);
        var inForce = new Dictionary<string, RuleEnd>(StringComparer.Ordinal);
        foreach (var end in ends)
        {
            inForce[end.RuleId] = end;
        }

        if (inForce.Count == 0)
        {
            return this;
        }

        var errors = new List<string>();
        var rules = Rules.ToList();
        foreach (var end in inForce.Values)
        {
            var index = rules.FindIndex(r => r.Id == end.RuleId);
            if (index < 0)
            {
                errors.Add($"end for unknown rule '{end.RuleId}'");
                continue;
            }

            if (CheckEnd(rules[index], end.EndsOn) is { } refused)
            {
                errors.Add($"rule '{end.RuleId}': {refused}");
                continue;
            }

            var periods = rules[index].Periods.ToList();
            periods[^1] = periods[^1] with { Until = end.EndsOn, End = PeriodEnd.SetByBureau, EndBasis = end.Basis with { Local = true } };
            rules[index] = rules[index] with { Periods = periods };
        }

        if (errors.Count > 0)
        {
            throw new PolicyCatalogueException(errors);
        }

        var version = Version + "+ends." + Hash(inForce.Values.OrderBy(e => e.RuleId, StringComparer.Ordinal)
            .Select(e => string.Join('|', e.RuleId, e.EndsOn.ToString("O", System.Globalization.CultureInfo.InvariantCulture), e.Basis.File, e.Basis.Section, e.Basis.Quote)));
        return new PolicyCatalogue(version, PolicyTextDirectory, Documents, rules, Parameters, Conditions, UnstatedEndHorizonMonths);
    }

    /// <summary>Why the bureau may not end <paramref name="rule"/> on <paramref name="endsOn"/> (English, for the host to word), or null when it may.</summary>
    public static string? CheckEnd(PolicyRule rule, DateOnly endsOn)
    {
        ArgumentNullException.ThrowIfNull(rule);
        // An end the text states is the text's; an end inferred from it (十四五 = 2025) may be corrected.
        var last = rule.LastPeriod;
        if (last is null || (last.End == PeriodEnd.Stated && last.UntilInferred is null))
        {
            return "the text states the end of the rule";
        }

        return endsOn < last.From ? $"the end {endsOn:yyyy-MM-dd} is before the rule's period starts ({last.From:yyyy-MM-dd})" : null;
    }

    /// <summary>A new catalogue with another horizon for ends the text does not state (<see cref="UnstatedEndHorizonMonths"/>).</summary>
    public PolicyCatalogue WithUnstatedEndHorizon(int months)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        return months == UnstatedEndHorizonMonths
            ? this
            : new PolicyCatalogue(Version + "+horizon." + months.ToString(System.Globalization.CultureInfo.InvariantCulture), PolicyTextDirectory, Documents, Rules, Parameters, Conditions, months);
    }

    /// <summary>
    /// A hypothetical catalogue in which <paramref name="parameterId"/> has
    /// <paramref name="value"/> from <paramref name="from"/> on (earlier values stay; a value in
    /// force on that day ends the day before). For what-if runs only: it is never published, and
    /// its version says so.
    /// </summary>
    /// <exception cref="PolicyCatalogueException">The parameter is unknown.</exception>
    public PolicyCatalogue WithHypotheticalValue(string parameterId, decimal value, DateOnly from, Citation reference)
    {
        if (!Parameters.TryGetValue(parameterId, out var parameter))
        {
            throw new PolicyCatalogueException([$"unknown parameter '{parameterId}'"]);
        }

        var values = parameter.Values
            .Where(v => v.From < from)
            .Select(v => v.Until is null || v.Until >= from ? v with { Until = from.AddDays(-1) } : v)
            .Append(new ParameterValue(from, null, value, reference))
            .ToList();
        var parameters = new Dictionary<string, PolicyParameter>(Parameters, StringComparer.Ordinal)
        {
            [parameterId] = parameter with { Values = values },
        };
        var version = Version + "+whatif." + Hash([parameterId, from.ToString("O", System.Globalization.CultureInfo.InvariantCulture), value.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        return new PolicyCatalogue(version, PolicyTextDirectory, Documents, Rules, parameters, Conditions, UnstatedEndHorizonMonths);
    }

    public PolicyRule? FindRule(string id) => _rules.GetValueOrDefault(id);

    public PolicyDocument? FindDocument(string id) => _documents.GetValueOrDefault(id);

    public PolicyDocument DocumentOf(PolicyRule rule) => _documents[rule.DocumentId];

    public IEnumerable<PolicyRule> RulesForBenefit(string benefit) => Rules.Where(r => r.Benefit == benefit);

    public IEnumerable<PolicyRule> RulesOfDocument(string documentId) => Rules.Where(r => r.DocumentId == documentId);

    /// <summary>The rules of a document with the parameters they use and every citation (null when the document is unknown).</summary>
    public IReadOnlyList<RuleDescription>? DescribeRules(string documentId) =>
        _documents.TryGetValue(documentId, out var document)
            ? RulesOfDocument(documentId).Select(r => new RuleDescription(r, document, ParametersOf(r))).ToList()
            : null;

    /// <summary>The parameters a rule uses, in the order they appear.</summary>
    public IReadOnlyList<PolicyParameter> ParametersOf(PolicyRule rule)
    {
        var ids = new List<string>();
        void Add(string? id)
        {
            if (id is not null && Parameters.ContainsKey(id) && !ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        foreach (var condition in rule.Conditions)
        {
            foreach (var value in condition.Args.Values)
            {
                Add(value);
            }
        }

        Add(rule.Amount.Rate);
        Add(rule.Amount.Share);
        Add(rule.Amount.BaseParameter);
        Add(rule.Amount.Increase?.Parameter);
        foreach (var value in rule.Amount.Increase?.When.Args.Values ?? [])
        {
            Add(value);
        }

        foreach (var cap in rule.Amount.Caps)
        {
            Add(cap.Parameter);
        }

        return ids.Select(id => Parameters[id]).ToList();
    }

    internal static string Hash(IEnumerable<string> parts)
    {
        using var sha = SHA256.Create();
        var bytes = Encoding.UTF8.GetBytes(string.Join("\n\u0000", parts));
        return Convert.ToHexStringLower(sha.ComputeHash(bytes))[..12];
    }
}
