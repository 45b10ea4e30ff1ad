using EmploymentPortal.Web.Infrastructure.Xlsx;
using EmploymentPortal.Data;
using EmploymentPortal.Data.Auditing;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.Data.Seeding;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Web.Features.Residents.Ledger;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.IntegrationTests.Residents;

/// <summary>Builds ledger files for the import tests and reads reports back.</summary>
public static class LedgerTestFiles
{
    public static readonly string[] Headers = ["姓名*", "身份证号*", "手机号*", "社区编码", "社区名称", "户口性质", "文化程度", "毕业院校", "所学专业", "毕业时间", "离校时间", "退役军人", "居住地坐标"];

    /// <summary>A valid row for a community: unique ID number (tracked in <paramref name="used"/>).</summary>
    public static string?[] GoodRow(Random random, HashSet<string> used, string communityCode)
    {
        string id;
        do
        {
            var birth = new DateOnly(1970, 1, 1).AddDays(random.Next(365 * 30));
            id = DemoIdentifiers.IdNumber(random, communityCode[..6], birth, random.Next(2) == 0 ? Sex.Male : Sex.Female);
        }
        while (!used.Add(id));

        var phone = "139" + random.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ["测试居民" + random.Next(1000), id, phone, communityCode, null, "本地城镇", "高中", null, null, null, null, "否", null];
    }

    public static MemoryStream Write(IEnumerable<string?[]> rows)
    {
        var stream = new MemoryStream();
        using (var book = XlsxWorkbookWriter.Create(stream))
        using (var sheet = book.AddSheet("居民台账", []))
        {
            sheet.WriteRow(Headers);
            foreach (var row in rows)
            {
                sheet.WriteRow(row);
            }
        }

        stream.Position = 0;
        return stream;
    }

    /// <summary>The report's rows: row number → (result, reason).</summary>
    public static Dictionary<int, (string Result, string Reason)> ReadReport(Stream report)
    {
        using var reader = XlsxSheetReader.Open(report);
        return reader.ReadRows().Skip(1).ToDictionary(r => int.Parse(r.Cells[0]!, System.Globalization.CultureInfo.InvariantCulture), r => (r.Cells[1]!, r.Cells[2]!));
    }

    public static PortalPrincipal StationWorker(params Guid[] communities) =>
        new("itest-station", "itest-station", "测试站员", new HashSet<string> { PortalRoles.StationStaff }, communities.ToHashSet(), null);
}

/// <summary>Contexts on a test database, as the portal's factory makes them (interceptors on), acting as one actor.</summary>
public sealed class TestContextFactory(TestDatabase database, IAuditActor actor) : IDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext() => database.CreateContext(actor);
}
