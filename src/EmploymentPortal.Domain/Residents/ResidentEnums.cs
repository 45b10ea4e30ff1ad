namespace EmploymentPortal.Domain.Residents;

/// <summary>户口性质 and whether the hukou is in this city.</summary>
public enum HukouType
{
    /// <summary>本地城镇</summary>
    LocalUrban,

    /// <summary>本地农村</summary>
    LocalRural,

    /// <summary>外地城镇</summary>
    NonLocalUrban,

    /// <summary>外地农村</summary>
    NonLocalRural,
}

/// <summary>文化程度, the highest level completed.</summary>
public enum EducationLevel
{
    /// <summary>小学及以下</summary>
    PrimaryOrBelow,

    /// <summary>初中</summary>
    JuniorSecondary,

    /// <summary>高中</summary>
    SeniorSecondary,

    /// <summary>中专/技校/职高</summary>
    VocationalSecondary,

    /// <summary>大专</summary>
    JuniorCollege,

    /// <summary>本科</summary>
    Bachelor,

    /// <summary>硕士研究生</summary>
    Master,

    /// <summary>博士研究生</summary>
    Doctorate,
}

/// <summary>农民工 status of a resident from the countryside.</summary>
public enum MigrantWorkerStatus
{
    /// <summary>Not a migrant worker.</summary>
    None,

    /// <summary>农民工 (working away from the home village).</summary>
    MigrantWorker,

    /// <summary>返乡农民工 (returned to the home area).</summary>
    ReturningMigrantWorker,
}

/// <summary>就业失业状态: the states of the employment-status lifecycle after a first registration.</summary>
public enum EmploymentStatus
{
    /// <summary>登记失业</summary>
    RegisteredUnemployed,

    /// <summary>就业（单位就业）</summary>
    Employed,

    /// <summary>灵活就业</summary>
    FlexiblyEmployed,

    /// <summary>自主创业/个体经营</summary>
    SelfEmployed,

    /// <summary>参加培训</summary>
    InTraining,

    /// <summary>公益性岗位安置</summary>
    PublicWelfarePost,

    /// <summary>注销登记 (with a reason)</summary>
    Deregistered,
}
