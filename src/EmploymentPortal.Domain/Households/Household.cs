using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Households;

/// <summary>与户主关系.</summary>
public enum HouseholdRelation
{
    /// <summary>户主</summary>
    Head,

    /// <summary>配偶</summary>
    Spouse,

    /// <summary>子女</summary>
    Child,

    /// <summary>父母</summary>
    Parent,

    /// <summary>兄弟姐妹</summary>
    Sibling,

    /// <summary>其他</summary>
    Other,
}

/// <summary>
/// One member of a household as the station records it. The ID-card number is optional (e.g. a
/// child without one at hand); when given it decides birth date and sex, and a member whose number
/// is in the resident registry is linked to that record.
/// </summary>
/// <param name="Relation">与户主关系.</param>
/// <param name="Name">姓名.</param>
/// <param name="IdNumber">身份证号, optional.</param>
/// <param name="AbleToWork">有劳动能力.</param>
/// <param name="WantsWork">有就业意愿.</param>
/// <param name="Employed">已就业 (as the station knows; a linked resident's employment status counts too).</param>
public sealed record HouseholdMemberData(HouseholdRelation Relation, string Name, IdCardNumber? IdNumber, bool AbleToWork, bool WantsWork, bool Employed);

public sealed class HouseholdMember : Entity
{
    private HouseholdMember()
    {
        Name = string.Empty;
    }

    internal HouseholdMember(Guid householdId, HouseholdMemberData data, Guid? residentId)
    {
        HouseholdId = householdId;
        Relation = data.Relation;
        Name = data.Name.Trim();
        IdNumber = data.IdNumber?.Value;
        BirthDate = data.IdNumber?.BirthDate;
        Sex = data.IdNumber?.Sex;
        ResidentId = residentId;
        AbleToWork = data.AbleToWork;
        WantsWork = data.WantsWork;
        IsEmployed = data.Employed;
    }

    public Guid HouseholdId { get; private set; }

    public HouseholdRelation Relation { get; private set; }

    public string Name { get; private set; }

    /// <summary>Canonical 18 characters, or null when not recorded.</summary>
    public string? IdNumber { get; private set; }

    public DateOnly? BirthDate { get; private set; }

    public Sex? Sex { get; private set; }

    /// <summary>The member's resident record, when the registry holds one for the ID number.</summary>
    public Guid? ResidentId { get; private set; }

    public bool AbleToWork { get; private set; }

    public bool WantsWork { get; private set; }

    public bool IsEmployed { get; private set; }

    /// <summary>Links the member to the resident record registered for their ID number.</summary>
    internal void LinkResident(Guid residentId) => ResidentId = residentId;

    /// <summary>Records that the member took up work (the station's placement, 安置就业).</summary>
    internal void MarkEmployed() => IsEmployed = true;
}

/// <summary>
/// A household (家庭) known to a station, with its members. A household whose working-age members
/// able and willing to work are all without work is a 零就业家庭; the flag is set and cleared by
/// <see cref="Reassess"/> from the members' facts (<see cref="ZeroEmploymentFamilies"/>), and the
/// day it was last cleared is kept (动态清零).
/// </summary>
public sealed class Household : AggregateRoot
{
    private readonly List<HouseholdMember> _members = [];

    private Household()
    {
    }

    public Household(Guid communityId, string? address)
    {
        CommunityId = communityId;
        Address = string.IsNullOrWhiteSpace(address) ? null : address.Trim();
    }

    /// <summary>The community whose station keeps the household.</summary>
    public Guid CommunityId { get; private set; }

    public string? Address { get; private set; }

    public IReadOnlyList<HouseholdMember> Members => _members;

    /// <summary>零就业家庭 as of the last assessment.</summary>
    public bool IsZeroEmployment { get; private set; }

    /// <summary>The day the household was (last) found to be a zero-employment family.</summary>
    public DateOnly? ZeroEmploymentSince { get; private set; }

