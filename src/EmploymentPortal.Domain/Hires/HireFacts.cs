using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Hires;

/// <summary>
/// The facts of a hire frozen on its start date (录用时的事实): the resident's key groups,
/// employment status and months of registered unemployment just before the hire, age and sex, and
/// the enterprise's size class, industry and head counts. Subsidy rules read these, never the
/// live records, so a claim is judged on the situation at hiring.
/// </summary>
public sealed record HireFacts
{
    /// <summary>The day the facts describe: the start date of the hire.</summary>
    public DateOnly AsOf { get; init; }

    /// <summary>The resident's key groups (重点群体) on <see cref="AsOf"/>.</summary>
    public IReadOnlyList<KeyGroup> KeyGroups { get; init; } = [];

    /// <summary>The employment status in force just before the hire; null when never registered.</summary>
    public EmploymentStatus? StatusBeforeHire { get; init; }

    /// <summary>Completed months of the spell of registered unemployment that the hire ended (0 when none).</summary>
    public int MonthsRegisteredUnemployed { get; init; }

    /// <summary>失业登记号 of that spell, if any.</summary>
    public string? UnemploymentRegistrationNumber { get; init; }

    /// <summary>周岁 on <see cref="AsOf"/>.</summary>
    public int Age { get; init; }

    public Sex Sex { get; init; }

    public Guid ResidentCommunityId { get; init; }

    public HukouType? HukouType { get; init; }

    public EducationLevel? Education { get; init; }

    public EnterpriseSize? EnterpriseSize { get; init; }

    public IndustrySection? EnterpriseIndustry { get; init; }

    public int? EnterpriseTotalEmployees { get; init; }

    public int? EnterpriseInsuredEmployees { get; init; }

    /// <summary>Takes the snapshot before the hire changes the resident's status.</summary>
    public static HireFacts Capture(Enterprise enterprise, Resident resident, DateOnly startDate)
    {
        ArgumentNullException.ThrowIfNull(enterprise);
        ArgumentNullException.ThrowIfNull(resident);

        // Taken before the status change: the spell of registered unemployment still runs on the
        // start day, so its length is counted up to the day the hire ends it.
        var status = resident.CurrentStatus;
        var months = status == EmploymentStatus.RegisteredUnemployed ? resident.MonthsRegisteredUnemployedOn(startDate) : 0;
        return new HireFacts
        {
            AsOf = startDate,
            KeyGroups = Residents.KeyGroups.For(resident, startDate).Select(g => g.Group).ToList(),
            StatusBeforeHire = status,
            MonthsRegisteredUnemployed = months,
            UnemploymentRegistrationNumber = status == EmploymentStatus.RegisteredUnemployed ? resident.UnemploymentRegistrationNumber : null,
            Age = resident.AgeOn(startDate),
            Sex = resident.Sex,
            ResidentCommunityId = resident.CommunityId,
            HukouType = resident.HukouType,
            Education = resident.Education,
            EnterpriseSize = enterprise.Size,
            EnterpriseIndustry = enterprise.Industry,
            EnterpriseTotalEmployees = enterprise.TotalEmployees,
            EnterpriseInsuredEmployees = enterprise.InsuredEmployees,
        };
    }

    public bool IsIn(KeyGroup group) => KeyGroups.Contains(group);
}
