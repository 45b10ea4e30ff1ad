using System.Globalization;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Web.Features.Residents.Register;

namespace EmploymentPortal.Web.Features.Residents.Ledger;

/// <summary>
/// The columns of the resident ledger (居民台账), one entry each: the Chinese header, whether it
/// is required, what the template's explanation sheet says about it, an example value, how a
/// cell becomes part of a <see cref="RegisterResident.Command"/> (import) and how a resident
/// becomes a cell (export). Import finds columns by header, not by position, so the order may
/// change and unknown columns are ignored. To add a field: add one entry here.
/// </summary>
public static class LedgerColumns
{
    public const string DateFormat = "yyyy-MM-dd";

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日"];

    /// <summary>The ledger columns in template order.</summary>
    public static IReadOnlyList<LedgerColumn> All { get; } =
    [
        new("姓名", nameof(RegisterResident.Command.Name), true, "与身份证一致的姓名，不超过50个字符。", "张三",
            (d, t, _) => d.Command.Name = t ?? string.Empty, r => r.Resident.Name),
        new("身份证号", nameof(RegisterResident.Command.IdNumber), true, "18位居民身份证号码，末位可为X；出生日期和性别由号码得出，无需填写。请将单元格设为文本格式。", "110101199003074514",
            ParseIdNumber, r => r.IdNumber),
        new("手机号", nameof(RegisterResident.Command.Phone), true, "本人11位手机号码，不接受固定电话。", "13812345678",
            (d, t, _) => d.Command.Phone = t ?? string.Empty, r => r.Phone),
        new("社区编码", LedgerDraft.CommunityField, false, "常住社区（村）的12位区划代码；填写编码时以编码为准。可填写的社区见下方列表。", "360102001001",
            (d, t, _) => d.CommunityCode = t, r => r.CommunityCode),
        new("社区名称", LedgerDraft.CommunityField, false, "常住社区（村）名称；未填写社区编码时按名称匹配，须在您的服务范围内。编码与名称至少填写一项。", "示例社区",
            (d, t, _) => d.CommunityName = t, r => r.CommunityName),
        new("户口性质", nameof(RegisterResident.Command.HukouType), false, "可选值：" + Allowed<HukouType>(ResidentLabels.Of) + "。", ResidentLabels.Of(HukouType.LocalUrban),
            (d, t, e) => d.Command.HukouType = ParseEnum<HukouType>(t, ResidentLabels.Of, "户口性质", e), r => Label(r.Resident.HukouType, ResidentLabels.Of)),
        new("户籍地址", nameof(RegisterResident.Command.HukouPlace), false, "不超过200个字符。", "江州市东湖区示例路1号",
            (d, t, _) => d.Command.HukouPlace = t, r => r.Resident.HukouPlace),
        new("现居住地址", nameof(RegisterResident.Command.Address), false, "不超过200个字符。", "江州市东湖区示例路1号2栋301室",
            (d, t, _) => d.Command.Address = t, r => r.Resident.Address),
        new("居住地坐标", nameof(RegisterResident.Command.HomeLocation), false, "现居住地的经纬度（WGS-84，由定位或地图取得），格式“纬度,经度”，如 28.6820,115.8579；三公里就业圈按此推荐岗位。不填时以所在社区服务站的位置代替。", "28.6820,115.8579",
            (d, t, _) => d.Command.HomeLocation = t, r => r.Resident.Home?.ToString()),
        new("文化程度", nameof(RegisterResident.Command.Education), false, "可选值：" + Allowed<EducationLevel>(ResidentLabels.Of) + "。", ResidentLabels.Of(EducationLevel.Bachelor),
            (d, t, e) => d.Command.Education = ParseEnum<EducationLevel>(t, ResidentLabels.Of, "文化程度", e), r => Label(r.Resident.Education, ResidentLabels.Of)),
        new("毕业院校", nameof(RegisterResident.Command.GraduateSchool), false, "仅高校毕业生（大专及以上）填写；填写后所学专业、毕业时间、离校时间均须填写。", "江州大学",
            (d, t, _) => d.Command.GraduateSchool = t, r => r.Resident.GraduateSchool),
        new("所学专业", nameof(RegisterResident.Command.GraduateMajor), false, "仅高校毕业生填写。", "会计学",
            (d, t, _) => d.Command.GraduateMajor = t, r => r.Resident.GraduateMajor),
        new("毕业时间", nameof(RegisterResident.Command.GraduatedOn), false, "日期，格式 2024-06-30（也接受 2024/6/30、20240630 或 Excel 日期）。", "2024-06-30",
            (d, t, e) => d.Command.GraduatedOn = ParseDate(t, "毕业时间", e), r => Date(r.Resident.GraduatedOn)),
        new("离校时间", nameof(RegisterResident.Command.LeftSchoolOn), false, "日期，“离校2年内”从此日起算，不能晚于今天。", "2024-07-01",
            (d, t, e) => d.Command.LeftSchoolOn = ParseDate(t, "离校时间", e), r => Date(r.Resident.LeftSchoolOn)),
        new("残疾人证号", nameof(RegisterResident.Command.DisabilityCertificateNumber), false, "持有残疾人证的填写证号，不超过30个字符；填写即属残疾人重点群体。", string.Empty,
            (d, t, _) => d.Command.DisabilityCertificateNumber = t, r => r.Resident.DisabilityCertificateNumber),
        new("退役军人", nameof(RegisterResident.Command.IsVeteran), false, "可选值：是、否；不填为否。", "否",
            (d, t, e) => d.Command.IsVeteran = ParseYesNo(t, "退役军人", e), r => YesNo(r.Resident.IsVeteran)),
        new("易地搬迁群众", nameof(RegisterResident.Command.IsRelocatedResident), false, "可选值：是、否；不填为否。", "否",
            (d, t, e) => d.Command.IsRelocatedResident = ParseYesNo(t, "易地搬迁群众", e), r => YesNo(r.Resident.IsRelocatedResident)),
        new("农民工", nameof(RegisterResident.Command.MigrantWorker), false, "可选值：" + Allowed<MigrantWorkerStatus>(ResidentLabels.Of) + "；不填为否。", "否",
            (d, t, e) => d.Command.MigrantWorker = ParseEnum<MigrantWorkerStatus>(t, ResidentLabels.Of, "农民工", e) ?? MigrantWorkerStatus.None, r => ResidentLabels.Of(r.Resident.MigrantWorker)),
        new("脱贫人口或监测对象", nameof(RegisterResident.Command.IsPovertyMonitoredHousehold), false, "可选值：是、否；不填为否。", "否",
            (d, t, e) => d.Command.IsPovertyMonitoredHousehold = ParseYesNo(t, "脱贫人口或监测对象", e), r => YesNo(r.Resident.IsPovertyMonitoredHousehold)),
    ];