    /// <summary>The day the flag was last cleared (清零日期), kept after clearing.</summary>
    public DateOnly? ZeroEmploymentClearedOn { get; private set; }

    /// <summary>The name of the member whose placement cleared the flag last.</summary>
    public string? ClearedByMember { get; private set; }

    public void ChangeAddress(string? address) => Address = string.IsNullOrWhiteSpace(address) ? null : address.Trim();

    /// <summary>Replaces the member list (a correction or a change of the household).</summary>
    /// <param name="members">The members with the resident record each one is linked to, if any.</param>
    /// <exception cref="DomainException">No member, more than one head, or an ID number twice.</exception>
    public void SetMembers(IReadOnlyList<(HouseholdMemberData Data, Guid? ResidentId)> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0)
        {
            throw new DomainException("household-no-members", "家庭至少要有一名成员。");
        }

        if (members.Count(m => m.Data.Relation == HouseholdRelation.Head) > 1)
        {
            throw new DomainException("household-two-heads", "一个家庭只能有一名户主。");
        }

        if (members.Where(m => m.Data.IdNumber is not null).GroupBy(m => m.Data.IdNumber!.Value.Value).Any(g => g.Count() > 1))
        {
            throw new DomainException("household-duplicate-member", "同一身份证号码在家庭成员中出现了两次。");
        }

        _members.Clear();
        _members.AddRange(members.Select(m => new HouseholdMember(Id, m.Data, m.ResidentId)));
    }

    /// <summary>
    /// Links members recorded before their resident record existed (same ID number) to that record.
    /// </summary>
    /// <returns>How many members were linked.</returns>
    public int LinkResidents(IReadOnlyDictionary<string, Guid> residentsByIdNumber)
    {
        ArgumentNullException.ThrowIfNull(residentsByIdNumber);
        var linked = 0;
        foreach (var member in _members.Where(m => m.ResidentId is null && m.IdNumber is not null))
        {
            if (residentsByIdNumber.TryGetValue(member.IdNumber!, out var residentId))
            {
                member.LinkResident(residentId);
                linked++;
            }
        }

        return linked;
    }

    /// <summary>
    /// Sets or clears the zero-employment flag from the members' facts on <paramref name="date"/>.
    /// A linked member counts as employed when the registry shows them in work
    /// (<paramref name="employedResidentIds"/>).
    /// </summary>
    /// <returns>True when the flag changed.</returns>
    public bool Reassess(DateOnly date, IReadOnlySet<Guid> employedResidentIds)
    {
        ArgumentNullException.ThrowIfNull(employedResidentIds);
        var situations = _members.Select(m => new MemberSituation(
            m.BirthDate, m.Sex, m.AbleToWork, m.WantsWork, m.IsEmployed || (m.ResidentId is { } id && employedResidentIds.Contains(id)))).ToList();
        var zero = ZeroEmploymentFamilies.IsZeroEmployment(situations, date);
        if (zero == IsZeroEmployment)
        {
            return false;
        }

        if (zero)
        {
            IsZeroEmployment = true;
            ZeroEmploymentSince = date;
        }
        else
        {
            IsZeroEmployment = false;
            ZeroEmploymentClearedOn = date;
            var placed = _members.Zip(situations).FirstOrDefault(p => p.Second.Employed).First;
            ClearedByMember = placed?.Name;
        }

        return true;
    }

    /// <summary>Records the placement of a member (by name or ID number) and reassesses.</summary>
    /// <exception cref="DomainException">The member is not in the household.</exception>
    public bool RecordPlacement(Guid memberId, DateOnly date, IReadOnlySet<Guid> employedResidentIds)
    {
        var member = _members.FirstOrDefault(m => m.Id == memberId)
            ?? throw new DomainException("household-member-not-found", "该成员不在此家庭中。");
        member.MarkEmployed();
        return Reassess(date, employedResidentIds);
    }
}
