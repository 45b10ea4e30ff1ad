using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Geography;

/// <summary>
/// A county-level division (区/县) of the city. Codes follow GB/T 2260 (six digits).
/// </summary>
public sealed class District : AggregateRoot
{
    private readonly List<Street> _streets = [];

    private District()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public District(string code, string name)
    {
        Code = code;
        Name = name;
    }

    /// <summary>Six-digit administrative division code (行政区划代码).</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public IReadOnlyCollection<Street> Streets => _streets;

    public void Rename(string name) => Name = name;
}
