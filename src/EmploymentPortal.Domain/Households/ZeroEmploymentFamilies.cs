using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Households;

/// <summary>What the zero-employment rule needs to know of one household member.</summary>
/// <param name="BirthDate">From the ID number; null when none is recorded.</param>
/// <param name="Sex">From the ID number.</param>
/// <param name="AbleToWork">有劳动能力.</param>
/// <param name="WantsWork">有就业意愿.</param>
/// <param name="Employed">In work (recorded by the station, or the linked resident's status).</param>
public sealed record MemberSituation(DateOnly? BirthDate, Sex? Sex, bool AbleToWork, bool WantsWork, bool Employed);

/// <summary>
/// 零就业家庭: the one implementation of the rule. 001 (十六) asks stations to make sure every
/// zero-employment family has at least one member in work (“确保零就业家庭至少有一人就业，实现
/// 动态清零”; also 001 (二十四), 003 (十八), 004 第四章 十、1). A household is one when at least one
/// member is of working age (16 周岁 to the statutory retirement age, <see cref="StatutoryRetirement"/>),
/// able and willing to work, and no member is in work.
/// </summary>
/// <remarks>
/// A member without an ID number has no known birth date and so never makes a household a
/// zero-employment family on their own; their employment still counts (docs/residents.md).
/// </remarks>
public static class ZeroEmploymentFamilies
{
    public static bool IsZeroEmployment(IReadOnlyCollection<MemberSituation> members, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(members);
        return !members.Any(m => m.Employed) && members.Any(m => IsJobseekingWorkingAge(m, date));
    }

    /// <summary>Of working age on <paramref name="date"/>, able and willing to work.</summary>
    public static bool IsJobseekingWorkingAge(MemberSituation member, DateOnly date) =>
        member.BirthDate is { } birth && member.Sex is { } sex && member.AbleToWork && member.WantsWork
        && StatutoryRetirement.IsOfWorkingAge(birth, sex, date);

    /// <summary>Statuses of the registry in which a resident counts as in work.</summary>
    public static bool IsInWork(EmploymentStatus? status) =>
        status is EmploymentStatus.Employed or EmploymentStatus.FlexiblyEmployed or EmploymentStatus.SelfEmployed or EmploymentStatus.PublicWelfarePost;
}
