namespace EmploymentPortal.Domain.Common;

/// <summary>
/// Thrown when a state change would break an invariant of the domain. The message is meant for
/// the user (Simplified Chinese); <see cref="Code"/> is a stable machine-readable identifier that
/// the API returns in problem details.
/// </summary>
public class DomainException : Exception
{
    public DomainException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    /// <summary>Stable kebab-case error code, e.g. <c>resident-already-registered</c>.</summary>
    public string Code { get; }
}
