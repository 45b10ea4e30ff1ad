using System.Globalization;
using System.Text.RegularExpressions;
using EmploymentPortal.Policies.Evaluation;
using EmploymentPortal.Policies.Model;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace EmploymentPortal.Policies.Loading;

/// <summary>A catalogue file: its name (for messages) and its YAML text.</summary>
public sealed record CatalogueSource(string Name, string Yaml);

/// <summary>
/// Reads catalogue YAML into the model and refuses, with every problem listed, anything that
/// would make a decision unexplainable: unknown keys, a rule, condition, period or parameter
/// value without a reference, a quote that is not in the cited file, overlapping periods or
/// parameter values, unknown checks, parameters or benefit kinds.
/// </summary>
internal sealed partial class CatalogueLoader(PolicyTextIndex texts, ConditionRegistry registry)
{
    private readonly List<string> _errors = [];

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public List<PolicyDocument> Documents { get; } = [];
    public List<PolicyRule> Rules { get; } = [];
    public Dictionary<string, PolicyParameter> Parameters { get; } = new(StringComparer.Ordinal);

    public void Load(IEnumerable<CatalogueSource> sources)
    {
        var files = new List<(CatalogueSource Source, DocumentFileYaml File)>();
        foreach (var source in sources)
        {
            try
            {
                var file = Deserializer.Deserialize<DocumentFileYaml>(source.Yaml);
                if (file is null)
                {
                    _errors.Add($"{source.Name}: empty file");
                    continue;
                }

                files.Add((source, file));
            }
            catch (YamlException e)
            {
                var message = e.InnerException?.Message ?? e.Message;
                _errors.Add($"{source.Name} ({e.Start.Line}:{e.Start.Column}): {message}");
            }
        }

        // Parameters first: rules of any document may refer to them.
        var documents = new List<(CatalogueSource Source, DocumentFileYaml File, PolicyDocument Document)>();
        foreach (var (source, file) in files)
        {
            var document = ReadDocument(source.Name, file.Document);
            if (document is null)
            {
                continue;
            }

            if (Documents.Any(d => d.Id == document.Id))
            {
                _errors.Add($"{source.Name}: document id '{document.Id}' is used twice");
                continue;
            }

            Documents.Add(document);
            documents.Add((source, file, document));
            foreach (var parameter in file.Parameters)
            {
                ReadParameter(source.Name, document, parameter);
            }
        }

        foreach (var (source, file, document) in documents)
        {
            foreach (var rule in file.Rules)
            {
                ReadRule(source.Name, document, rule);
            }
        }

        DateParameterValuesWithTheirRules();

        if (_errors.Count > 0)
        {
            throw new PolicyCatalogueException(_errors);
        }
    }

    /// <summary>Placeholder start of a value without 'from', replaced by the document's start.</summary>
    private static readonly DateOnly WithTheRules = DateOnly.MinValue;

    private const string WithTheRulesReasoning =
        "The document states the figure without a date of its own: it applies with the document's rules, from the first day any of them applies.";

    /// <summary>
    /// Gives the values without 'from' the first day any rule of their document applies, then
    /// refuses overlapping values.
    /// </summary>
    private void DateParameterValuesWithTheirRules()
    {
        foreach (var (id, parameter) in Parameters.ToList())
        {
            var start = Rules.Where(r => r.DocumentId == parameter.DocumentId).SelectMany(r => r.Periods).Select(p => (DateOnly?)p.From).Min();
            var values = parameter.Values
                .Select(v => v.From == WithTheRules ? v with { From = start ?? Documents.First(d => d.Id == parameter.DocumentId).Date } : v)
                .OrderBy(v => v.From)
                .ToList();
            foreach (var overlap in Overlaps(values.Select(v => (v.From, v.Until))))
            {
                _errors.Add($"parameter '{id[(parameter.DocumentId.Length + 1)..]}' of {parameter.DocumentId}: {overlap}");
            }

            Parameters[id] = parameter with { Values = values };
        }
    }

