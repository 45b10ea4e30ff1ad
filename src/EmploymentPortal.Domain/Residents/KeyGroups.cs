using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Residents;

/// <summary>The key groups (重点群体) that the facts of a record decide.</summary>
public enum KeyGroup
{
    /// <summary>离校2年内高校毕业生</summary>
    RecentCollegeGraduate,

    /// <summary>登记失业6个月以上</summary>
    LongTermRegisteredUnemployed,

    /// <summary>残疾人</summary>
    Disabled,

    /// <summary>大龄劳动者 (“4050”人员)</summary>
    OlderWorker,

    /// <summary>退役军人</summary>
    Veteran,

    /// <summary>易地搬迁群众</summary>
    RelocatedResident,

    /// <summary>农民工/返乡农民工</summary>
    MigrantWorker,

    /// <summary>脱贫人口/防止返贫监测对象</summary>
    PovertyMonitoredHousehold,

    /// <summary>就业困难人员 (certified by a bureau officer)</summary>
    EmploymentDifficulty,

    /// <summary>零就业家庭成员 (from the household records)</summary>
    ZeroEmploymentFamilyMember,
}

/// <summary>A key group a resident is in on a date, with the reason shown to staff (Chinese).</summary>
public sealed record KeyGroupMembership(KeyGroup Group, string Reason);

/// <summary>
/// Local thresholds of the key-group rules. The defaults are documented in docs/residents.md:
/// “4050人员” (women 40, men 50 周岁 or older), the usual definition of older workers with
/// employment difficulties in provincial rules on 就业困难人员认定; a city may set others.
/// </summary>
public sealed record KeyGroupSettings(int OlderWorkerAgeWomen = 40, int OlderWorkerAgeMen = 50)
{
    public static KeyGroupSettings Default { get; } = new();
}

/// <summary>
/// The one implementation of each fact-derived key group. Periods are counted by
/// <see cref="DatePeriods"/>, so every boundary day is counted the same way.
/// </summary>
public static class KeyGroups
{
    /// <summary>Years after leaving school during which a graduate counts as a recent graduate (离校2年内).</summary>
    public const int GraduateYears = 2;

    /// <summary>Months of registered unemployment that make it long-term (失业6个月以上).</summary>
    public const int LongTermUnemploymentMonths = 6;

    /// <summary>Every key group the resident is in on <paramref name="date"/>, with reasons.</summary>
    /// <param name="resident">The resident.</param>
    /// <param name="date">The day asked about.</param>
    /// <param name="settings">Local thresholds.</param>
    /// <param name="zeroEmploymentFamilySince">When the resident belongs to a household flagged as a zero-employment family, the day it was flagged.</param>
    public static IReadOnlyList<KeyGroupMembership> For(Resident resident, DateOnly date, KeyGroupSettings? settings = null, DateOnly? zeroEmploymentFamilySince = null)
    {
        ArgumentNullException.ThrowIfNull(resident);
        settings ??= KeyGroupSettings.Default;
        var groups = new List<KeyGroupMembership>();
        Add(groups, RecentCollegeGraduate(resident, date));
        Add(groups, LongTermRegisteredUnemployed(resident, date));
        Add(groups, Disabled(resident));
        Add(groups, OlderWorker(resident, date, settings));
        Add(groups, Veteran(resident));
        Add(groups, RelocatedResident(resident));
        Add(groups, MigrantWorker(resident));
        Add(groups, PovertyMonitoredHousehold(resident));
        Add(groups, EmploymentDifficulty(resident, date));
        Add(groups, ZeroEmploymentFamilyMember(zeroEmploymentFamilySince, date));
        return groups;
    }

    /// <summary>离校2年内高校毕业生: from the day of leaving school to the same day 2 years later, both included.</summary>
    public static KeyGroupMembership? RecentCollegeGraduate(Resident resident, DateOnly date) =>
        resident.LeftSchoolOn is { } left && DatePeriods.IsWithinYearsAfter(left, GraduateYears, date)
            ? new(KeyGroup.RecentCollegeGraduate, $"{left:yyyy-MM-dd}离校，截至{date:yyyy-MM-dd}在离校{GraduateYears}年内。")
            : null;

