namespace EmploymentPortal.Domain.Training;

/// <summary>The kind of a training class (培训类型), as issue 16 and the documents name them.</summary>
public enum TrainingKind
{
    /// <summary>就业技能培训 (Nanhe (十七) "组织失业人员参加就业创业培训"; Jieshou 三、(三)).</summary>
    EmploymentSkills,

    /// <summary>企业职工岗位技能提升培训 (Nanhe (十七) "开展企业职工技能提升培训或转岗转业培训").</summary>
    SkillsUpgrade,

    /// <summary>创业培训 (Nanhe (十七) "开展创业培训300人次").</summary>
    Entrepreneurship,

    /// <summary>以工代训 (Ningde 一、"以工代训扩围"; Tongren 二、"深入实施“以工代训”政策").</summary>
    OnTheJob,

    /// <summary>企业新型学徒制 (Tongren, 专栏 "实施企业新型“学徒制”培训模式").</summary>
    Apprenticeship,
}

/// <summary>
/// 职业技能等级 (国家职业技能标准: 五级/初级工 … 一级/高级技师), or 专项职业能力 for a class that
/// trains one specific ability without a level.
/// </summary>
public enum SkillLevel
{
    /// <summary>专项职业能力.</summary>
    SpecialAbility,

    /// <summary>五级/初级工.</summary>
    Level5,

    /// <summary>四级/中级工.</summary>
    Level4,

    /// <summary>三级/高级工.</summary>
    Level3,

    /// <summary>二级/技师.</summary>
    Level2,

    /// <summary>一级/高级技师.</summary>
    Level1,
}

/// <summary>A class's state: 草稿 → 已审批 (the bureau, before the start) → 已结班.</summary>
public enum TrainingClassStatus
{
    Draft,
    Approved,
    Finished,
}

/// <summary>A trainee's state in a class: 在训 → 已结业 | 未结业 (the class finished without enough hours).</summary>
public enum EnrolmentStatus
{
    Enrolled,
    Completed,
    NotCompleted,
}

/// <summary>考核结果.</summary>
public enum AssessmentResult
{
    Passed,
    Failed,
}

/// <summary>证书类型.</summary>
public enum CertificateKind
{
    /// <summary>职业技能等级证书.</summary>
    SkillLevel,

    /// <summary>职业资格证书.</summary>
    Qualification,

    /// <summary>专项职业能力证书.</summary>
    SpecialAbility,

    /// <summary>培训合格证书 (e.g. 创业培训合格证).</summary>
    TrainingCompletion,
}
