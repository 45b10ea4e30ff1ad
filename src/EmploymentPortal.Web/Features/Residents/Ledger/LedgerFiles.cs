using System.Globalization;
using EmploymentPortal.Data;
using EmploymentPortal.Data.Seeding;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Infrastructure.Security;
using EmploymentPortal.Web.Infrastructure.Xlsx;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Residents.Ledger;

/// <summary>The ledger's xlsx files: the template, a sample with a few bad rows, and the export.</summary>
public static class LedgerFiles
{

    /// <summary>Rows whose 姓名 starts with this are examples: the import passes over them.</summary>
    public const string ExampleMarker = "（示例）";

    public const string LedgerSheet = "居民台账";

    public static IReadOnlyList<double> Widths => [.. LedgerColumns.All.Select(c => c.Header.Length > 4 ? 22.0 : 16.0), .. LedgerColumns.ExportOnly.Select(_ => 14.0)];

    /// <summary>
    /// The template: the ledger sheet (headers, one example row) and a sheet explaining each column,
    /// its allowed values, and the communities the worker may import into.
    /// </summary>
    public static void WriteTemplate(Stream output, IReadOnlyList<(string Code, string Name)> communities)
    {
        using var book = XlsxWorkbookWriter.Create(output);
        using (var sheet = book.AddSheet(LedgerSheet, Widths))
        {
            sheet.WriteRow(Headers(exportColumns: false), XlsxWorkbookWriter.HeaderStyle);
            var example = LedgerColumns.All.Select(c => c.Field switch
            {
                nameof(Register.RegisterResident.Command.Name) => ExampleMarker + c.Example,
                LedgerDraft.CommunityField when communities.Count > 0 => c.Header == "社区编码" ? communities[0].Code : communities[0].Name,
                _ => c.Example,
            }).ToList();
            sheet.WriteRow(example);
        }

        using (var help = book.AddSheet("填写说明", [20, 10, 90, 24]))
        {
            help.WriteRow(["列名", "是否必填", "说明", "示例"], XlsxWorkbookWriter.HeaderStyle);
            foreach (var column in LedgerColumns.All)
            {
                help.WriteRow([column.Header, column.Required ? "必填" : "选填", column.Explanation, column.Example]);
            }

            help.WriteRow([]);
            help.WriteRow(["说明", null, "每行一人；第1行为表头，请勿修改。姓名以“（示例）”开头的行为示例，导入时忽略。单次最多10万行。"]);
            help.WriteRow(["说明", null, "同一身份证号在文件中只能出现一次；已在您服务范围内登记的居民会被跳过（原记录不修改），在其他社区登记的会被拒绝。导入完成后可下载错误报告，按行号修改后重新上传。"]);
            help.WriteRow([]);
            help.WriteRow(["社区编码", null, "社区名称（您可导入的社区）"], XlsxWorkbookWriter.HeaderStyle);
            foreach (var (code, name) in communities)
            {
                help.WriteRow([code, null, name]);
            }
        }
    }

    /// <summary>
    /// A small ledger for trying the import: good rows and a few deliberately bad ones (wrong check
    /// digit, a landline, an impossible date, an unknown value, a community outside the scope, a
    /// duplicate). Deterministic, so a second import of it shows the skipped rows.
    /// </summary>
    public static void WriteSample(Stream output, IReadOnlyList<(string Code, string Name)> communities, DateOnly today)
    {
        var random = new Random(20261122);
        using var book = XlsxWorkbookWriter.Create(output);
        using var sheet = book.AddSheet(LedgerSheet, Widths);
        sheet.WriteRow(Headers(exportColumns: false), XlsxWorkbookWriter.HeaderStyle);
        string[] surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"];
        string[] given = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟"];
        var rows = new List<Dictionary<string, string?>>();
        for (var i = 0; i < 16; i++)
        {
            var (code, name) = communities[i % communities.Count];
            var birth = today.AddYears(-22 - random.Next(30)).AddDays(-random.Next(365));
            var sex = i % 2 == 0 ? Sex.Male : Sex.Female;
            var row = new Dictionary<string, string?>
            {
                ["姓名"] = surnames[random.Next(surnames.Length)] + given[random.Next(given.Length)] + given[random.Next(given.Length)],
                // Region 110101 (first registered in Beijing, now living here): the demo city's
                // own residents never use it, so sample imports stay apart from the seeded ones.
                ["身份证号"] = DemoIdentifiers.IdNumber(random, "110101", birth, sex),
                ["手机号"] = "13" + random.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture),
                ["社区编码"] = code,
                ["社区名称"] = name,
                ["户口性质"] = ResidentLabels.Of((HukouType)(i % 4)),
                ["文化程度"] = ResidentLabels.Of((EducationLevel)(i % 6)),
                ["现居住地址"] = $"{name}{random.Next(1, 30)}栋{random.Next(1, 6)}0{random.Next(1, 4)}室",
                ["退役军人"] = i == 3 ? "是" : "否",
                ["农民工"] = i == 5 ? "返乡农民工" : "否",
            };
            if (i is 4 or 5)
            {
                row["文化程度"] = "本科";
                row["毕业院校"] = "江州大学";
                row["所学专业"] = i == 4 ? "会计学" : "软件工程";
                row["毕业时间"] = new DateOnly(today.Year - 1, 6, 30).ToString(LedgerColumns.DateFormat, CultureInfo.InvariantCulture);
                row["离校时间"] = new DateOnly(today.Year - 1, 7, 1).ToString(LedgerColumns.DateFormat, CultureInfo.InvariantCulture);
            }

            rows.Add(row);
        }

