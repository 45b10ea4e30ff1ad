using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Tests.Households;

public class ZeroEmploymentFamiliesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly IReadOnlySet<Guid> NobodyInWork = new HashSet<Guid>();

    private static IdCardNumber Id(DateOnly birth, Sex sex, int sequence = 1)
    {
        var first17 = $"340102{birth:yyyyMMdd}{(sequence * 2) + (sex == Sex.Male ? 1 : 0):D3}";
        return IdCardNumber.Parse(first17 + IdCardNumber.ComputeCheckCharacter(first17));
    }

    private static Household With(params HouseholdMemberData[] members)
    {
        var household = new Household(Guid.CreateVersion7(), "测试路1号");
        household.SetMembers(members.Select(m => (m, (Guid?)null)).ToList());
        return household;
    }

    [Fact]
    public void A_household_whose_working_age_jobseekers_are_all_without_work_is_flagged_with_the_date()
    {
        var household = With(
            new HouseholdMemberData(HouseholdRelation.Head, "王大", Id(new DateOnly(1980, 1, 1), Sex.Male), AbleToWork: true, WantsWork: true, Employed: false),
            new HouseholdMemberData(HouseholdRelation.Child, "王小", Id(new DateOnly(2015, 1, 1), Sex.Female), AbleToWork: false, WantsWork: false, Employed: false));

        var changed = household.Reassess(Today, NobodyInWork);

        Assert.True(changed);
        Assert.True(household.IsZeroEmployment);
        Assert.Equal(Today, household.ZeroEmploymentSince);
    }

    [Fact]
    public void A_placement_clears_the_flag_and_keeps_the_clearing_date()
    {
        var household = With(new HouseholdMemberData(HouseholdRelation.Head, "王大", Id(new DateOnly(1980, 1, 1), Sex.Male), true, true, false));
        household.Reassess(new DateOnly(2026, 1, 1), NobodyInWork);
        var member = household.Members[0].Id;

        household.RecordPlacement(member, Today, NobodyInWork);

        Assert.False(household.IsZeroEmployment);
        Assert.Equal(Today, household.ZeroEmploymentClearedOn);
        Assert.Equal(new DateOnly(2026, 1, 1), household.ZeroEmploymentSince);
        Assert.Equal("王大", household.ClearedByMember);
    }

    [Fact]
    public void A_linked_resident_in_work_counts_as_employed()
    {
        var residentId = Guid.CreateVersion7();
        var household = new Household(Guid.CreateVersion7(), null);
        household.SetMembers([(new HouseholdMemberData(HouseholdRelation.Head, "王大", Id(new DateOnly(1980, 1, 1), Sex.Male), true, true, false), residentId)]);
        household.Reassess(new DateOnly(2026, 1, 1), NobodyInWork);

        household.Reassess(Today, new HashSet<Guid> { residentId });

        Assert.False(household.IsZeroEmployment);
        Assert.Equal(Today, household.ZeroEmploymentClearedOn);
    }

    [Fact]
    public void Members_past_retirement_age_or_unwilling_do_not_make_a_zero_employment_family()
    {
        var household = With(
            new HouseholdMemberData(HouseholdRelation.Head, "李老", Id(new DateOnly(1950, 1, 1), Sex.Male), true, true, false),
            new HouseholdMemberData(HouseholdRelation.Spouse, "张某", Id(new DateOnly(1985, 1, 1), Sex.Female), true, WantsWork: false, false));

        household.Reassess(Today, NobodyInWork);

        Assert.False(household.IsZeroEmployment);
    }

    [Theory]
    [InlineData("2026-11-21", false)] // the day before the 16th birthday
    [InlineData("2026-11-22", true)] // 16 周岁 on the birthday
    public void Working_age_starts_on_the_16th_birthday(string date, bool expected)
    {
        var member = new MemberSituation(new DateOnly(2010, 11, 22), Sex.Male, AbleToWork: true, WantsWork: true, Employed: false);

        var zero = ZeroEmploymentFamilies.IsZeroEmployment([member], DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, zero);
    }

    [Fact]
    public void A_member_without_an_id_number_has_no_known_age_and_does_not_flag_the_household()
    {
        var household = With(new HouseholdMemberData(HouseholdRelation.Head, "无证", null, true, true, false));

        household.Reassess(Today, NobodyInWork);

        Assert.False(household.IsZeroEmployment);
    }

    [Fact]
    public void A_member_recorded_before_registration_is_linked_by_id_number_and_then_counts_by_the_registry()
    {
        var number = Id(new DateOnly(1980, 1, 1), Sex.Male);
        var household = With(new HouseholdMemberData(HouseholdRelation.Head, "王大", number, true, true, false));
        household.Reassess(new DateOnly(2026, 1, 1), NobodyInWork);
        var residentId = Guid.CreateVersion7();

        var linked = household.LinkResidents(new Dictionary<string, Guid> { [number.Value] = residentId });
        household.Reassess(Today, new HashSet<Guid> { residentId });

        Assert.Equal(1, linked);
        Assert.Equal(residentId, household.Members[0].ResidentId);
        Assert.False(household.IsZeroEmployment);
    }

    [Fact]
    public void Two_heads_are_refused()
    {
        var household = new Household(Guid.CreateVersion7(), null);

        var error = Assert.Throws<DomainException>(() => household.SetMembers([
            (new HouseholdMemberData(HouseholdRelation.Head, "甲", null, true, true, false), null),
            (new HouseholdMemberData(HouseholdRelation.Head, "乙", null, true, true, false), null)]));

        Assert.Equal("household-two-heads", error.Code);
    }
}
