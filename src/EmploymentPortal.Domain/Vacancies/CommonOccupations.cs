namespace EmploymentPortal.Domain.Vacancies;

/// <summary>A common occupation (常见职业) and the major group of the national classification it belongs to.</summary>
public sealed record CommonOccupation(string Name, OccupationGroup Group);

/// <summary>
/// A searchable list of occupations that stations and enterprises name most often, each filed
/// under its major group of 中华人民共和国职业分类大典 (2022). Shared by jobseekers' wishes and
/// vacancies, so that both speak of the same occupations; free text remains allowed.
/// </summary>
public static class CommonOccupations
{
    public static IReadOnlyList<CommonOccupation> All { get; } =
    [
        new("企业经理", OccupationGroup.Managers),
        new("部门主管", OccupationGroup.Managers),
        new("软件工程师", OccupationGroup.Professionals),
        new("电气工程师", OccupationGroup.Professionals),
        new("机械工程师", OccupationGroup.Professionals),
        new("会计", OccupationGroup.Professionals),
        new("出纳", OccupationGroup.Professionals),
        new("护士", OccupationGroup.Professionals),
        new("教师", OccupationGroup.Professionals),
        new("幼儿教师", OccupationGroup.Professionals),
        new("药剂师", OccupationGroup.Professionals),
        new("行政文员", OccupationGroup.Clerical),
        new("前台接待", OccupationGroup.Clerical),
        new("仓库管理员", OccupationGroup.Clerical),
        new("人事专员", OccupationGroup.Clerical),
        new("客服专员", OccupationGroup.Clerical),
        new("保安员", OccupationGroup.Services),
        new("保洁员", OccupationGroup.Services),
        new("家政服务员", OccupationGroup.Services),
        new("养老护理员", OccupationGroup.Services),
        new("育婴员", OccupationGroup.Services),
        new("餐厅服务员", OccupationGroup.Services),
        new("中式烹调师", OccupationGroup.Services),
        new("营业员", OccupationGroup.Services),
        new("收银员", OccupationGroup.Services),
        new("快递员", OccupationGroup.Services),
        new("外卖配送员", OccupationGroup.Services),
        new("网约车驾驶员", OccupationGroup.Services),
        new("货车司机", OccupationGroup.Services),
        new("美容美发师", OccupationGroup.Services),
        new("电子商务师", OccupationGroup.Services),
        new("物业管理员", OccupationGroup.Services),
        new("果园采摘工", OccupationGroup.Agriculture),
        new("养殖工", OccupationGroup.Agriculture),
        new("农艺工", OccupationGroup.Agriculture),
        new("茶园工", OccupationGroup.Agriculture),
        new("普工", OccupationGroup.Production),
        new("装配工", OccupationGroup.Production),
        new("电焊工", OccupationGroup.Production),
        new("数控车工", OccupationGroup.Production),
        new("电工", OccupationGroup.Production),
        new("叉车司机", OccupationGroup.Production),
        new("缝纫工", OccupationGroup.Production),
        new("质检员", OccupationGroup.Production),
        new("砌筑工", OccupationGroup.Production),
        new("钢筋工", OccupationGroup.Production),
        new("包装工", OccupationGroup.Production),
        new("其他", OccupationGroup.Other),
    ];

    /// <summary>
    /// The occupations whose name contains <paramref name="text"/> (all of them for blank text),
    /// optionally only those of <paramref name="group"/>, in list order.
    /// </summary>
    public static IReadOnlyList<CommonOccupation> Search(string? text, OccupationGroup? group = null)
    {
        var term = text?.Trim() ?? string.Empty;
        return All.Where(o => (group is null || o.Group == group) && (term.Length == 0 || o.Name.Contains(term, StringComparison.Ordinal))).ToList();
    }

    /// <summary>The major group of a listed occupation, or null when it is not in the list.</summary>
    public static OccupationGroup? GroupOf(string? name) =>
        All.FirstOrDefault(o => string.Equals(o.Name, name?.Trim(), StringComparison.Ordinal))?.Group;
}