    private PolicyDocument? ReadDocument(string where, DocumentYaml? yaml)
    {
        if (yaml is null)
        {
            _errors.Add($"{where}: no 'document' section");
            return null;
        }

        var ok = Required(where, "document.id", yaml.Id) & Required(where, "document.issuer", yaml.Issuer) &
                 Required(where, "document.title", yaml.Title) & Required(where, "document.sourceFile", yaml.SourceFile);
        var date = ParseDate(where, "document.date", yaml.Date);
        if (!ok || date is null)
        {
            return null;
        }

        if (!KebabId().IsMatch(yaml.Id!))
        {
            _errors.Add($"{where}: document id '{yaml.Id}' must be kebab-case");
        }

        if (!texts.HasFile(yaml.SourceFile!))
        {
            _errors.Add($"{where}: source file '{yaml.SourceFile}' is not in {texts.Directory}");
        }

        if (yaml.Jurisdictions.Count == 0)
        {
            _errors.Add($"{where}: document has no jurisdictions");
        }

        foreach (var code in yaml.Jurisdictions.Where(c => !DivisionCode().IsMatch(c)))
        {
            _errors.Add($"{where}: jurisdiction '{code}' is not a six-digit administrative division code");
        }

        // The document's date is the text's (the signing line) or inferred with the reasoning.
        Citation? dated = null;
        if (yaml.Dated is not null)
        {
            dated = ReadReference($"{where}: document.dated", yaml.SourceFile!, yaml.Dated);
            if (dated is not null && string.IsNullOrWhiteSpace(yaml.DateInferred) && !DateWords.StatesDay(dated.Quote, date.Value))
            {
                _errors.Add($"{where}: document.date {Iso(date.Value)} is not in the words it cites (\"{dated.Quote}\"); quote the date or give dateInferred with the reasoning");
            }
        }
        else if (string.IsNullOrWhiteSpace(yaml.DateInferred))
        {
            _errors.Add($"{where}: document.date {Iso(date.Value)} needs 'dated' (the words of the text that date it) or 'dateInferred' (why it is that date)");
        }

        return new PolicyDocument(yaml.Id!, yaml.Issuer!, yaml.DocumentNumber, yaml.Title!, date.Value,
            yaml.Jurisdictions, yaml.Draft, yaml.SourceFile!, yaml.Summary, yaml.NotModelled, dated, yaml.DateInferred);
    }

