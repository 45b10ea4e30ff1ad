using EmploymentPortal.Domain.Residents;

namespace EmploymentPortal.Web.Features.Residents;

/// <summary>Chinese names of the registry's enumerations (English in the shared resources, keyed by them).</summary>
public static class ResidentLabels
{
    public sealed record Option<T>(T Value, string Text);

    public static string Of(HukouType value) => value switch
    {
        HukouType.LocalUrban => "本地城镇",
        HukouType.LocalRural => "本地农村",
        HukouType.NonLocalUrban => "外地城镇",
        _ => "外地农村",
    };

    public static string Of(EducationLevel value) => value switch
    {
        EducationLevel.PrimaryOrBelow => "小学及以下",
        EducationLevel.JuniorSecondary => "初中",
        EducationLevel.SeniorSecondary => "高中",
        EducationLevel.VocationalSecondary => "中专/技校/职高",
        EducationLevel.JuniorCollege => "大专",
        EducationLevel.Bachelor => "本科",
        EducationLevel.Master => "硕士研究生",
        _ => "博士研究生",
    };

    public static string Of(MigrantWorkerStatus value) => value switch
    {
        MigrantWorkerStatus.MigrantWorker => "农民工",
        MigrantWorkerStatus.ReturningMigrantWorker => "返乡农民工",
        _ => "否",
    };

    public static string Of(EmploymentStatus value) => value switch
    {
        EmploymentStatus.RegisteredUnemployed => "登记失业",
        EmploymentStatus.Employed => "就业",
        EmploymentStatus.FlexiblyEmployed => "灵活就业",
        EmploymentStatus.SelfEmployed => "自主创业",
        EmploymentStatus.InTraining => "参加培训",
        EmploymentStatus.PublicWelfarePost => "公益性岗位",
        _ => "注销登记",
    };

    public static string Of(ContactChannel value) => value switch
    {
        ContactChannel.Phone => "电话",
        ContactChannel.HomeVisit => "上门走访",
        ContactChannel.AtStation => "来站面谈",
        _ => "微信/短信",
    };

    public static string Of(FollowUpServices value) => value switch
    {
        FollowUpServices.CareerGuidance => "职业指导",
        FollowUpServices.JobReferral => "岗位推荐",
        FollowUpServices.TrainingReferral => "培训推荐",
        FollowUpServices.PolicyExplained => "政策宣讲",
        _ => "无",
    };

    public static string Of(KeyGroup value) => value switch
    {
        KeyGroup.RecentCollegeGraduate => "离校2年内高校毕业生",
        KeyGroup.LongTermRegisteredUnemployed => "登记失业6个月以上",
        KeyGroup.Disabled => "残疾人",
        KeyGroup.OlderWorker => "大龄劳动者",
        KeyGroup.Veteran => "退役军人",
        KeyGroup.RelocatedResident => "易地搬迁群众",
        KeyGroup.MigrantWorker => "农民工/返乡农民工",
        KeyGroup.EmploymentDifficulty => "就业困难人员",
        KeyGroup.ZeroEmploymentFamilyMember => "零就业家庭成员",
        KeyGroup.PovertyMonitoredHousehold => "脱贫人口/防止返贫监测对象",

        // No catch-all: a group added later must get its own name here (a default branch once
        // showed 就业困难人员 and 零就业家庭成员 as 脱贫人口 in the list's filter).
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Of(AgeBand value) => value switch
    {
        AgeBand.From16To24 => "16–24岁",
        AgeBand.From25To34 => "25–34岁",
        AgeBand.From35To44 => "35–44岁",
        AgeBand.From45To54 => "45–54岁",
        AgeBand.From55 => "55岁及以上",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Of(ResidentSort value) => value switch
    {
        ResidentSort.Name => "按姓名",
        ResidentSort.BirthDate => "按出生日期",
        _ => "最近登记在前",
    };

    /// <summary>The services of a contact as one line.</summary>
    public static IEnumerable<string> Split(FollowUpServices services) =>
        Enum.GetValues<FollowUpServices>().Where(s => s != FollowUpServices.None && services.HasFlag(s)).Select(Of);

    public static List<Option<T>> Options<T>(Func<T, string> text)
        where T : struct, Enum =>
        Enum.GetValues<T>().Where(v => !(typeof(T) == typeof(FollowUpServices) && Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) == 0))
            .Select(v => new Option<T>(v, text(v))).ToList();
}