        // The bad rows, each with one mistake a station worker makes.
        var id = rows[6]["身份证号"]!;
        rows[6]["身份证号"] = id[..17] + (id[17] == '1' ? '2' : '1');
        rows[7]["手机号"] = "0791-86123456";
        rows[8]["文化程度"] = "大学";
        rows[9]["社区编码"] = "999999999999";
        rows[9]["社区名称"] = "外区社区";
        rows[10]["毕业时间"] = "2023-02-30";
        rows[10]["毕业院校"] = "江州职业技术学院";
        rows[10]["所学专业"] = "护理";
        rows[10]["离校时间"] = "2023-07-01";
        rows[10]["文化程度"] = "大专";
        rows[11]["姓名"] = null;
        rows.Add(new Dictionary<string, string?>(rows[2]));

        foreach (var row in rows)
        {
            sheet.WriteRow(LedgerColumns.All.Select(c => row.GetValueOrDefault(c.Header)).ToList());
        }
    }

    /// <summary>
    /// Streams the residents the principal may see under <paramref name="filter"/> into an xlsx,
    /// oldest first, one entity at a time. ID numbers and phones are masked unless
    /// <paramref name="full"/>; a full export is written to the audit log (filter and row count)
    /// before any row is.
    /// </summary>
    /// <returns>The number of residents written.</returns>
    public static async Task<int> WriteExportAsync(PortalDbContext db, PortalPrincipal principal, ResidentListQueries.Filter filter, bool full, Stream output, CancellationToken cancellationToken)
    {
        var query = ResidentListQueries.Filtered(db, principal, filter);

        var communities = await db.Communities.AsNoTracking().Select(c => new { c.Id, c.Code, c.Name })
            .ToDictionaryAsync(c => c.Id, c => (c.Code, c.Name), cancellationToken);
        if (full)
        {
            var count = await query.CountAsync(cancellationToken);
            db.RecordRead(nameof(Resident), "export", $"IdNumber,Phone; rows={count}; community={filter.CommunityId}; status={filter.Status}; overdue={filter.Overdue}; keyGroup={filter.KeyGroup}; ageBand={filter.AgeBand}");
            await db.SaveChangesAsync(cancellationToken);
        }

        var written = 0;
        using var book = XlsxWorkbookWriter.Create(output);
        using var sheet = book.AddSheet(LedgerSheet, Widths);
        sheet.WriteRow(Headers(exportColumns: true), XlsxWorkbookWriter.HeaderStyle);
        var cells = new string?[LedgerColumns.All.Count + LedgerColumns.ExportOnly.Count];
        await foreach (var resident in query.OrderBy(r => r.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var community = communities.TryGetValue(resident.CommunityId, out var c) ? c : default;
            var row = new LedgerExportRow(
                resident,
                full ? resident.IdNumber : Mask(resident.IdNumber),
                full ? resident.Phone : MaskPhone(resident.Phone),
                community.Code,
                community.Name);
            var i = 0;
            foreach (var column in LedgerColumns.All)
            {
                cells[i++] = column.Export(row);
            }

            foreach (var (_, value) in LedgerColumns.ExportOnly)
            {
                cells[i++] = value(row);
            }

            sheet.WriteRow(cells);
            written++;
        }

        return written;
    }

    private static List<string?> Headers(bool exportColumns) =>
        [.. LedgerColumns.All.Select(c => c.Required ? c.Header + "*" : c.Header), .. exportColumns ? LedgerColumns.ExportOnly.Select(c => c.Header) : []];

    private static string Mask(string idNumber) =>
        IdCardNumber.TryParse(idNumber, out var parsed, out _) ? parsed.Masked : new string('*', idNumber.Length);

    private static string MaskPhone(string phone) =>
        PhoneNumber.TryParse(phone, out var parsed, out _) ? parsed.Masked : "***";
}
