using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Training;

/// <summary>
/// A training institution designated by the bureau (职业技能培训定点机构), e.g. a technical school or a
/// private training school. The designation has a date and an expiry; the institution may run
/// classes only in the occupations and at the levels it was designated for, and only while the
/// designation holds. Located like an enterprise (community, address, coordinates), so that the
/// three-kilometre circles can show it.
/// </summary>
public sealed class TrainingInstitution : AggregateRoot
{
    public const int MaxNameLength = 100;
    public const int MaxAddressLength = 200;
    public const int MaxOccupationLength = 50;

    private readonly List<TrainingScope> _scopes = [];

    private TrainingInstitution()
    {
        Name = string.Empty;
        CreditCode = string.Empty;
        Address = string.Empty;
        ContactName = string.Empty;
        ContactPhone = string.Empty;
    }

    private TrainingInstitution(string creditCode)
    {
        CreditCode = UnifiedSocialCreditCode.Parse(creditCode).Value;
        Name = string.Empty;
        Address = string.Empty;
        ContactName = string.Empty;
        ContactPhone = string.Empty;
    }

    /// <summary>统一社会信用代码 (GB 32100-2015), canonical form; identifies the institution.</summary>
    public string CreditCode { get; private set; }

    public string Name { get; private set; }

    /// <summary>认定日期.</summary>
    public DateOnly DesignatedOn { get; private set; }

    /// <summary>The last day the designation holds (有效期至).</summary>
    public DateOnly DesignationExpiresOn { get; private set; }

    public Guid CommunityId { get; private set; }

    public string Address { get; private set; }

    public double Latitude { get; private set; }

    public double Longitude { get; private set; }

    /// <summary>联系人.</summary>
    public string ContactName { get; private set; }

    /// <summary>联系电话, canonical (<see cref="PhoneNumber"/>).</summary>
    public string ContactPhone { get; private set; }

    /// <summary>The occupations and levels the institution may train (培训职业及等级).</summary>
    public IReadOnlyList<TrainingScope> Scopes => _scopes;

    public GeoPoint Location => GeoPoint.Create(Latitude, Longitude);

    /// <summary>The bureau designates an institution (认定定点培训机构).</summary>
    /// <exception cref="DomainException">Malformed code or phone, an expiry not after the designation, or no occupation.</exception>
    public static TrainingInstitution Designate(TrainingInstitutionDetails details, Guid communityId, GeoPoint location)
    {
        ArgumentNullException.ThrowIfNull(details);
        var institution = new TrainingInstitution(details.CreditCode);
        institution.Apply(details, communityId, location);
        return institution;
    }

    /// <summary>Changes the designation (renewal, occupations, address, contact); not the credit code.</summary>
    public void Update(TrainingInstitutionDetails details, Guid communityId, GeoPoint location)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (UnifiedSocialCreditCode.Parse(details.CreditCode).Value != CreditCode)
        {
            throw new DomainException("training-institution-credit-code-immutable", "统一社会信用代码不能修改。");
        }

        Apply(details, communityId, location);
    }

    /// <summary>Whether the designation holds on <paramref name="date"/>.</summary>
    public bool IsDesignatedOn(DateOnly date) => date >= DesignatedOn && date <= DesignationExpiresOn;

    /// <summary>Whether the institution is designated for the occupation at the level.</summary>
    public bool MayTrain(string occupation, SkillLevel level) =>
        _scopes.Any(s => s.Level == level && string.Equals(s.Occupation, occupation.Trim(), StringComparison.Ordinal));

    private void Apply(TrainingInstitutionDetails details, Guid communityId, GeoPoint location)
    {
        if (details.DesignationExpiresOn <= details.DesignatedOn)
        {
            throw new DomainException("training-institution-dates", "认定有效期应晚于认定日期。");
        }

        var scopes = details.Scopes
            .Select(s => new { Occupation = s.Occupation.Trim(), s.Level })
            .Distinct()
            .ToList();
        if (scopes.Count == 0 || scopes.Any(s => s.Occupation.Length is 0 or > MaxOccupationLength))
        {
            throw new DomainException("training-institution-scopes", "请至少填写一个可培训的职业及等级。");
        }

        Name = details.Name.Trim();
        DesignatedOn = details.DesignatedOn;
        DesignationExpiresOn = details.DesignationExpiresOn;
        CommunityId = communityId;
        Address = details.Address.Trim();
        Latitude = location.Latitude;
        Longitude = location.Longitude;
        ContactName = details.ContactName.Trim();
        ContactPhone = PhoneNumber.Parse(details.ContactPhone).Value;
        _scopes.RemoveAll(s => !scopes.Any(n => n.Occupation == s.Occupation && n.Level == s.Level));
        foreach (var scope in scopes.Where(n => !_scopes.Any(s => s.Occupation == n.Occupation && s.Level == n.Level)))
        {
            _scopes.Add(new TrainingScope(Id, scope.Occupation, scope.Level));
        }
    }
}

/// <summary>One occupation at one level an institution may train.</summary>
public sealed class TrainingScope : Entity
{
    private TrainingScope()
    {
        Occupation = string.Empty;
    }

    internal TrainingScope(Guid institutionId, string occupation, SkillLevel level)
    {
        InstitutionId = institutionId;
        Occupation = occupation;
        Level = level;
    }

    public Guid InstitutionId { get; private set; }

    public string Occupation { get; private set; }

    public SkillLevel Level { get; private set; }
}

/// <summary>An occupation and level, as a designation names them.</summary>
public sealed record OccupationLevel(string Occupation, SkillLevel Level);

/// <summary>What the bureau enters when it designates an institution; shape validated before.</summary>
public sealed record TrainingInstitutionDetails(
    string CreditCode,
    string Name,
    DateOnly DesignatedOn,
    DateOnly DesignationExpiresOn,
    IReadOnlyList<OccupationLevel> Scopes,
    string Address,
    string ContactName,
    string ContactPhone);
