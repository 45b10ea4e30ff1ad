using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Residents;

/// <summary>
/// A resident known to a community service station (居民/求职者), registered in real name.
/// The record grows with the resident-registry issue; the platform needs identity and the
/// community that holds the record, which decides who may see it.
/// </summary>
public sealed class Resident : AggregateRoot
{
    private Resident()
    {
        Name = string.Empty;
        IdNumber = string.Empty;
        Phone = string.Empty;
    }

    public Resident(string name, string idNumber, DateOnly birthDate, Sex sex, string phone, Guid communityId)
    {
        Name = name;
        IdNumber = idNumber;
        BirthDate = birthDate;
        Sex = sex;
        Phone = phone;
        CommunityId = communityId;
    }

    public string Name { get; private set; }

    /// <summary>Resident identity card number (居民身份证号码), canonical 18 characters.</summary>
    public string IdNumber { get; private set; }

    /// <summary>Derived from the ID number, never typed twice.</summary>
    public DateOnly BirthDate { get; private set; }

    /// <summary>Derived from the ID number.</summary>
    public Sex Sex { get; private set; }

    public string Phone { get; private set; }

    /// <summary>The community of habitual residence, whose station holds the record.</summary>
    public Guid CommunityId { get; private set; }
}