    private void ReadParameter(string file, PolicyDocument document, ParameterYaml yaml)
    {
        var where = $"{file}: parameter '{yaml.Id}'";
        if (!Required(file, "parameter id", yaml.Id))
        {
            return;
        }

        var id = document.Id + "." + yaml.Id;
        if (!TryParseUnit(yaml.Unit, out var unit))
        {
            _errors.Add($"{where}: unit '{yaml.Unit}' is not one of cny, ratio, months, years, days, count");
        }

        var values = new List<ParameterValue>();
        foreach (var value in yaml.Values)
        {
            // Without 'from' the figure has no date of its own: it applies with the document's
            // rules, from the first day any of them applies (set once the rules are read).
            var from = value.From is null ? WithTheRules : ParseDate(where, "from", value.From);
            var until = value.Until is null ? null : ParseDate(where, "until", value.Until);
            var reference = ReadReference(where + $" value from {value.From ?? "the document's start"}", document, value.Reference);
            if (value.Value is null)
            {
                _errors.Add($"{where}: value from {value.From} has no value");
            }

            var inferred = value.Inferred;
            if (reference is not null && string.IsNullOrWhiteSpace(inferred))
            {
                if (value.From is null)
                {
                    inferred = WithTheRulesReasoning;
                }
                else if (from is { } f && !DateWords.StatesStart(reference.Quote, f))
                {
                    _errors.Add($"{where}: value from {Iso(f)}: {Iso(f)} is not in the words it cites (\"{reference.Quote}\"); quote them or give 'inferred' with the reasoning");
                }

                if (until is { } u && !DateWords.StatesEnd(reference.Quote, u))
                {
                    _errors.Add($"{where}: value until {Iso(u)}: {Iso(u)} is not in the words it cites (\"{reference.Quote}\"); quote them or give 'inferred' with the reasoning");
                }
            }

            if (from is not null && reference is not null && value.Value is not null)
            {
                values.Add(new ParameterValue(from.Value, until, value.Value.Value, reference, inferred));
            }
        }

        if (!yaml.Local && yaml.Values.Count == 0)
        {
            _errors.Add($"{where}: has no values; a parameter the document does not state must be 'local: true'");
        }

        if (!Parameters.TryAdd(id, new PolicyParameter(id, document.Id, unit, yaml.Description ?? "", yaml.Local, values)))
        {
            _errors.Add($"{where}: id is used twice");
        }
    }

    private void ReadRule(string file, PolicyDocument document, RuleYaml yaml)
    {
        if (!Required(file, "rule id", yaml.Id))
        {
            return;
        }

        var id = document.Id + "." + yaml.Id;
        var where = $"{file}: rule '{id}'";
        Required(where, "title", yaml.Title);
        if (yaml.Benefit is null || !BenefitKinds.Known.Contains(yaml.Benefit))
        {
            _errors.Add($"{where}: benefit '{yaml.Benefit}' is not a known benefit kind (see BenefitKinds)");
        }

        if (!TryParseBeneficiary(yaml.Beneficiary, out var beneficiary))
        {
            _errors.Add($"{where}: beneficiary '{yaml.Beneficiary}' is not person, enterprise, community, organisation or locality");
        }

        var reference = ReadReference(where, document, yaml.Reference);
        if (yaml.Reference is null)
        {
            _errors.Add($"{where}: has no reference (file, section and quote)");
        }

        var appliesOn = yaml.AppliesOn ?? PolicyRule.EvaluationDate;
        if (appliesOn != PolicyRule.EvaluationDate && !FactName().IsMatch(appliesOn))
        {
            _errors.Add($"{where}: appliesOn '{appliesOn}' is neither evaluationDate nor a fact name");
        }

        var periods = new List<RulePeriod>();
        if (yaml.Periods.Count == 0)
        {
            _errors.Add($"{where}: has no effective period");
        }

        foreach (var period in yaml.Periods)
        {
            if (ReadPeriod(where, document, period) is { } read)
            {
                periods.Add(read);
            }
        }

        periods.Sort((a, b) => a.From.CompareTo(b.From));
        foreach (var overlap in Overlaps(periods.Select(p => (p.From, p.Until)), explicitEndsOnly: true))
        {
            _errors.Add($"{where}: periods {overlap}");
        }

        var conditions = new List<RuleCondition>();
        foreach (var condition in yaml.Conditions)
        {
            if (ReadCondition(where, document, condition) is { } read)
            {
                conditions.Add(read);
            }
        }

        var amount = ReadAmount(where, document, yaml, yaml.Amount);
        OnceOnlyRule? onceOnly = null;
        if (yaml.OnceOnly is { } once)
        {
            if (!TryParseScope(once.Scope, out var scope))
            {
                _errors.Add($"{where}: onceOnly scope '{once.Scope}' is not person, enterprise, personAndEnterprise or community");
            }

            var onceReference = ReadReference(where + " onceOnly", document, once.Reference);
            if (onceReference is not null)
            {
                onceOnly = new OnceOnlyRule(scope, once.PerCalendarYear, onceReference);
            }
        }

        // 所需资金从…列支: the fund, only where the document names it (the words are checked like every reference).
        RuleFund? fund = null;
        if (yaml.Fund is { } fundYaml)
        {
            var source = fundYaml.Source switch
            {
                "employmentSubsidyFund" => FundSource.EmploymentSubsidyFund,
                "unemploymentInsuranceFund" => FundSource.UnemploymentInsuranceFund,
                "localFiscal" => FundSource.LocalFiscal,
                _ => (FundSource?)null,
            };
            if (source is null)
            {
                _errors.Add($"{where}: fund source '{fundYaml.Source}' is not employmentSubsidyFund, unemploymentInsuranceFund or localFiscal (leave the fund out when the document names none)");
            }

            var fundReference = ReadReference(where + " fund", document, fundYaml.Reference);
            if (source is { } known && fundReference is not null)
            {
                fund = new RuleFund(known, fundReference);
            }
        }

        // 可 / 可给予: the bureau may, not must, grant it; the rule must say so.
        if (!yaml.Discretionary)
        {
            foreach (var quote in new[] { reference?.Quote }.Concat(conditions.Select(c => c.Reference.Quote)).OfType<string>())
            {
                if (Modal().Match(quote) is { Success: true } modal)
                {
                    _errors.Add($"{where}: the text says \"{modal.Value}\" (\"{quote}\"): mark the rule discretionary");
                }
            }
        }

        // A list ending in 等 is open: a member the list does not name is for an officer to accept.
        foreach (var condition in conditions.Where(c => c.Check == "oneOf" && c.Reference.Quote.Contains('等', StringComparison.Ordinal)))
        {
            _errors.Add($"{where} condition 'oneOf': the text lists with 等 (\"{condition.Reference.Quote}\"), an open list: use oneOfOpen");
        }

        if (Rules.Any(r => r.Id == id))
        {
            _errors.Add($"{where}: id is used twice");
        }

        if (reference is null || amount is null)
        {
            return;
        }

        Rules.Add(new PolicyRule(id, document.Id, yaml.Title ?? id, yaml.Benefit ?? "", beneficiary, reference,
            yaml.Discretionary, yaml.AmountNotStated, yaml.MaximumOnly, yaml.MinimumOnly, appliesOn, yaml.AppliesOnNote,
            periods, conditions, amount, onceOnly, yaml.Notes, fund));
    }

    /// <summary>
    /// A period: its dates are in the words it cites or carry the reasoning why they are what they
    /// are; the words are those that set the period, not the signing line; an open end says
    /// whether the text limits the rule to a period (end: notStated, limitedBy the words) or not
    /// (end: standing).
    /// </summary>
    private RulePeriod? ReadPeriod(string rule, PolicyDocument document, PeriodYaml period)
    {
        var where = $"{rule} period from {period.From}";
        var from = ParseDate(where, "period from", period.From);
        var until = period.Until is null ? null : ParseDate(where, "period until", period.Until);
        var reference = ReadReference(where, document, period.Reference);
        if (from is null || reference is null)
        {
            return null;
        }

        if (document.Dated is { } dated && (reference.Quote == dated.Quote || SigningLine().IsMatch(reference.Quote.Trim())))
        {
            _errors.Add($"{where}: cites the signing line (\"{reference.Quote}\"); quote the words that set the period and give fromInferred when they state no date");
        }

        if (string.IsNullOrWhiteSpace(period.FromInferred) && !DateWords.StatesStart(reference.Quote, from.Value))
        {
            _errors.Add($"{where}: {Iso(from.Value)} is not in the words it cites (\"{reference.Quote}\"); quote them or give fromInferred with the reasoning");
        }

        if (until is { } u && string.IsNullOrWhiteSpace(period.UntilInferred) && !DateWords.StatesEnd(reference.Quote, u))
        {
            _errors.Add($"{where}: until {Iso(u)}: {Iso(u)} is not in the words it cites (\"{reference.Quote}\"); quote them or give untilInferred with the reasoning");
        }

        var end = PeriodEnd.Stated;
        Citation? limitedBy = null;
        switch (period.End)
        {
            case null or "stated" when until is not null:
                break;
            case null or "stated":
                _errors.Add($"{where}: has no end; give until (the text's date), 'end: notStated' with limitedBy (the words that limit the rule to a period, e.g. 疫情防控期间) or 'end: standing' (the text limits it to no period)");
                break;
            case "notStated" when until is null:
                end = PeriodEnd.NotStated;
                limitedBy = period.LimitedBy is null ? null : ReadReference(where + " limitedBy", document, period.LimitedBy);
                if (period.LimitedBy is null)
                {
                    _errors.Add($"{where}: an end not stated in the text needs limitedBy: the words that limit the rule to a period (疫情防控期间, 阶段性, 今年 …)");
                }

                break;
            case "standing" when until is null:
                end = PeriodEnd.Standing;
                break;
            default:
                _errors.Add($"{where}: end '{period.End}' is not stated, notStated or standing (an end with until is stated)");
                break;
        }

        return new RulePeriod(from.Value, until, reference, period.FromInferred, period.UntilInferred, end, limitedBy);
    }

    private RuleCondition? ReadCondition(string rule, PolicyDocument document, ConditionYaml yaml)
    {
        var where = $"{rule} condition '{yaml.Check}'";
        var reference = ReadReference(where, document, yaml.Reference);
        if (yaml.Check is null || !registry.TryGet(yaml.Check, out var definition))
        {
            _errors.Add($"{where}: no condition implementation is registered under this name");
            return null;
        }

        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in yaml.Args)
        {
            if (!definition.FactArgs.Contains(key) && !definition.ParameterArgs.Contains(key) && !definition.LiteralArgs.Contains(key))
            {
                _errors.Add($"{where}: unknown argument '{key}'");
            }
        }

        foreach (var name in definition.FactArgs.Concat(definition.ParameterArgs).Concat(definition.LiteralArgs))
        {
            if (!yaml.Args.TryGetValue(name, out var value))
            {
                _errors.Add($"{where}: argument '{name}' is required");
                continue;
            }

            if (definition.ParameterArgs.Contains(name))
            {
                value = ResolveParameter(where, document, value) ?? value;
            }
            else if (definition.FactArgs.Contains(name) && value != PolicyRule.EvaluationDate && !FactName().IsMatch(value))
            {
                _errors.Add($"{where}: '{value}' is not a fact name (group.name)");
            }
            else if (name == "op")
            {
                try
                {
                    Dates.Threshold.Parse(value);
                }
                catch (FormatException e)
                {
                    _errors.Add($"{where}: {e.Message}");
                }
            }

            args[name] = value;
        }

        return reference is null ? null : new RuleCondition(yaml.Check, yaml.Description ?? definition.Description, args, reference);
    }

