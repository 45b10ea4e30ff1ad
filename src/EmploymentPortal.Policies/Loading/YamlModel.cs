namespace EmploymentPortal.Policies.Loading;

// The shape of a catalogue YAML file. YamlDotNet refuses any key not declared here, which is
// how the loader refuses unknown keys (a misspelt "amountNotStatde" must not be ignored).
// Dates are strings so that the loader can say which one is malformed.

internal sealed class DocumentFileYaml
{
    public DocumentYaml? Document { get; set; }
    public List<ParameterYaml> Parameters { get; set; } = [];
    public List<RuleYaml> Rules { get; set; } = [];
}

internal sealed class DocumentYaml
{
    public string? Id { get; set; }
    public string? Issuer { get; set; }
    public string? DocumentNumber { get; set; }
    public string? Title { get; set; }
    public string? Date { get; set; }
    public List<string> Jurisdictions { get; set; } = [];
    public bool Draft { get; set; }
    public string? SourceFile { get; set; }
    public string? Summary { get; set; }
    public List<string> NotModelled { get; set; } = [];
    public ReferenceYaml? Dated { get; set; }
    public string? DateInferred { get; set; }
}

internal sealed class ReferenceYaml
{
    public string? File { get; set; }
    public string? Section { get; set; }
    public string? Quote { get; set; }
}

internal sealed class ParameterYaml
{
    public string? Id { get; set; }
    public string? Unit { get; set; }
    public string? Description { get; set; }
    public bool Local { get; set; }
    public List<ParameterValueYaml> Values { get; set; } = [];
}

internal sealed class ParameterValueYaml
{
    public string? From { get; set; }
    public string? Until { get; set; }
    public decimal? Value { get; set; }
    public ReferenceYaml? Reference { get; set; }
    public string? Inferred { get; set; }
}

internal sealed class RuleYaml
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Benefit { get; set; }
    public string? Beneficiary { get; set; }
    public ReferenceYaml? Reference { get; set; }
    public bool Discretionary { get; set; }
    public bool AmountNotStated { get; set; }
    public bool MaximumOnly { get; set; }
    public bool MinimumOnly { get; set; }
    public string? AppliesOn { get; set; }
    public string? AppliesOnNote { get; set; }
    public List<PeriodYaml> Periods { get; set; } = [];
    public List<ConditionYaml> Conditions { get; set; } = [];
    public AmountYaml? Amount { get; set; }
    public OnceOnlyYaml? OnceOnly { get; set; }
    public FundYaml? Fund { get; set; }
    public string? Notes { get; set; }
}

internal sealed class FundYaml
{
    public string? Source { get; set; }
    public ReferenceYaml? Reference { get; set; }
}

internal sealed class PeriodYaml
{
    public string? From { get; set; }
    public string? Until { get; set; }
    public ReferenceYaml? Reference { get; set; }
    public string? FromInferred { get; set; }
    public string? UntilInferred { get; set; }
    public string? End { get; set; }
    public ReferenceYaml? LimitedBy { get; set; }
}

internal sealed class ConditionYaml
{
    public string? Check { get; set; }
    public string? Description { get; set; }
    public Dictionary<string, string> Args { get; set; } = [];
    public ReferenceYaml? Reference { get; set; }
}

internal sealed class AmountYaml
{
    public string? Kind { get; set; }
    public string? Rate { get; set; }
    public string? Count { get; set; }
    public string? Months { get; set; }
    public string? Share { get; set; }
    public AmountBaseYaml? Base { get; set; }
    public string? Requested { get; set; }
    public AmountIncreaseYaml? Increase { get; set; }
    public List<CapYaml> Caps { get; set; } = [];
    public MonthsWithinYaml? MonthsWithin { get; set; }
    public MonthsBetweenYaml? MonthsBetween { get; set; }
}

internal sealed class MonthsWithinYaml
{
    public string? From { get; set; }
    public string? To { get; set; }
    public string? NotBefore { get; set; }
    public string? After { get; set; }
    public string? NotAfter { get; set; }
}

internal sealed class MonthsBetweenYaml
{
    public string? From { get; set; }
    public string? Through { get; set; }
}

internal sealed class AmountBaseYaml
{
    public string? Fact { get; set; }
    public string? Parameter { get; set; }
}

internal sealed class AmountIncreaseYaml
{
    public string? Parameter { get; set; }
    public ConditionYaml? When { get; set; }
}

internal sealed class CapYaml
{
    public string? Parameter { get; set; }
    public string? Applies { get; set; }
    public bool CountsHistory { get; set; }
}

internal sealed class OnceOnlyYaml
{
    public string? Scope { get; set; }
    public bool PerCalendarYear { get; set; }
    public ReferenceYaml? Reference { get; set; }
}

internal sealed class LocalValueYaml
{
    public string? Parameter { get; set; }
    public string? From { get; set; }
    public string? Until { get; set; }
    public decimal? Value { get; set; }
    public LocalReferenceYaml? Reference { get; set; }
}

internal sealed class LocalReferenceYaml
{
    public string? Document { get; set; }
    public string? Section { get; set; }
    public string? Quote { get; set; }
    public string? SetBy { get; set; }
}
