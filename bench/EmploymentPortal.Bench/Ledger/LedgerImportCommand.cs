using EmploymentPortal.Web.Infrastructure.Xlsx;
using System.Diagnostics;
using System.Globalization;
using EmploymentPortal.Data;
using EmploymentPortal.Data.Auditing;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.Data.Security;
using EmploymentPortal.Data.Seeding;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Geography;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Features.Residents.Ledger;
using EmploymentPortal.Web.Features.Residents.Register;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace EmploymentPortal.Bench.Ledger;

/// <summary>
/// <c>ledger-import</c>: the resident ledger import end to end (issue 3: ≥ 20,000 rows/s on
/// PostgreSQL). Generates an xlsx of N valid rows for a new community with the portal's own
/// writer, then imports it with the portal's <see cref="LedgerImporter"/> exactly as an upload
/// does (read, validation with the registration validator and the value objects, duplicate
/// checks, batched writes with one audit entry per batch), then imports it a second time (every
/// row is skipped: read + validation + duplicate check, no writes).
/// </summary>
public static class LedgerImportCommand
{
    public const string Usage = """
        ledger-import --provider postgres|sqlite --connection "<connection string>" [--rows 100000] [--batch 5000]
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        DatabaseProvider? provider = null;
        string? connection = null;
        var rows = 100_000;
        var batch = new LedgerImportOptions().BatchSize;
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            switch (args[i])
            {
                case "--provider":
                    provider = args[i + 1].StartsWith("postg", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
                    break;
                case "--connection":
                    connection = args[i + 1];
                    break;
                case "--rows":
                    rows = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--batch":
                    batch = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        if (provider is not { } p || connection is null)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var factory = new Factory(p, connection);
        Community community;
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            community = await AddCommunityAsync(db);
        }

        var path = Path.Combine(Path.GetTempPath(), $"ledger-bench-{Guid.NewGuid():N}.xlsx");
        try
        {
            var write = Stopwatch.StartNew();
            WriteFile(path, community.Code, rows);
            write.Stop();
            Console.WriteLine($"Ledger of {rows:N0} rows written in {write.Elapsed.TotalSeconds:0.00} s ({new FileInfo(path).Length / 1024.0 / 1024.0:0.0} MB), community {community.Code}; provider {p}, batch {batch:N0}.");

            // Where the CPU goes (process CPU time, meaningful on a loaded machine): reading the
            // sheet alone, then the import and the re-import below.
            using (var sheetFile = File.OpenRead(path))
            using (var reader = XlsxSheetReader.Open(sheetFile))
            {
                var countCpu = Cpu();
                var counted = reader.CountRows();
                var readCpu = Cpu();
                var readRows = reader.ReadRows().Count();
                var validateCpu = Cpu();
                var validator = new RegisterResident.Validator(new PortalCalendar(TimeProvider.System));
                var command = new RegisterResident.Command { Name = "测试", IdNumber = "110101199003074514", Phone = "13812345678", CommunityId = community.Id, Education = Domain.Residents.EducationLevel.SeniorSecondary };
                var valid = 0;
                for (var i = 0; i < rows; i++)
                {
                    valid += validator.Validate(command).IsValid ? 1 : 0;
                }

                var end = Cpu();
                Console.WriteLine($"{"CPU: count rows",-24} {counted:N0} rows in {(readCpu - countCpu).TotalSeconds:0.00} s; read rows {readRows:N0} in {(validateCpu - readCpu).TotalSeconds:0.00} s; " +
                                  $"{valid:N0} validator runs in {(end - validateCpu).TotalSeconds:0.00} s");
            }

            var principal = new PortalPrincipal("bench", "bench", "bench", new HashSet<string> { PortalRoles.StationStaff }, new HashSet<Guid> { community.Id }, null);

            // Warm-up: a 3,000-row ledger of other people first, so that JIT and EF Core's model
            // and query compilation are not in the figures.
            var warmPath = path + ".warm.xlsx";
            WriteFile(warmPath, community.Code, 3_000, seed: Environment.TickCount, idRegion: "110101");
            await using (var warmFile = File.OpenRead(warmPath))
            {
                var warm = await new LedgerImporter(factory, new RegisterResident.Validator(new PortalCalendar(TimeProvider.System)), new LedgerImportOptions { BatchSize = batch })
                    .ImportAsync(Guid.CreateVersion7(), warmFile, "warm.xlsx", principal, Path.GetTempPath(), null, CancellationToken.None);
                Console.WriteLine($"{"warm-up",-24} {warm.Status}: {warm.Counts.Imported:N0} imported");
            }

            File.Delete(warmPath);
            foreach (var pass in new[] { "import", "re-import (all skipped)" })
            {
                var importer = new LedgerImporter(factory, new RegisterResident.Validator(new PortalCalendar(TimeProvider.System)), new LedgerImportOptions { BatchSize = batch, MaxRows = Math.Max(rows, 100_000) });
                var clock = Stopwatch.StartNew();
                var cpu = Cpu();
                await using var file = File.OpenRead(path);
                var result = await importer.ImportAsync(Guid.CreateVersion7(), file, "bench.xlsx", principal, Path.GetTempPath(), null, CancellationToken.None);
                clock.Stop();
                Console.WriteLine($"{pass,-24} {result.Status}: {result.Counts.Imported:N0} imported, {result.Counts.Skipped:N0} skipped, {result.Counts.Rejected:N0} rejected in {clock.Elapsed.TotalSeconds:0.00} s = {rows / clock.Elapsed.TotalSeconds:N0} rows/s (portal process CPU {(Cpu() - cpu).TotalSeconds:0.00} s)");
                if (result.ErrorReportPath is { } report)
                {
                    File.Delete(report);
                }
            }
        }
        finally
        {
            File.Delete(path);
        }

        return 0;
    }

    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    private static void WriteFile(string path, string communityCode, int rows, int seed = 1, string? idRegion = null)
    {
        var random = new Random(seed);
        var used = new HashSet<string>(rows);
        using var stream = File.Create(path);
        using var book = XlsxWorkbookWriter.Create(stream);
        using var sheet = book.AddSheet(LedgerFiles.LedgerSheet, LedgerFiles.Widths, (rows + 1, 10));
        sheet.WriteRow(["姓名*", "身份证号*", "手机号*", "社区编码", "户口性质", "户籍地址", "现居住地址", "文化程度", "退役军人", "农民工"]);
        string[] hukou = ["本地城镇", "本地农村", "外地城镇", "外地农村"];
        string[] education = ["初中", "高中", "中专/技校/职高", "大专", "本科"];
        for (var i = 0; i < rows; i++)
        {
            string id;
            do
            {
                var birth = new DateOnly(1966, 1, 1).AddDays(random.Next(365 * 40));
                id = DemoIdentifiers.IdNumber(random, idRegion ?? communityCode[..6], birth, (i & 1) == 0 ? Sex.Male : Sex.Female);
            }
            while (!used.Add(id));

            sheet.WriteRow(
            [
                "测试" + (char)('甲' + (i % 10)) + (char)('一' + (i % 9)),
                id,
                "13" + random.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture),
                communityCode,
                hukou[i % 4],
                "江州市测试区测试路" + (i % 500) + "号",
                "江州市测试区测试小区" + (i % 80) + "栋" + (i % 30) + "01室",
                education[i % 5],
                i % 40 == 0 ? "是" : "否",
                i % 25 == 0 ? "农民工" : "否",
            ]);
        }
    }

    private static async Task<Community> AddCommunityAsync(PortalDbContext db)
    {
        // A district of its own per run (codes 3698xx are the generator's, 3699xx are free).
        var n = Random.Shared.Next(100, 999);
        var district = new District($"369{n}", $"基准区{n}");
        var street = new Street(district, $"369{n}001", "基准街道", StreetKind.Street);
        var community = new Community(street, $"369{n}001001", "基准社区", CommunityKind.Community, 28.68, 115.86, "基准社区服务站");
        db.Districts.Add(district);
        db.Streets.Add(street);
        db.Communities.Add(community);
        await db.SaveChangesAsync();
        return community;
    }

    private sealed class Factory(DatabaseProvider provider, string connectionString) : IDbContextFactory<PortalDbContext>
    {
        // The portal's keys as the portal finds them (Keys__* environment variables, Keys:File under
        // the working folder; generated there on first use), so its verify-audit checks these rows too.
        private readonly AuditInterceptor _audit = new(TimeProvider.System, BenchKeys.Ring);

        public PortalDbContext CreateDbContext()
        {
            var builder = new DbContextOptionsBuilder<PortalDbContext>();
            BenchKeys.Configure(builder, provider, connectionString)
                .AddInterceptors(new ConcurrencyVersionInterceptor(), _audit);
            return new PortalDbContext(builder.Options, new BenchActor());
        }
    }

    private sealed class BenchActor : IAuditActor
    {
        public string? UserId => null;

        public string UserName => "bench";
    }
}