    /// <summary>登记失业6个月以上: at least 6 completed months in the current spell of registered unemployment.</summary>
    public static KeyGroupMembership? LongTermRegisteredUnemployed(Resident resident, DateOnly date)
    {
        var months = resident.MonthsRegisteredUnemployedOn(date);
        return months >= LongTermUnemploymentMonths
            ? new(KeyGroup.LongTermRegisteredUnemployed, $"连续登记失业已满{months}个月（{LongTermUnemploymentMonths}个月以上）。")
            : null;
    }

    /// <summary>残疾人: holds a disability certificate.</summary>
    public static KeyGroupMembership? Disabled(Resident resident) =>
        resident.IsDisabled ? new(KeyGroup.Disabled, "持有残疾人证。") : null;

    /// <summary>大龄劳动者: women 40 and men 50 周岁 or older by default, while of working age.</summary>
    public static KeyGroupMembership? OlderWorker(Resident resident, DateOnly date, KeyGroupSettings? settings = null)
    {
        settings ??= KeyGroupSettings.Default;
        var threshold = resident.Sex == Sex.Female ? settings.OlderWorkerAgeWomen : settings.OlderWorkerAgeMen;
        var age = resident.AgeOn(date);
        return age >= threshold && date < StatutoryRetirement.RetirementDate(resident.BirthDate, resident.Sex)
            ? new(KeyGroup.OlderWorker, $"{(resident.Sex == Sex.Female ? "女" : "男")}，{age}周岁（{threshold}周岁以上）。")
            : null;
    }

    public static KeyGroupMembership? Veteran(Resident resident) =>
        resident.IsVeteran ? new(KeyGroup.Veteran, "退役军人。") : null;

    public static KeyGroupMembership? RelocatedResident(Resident resident) =>
        resident.IsRelocatedResident ? new(KeyGroup.RelocatedResident, "易地扶贫搬迁群众。") : null;

    public static KeyGroupMembership? MigrantWorker(Resident resident) => resident.MigrantWorker switch
    {
        MigrantWorkerStatus.MigrantWorker => new(KeyGroup.MigrantWorker, "农民工。"),
        MigrantWorkerStatus.ReturningMigrantWorker => new(KeyGroup.MigrantWorker, "返乡农民工。"),
        _ => null,
    };

    public static KeyGroupMembership? PovertyMonitoredHousehold(Resident resident) =>
        resident.IsPovertyMonitoredHousehold ? new(KeyGroup.PovertyMonitoredHousehold, "脱贫人口或防止返贫监测对象。") : null;

    /// <summary>就业困难人员: a certification by a bureau officer that holds on the date (not yet revoked).</summary>
    public static KeyGroupMembership? EmploymentDifficulty(Resident resident, DateOnly date) =>
        resident.IsCertifiedWithEmploymentDifficultyOn(date)
            ? new(KeyGroup.EmploymentDifficulty, $"{resident.DifficultyCertifiedOn:yyyy-MM-dd}由{resident.DifficultyCertifiedBy}认定为就业困难人员（{DifficultyCategoryName(resident.DifficultyCategory!.Value)}）。")
            : null;

    /// <summary>零就业家庭成员: a member of a household flagged as a zero-employment family on or before the date.</summary>
    public static KeyGroupMembership? ZeroEmploymentFamilyMember(DateOnly? flaggedSince, DateOnly date) =>
        flaggedSince is { } since && since <= date
            ? new(KeyGroup.ZeroEmploymentFamilyMember, $"所在家庭自{since:yyyy-MM-dd}起为零就业家庭（劳动年龄内有就业意愿的成员均未就业）。")
            : null;

    /// <summary>The Chinese name of a 就业困难人员 category.</summary>
    public static string DifficultyCategoryName(EmploymentDifficultyCategory category) => category switch
    {
        EmploymentDifficultyCategory.OlderUnemployed => "大龄失业人员",
        EmploymentDifficultyCategory.Disabled => "残疾人",
        EmploymentDifficultyCategory.ZeroEmploymentFamilyMember => "零就业家庭成员",
        EmploymentDifficultyCategory.MinimumLivingAllowanceFamily => "低保家庭成员",
        EmploymentDifficultyCategory.LongTermUnemployed => "连续失业1年以上",
        EmploymentDifficultyCategory.LandlessFarmer => "失地农民",
        EmploymentDifficultyCategory.PovertyAlleviated => "脱贫人口/监测对象",
        _ => "其他",
    };

    private static void Add(List<KeyGroupMembership> groups, KeyGroupMembership? membership)
    {
        if (membership is not null)
        {
            groups.Add(membership);
        }
    }
}