    private AmountRule? ReadAmount(string where, PolicyDocument document, RuleYaml rule, AmountYaml? yaml)
    {
        if (yaml is null)
        {
            _errors.Add($"{where}: has no amount (use kind: none for a benefit without money)");
            return null;
        }

        if (!TryParseAmountKind(yaml.Kind, out var kind))
        {
            _errors.Add($"{where}: amount kind '{yaml.Kind}' is not none, lumpSum, perPerson, perMonth, shareOf or requested");
            return null;
        }

        string? Param(string? name, ParameterUnit unit, string role)
        {
            if (name is null)
            {
                return null;
            }

            var id = ResolveParameter(where, document, name);
            if (id is not null && Parameters[id].Unit != unit)
            {
                _errors.Add($"{where}: amount {role} '{id}' must be in {unit.ToString().ToLowerInvariant()}");
            }

            return id;
        }

        var needsRate = kind is AmountKind.LumpSum or AmountKind.PerPerson or AmountKind.PerMonth;
        if (needsRate && yaml.Rate is null)
        {
            _errors.Add($"{where}: amount kind {yaml.Kind} needs a rate parameter");
        }

        var monthSources = new object?[] { yaml.Months, yaml.MonthsWithin, yaml.MonthsBetween }.Count(m => m is not null);
        if (kind == AmountKind.PerMonth && monthSources == 0)
        {
            _errors.Add($"{where}: amount kind perMonth needs months (a fact), monthsWithin (the claim's period) or monthsBetween (two held dates)");
        }

        if (monthSources > 1)
        {
            _errors.Add($"{where}: amount takes one of months, monthsWithin and monthsBetween");
        }

        MonthsWithin? within = null;
        if (yaml.MonthsWithin is { } w)
        {
            if (w.From is null || w.To is null)
            {
                _errors.Add($"{where}: monthsWithin needs from and to (date facts of the claim's period)");
            }
            else
            {
                within = new MonthsWithin(w.From, w.To, w.NotBefore, w.After, w.NotAfter);
            }
        }

        MonthsBetween? between = null;
        if (yaml.MonthsBetween is { } b2)
        {
            if (b2.From is null || b2.Through is null)
            {
                _errors.Add($"{where}: monthsBetween needs from and through (date facts)");
            }
            else
            {
                between = new MonthsBetween(b2.From, b2.Through);
            }
        }

        if (kind == AmountKind.ShareOf && (yaml.Share is null || (yaml.Base?.Fact is null && yaml.Base?.Parameter is null)))
        {
            _errors.Add($"{where}: amount kind shareOf needs a share parameter and a base (fact or parameter)");
        }

        if (kind == AmountKind.Requested && yaml.Requested is null)
        {
            _errors.Add($"{where}: amount kind requested needs a requested fact");
        }

        foreach (var fact in new[]
                 {
                     yaml.Count, yaml.Months, yaml.Base?.Fact, yaml.Requested, yaml.MonthsWithin?.From, yaml.MonthsWithin?.To,
                     yaml.MonthsWithin?.NotBefore, yaml.MonthsWithin?.After, yaml.MonthsWithin?.NotAfter, yaml.MonthsBetween?.From, yaml.MonthsBetween?.Through,
                 }.OfType<string>())
        {
            if (!FactName().IsMatch(fact))
            {
                _errors.Add($"{where}: amount fact '{fact}' is not a fact name (group.name)");
            }
        }

        var rate = Param(yaml.Rate, ParameterUnit.Cny, "rate");
        if (rule.AmountNotStated && rate is not null && !Parameters[rate].Local &&
            (yaml.Base?.Parameter is null || !Parameters.TryGetValue(ResolveParameter(where, document, yaml.Base.Parameter) ?? "", out var b) || !b.Local))
        {
            _errors.Add($"{where}: amountNotStated rules take their figure from a local parameter; '{rate}' is not local");
        }

        AmountIncrease? increase = null;
        if (yaml.Increase is { } inc)
        {
            var parameter = Param(inc.Parameter, ParameterUnit.Ratio, "increase");
            var when = inc.When is null ? null : ReadCondition(where + " increase", document, inc.When);
            if (parameter is null || when is null)
            {
                _errors.Add($"{where}: increase needs a ratio parameter and a 'when' condition");
            }
            else
            {
                increase = new AmountIncrease(parameter, when);
            }
        }

        var caps = new List<AmountCap>();
        foreach (var cap in yaml.Caps)
        {
            var target = cap.Applies switch
            {
                "total" => CapTarget.Total,
                "months" => CapTarget.Months,
                "requested" => CapTarget.Requested,
                _ => (CapTarget?)null,
            };
            if (target is null)
            {
                _errors.Add($"{where}: cap applies '{cap.Applies}' is not total, months or requested");
                continue;
            }

            var id = Param(cap.Parameter, target == CapTarget.Months ? ParameterUnit.Months : ParameterUnit.Cny, "cap");
            if (id is not null)
            {
                caps.Add(new AmountCap(id, target.Value, cap.CountsHistory));
            }
        }

        return new AmountRule(kind, rate, yaml.Count, yaml.Months, Param(yaml.Share, ParameterUnit.Ratio, "share"),
            yaml.Base?.Fact, yaml.Base?.Parameter is null ? null : Param(yaml.Base.Parameter, ParameterUnit.Cny, "base"),
            yaml.Requested, increase, caps, within, between);
    }

