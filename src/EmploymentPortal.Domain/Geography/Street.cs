using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Geography;

/// <summary>
/// A township-level division: a street (街道) in town or a township (乡镇) in the country.
/// Codes are nine digits: the district's six and three of its own.
/// </summary>
public sealed class Street : AggregateRoot
{
    private readonly List<Community> _communities = [];

    private Street()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public Street(District district, string code, string name, StreetKind kind)
    {
        if (!code.StartsWith(district.Code, StringComparison.Ordinal) || code.Length != 9)
        {
            throw new DomainException("division-code-mismatch", $"街道/乡镇代码 {code} 必须是 9 位且以所属区县代码 {district.Code} 开头。");
        }

        DistrictId = district.Id;
        Code = code;
        Name = name;
        Kind = kind;
    }

    public Guid DistrictId { get; private set; }

    /// <summary>Nine-digit division code.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public StreetKind Kind { get; private set; }

    public IReadOnlyCollection<Community> Communities => _communities;
}

/// <summary>街道 or 乡镇.</summary>
public enum StreetKind
{
    /// <summary>街道</summary>
    Street,

    /// <summary>乡镇</summary>
    Township,
}
