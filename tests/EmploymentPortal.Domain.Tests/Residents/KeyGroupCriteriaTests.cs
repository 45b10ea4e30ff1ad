using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Tests.Residents;

/// <summary>
/// The stored-column form of the key groups (what the list filters in SQL) says the same as
/// <see cref="KeyGroups.For"/> for every group, on boundary days and on many generated residents.
/// </summary>
public sealed class KeyGroupCriteriaTests
{
    [Fact]
    public void Criteria_agree_with_the_key_group_rules_for_generated_residents_and_days()
    {
        var random = new Random(20261122);
        var disagreements = new List<string>();
        for (var i = 0; i < 3000; i++)
        {
            var today = new DateOnly(2024, 1, 1).AddDays(random.Next(0, 1500));
            var resident = Generate(random, today);
            var criteria = KeyGroupCriteria.On(today);
            var groups = KeyGroups.For(resident, today).Select(m => m.Group).ToHashSet();
            foreach (var group in Enum.GetValues<KeyGroup>())
            {
                if (criteria.Matches(group, resident) != groups.Contains(group))
                {
                    disagreements.Add($"{group} on {today:O}: born {resident.BirthDate:O} {resident.Sex}, left school {resident.LeftSchoolOn:O}, unemployed since {resident.UnemployedSince:O}");
                }
            }
        }

        Assert.Empty(disagreements);
    }

    [Fact]
    public void Leap_day_boundaries_follow_the_date_periods_rules()
    {
        var today = new DateOnly(2025, 2, 28);

        var criteria = KeyGroupCriteria.On(today);

        // Left school on 2023-02-28: two years later is 2025-02-28, still within.
        Assert.Equal(new DateOnly(2023, 2, 28), criteria.LeftSchoolFrom);

        // Six months before 2025-02-28: 2024-08-28 counts, and so do 08-29..08-31 (their "6 months later" clamps to Feb 28).
        Assert.Equal(new DateOnly(2024, 8, 31), criteria.UnemployedSinceOnOrBefore);

        // Born 1985-02-28 is 40 on 2025-02-28; so is someone born 1984-02-29 (Feb 29 + 41 years = Feb 28).
        Assert.Equal(new DateOnly(1985, 2, 28), criteria.OlderWomenBornOnOrBefore);
        Assert.Equal(new DateOnly(1985, 2, 28), KeyGroupCriteria.LastBirthDateForAge(today, 40));
    }

    [Fact]
    public void Stable_flags_follow_profile_changes()
    {
        var resident = TestResidents.Create(new DateOnly(1980, 1, 1), profile: new ResidentProfile { IsVeteran = true, DisabilityCertificateNumber = "34010219800101001X11" });
        var before = resident.StableKeyGroups;

        resident.UpdateProfile(new ResidentProfile { MigrantWorker = MigrantWorkerStatus.MigrantWorker });

        Assert.Equal(StableKeyGroups.Veteran | StableKeyGroups.Disabled, before);
        Assert.Equal(StableKeyGroups.MigrantWorker, resident.StableKeyGroups);
    }

    [Fact]
    public void Unemployed_since_is_the_start_of_the_current_spell()
    {
        var resident = TestResidents.Create(new DateOnly(1980, 1, 1));
        resident.RegisterUnemployed(new DateOnly(2024, 1, 15), "SY1");
        var first = resident.UnemployedSince;
        resident.ChangeStatus(EmploymentStatus.Employed, new DateOnly(2024, 3, 1), "江州公司");
        var employed = resident.UnemployedSince;

        resident.ChangeStatus(EmploymentStatus.RegisteredUnemployed, new DateOnly(2024, 9, 1), null);

        Assert.Equal(new DateOnly(2024, 1, 15), first);
        Assert.Null(employed);
        Assert.Equal(new DateOnly(2024, 9, 1), resident.UnemployedSince);
    }

    private static Resident Generate(Random random, DateOnly today)
    {
        var sex = random.Next(2) == 0 ? Sex.Male : Sex.Female;
        var birth = today.AddYears(-random.Next(16, 70)).AddDays(random.Next(-400, 400));
        if (birth > today.AddYears(-16))
        {
            birth = today.AddYears(-16);
        }

        ResidentProfile profile = new()
        {
            Education = EducationLevel.Bachelor,
            IsVeteran = random.Next(5) == 0,
            DisabilityCertificateNumber = random.Next(7) == 0 ? "34010219800101001X11" : null,
            IsRelocatedResident = random.Next(9) == 0,
            MigrantWorker = (MigrantWorkerStatus)random.Next(3),
            IsPovertyMonitoredHousehold = random.Next(8) == 0,
        };
        if (random.Next(2) == 0)
        {
            var left = today.AddDays(-random.Next(0, 1200));
            if (left > birth.AddYears(18))
            {
                profile = profile with { Graduate = new GraduateDetails("江州大学", "会计", left, left) };
            }
        }

        var resident = new Resident("张三", TestResidents.IdNumber(birth, sex), PhoneNumber.Parse("13812345678"), TestResidents.Community, profile);
        if (random.Next(3) > 0 && resident.AgeOn(today) < 59)
        {
            var registered = today.AddDays(-random.Next(0, 400));
            if (StatutoryRetirement.IsOfWorkingAge(resident.BirthDate, resident.Sex, registered))
            {
                resident.RegisterUnemployed(registered, "SY" + random.Next());
                if (random.Next(3) == 0)
                {
                    var job = registered.AddDays(random.Next(0, 200));
                    if (job <= today)
                    {
                        resident.ChangeStatus(EmploymentStatus.Employed, job, null);
                    }
                }
            }
        }

        return resident;
    }
}
