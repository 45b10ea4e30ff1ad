namespace EmploymentPortal.Policies.Loading;

/// <summary>A catalogue or local-parameter file that must not be used; lists every problem found.</summary>
public sealed class PolicyCatalogueException(IReadOnlyList<string> errors)
    : Exception("The policy catalogue is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => " - " + e)))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