    private string? ResolveParameter(string where, PolicyDocument document, string name)
    {
        var local = document.Id + "." + name;
        if (Parameters.ContainsKey(local))
        {
            return local;
        }

        if (Parameters.ContainsKey(name))
        {
            return name;
        }

        _errors.Add($"{where}: parameter '{name}' is not defined");
        return null;
    }

    private Citation? ReadReference(string where, PolicyDocument document, ReferenceYaml? yaml) =>
        ReadReference(where, document.SourceFile, yaml);

    private Citation? ReadReference(string where, string sourceFile, ReferenceYaml? yaml)
    {
        if (yaml is null)
        {
            _errors.Add($"{where}: has no reference (file, section and quote)");
            return null;
        }

        var file = yaml.File ?? sourceFile;
        if (string.IsNullOrWhiteSpace(yaml.Section) || string.IsNullOrWhiteSpace(yaml.Quote))
        {
            _errors.Add($"{where}: reference needs a section and a quote");
            return null;
        }

        if (!texts.HasFile(file))
        {
            _errors.Add($"{where}: cited file '{file}' is not in {texts.Directory}");
        }
        else if (!texts.Contains(file, yaml.Quote))
        {
            _errors.Add($"{where}: quote \"{yaml.Quote}\" does not occur in {file}");
        }

        return new Citation(file, yaml.Section, yaml.Quote);
    }

