using EmploymentPortal.Domain.Training;

namespace EmploymentPortal.Web.Features.Training;

/// <summary>The Chinese words of the training enums (the pages and API messages); the English is in the resources.</summary>
public static class TrainingLabels
{
    public static string Kind(TrainingKind kind) => kind switch
    {
        TrainingKind.EmploymentSkills => "就业技能培训",
        TrainingKind.SkillsUpgrade => "岗位技能提升培训",
        TrainingKind.Entrepreneurship => "创业培训",
        TrainingKind.OnTheJob => "以工代训",
        TrainingKind.Apprenticeship => "企业新型学徒制",
        _ => kind.ToString(),
    };

    public static string Level(SkillLevel level) => level switch
    {
        SkillLevel.SpecialAbility => "专项职业能力",
        SkillLevel.Level5 => "五级/初级工",
        SkillLevel.Level4 => "四级/中级工",
        SkillLevel.Level3 => "三级/高级工",
        SkillLevel.Level2 => "二级/技师",
        SkillLevel.Level1 => "一级/高级技师",
        _ => level.ToString(),
    };

    public static string Status(TrainingClassStatus status) => status switch
    {
        TrainingClassStatus.Draft => "待审批",
        TrainingClassStatus.Approved => "已审批",
        TrainingClassStatus.Finished => "已结班",
        _ => status.ToString(),
    };

    public static string Status(EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Enrolled => "在训",
        EnrolmentStatus.Completed => "已结业",
        EnrolmentStatus.NotCompleted => "未结业",
        _ => status.ToString(),
    };

    public static string Certificate(CertificateKind kind) => kind switch
    {
        CertificateKind.SkillLevel => "职业技能等级证书",
        CertificateKind.Qualification => "职业资格证书",
        CertificateKind.SpecialAbility => "专项职业能力证书",
        CertificateKind.TrainingCompletion => "培训合格证书",
        _ => kind.ToString(),
    };

    public static string Employment(TrainingEmploymentOutcome outcome) => outcome switch
    {
        TrainingEmploymentOutcome.NotGraduated => "—",
        TrainingEmploymentOutcome.Employed => "培训后已就业",
        TrainingEmploymentOutcome.InWork => "在职培训",
        TrainingEmploymentOutcome.Pending => "尚未就业",
        TrainingEmploymentOutcome.NotEmployed => "期限内未就业",
        _ => outcome.ToString(),
    };
}
