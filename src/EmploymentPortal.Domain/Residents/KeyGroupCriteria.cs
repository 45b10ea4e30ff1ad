using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Residents;

/// <summary>
/// The key groups that depend only on recorded facts, stored as a bitmask on the resident
/// (<see cref="Resident.StableKeyGroups"/>) so that a list can filter by them with an index.
/// Set by the domain whenever the facts change, from the <see cref="KeyGroups"/> methods.
/// </summary>
[Flags]
public enum StableKeyGroups
{
    None = 0,
    Disabled = 1,
    Veteran = 2,
    RelocatedResident = 4,
    MigrantWorker = 8,
    PovertyMonitoredHousehold = 16,
}

/// <summary>
/// The key groups as conditions on stored columns for one day, so that a database can filter a
/// million residents by key group with an index instead of evaluating <see cref="KeyGroups.For"/>
/// row by row. The date-dependent groups (graduates within 2 years, unemployed 6 months or more,
/// older workers) cannot be stored as flags: they change with the calendar. They become ranges of
/// a date column instead, and every bound is found by asking the <see cref="KeyGroups"/> rule
/// itself (the rules are monotone in the date), so there is still one definition of each group.
/// </summary>
/// <param name="Today">The day the criteria hold for.</param>
/// <param name="LeftSchoolFrom">离校2年内: <c>LeftSchoolOn</c> in [LeftSchoolFrom, Today].</param>
/// <param name="UnemployedSinceOnOrBefore">登记失业6个月以上: registered unemployed with <c>UnemployedSince</c> ≤ this.</param>
/// <param name="OlderWomenBornOnOrBefore">大龄 (women): born on or before this …</param>
/// <param name="OlderWomenBornAfter">… and after this (still below retirement age).</param>
/// <param name="OlderMenBornOnOrBefore">大龄 (men): born on or before this …</param>
/// <param name="OlderMenBornAfter">… and after this.</param>
public sealed record KeyGroupCriteria(
    DateOnly Today,
    DateOnly LeftSchoolFrom,
    DateOnly UnemployedSinceOnOrBefore,
    DateOnly OlderWomenBornOnOrBefore,
    DateOnly OlderWomenBornAfter,
    DateOnly OlderMenBornOnOrBefore,
    DateOnly OlderMenBornAfter)
{
    private static readonly DateOnly Earliest = new(1900, 1, 1);

    /// <summary>The criteria of <paramref name="today"/> under <paramref name="settings"/>.</summary>
    public static KeyGroupCriteria On(DateOnly today, KeyGroupSettings? settings = null)
    {
        settings ??= KeyGroupSettings.Default;

        // Each bound is the last (or first) day for which the rule of KeyGroups holds.
        var leftSchoolFrom = FirstTrue(Earliest, today, left => DatePeriods.IsWithinYearsAfter(left, KeyGroups.GraduateYears, today));
        var unemployedSince = LastTrue(Earliest, today, start => DatePeriods.CompletedMonthsBetween(start, today) >= KeyGroups.LongTermUnemploymentMonths);
        return new KeyGroupCriteria(
            today,
            leftSchoolFrom,
            unemployedSince,
            LastTrue(Earliest, today, birth => DatePeriods.CompletedYearsBetween(birth, today) >= settings.OlderWorkerAgeWomen),
            LastTrue(Earliest, today, birth => StatutoryRetirement.RetirementDate(birth, Sex.Female) <= today),
            LastTrue(Earliest, today, birth => DatePeriods.CompletedYearsBetween(birth, today) >= settings.OlderWorkerAgeMen),
            LastTrue(Earliest, today, birth => StatutoryRetirement.RetirementDate(birth, Sex.Male) <= today));
    }

    /// <summary>
    /// The last birth date of a person who is at least <paramref name="years"/> 周岁 on
    /// <paramref name="today"/> (ages counted by <see cref="DatePeriods.CompletedYearsBetween"/>):
    /// age ≥ N ⇔ born on or before this day.
    /// </summary>
    public static DateOnly LastBirthDateForAge(DateOnly today, int years) =>
        LastTrue(Earliest, today, birth => DatePeriods.CompletedYearsBetween(birth, today) >= years);

    /// <summary>The bits of <see cref="StableKeyGroups"/> the facts of <paramref name="resident"/> give.</summary>
    public static StableKeyGroups StableFlagsOf(Resident resident)
    {
        ArgumentNullException.ThrowIfNull(resident);
        var flags = StableKeyGroups.None;
        flags |= KeyGroups.Disabled(resident) is null ? 0 : StableKeyGroups.Disabled;
        flags |= KeyGroups.Veteran(resident) is null ? 0 : StableKeyGroups.Veteran;
        flags |= KeyGroups.RelocatedResident(resident) is null ? 0 : StableKeyGroups.RelocatedResident;
        flags |= KeyGroups.MigrantWorker(resident) is null ? 0 : StableKeyGroups.MigrantWorker;
        flags |= KeyGroups.PovertyMonitoredHousehold(resident) is null ? 0 : StableKeyGroups.PovertyMonitoredHousehold;
        return flags;
    }

    /// <summary>The stored flag of a fact-based group; null for the date-dependent ones.</summary>
    public static StableKeyGroups? FlagOf(KeyGroup group) => group switch
    {
        KeyGroup.Disabled => StableKeyGroups.Disabled,
        KeyGroup.Veteran => StableKeyGroups.Veteran,
        KeyGroup.RelocatedResident => StableKeyGroups.RelocatedResident,
        KeyGroup.MigrantWorker => StableKeyGroups.MigrantWorker,
        KeyGroup.PovertyMonitoredHousehold => StableKeyGroups.PovertyMonitoredHousehold,
        _ => null,
    };

    /// <summary>
    /// Whether the stored columns of a resident put them in <paramref name="group"/>: the same test
    /// the database runs, in memory (used by tests to prove it agrees with <see cref="KeyGroups.For"/>).
    /// <paramref name="zeroEmploymentFamilySince"/> is what <see cref="KeyGroups.For"/> is given.
    /// </summary>
    public bool Matches(KeyGroup group, Resident resident, DateOnly? zeroEmploymentFamilySince = null)
    {
        ArgumentNullException.ThrowIfNull(resident);
        return group switch
        {
            KeyGroup.RecentCollegeGraduate => resident.LeftSchoolOn is { } left && left >= LeftSchoolFrom && left <= Today,
            KeyGroup.LongTermRegisteredUnemployed => resident.CurrentStatus == EmploymentStatus.RegisteredUnemployed && resident.UnemployedSince <= UnemployedSinceOnOrBefore,
            KeyGroup.OlderWorker => resident.Sex == Sex.Female
                ? resident.BirthDate <= OlderWomenBornOnOrBefore && resident.BirthDate > OlderWomenBornAfter
                : resident.BirthDate <= OlderMenBornOnOrBefore && resident.BirthDate > OlderMenBornAfter,
            KeyGroup.EmploymentDifficulty => resident.IsCertifiedWithEmploymentDifficultyOn(Today),
            KeyGroup.ZeroEmploymentFamilyMember => zeroEmploymentFamilySince is { } since && since <= Today,
            _ => (resident.StableKeyGroups & FlagOf(group)!.Value) != 0,
        };
    }

    /// <summary>The last day in [from, to] for which a predicate that is true up to some day and false after it holds; from − 1 day when none.</summary>
    private static DateOnly LastTrue(DateOnly from, DateOnly to, Func<DateOnly, bool> holds)
    {
        int low = from.DayNumber - 1, high = to.DayNumber; // invariant: holds(low) (virtually), !holds(high + 1)
        if (holds(to))
        {
            return to;
        }

        while (high - low > 1)
        {
            var mid = low + ((high - low) / 2);
            if (holds(DateOnly.FromDayNumber(mid)))
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return DateOnly.FromDayNumber(low);
    }

    /// <summary>The first day in [from, to] for which a predicate that is false up to some day and true after it holds; to + 1 day when none.</summary>
    private static DateOnly FirstTrue(DateOnly from, DateOnly to, Func<DateOnly, bool> holds)
    {
        var lastFalse = LastTrue(from, to, day => !holds(day));
        return lastFalse.AddDays(1);
    }
}
