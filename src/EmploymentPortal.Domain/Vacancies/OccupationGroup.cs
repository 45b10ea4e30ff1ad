namespace EmploymentPortal.Domain.Vacancies;

/// <summary>
/// 职业大类 of the national occupational classification (中华人民共和国职业分类大典, 2022 edition):
/// the eight major groups. A vacancy names its group and the occupation in free text.
/// </summary>
public enum OccupationGroup
{
    /// <summary>第一大类 党的机关、国家机关、群众团体和社会组织、企事业单位负责人</summary>
    Managers = 1,

    /// <summary>第二大类 专业技术人员</summary>
    Professionals = 2,

    /// <summary>第三大类 办事人员和有关人员</summary>
    Clerical = 3,

    /// <summary>第四大类 社会生产服务和生活服务人员</summary>
    Services = 4,

    /// <summary>第五大类 农、林、牧、渔业生产及辅助人员</summary>
    Agriculture = 5,

    /// <summary>第六大类 生产制造及有关人员</summary>
    Production = 6,

    /// <summary>第七大类 军队人员</summary>
    Military = 7,

    /// <summary>第八大类 不便分类的其他从业人员</summary>
    Other = 8,
}

public static class OccupationGroups
{
    private static readonly Dictionary<OccupationGroup, string> Names = new()
    {
        [OccupationGroup.Managers] = "党的机关、国家机关、群众团体和社会组织、企事业单位负责人",
        [OccupationGroup.Professionals] = "专业技术人员",
        [OccupationGroup.Clerical] = "办事人员和有关人员",
        [OccupationGroup.Services] = "社会生产服务和生活服务人员",
        [OccupationGroup.Agriculture] = "农、林、牧、渔业生产及辅助人员",
        [OccupationGroup.Production] = "生产制造及有关人员",
        [OccupationGroup.Military] = "军队人员",
        [OccupationGroup.Other] = "不便分类的其他从业人员",
    };

    /// <summary>The Chinese name of the major group.</summary>
    public static string ChineseName(this OccupationGroup group) => Names[group];
}
