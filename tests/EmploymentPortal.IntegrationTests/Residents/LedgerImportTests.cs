using EmploymentPortal.Web.Infrastructure.Xlsx;
using EmploymentPortal.Data;
using EmploymentPortal.Data.Security;
using EmploymentPortal.Data.Auditing;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Geography;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Web.Features.Residents.Ledger;
using EmploymentPortal.Web.Features.Residents.Register;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.IntegrationTests.Residents;

/// <summary>
/// The ledger import on a database of its own (two communities, A in the worker's scope and B
/// outside it): a 10,000-row file with bad rows imports exactly the good ones and reports each bad
/// one; a second import adds nothing; a failure in the middle leaves no partial batch.
/// </summary>
public abstract class LedgerImportTests : IAsyncLifetime
{
    private const int Rows = 10_000;

    private readonly DatabaseProvider _provider;
    private TestDatabase _database = null!;
    private Community _a = null!;
    private Community _b = null!;
    private string _reports = null!;

    protected LedgerImportTests(DatabaseProvider provider)
    {
        _provider = provider;
    }

    private static readonly (string Kind, string Reason)[] BadKinds =
    [
        ("check digit", "校验码不正确"),
        ("landline", "固定电话"),
        ("impossible date", "不是有效日期"),
        ("unknown education", "不是可选值"),
        ("community outside scope", "不在您的服务范围内"),
        ("duplicate in file", "重复"),
        ("no name", "请输入姓名"),
        ("graduate without college", "大专及以上"),
        ("home not coordinates", "居住地坐标：坐标格式不正确"),
    ];

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(_provider);
        await _database.MigrateAsync();
        await using var db = _database.CreateContext();
        _a = await TestCity.AddCommunityAsync(db);
        _b = await TestCity.AddCommunityAsync(db);
        _reports = Path.Combine(Path.GetTempPath(), "portal-itests", "ledger-" + Guid.NewGuid().ToString("N"));
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        if (Directory.Exists(_reports))
        {
            Directory.Delete(_reports, recursive: true);
        }
    }

    [Fact]
    public async Task Ten_thousand_rows_with_bad_ones_import_exactly_the_good_rows_and_report_each_bad_one()
    {
        var (file, expectedBad) = TenThousandRows();

        var result = await ImportAsync(file);

        Assert.Equal(LedgerImportStatus.Completed, result.Status);
        Assert.Equal(Rows, result.Counts.Total);
        Assert.Equal(Rows, result.Counts.Processed);
        Assert.Equal(expectedBad.Count, result.Counts.Rejected);
        Assert.Equal(Rows - expectedBad.Count, result.Counts.Imported);
        Assert.Equal(0, result.Counts.Skipped);
        await using var db = _database.CreateContext();
        Assert.Equal(Rows - expectedBad.Count, await db.Residents.CountAsync(r => r.CommunityId == _a.Id));
        Assert.Equal(0, await db.Residents.CountAsync(r => r.CommunityId == _b.Id));
        await using var reportStream = File.OpenRead(result.ErrorReportPath!);
        var report = LedgerTestFiles.ReadReport(reportStream);
        Assert.Equal(expectedBad.Keys.Order(), report.Keys.Order());
        Assert.All(expectedBad, bad =>
        {
            Assert.Equal("错误", report[bad.Key].Result);
            Assert.Contains(bad.Value, report[bad.Key].Reason, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Imported_rows_are_real_residents_with_the_values_of_the_file_and_one_audit_entry_per_batch()
    {
        var random = new Random(7);
        var used = new HashSet<string>();
        var rows = Enumerable.Range(0, 2_500).Select(_ => LedgerTestFiles.GoodRow(random, used, _a.Code)).ToList();
        rows[0][7] = "江州大学";
        rows[0][8] = "会计学";
        rows[0][6] = "本科";
        rows[0][9] = "2024-06-30";
        rows[0][10] = "45474"; // an Excel date cell: 2024-07-01
        rows[0][11] = "是";
        rows[0][12] = "28.6820,115.8579";

        var result = await ImportAsync(LedgerTestFiles.Write(rows));

        Assert.Equal(2_500, result.Counts.Imported);
        await using var db = _database.CreateContext();
        var first = await db.Residents.WithIdNumber(db, rows[0][1]!).SingleAsync();
        var id = IdCardNumber.Parse(rows[0][1]);
        Assert.Equal(rows[0][0], first.Name);
        Assert.Equal(id.BirthDate, first.BirthDate);
        Assert.Equal(id.Sex, first.Sex);
        Assert.Equal(rows[0][2], first.Phone);
        Assert.Equal(HukouType.LocalUrban, first.HukouType);
        Assert.Equal(EducationLevel.Bachelor, first.Education);
        Assert.Equal(new DateOnly(2024, 7, 1), first.LeftSchoolOn);
        Assert.True(first.IsVeteran);
        Assert.Equal(MigrantWorkerStatus.None, first.MigrantWorker);
        Assert.Equal(GeoPoint.Create(28.6820, 115.8579), first.Home);
        Assert.Equal(GeoGrid.CellOf(GeoPoint.Create(28.6820, 115.8579)), first.HomeGeoCell);
        // Without coordinates the home is the community's station, as on the registration page.
        var second = await db.Residents.WithIdNumber(db, rows[1][1]!).SingleAsync();
        Assert.Equal(GeoPoint.Create(_a.StationLatitude, _a.StationLongitude), second.Home);
        var audit = await db.AuditEntries.Where(e => e.EntityId.StartsWith("import:" + result.ImportId)).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(3, audit.Count);
        Assert.All(audit, e => Assert.Equal(AuditAction.Insert, e.Action));
        Assert.Contains(first.Id.ToString(), audit[0].Changes, StringComparison.Ordinal);
        Assert.True((await _database.Verifier.VerifyAsync(db)).IsIntact);
    }

    [Fact]
    public async Task Importing_the_same_file_again_adds_nothing_and_reports_the_rows_as_skipped()
    {
        var (file, expectedBad) = TenThousandRows();
        var first = await ImportAsync(file);
        file.Position = 0;

        var second = await ImportAsync(file);

        Assert.Equal(Rows - expectedBad.Count, first.Counts.Imported);
        Assert.Equal(0, second.Counts.Imported);
        Assert.Equal(Rows - expectedBad.Count, second.Counts.Skipped);
        Assert.Equal(expectedBad.Count, second.Counts.Rejected);
        await using var db = _database.CreateContext();
        Assert.Equal(Rows - expectedBad.Count, await db.Residents.CountAsync());
        await using var reportStream = File.OpenRead(second.ErrorReportPath!);
        var report = LedgerTestFiles.ReadReport(reportStream);
        Assert.Equal(Rows, report.Count);
        Assert.Equal(Rows - expectedBad.Count, report.Values.Count(r => r.Result == "跳过"));
    }

    [Fact]
    public async Task A_failure_in_the_fourth_batch_leaves_the_three_committed_batches_and_nothing_of_the_fourth()
    {
        var random = new Random(11);
        var used = new HashSet<string>();
        var rows = Enumerable.Range(0, 5_000).Select(_ => LedgerTestFiles.GoodRow(random, used, _a.Code)).ToList();
        var options = new LedgerImportOptions
        {
            BatchSize = 1_000,
            BeforeCommit = (batch, _) => batch == 4 ? throw new LedgerBatchFailedException("injected fault") : Task.CompletedTask,
        };
        var file = LedgerTestFiles.Write(rows);

        var failed = await ImportAsync(file, options);

        Assert.Equal(LedgerImportStatus.Failed, failed.Status);
        Assert.Equal(3_000, failed.Counts.Imported);
        await using (var db = _database.CreateContext())
        {
            Assert.Equal(3_000, await db.Residents.CountAsync());
            var fourth = rows.Skip(3_000).Take(1_000).Select(r => r[1]!).ToList();
            Assert.Equal(0, await db.Residents.WithIdNumbers(db, fourth).CountAsync());
            Assert.Equal(3, await db.AuditEntries.CountAsync(e => e.EntityId.StartsWith("import:" + failed.ImportId)));
            Assert.True((await _database.Verifier.VerifyAsync(db)).IsIntact);
        }

        file.Position = 0;
        var retried = await ImportAsync(file);

        Assert.Equal(2_000, retried.Counts.Imported);
        Assert.Equal(3_000, retried.Counts.Skipped);
        await using var check = _database.CreateContext();
        Assert.Equal(5_000, await check.Residents.CountAsync());
    }

    [Fact]
    public async Task Cancelling_in_the_middle_keeps_whole_batches_only()
    {
        var random = new Random(13);
        var used = new HashSet<string>();
        var rows = Enumerable.Range(0, 3_000).Select(_ => LedgerTestFiles.GoodRow(random, used, _a.Code)).ToList();
        using var cancel = new CancellationTokenSource();
        var options = new LedgerImportOptions
        {
            BatchSize = 1_000,
            BeforeCommit = (batch, token) =>
            {
                if (batch == 2)
                {
                    cancel.Cancel();
                    token.ThrowIfCancellationRequested();
                }

                return Task.CompletedTask;
            },
        };

        var result = await ImportAsync(LedgerTestFiles.Write(rows), options, cancel.Token);

        Assert.Equal(LedgerImportStatus.Canceled, result.Status);
        await using var db = _database.CreateContext();
        Assert.Equal(1_000, await db.Residents.CountAsync());
    }

    [Fact]
    public async Task A_worker_cannot_import_into_a_community_outside_the_scope_nor_over_a_record_held_there()
    {
        var random = new Random(17);
        var used = new HashSet<string>();
        var held = LedgerTestFiles.GoodRow(random, used, _b.Code);
        await using (var db = _database.CreateContext())
        {
            db.Residents.Add(new Resident("外社区居民", IdCardNumber.Parse(held[1]), PhoneNumber.Parse(held[2]), _b.Id));
            await db.SaveChangesAsync();
        }

        var intoB = LedgerTestFiles.GoodRow(random, used, _b.Code);
        var sameAsHeld = (string?[])held.Clone();
        sameAsHeld[3] = _a.Code;

        var result = await ImportAsync(LedgerTestFiles.Write([intoB, sameAsHeld]));

        Assert.Equal(0, result.Counts.Imported);
        Assert.Equal(2, result.Counts.Rejected);
        await using var reportStream = File.OpenRead(result.ErrorReportPath!);
        var report = LedgerTestFiles.ReadReport(reportStream);
        Assert.Contains("不在您的服务范围内", report[2].Reason, StringComparison.Ordinal);
        Assert.Contains("已在“测试社区”登记", report[3].Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("外社区居民", report[3].Reason, StringComparison.Ordinal);
        await using var check = _database.CreateContext();
        Assert.Equal(1, await check.Residents.CountAsync());
    }

    [Fact]
    public async Task A_file_without_the_required_headers_is_refused_as_a_whole()
    {
        var stream = new MemoryStream();
        using (var book = XlsxWorkbookWriter.Create(stream))
        using (var sheet = book.AddSheet("Sheet1", []))
        {
            sheet.WriteRow(["姓名", "电话"]);
            sheet.WriteRow(["张三", "13812345678"]);
        }

        stream.Position = 0;
        var result = await ImportAsync(stream);

        Assert.Equal(LedgerImportStatus.FileRejected, result.Status);
        Assert.Contains("身份证号", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_counts_only_the_data_rows_and_ends_at_every_row_done()
    {
        var (file, dataRows, _) = TemplateFilledByHand();
        var reports = new List<LedgerImportProgress>();

        var result = await ImportAsync(file, progress: new Collect(reports));

        Assert.Equal(LedgerImportStatus.Completed, result.Status);
        Assert.Equal(dataRows, result.Counts.Processed);
        Assert.Equal(dataRows, result.Counts.Total);
        Assert.Equal(dataRows, result.Counts.Done);
        Assert.Equal(100, result.Counts.Percent);
        Assert.NotEmpty(reports);
        Assert.All(reports, r => Assert.InRange(r.Processed, 0, r.Total));
        Assert.All(reports, r => Assert.InRange(r.Done, 0, r.Processed));
        Assert.All(reports[..^1], r => Assert.InRange(r.Percent, 0, 99));
        Assert.Equal(result.Counts, reports[^1]);
    }

    [Fact]
    public async Task The_rejected_rows_are_listed_by_row_number_in_chinese_and_only_a_file_without_them_is_clean()
    {
        var (file, _, badRows) = TemplateFilledByHand();

        var withErrors = await ImportAsync(file);

        Assert.False(withErrors.Clean);
        Assert.Equal(3, withErrors.Counts.Rejected);
        Assert.Equal(badRows, withErrors.Errors.Select(e => e.RowNumber));
        Assert.All(withErrors.Errors, e => Assert.Contains("手机号：", e.Reason, StringComparison.Ordinal));
        Assert.All(withErrors.Errors, e => Assert.Contains("固定电话", e.Reason, StringComparison.Ordinal));

        var random = new Random(23);
        var used = new HashSet<string>();
        var clean = await ImportAsync(LedgerTestFiles.Write(Enumerable.Range(0, 5).Select(_ => LedgerTestFiles.GoodRow(random, used, _a.Code))));
        file.Position = 0;
        var again = await ImportAsync(file);

        Assert.True(clean.Clean);
        Assert.Empty(clean.Errors);
        Assert.Equal(5, clean.Counts.Imported);
        Assert.Equal(20, again.Counts.Skipped);
        Assert.False(again.Clean);
    }

    [Fact]
    public async Task Only_the_first_rejected_rows_are_listed_and_the_report_keeps_every_one()
    {
        var random = new Random(29);
        var used = new HashSet<string>();
        var rows = Enumerable.Range(0, LedgerImporter.ErrorsListed + 50).Select(_ =>
        {
            var row = LedgerTestFiles.GoodRow(random, used, _a.Code);
            row[0] = null;
            return row;
        });

        var result = await ImportAsync(LedgerTestFiles.Write(rows));

        Assert.Equal(LedgerImporter.ErrorsListed + 50, result.Counts.Rejected);
        Assert.Equal(Enumerable.Range(2, LedgerImporter.ErrorsListed), result.Errors.Select(e => e.RowNumber));
        Assert.All(result.Errors, e => Assert.Contains("请输入姓名", e.Reason, StringComparison.Ordinal));
        await using var reportStream = File.OpenRead(result.ErrorReportPath!);
        Assert.Equal(LedgerImporter.ErrorsListed + 50, LedgerTestFiles.ReadReport(reportStream).Count);
    }

    /// <summary>
    /// A template filled in as a worker does: the example row kept, blank rows between the people,
    /// and the sheet's dimension reaching row 200 (Excel writes the formatted range), so the cheap
    /// row count overstates the data rows. 20 good rows and 3 bad ones; returns the bad rows' numbers.
    /// </summary>
    private (MemoryStream File, int DataRows, int[] BadRows) TemplateFilledByHand()
    {
        var random = new Random(19);
        var used = new HashSet<string>();
        var stream = new MemoryStream();
        var bad = new List<int>();
        var rowNumber = 1;
        using (var book = XlsxWorkbookWriter.Create(stream))
        using (var sheet = book.AddSheet("居民台账", [], (200, LedgerTestFiles.Headers.Length)))
        {
            sheet.WriteRow(LedgerTestFiles.Headers);
            var example = LedgerTestFiles.GoodRow(random, used, _a.Code);
            example[0] = LedgerFiles.ExampleMarker + "张三";
            sheet.WriteRow(example);
            rowNumber++;
            for (var i = 0; i < 23; i++)
            {
                if (i % 8 == 4)
                {
                    sheet.WriteRow(new string?[LedgerTestFiles.Headers.Length]);
                    rowNumber++;
                }

                var row = LedgerTestFiles.GoodRow(random, used, _a.Code);
                if (i is 3 or 11 or 19)
                {
                    row[2] = "0791-86123456";
                    bad.Add(rowNumber + 1);
                }

                sheet.WriteRow(row);
                rowNumber++;
            }
        }

        stream.Position = 0;
        return (stream, 23, [.. bad]);
    }

    private sealed class Collect(List<LedgerImportProgress> reports) : IProgress<LedgerImportProgress>
    {
        public void Report(LedgerImportProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }

    /// <summary>10,000 rows for community A; every 50th row (from the 8th) is bad in one of eight ways. Returns row number → expected reason.</summary>
    private (MemoryStream File, Dictionary<int, string> Bad) TenThousandRows()
    {
        var random = new Random(3);
        var used = new HashSet<string>();
        var rows = new List<string?[]>();
        var bad = new Dictionary<int, string>();
        for (var i = 0; i < Rows; i++)
        {
            var row = LedgerTestFiles.GoodRow(random, used, _a.Code);
            if (i % 50 == 7)
            {
                var (kind, reason) = BadKinds[(i / 50) % BadKinds.Length];
                switch (kind)
                {
                    case "check digit":
                        row[1] = row[1]![..17] + (row[1]![17] == '1' ? '2' : '1');
                        break;
                    case "landline":
                        row[2] = "0791-86123456";
                        break;
                    case "impossible date":
                        row[6] = "本科";
                        row[7] = "江州大学";
                        row[8] = "法学";
                        row[9] = "2023-02-30";
                        row[10] = "2023-07-01";
                        break;
                    case "unknown education":
                        row[6] = "大学";
                        break;
                    case "community outside scope":
                        row[3] = _b.Code;
                        break;
                    case "duplicate in file":
                        row[1] = rows[^1][1];
                        break;
                    case "no name":
                        row[0] = null;
                        break;
                    case "home not coordinates":
                        row[12] = "东湖区示例路1号";
                        break;
                    default:
                        row[6] = "高中";
                        row[7] = "江州大学";
                        row[8] = "法学";
                        row[9] = "2023-06-30";
                        row[10] = "2023-07-01";
                        break;
                }

                bad[i + 2] = reason;
            }

            rows.Add(row);
        }

        return (LedgerTestFiles.Write(rows), bad);
    }

    private async Task<LedgerImportResult> ImportAsync(Stream file, LedgerImportOptions? options = null, CancellationToken cancellationToken = default, IProgress<LedgerImportProgress>? progress = null)
    {
        var principal = LedgerTestFiles.StationWorker(_a.Id);
        var importer = new LedgerImporter(
            new TestContextFactory(_database, new TestActor(null, principal.UserName)),
            new RegisterResident.Validator(new PortalCalendar(TimeProvider.System)),
            options ?? new LedgerImportOptions { BatchSize = 1_000 });
        return await importer.ImportAsync(Guid.CreateVersion7(), file, "台账.xlsx", principal, _reports, progress, cancellationToken);
    }
}

public sealed class SqliteLedgerImportTests : LedgerImportTests
{
    public SqliteLedgerImportTests()
        : base(DatabaseProvider.Sqlite)
    {
    }
}

public sealed class PostgresLedgerImportTests : LedgerImportTests
{
    public PostgresLedgerImportTests()
        : base(DatabaseProvider.Postgres)
    {
    }
}
