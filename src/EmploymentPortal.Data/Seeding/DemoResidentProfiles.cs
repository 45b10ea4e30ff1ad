using EmploymentPortal.Domain.Geography;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Domain.ValueObjects;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Data.Seeding;

/// <summary>
/// The demo city's job-search wishes, 就业困难人员 certifications and households: the registered
/// unemployed get wishes; some older, disabled or long-term unemployed ones are certified by
/// officer1 (李经办); the demo stations' communities get a few households, two of them
/// zero-employment families and one cleared (动态清零). A generator of its own keeps the rest of
/// the demo city unchanged.
/// </summary>
public static class DemoResidentProfiles
{
    public const string Officer = "李经办";

    private static readonly string[] ShowcaseCommunities = ["东湖社区", "滨江社区", "西山社区"];

    public static async Task SeedAsync(IDbContextFactory<PortalDbContext> factory, IReadOnlyList<Community> communities, DateOnly today, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var random = new Random(11);
        var showcase = communities.Where(c => ShowcaseCommunities.Contains(c.Name)).ToDictionary(c => c.Id);
        var registered = await db.Residents.Include(r => r.StatusHistory)
            .Where(r => r.CurrentStatus != null)
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);

        var certified = new Dictionary<Guid, int>();
        foreach (var resident in registered)
        {
            var occupation = CommonOccupations.All[random.Next(CommonOccupations.All.Count)];
            var low = random.Next(25, 70) * 100;
            resident.SetJobPreferences(new JobPreferences
            {
                Occupation = occupation.Name,
                OccupationGroup = occupation.Group,
                DesiredWageMin = Money.FromYuan(low),
                DesiredWageMax = Money.FromYuan(low + (random.Next(5, 30) * 100)),
                WorkTypes = random.Next(3) switch
                {
                    0 => [WorkType.FullTime],
                    1 => [WorkType.FullTime, WorkType.PartTime],
                    _ => [WorkType.Flexible, WorkType.Seasonal],
                },
            });

            // Officers certify a few of each showcase community's older, disabled or long-term unemployed.
            if (showcase.ContainsKey(resident.CommunityId) && certified.GetValueOrDefault(resident.CommunityId) < 3)
            {
                var category = resident.IsDisabled ? EmploymentDifficultyCategory.Disabled
                    : KeyGroups.OlderWorker(resident, today) is not null ? EmploymentDifficultyCategory.OlderUnemployed
                    : resident.MonthsRegisteredUnemployedOn(today) >= 12 ? EmploymentDifficultyCategory.LongTermUnemployed
                    : (EmploymentDifficultyCategory?)null;
                if (category is { } c)
                {
                    var registeredOn = resident.StatusHistory[0].EffectiveFrom;
                    resident.CertifyEmploymentDifficulty(c, registeredOn.AddDays(random.Next(7, 30)) is var d && d <= today ? d : today, Officer);
                    certified[resident.CommunityId] = certified.GetValueOrDefault(resident.CommunityId) + 1;
                }
            }
        }

        foreach (var community in showcase.Values.OrderBy(c => c.Code))
        {
            var unemployed = registered.Where(r => r.CommunityId == community.Id && r.CurrentStatus == EmploymentStatus.RegisteredUnemployed && r.AgeOn(today) is >= 25 and <= 50).Take(4).ToList();
            var nobodyInWork = new HashSet<Guid>();
            for (var i = 0; i < unemployed.Count; i++)
            {
                var head = unemployed[i];
                var household = new Household(community.Id, head.Address);
                var spouseSex = head.Sex == Sex.Male ? Sex.Female : Sex.Male;
                var spouseBirth = head.BirthDate.AddDays(random.Next(-900, 900));
                var childBirth = today.AddYears(-random.Next(3, 14)).AddDays(-random.Next(0, 365));
                var zeroEmployment = i == 0 && community.Name != "滨江社区"; // one in 东湖社区 (station1), one in 西山社区 (station2)
                household.SetMembers(
                [
                    (new HouseholdMemberData(HouseholdRelation.Head, head.Name, IdCardNumber.Parse(head.IdNumber), AbleToWork: true, WantsWork: true, Employed: false), head.Id),
                    (new HouseholdMemberData(HouseholdRelation.Spouse, Name(random, head.Name[0]), IdCardNumber.Parse(DemoIdentifiers.IdNumber(random, "361102", spouseBirth, spouseSex)), AbleToWork: true, WantsWork: zeroEmployment || i != 3, Employed: !zeroEmployment && i != 3), null),
                    (new HouseholdMemberData(HouseholdRelation.Child, Name(random, head.Name[0]), IdCardNumber.Parse(DemoIdentifiers.IdNumber(random, "361102", childBirth, random.Next(2) == 0 ? Sex.Male : Sex.Female)), AbleToWork: false, WantsWork: false, Employed: false), null),
                ]);
                household.Reassess(today.AddMonths(-random.Next(2, 8)), nobodyInWork);
                if (i == 3)
                {
                    // Flagged months ago, cleared last month when the spouse found work (动态清零).
                    household.RecordPlacement(household.Members[1].Id, today.AddMonths(-1), nobodyInWork);
                }

                db.Households.Add(household);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Name(Random random, char surname) =>
        surname + DemoCity.GivenNameCharacters[random.Next(DemoCity.GivenNameCharacters.Length)] + DemoCity.GivenNameCharacters[random.Next(DemoCity.GivenNameCharacters.Length)];
}
