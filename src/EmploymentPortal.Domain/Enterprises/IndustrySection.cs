namespace EmploymentPortal.Domain.Enterprises;

/// <summary>
/// 国民经济行业分类门类 (GB/T 4754-2017, sections A–T). The enum name is the section letter, so
/// the stored string is the code of the standard.
/// </summary>
public enum IndustrySection
{
    A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T,
}

public static class IndustrySections
{
    private static readonly Dictionary<IndustrySection, string> Names = new()
    {
        [IndustrySection.A] = "农、林、牧、渔业",
        [IndustrySection.B] = "采矿业",
        [IndustrySection.C] = "制造业",
        [IndustrySection.D] = "电力、热力、燃气及水生产和供应业",
        [IndustrySection.E] = "建筑业",
        [IndustrySection.F] = "批发和零售业",
        [IndustrySection.G] = "交通运输、仓储和邮政业",
        [IndustrySection.H] = "住宿和餐饮业",
        [IndustrySection.I] = "信息传输、软件和信息技术服务业",
        [IndustrySection.J] = "金融业",
        [IndustrySection.K] = "房地产业",
        [IndustrySection.L] = "租赁和商务服务业",
        [IndustrySection.M] = "科学研究和技术服务业",
        [IndustrySection.N] = "水利、环境和公共设施管理业",
        [IndustrySection.O] = "居民服务、修理和其他服务业",
        [IndustrySection.P] = "教育",
        [IndustrySection.Q] = "卫生和社会工作",
        [IndustrySection.R] = "文化、体育和娱乐业",
        [IndustrySection.S] = "公共管理、社会保障和社会组织",
        [IndustrySection.T] = "国际组织",
    };

    /// <summary>The Chinese name of the section, e.g. C → 制造业.</summary>
    public static string ChineseName(this IndustrySection section) => Names[section];
}