    /// <summary>Columns the export adds after the ledger's own (derived or managed elsewhere); ignored on import.</summary>
    public static IReadOnlyList<(string Header, Func<LedgerExportRow, string?> Value)> ExportOnly { get; } =
    [
        ("性别", r => r.Resident.Sex == Domain.ValueObjects.Sex.Male ? "男" : "女"),
        ("出生日期", r => Date(r.Resident.BirthDate)),
        ("就业失业状态", r => Label(r.Resident.CurrentStatus, ResidentLabels.Of)),
        ("失业登记编号", r => r.Resident.UnemploymentRegistrationNumber),
    ];

    /// <summary>The header a validation message about a command property is reported under.</summary>
    public static string HeaderOf(string field) => field switch
    {
        nameof(RegisterResident.Command.CommunityId) or LedgerDraft.CommunityField => "社区",
        _ => All.FirstOrDefault(c => c.Field == field)?.Header ?? field,
    };

    private static void ParseIdNumber(LedgerDraft draft, string? text, List<string> errors)
    {
        // Excel turns a long number typed into a general cell into 3.40102199001011E+17: the
        // last digits are lost, so say what happened rather than "illegal character E".
        if (text is not null && (text.Contains("E+", StringComparison.OrdinalIgnoreCase) || text.Contains('.', StringComparison.Ordinal)))
        {
            errors.Add("身份证号：号码被 Excel 存成了数字（科学计数法），后几位已丢失；请将该列设为文本格式后重新填写。");
            return;
        }

        draft.Command.IdNumber = text ?? string.Empty;
    }

    private static T? ParseEnum<T>(string? text, Func<T, string> label, string header, List<string> errors)
        where T : struct, Enum
    {
        if (text is null)
        {
            return null;
        }

        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(label(value), text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        errors.Add($"{header}：“{text}”不是可选值，应为{Allowed(label)}之一。");
        return null;
    }

    private static bool ParseYesNo(string? text, string header, List<string> errors)
    {
        switch (text)
        {
            case null or "否" or "0" or "FALSE" or "false":
                return false;
            case "是" or "1" or "TRUE" or "true":
                return true;
            default:
                errors.Add($"{header}：“{text}”无效，应填“是”或“否”。");
                return false;
        }
    }

    private static DateOnly? ParseDate(string? text, string header, List<string> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        // An Excel date cell holds the day number since 1899-12-30 (1 = 1900-01-01).
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2958466)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        }

        errors.Add($"{header}：“{text}”不是有效日期，格式应为 2024-06-30。");
        return null;
    }

    private static string Allowed<T>(Func<T, string> label)
        where T : struct, Enum => string.Join("、", Enum.GetValues<T>().Select(label));

    private static string? Label<T>(T? value, Func<T, string> label)
        where T : struct, Enum => value is { } v ? label(v) : null;

    private static string? Date(DateOnly? date) => date?.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static string YesNo(bool value) => value ? "是" : "否";
}

/// <summary>One ledger column; see <see cref="LedgerColumns"/>.</summary>
/// <param name="Header">The Chinese header in the first row.</param>
/// <param name="Field">The command property whose validation messages belong to this column.</param>
/// <param name="Required">Whether the header must be present and the cell filled.</param>
/// <param name="Explanation">What the explanation sheet says.</param>
/// <param name="Example">The template's example row.</param>
/// <param name="Parse">Cell text (trimmed, null when empty) → draft; adds Chinese messages to the list.</param>
/// <param name="Export">Resident → cell text.</param>
public sealed record LedgerColumn(
    string Header,
    string Field,
    bool Required,
    string Explanation,
    string Example,
    Action<LedgerDraft, string?, List<string>> Parse,
    Func<LedgerExportRow, string?> Export);

/// <summary>A row being read: the registration command plus what the ledger says about the community.</summary>
public sealed class LedgerDraft
{
    public const string CommunityField = "Community";

    public RegisterResident.Command Command { get; } = new();

    public string? CommunityCode { get; set; }

    public string? CommunityName { get; set; }
}

/// <summary>A resident as the export writes it: the entity plus the community and the values to print (masked or not).</summary>
public sealed record LedgerExportRow(Resident Resident, string IdNumber, string Phone, string? CommunityCode, string? CommunityName);
