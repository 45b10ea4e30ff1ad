using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Residents;

/// <summary>Which original statutory retirement age applies to a woman (原法定退休年龄).</summary>
public enum FemaleRetirementCategory
{
    /// <summary>女职工，原法定退休年龄50周岁.</summary>
    Worker,

    /// <summary>女干部/管理技术岗位，原法定退休年龄55周岁.</summary>
    Cadre,
}

/// <summary>
/// 法定退休年龄 under 《全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定》
/// (2024-09-13, in force 2025-01-01) and its annex tables: men 60 → 63 (from births in Jan 1965,
/// one month later for every 4 months of birth, at most 36 months); women of original age 55 → 58
/// (from Jan 1970, one month per 4 months, at most 36); women of original age 50 → 55 (from
/// Jan 1975, one month per 2 months, at most 60).
/// </summary>
/// <remarks>
/// The registry does not record whether a woman held a cadre post, so unemployment registration
/// uses <see cref="FemaleRetirementCategory.Worker"/> (the lower age) unless the caller says
/// otherwise; documented in docs/residents.md.
/// </remarks>
public static class StatutoryRetirement
{
    /// <summary>The lower bound of working age (劳动年龄), 16 周岁 (劳动法 第十五条).</summary>
    public const int MinimumWorkingAge = 16;

    /// <summary>The day on which a person born on <paramref name="birthDate"/> reaches statutory retirement age.</summary>
    public static DateOnly RetirementDate(DateOnly birthDate, Sex sex, FemaleRetirementCategory category = FemaleRetirementCategory.Worker)
    {
        var (baseYears, scheduleStart, monthsPerStep, maxDelay) = sex == Sex.Male
            ? (60, new DateOnly(1965, 1, 1), 4, 36)
            : category == FemaleRetirementCategory.Cadre
                ? (55, new DateOnly(1970, 1, 1), 4, 36)
                : (50, new DateOnly(1975, 1, 1), 2, 60);

        var birthMonth = new DateOnly(birthDate.Year, birthDate.Month, 1);
        var delay = 0;
        if (birthMonth >= scheduleStart)
        {
            var monthsSinceStart = DatePeriods.CompletedMonthsBetween(scheduleStart, birthMonth);
            delay = Math.Min(maxDelay, (monthsSinceStart / monthsPerStep) + 1);
        }

        return DatePeriods.AddMonthsClamped(birthDate, (baseYears * 12) + delay);
    }

    /// <summary>The day on which a person born on <paramref name="birthDate"/> reaches <see cref="MinimumWorkingAge"/> (29 February + 16 years stays 29 February in a leap year).</summary>
    public static DateOnly WorkingAgeFrom(DateOnly birthDate) => DatePeriods.AddMonthsClamped(birthDate, MinimumWorkingAge * 12);

    /// <summary>True when the person is of working age on <paramref name="date"/>: 16 周岁 or older and not yet at retirement date.</summary>
    public static bool IsOfWorkingAge(DateOnly birthDate, Sex sex, DateOnly date, FemaleRetirementCategory category = FemaleRetirementCategory.Worker) =>
        date >= birthDate
        && DatePeriods.CompletedYearsBetween(birthDate, date) >= MinimumWorkingAge
        && date < RetirementDate(birthDate, sex, category);
}
