namespace EmploymentPortal.Data.Seeding;

/// <summary>
/// The fictional demo city, 江州市: four county-level districts, three streets or townships each,
/// and three or four communities per street, with service stations spread within about 30 km of
/// the city centre. The division codes use the unallocated prefix 3699 so they can never be
/// mistaken for a real place.
/// </summary>
internal static class DemoCity
{
    public const string Name = "江州市";
    public const double CentreLatitude = 28.6820;
    public const double CentreLongitude = 115.8580;

    public sealed record DistrictSpec(string Code, string Name, double Latitude, double Longitude, StreetSpec[] Streets);

    public sealed record StreetSpec(string Name, bool IsTownship, string[] Communities);

    public static readonly DistrictSpec[] Districts =
    [
        new("369902", "江东区", 28.6900, 115.8900,
        [
            new("东城街道", false, ["东湖社区", "滨江社区", "解放路社区", "青云社区"]),
            new("八一街道", false, ["八一社区", "胜利社区", "公园社区"]),
            new("沿江街道", false, ["沿江社区", "码头社区", "望江社区"]),
        ]),
        new("369903", "江西区", 28.6700, 115.8000,
        [
            new("西山街道", false, ["西山社区", "桃花社区", "长岭社区", "丰和社区"]),
            new("朝阳街道", false, ["朝阳社区", "新村社区", "育才社区"]),
            new("红谷街道", false, ["红谷社区", "会展社区", "凤凰社区"]),
        ]),
        new("369904", "南湖区", 28.5800, 115.8700,
        [
            new("南湖街道", false, ["南湖社区", "莲塘社区", "湖滨社区"]),
            new("高新街道", false, ["高新社区", "艾溪社区", "瑶湖社区", "创业社区"]),
            new("莲塘镇", true, ["莲塘村", "向塘村", "蒋巷村"]),
        ]),
        new("369921", "北山县", 28.8500, 115.8300,
        [
            new("城关镇", true, ["城南社区", "城北社区", "府前社区"]),
            new("石岗镇", true, ["石岗村", "梅岭村", "罗亭村"]),
            new("乐化镇", true, ["乐化村", "樵舍村", "昌邑村"]),
        ]),
    ];

    public static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
    ];

    public static readonly string[] GivenNameCharacters =
    [
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平",
        "刚", "桂", "英", "华", "文", "辉", "鹏", "红", "建", "国", "峰", "婷", "玲", "宇", "浩", "凯", "欣", "雪", "琳", "晨",
    ];

    /// <summary>Schools of the demo college graduates.</summary>
    public static readonly string[] Schools = ["南河大学", "南河职业技术学院", "江西师范大学", "南昌大学", "华东交通大学", "江西财经大学"];

    /// <summary>Majors of the demo college graduates.</summary>
    public static readonly string[] Majors = ["会计学", "计算机科学与技术", "市场营销", "护理学", "机械设计制造及其自动化", "汉语言文学", "电子商务"];

    /// <summary>Birthplace region codes for generated ID numbers (real county codes, mostly Jiangxi).</summary>
    public static readonly string[] BirthplaceCodes =
    [
        "360102", "360103", "360104", "360111", "360112", "360121", "360123", "360124", "362502", "362201", "360302", "341282",
    ];

    public static readonly string[] EnterpriseWords =
    [
        "江州", "赣江", "东湖", "红谷", "瑶湖", "洪都", "豫章", "滕王", "梅岭", "青山", "绿源", "恒信", "华瑞", "鑫达", "博远", "联创",
    ];

    public static readonly string[] EnterpriseTrades =
    [
        "电子科技", "食品", "物流", "建筑工程", "服装", "汽车配件", "医药", "餐饮管理", "家政服务", "物业管理", "信息技术", "新材料", "农业开发", "商贸", "机械制造", "光电",
    ];

    public static readonly string[] EnterpriseForms = ["有限公司", "股份有限公司", "有限责任公司"];
}