    /// <summary>
    /// Overlaps in a sorted list of periods. A value without an end runs until the next one
    /// starts, so two values overlap when they start on the same day or an explicit end reaches
    /// past the next start. For rule periods (<paramref name="explicitEndsOnly"/>) an open end
    /// followed by another period is an overlap too.
    /// </summary>
    internal static IEnumerable<string> Overlaps(IEnumerable<(DateOnly From, DateOnly? Until)> sorted, bool explicitEndsOnly = false)
    {
        var list = sorted.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Until is { } until && until < list[i].From)
            {
                yield return $"{Iso(list[i].From)}..{Iso(until)} ends before it starts";
            }

            if (i + 1 >= list.Count)
            {
                continue;
            }

            var next = list[i + 1].From;
            if (next == list[i].From ||
                (list[i].Until is { } end && end >= next) ||
                (explicitEndsOnly && list[i].Until is null))
            {
                yield return $"{Iso(list[i].From)}..{(list[i].Until is { } u ? Iso(u) : "open")} overlaps the period from {Iso(next)}";
            }
        }
    }

    private bool Required(string where, string what, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        _errors.Add($"{where}: {what} is required");
        return false;
    }

    private DateOnly? ParseDate(string where, string what, string? value)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        _errors.Add($"{where}: {what} '{value}' is not a date (yyyy-MM-dd)");
        return null;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static bool TryParseUnit(string? text, out ParameterUnit unit)
    {
        (var ok, unit) = text switch
        {
            "cny" => (true, ParameterUnit.Cny),
            "ratio" => (true, ParameterUnit.Ratio),
            "months" => (true, ParameterUnit.Months),
            "years" => (true, ParameterUnit.Years),
            "days" => (true, ParameterUnit.Days),
            "count" => (true, ParameterUnit.Count),
            _ => (false, ParameterUnit.Count),
        };
        return ok;
    }

    private static bool TryParseBeneficiary(string? text, out Beneficiary beneficiary)
    {
        (var ok, beneficiary) = text switch
        {
            "person" => (true, Beneficiary.Person),
            "enterprise" => (true, Beneficiary.Enterprise),
            "community" => (true, Beneficiary.Community),
            "organisation" => (true, Beneficiary.Organisation),
            "locality" => (true, Beneficiary.Locality),
            _ => (false, Beneficiary.Person),
        };
        return ok;
    }

    private static bool TryParseScope(string? text, out OnceOnlyScope scope)
    {
        (var ok, scope) = text switch
        {
            "person" => (true, OnceOnlyScope.Person),
            "enterprise" => (true, OnceOnlyScope.Enterprise),
            "personAndEnterprise" => (true, OnceOnlyScope.PersonAndEnterprise),
            "community" => (true, OnceOnlyScope.Community),
            _ => (false, OnceOnlyScope.Person),
        };
        return ok;
    }

    private static bool TryParseAmountKind(string? text, out AmountKind kind)
    {
        (var ok, kind) = text switch
        {
            "none" => (true, AmountKind.None),
            "lumpSum" => (true, AmountKind.LumpSum),
            "perPerson" => (true, AmountKind.PerPerson),
            "perMonth" => (true, AmountKind.PerMonth),
            "shareOf" => (true, AmountKind.ShareOf),
            "requested" => (true, AmountKind.Requested),
            _ => (false, AmountKind.None),
        };
        return ok;
    }

    // 可 as a modal verb before what the bureau may do (可给予, 可对…发放, 可通过, 可申请, 可继续 …).
    [GeneratedRegex("可(给予|对|通过|申请|继续|按|根据|延长|向|予以)")]
    private static partial Regex Modal();

    // A quote that is only a date (the signing line), e.g. "2020年7月27日" or "二〇二二年二月".
    [GeneratedRegex("^[0-9〇零一二三四五六七八九十]{2,4}年[0-9一二三四五六七八九十]{1,3}月([0-9一二三四五六七八九十]{1,3}日)?$")]
    private static partial Regex SigningLine();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabId();

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex DivisionCode();

    [GeneratedRegex("^[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)+$")]
    private static partial Regex FactName();
}
