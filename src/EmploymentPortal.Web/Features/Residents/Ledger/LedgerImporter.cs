using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using EmploymentPortal.Data;
using EmploymentPortal.Data.Security;
using EmploymentPortal.Data.Auditing;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Features.Residents.Register;
using EmploymentPortal.Web.Infrastructure.Xlsx;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Residents.Ledger;

/// <summary>Tuning and test hooks of the import.</summary>
public sealed class LedgerImportOptions
{
    /// <summary>
    /// Rows written per transaction. 5,000 rather than 1,000: each batch pays a fixed cost (the
    /// existence check, the staging table, the audit entry, the commit), and on this machine the
    /// larger batch took the PostgreSQL import from about 10,000 to 15,500 rows/s (docs/benchmarks.md).
    /// </summary>
    public int BatchSize { get; init; } = 5_000;

    /// <summary>The most data rows a file may hold.</summary>
    public int MaxRows { get; init; } = 100_000;

    /// <summary>
    /// Called after a batch has been written and audited, before its transaction commits (batch
    /// number from 1). Tests throw here to prove that a failed batch leaves nothing behind.
    /// </summary>
    public Func<int, CancellationToken, Task>? BeforeCommit { get; init; }
}

public enum LedgerImportStatus
{
    Running,
    Completed,

    /// <summary>The file could not be read (not xlsx, headers missing, too many rows): nothing was imported.</summary>
    FileRejected,

    /// <summary>Stopped by the user: the batches committed before stay, the current one was rolled back.</summary>
    Canceled,

    /// <summary>A batch failed to write: the batches before stay, the failed one was rolled back.</summary>
    Failed,
}

/// <summary>
/// Where an import stands. <see cref="Total"/> is the number of data rows: first the sheet's own
/// count (its dimension, which may include blank, example and formatted-but-empty rows), less the
/// blank and example rows passed so far, never below <see cref="Processed"/>; once the file is read
/// to its end, exactly the data rows. <see cref="Processed"/> rows have been read and validated,
/// <see cref="Done"/> of them have their fate known (imported, skipped or rejected).
/// </summary>
public sealed record LedgerImportProgress(int Total, int Processed, int Imported, int Skipped, int Rejected)
{
    /// <summary>Rows whose outcome is known: written (imported), skipped as already registered, or rejected.</summary>
    public int Done => Imported + Skipped + Rejected;

    /// <summary>Whole percent of the data rows done (0 to 100); 100 only when every row is done.</summary>
    public int Percent => Total <= 0 ? 0 : (int)Math.Min(100, (long)Done * 100 / Total);
}

/// <summary>A row of the file the import refused, with the reasons in Chinese (as in the error report).</summary>
public sealed record LedgerRowError(int RowNumber, string Reason);

/// <summary>The outcome of an import; <c>ErrorReportPath</c> is an xlsx listing every rejected or skipped row, or null when there is none.</summary>
public sealed record LedgerImportResult(Guid ImportId, LedgerImportStatus Status, LedgerImportProgress Counts, string Message, string? ErrorReportPath)
{
    /// <summary>The first <see cref="LedgerImporter.ErrorsListed"/> rejected rows by row number, for the page; the report has all of them.</summary>
    public IReadOnlyList<LedgerRowError> Errors { get; init; } = [];

    /// <summary>Every row imported or skipped as already registered: completed without a rejected row (the page shows it green only then).</summary>
    public bool Clean => Status == LedgerImportStatus.Completed && Counts.Rejected == 0;
}

/// <summary>
/// Imports a resident ledger (居民台账) xlsx for a station worker: every row is validated with the
/// same rules as a registration on the page (<see cref="RegisterResident.Validator"/>, the
/// <see cref="IdCardNumber"/> and <see cref="PhoneNumber"/> value objects, the
/// <see cref="Resident"/> constructor), the community must be in the worker's scope, an ID
/// number may occur once per file and once per city. Valid rows are written in batches, one
/// transaction each, with one audit entry per batch.
/// <para>
/// Idempotent by ID number: a resident already registered in one of the worker's communities is
/// <b>skipped</b> and listed in the report as “已登记，跳过” (the record is not changed); one
/// registered in a community outside the worker's scope is <b>rejected</b>, with the same
/// message as the registration page (only the holding community's name).
/// </para>
/// </summary>
public sealed class LedgerImporter
{
    /// <summary>How many rejected rows the result lists for the page (the error report lists every one).</summary>
    public const int ErrorsListed = 100;

    private readonly IDbContextFactory<PortalDbContext> _dbFactory;
    private readonly IValidator<RegisterResident.Command> _validator;
    private readonly LedgerImportOptions _options;

    public LedgerImporter(IDbContextFactory<PortalDbContext> dbFactory, IValidator<RegisterResident.Command> validator, LedgerImportOptions options)
    {
        _dbFactory = dbFactory;
        _validator = validator;
        _options = options;
    }

    /// <summary>
    /// Imports <paramref name="xlsx"/> (a seekable stream of the uploaded file) for <paramref name="principal"/>,
    /// writing the error report, if any, to <paramref name="reportDirectory"/>.
    /// </summary>
    public async Task<LedgerImportResult> ImportAsync(
        Guid importId,
        Stream xlsx,
        string fileName,
        PortalPrincipal principal,
        string reportDirectory,
        IProgress<LedgerImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        var empty = new LedgerImportProgress(0, 0, 0, 0, 0);
        if (!principal.IsStationStaff || principal.CommunityIds.Count == 0)
        {
            return new(importId, LedgerImportStatus.FileRejected, empty, "只有社区服务站工作人员可以导入台账。", null);
        }

        XlsxSheetReader reader;
        try
        {
            reader = XlsxSheetReader.Open(xlsx);
        }
        catch (InvalidDataException e)
        {
            return new(importId, LedgerImportStatus.FileRejected, empty, e.Message, null);
        }

        using (reader)
        {
            var total = reader.CountRows() - 1;
            if (total > _options.MaxRows)
            {
                return new(importId, LedgerImportStatus.FileRejected, empty, $"文件有{total:N0}行数据，超过单次导入上限{_options.MaxRows:N0}行，请拆分后分别上传。", null);
            }

            var communities = await LoadCommunitiesAsync(principal, cancellationToken);
            var run = new Run(this, importId, fileName, principal, communities, Math.Max(total, 0), reportDirectory, progress);
            try
            {
                return await run.ExecuteAsync(reader, cancellationToken);
            }
            finally
            {
                run.Dispose();
            }
        }
    }

    private async Task<ScopeCommunities> LoadCommunitiesAsync(PortalPrincipal principal, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = principal.CommunityIds.ToList();
        var rows = await db.Communities.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Code, c.Name, c.StationLatitude, c.StationLongitude }).ToListAsync(cancellationToken);
        return new ScopeCommunities(
            rows.ToDictionary(c => c.Code, c => c.Id, StringComparer.Ordinal),
            rows.GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count() == 1 ? g.First().Id : Guid.Empty, StringComparer.Ordinal),
            rows.ToDictionary(c => c.Id, c => c.Name),
            rows.ToDictionary(c => c.Id, c => GeoPoint.Create(c.StationLatitude, c.StationLongitude)));
    }

    /// <summary>The worker's communities: by code, by name (empty id when two share it), their names and their stations (the home of a row without one).</summary>
    private sealed record ScopeCommunities(Dictionary<string, Guid> ByCode, Dictionary<string, Guid> ByName, Dictionary<Guid, string> Names, Dictionary<Guid, GeoPoint> Stations);

    private sealed record Candidate(int RowNumber, Resident Resident, string RawName);

    /// <summary>One import's state: counters, the in-file duplicate index, the pending batch and the report.</summary>
    private sealed class Run : IDisposable
    {
        private readonly LedgerImporter _owner;
        private readonly Guid _importId;
        private readonly string _fileName;
        private readonly PortalPrincipal _principal;
        private readonly ScopeCommunities _communities;
        private readonly string _reportDirectory;
        private readonly IProgress<LedgerImportProgress>? _progress;
        private readonly Dictionary<string, int> _seenIdNumbers = new(StringComparer.Ordinal);
        private readonly object _gate = new();
        private List<Candidate> _batch = [];
        private FileStream? _reportStream;
        private XlsxWorkbookWriter? _reportBook;
        private XlsxSheetWriter? _report;
        private string? _reportPath;
        private int _processed;
        private int _imported;
        private int _skipped;
        private int _rejected;
        private int _batchNumber;
        private int _total;
        private int _passedOver;
        private readonly List<LedgerRowError> _errors = [];

        public Run(LedgerImporter owner, Guid importId, string fileName, PortalPrincipal principal, ScopeCommunities communities, int total, string reportDirectory, IProgress<LedgerImportProgress>? progress)
        {
            _owner = owner;
            _importId = importId;
            _fileName = fileName;
            _principal = principal;
            _communities = communities;
            _total = total;
            _reportDirectory = reportDirectory;
            _progress = progress;
        }

        private LedgerImportProgress Counts
        {
            get
            {
                lock (_gate)
                {
                    return new(Math.Max(_total - _passedOver, _processed), _processed, _imported, _skipped, _rejected);
                }
            }
        }

        /// <summary>
        /// Reads and validates on this task while a second task writes the previous batches:
        /// on two cores the parsing overlaps the database's work. The channel holds at most two
        /// batches, so memory stays flat however long the file.
        /// </summary>
        public async Task<LedgerImportResult> ExecuteAsync(XlsxSheetReader reader, CancellationToken cancellationToken)
        {
            Dictionary<int, LedgerColumn>? columns = null;
            var nameIndex = -1;
            var lastReport = 0;
            _progress?.Report(Counts);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var batches = Channel.CreateBounded<List<Candidate>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
            var writer = Task.Run(() => WriteBatchesAsync(batches.Reader, stop), CancellationToken.None);

            // A third task reads the sheet ahead, in chunks, so that parsing the xml and
            // validating the rows run side by side too.
            var chunks = Channel.CreateBounded<List<(int RowNumber, string?[] Cells)>>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
            var readAhead = Task.Run(() => ReadAheadAsync(reader, chunks.Writer, stop.Token), CancellationToken.None);
            try
            {
                await foreach (var chunk in chunks.Reader.ReadAllAsync(stop.Token))
                foreach (var (rowNumber, cells) in chunk)
                {
                    if (columns is null)
                    {
                        columns = MapHeader(cells, out var missing);
                        if (missing.Count > 0)
                        {
                            batches.Writer.Complete();
                            await writer;
                            await StopReadingAsync(stop, readAhead);
                            return new(_importId, LedgerImportStatus.FileRejected, Counts,
                                $"第1行缺少必填列：{string.Join("、", missing)}。请使用台账模板，不要修改表头。", null);
                        }

                        nameIndex = columns.First(c => c.Value.Field == nameof(RegisterResident.Command.Name)).Key;
                        continue;
                    }

                    stop.Token.ThrowIfCancellationRequested();
                    if (cells.All(string.IsNullOrWhiteSpace)
                        || (nameIndex < cells.Length && cells[nameIndex]?.TrimStart().StartsWith(LedgerFiles.ExampleMarker, StringComparison.Ordinal) == true))
                    {
                        // Counted in the sheet's size but not a data row: out of the total.
                        lock (_gate)
                        {
                            _passedOver++;
                        }

                        continue;
                    }

                    lock (_gate)
                    {
                        _processed++;
                    }

                    // The count came from the sheet's dimension, which a hand-made file may understate.
                    if (_processed > _owner._options.MaxRows)
                    {
                        throw new LedgerBatchFailedException($"文件超过单次导入上限{_owner._options.MaxRows:N0}行。");
                    }

                    ValidateRow(rowNumber, cells, columns);
                    if (_batch.Count >= _owner._options.BatchSize)
                    {
                        await batches.Writer.WriteAsync(_batch, stop.Token);
                        _batch = [];
                    }

                    if (_processed - lastReport >= 250)
                    {
                        lastReport = _processed;
                        _progress?.Report(Counts);
                    }
                }

                if (_batch.Count > 0)
                {
                    await batches.Writer.WriteAsync(_batch, stop.Token);
                    _batch = [];
                }

                batches.Writer.Complete();
                await writer;
                if (columns is null)
                {
                    return new(_importId, LedgerImportStatus.FileRejected, Counts, "文件是空的：第1行应为台账表头。", null);
                }

                // Read to the end: the data rows are known exactly (the sheet's size may have
                // counted formatted rows that hold nothing).
                lock (_gate)
                {
                    _total = _processed;
                    _passedOver = 0;
                }

                var counts = Counts;
                _progress?.Report(counts);
                var message = $"共{counts.Processed:N0}行：导入{counts.Imported:N0}行，已登记跳过{counts.Skipped:N0}行，错误{counts.Rejected:N0}行。";
                return new(_importId, LedgerImportStatus.Completed, counts, message, CloseReport()) { Errors = ListedErrors() };
            }
            catch (Exception e)
            {
                batches.Writer.TryComplete();
                await stop.CancelAsync();
                await StopReadingAsync(stop, readAhead);
                var failure = e;
                try
                {
                    await writer;
                }
                catch (Exception writeError) when (writeError is not OperationCanceledException)
                {
                    failure = writeError;
                }
                catch (OperationCanceledException)
                {
                }

                var counts = Counts;
                _progress?.Report(counts);
                if (cancellationToken.IsCancellationRequested)
                {
                    return new(_importId, LedgerImportStatus.Canceled, counts,
                        $"导入已取消：已导入{counts.Imported:N0}行（已提交的批次保留），未提交的批次未写入。重新上传同一文件时已导入的行会被跳过。", CloseReport()) { Errors = ListedErrors() };
                }

                if (failure is not (DbException or InvalidOperationException or LedgerBatchFailedException or IOException or OperationCanceledException))
                {
                    // A bug, not a database or file problem: the job logs it; committed batches stay.
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
                }

                return new(_importId, LedgerImportStatus.Failed, counts,
                    $"第{_batchNumber}批写入失败，该批次未写入；此前已导入{counts.Imported:N0}行。请稍后重新上传同一文件，已导入的行会被跳过。", CloseReport()) { Errors = ListedErrors() };
            }
        }

        private static async Task ReadAheadAsync(XlsxSheetReader reader, ChannelWriter<List<(int RowNumber, string?[] Cells)>> chunks, CancellationToken cancellationToken)
        {
            try
            {
                var chunk = new List<(int, string?[])>(512);
                foreach (var row in reader.ReadRows())
                {
                    chunk.Add(row);
                    if (chunk.Count == 512)
                    {
                        await chunks.WriteAsync(chunk, cancellationToken);
                        chunk = new List<(int, string?[])>(512);
                    }
                }

                if (chunk.Count > 0)
                {
                    await chunks.WriteAsync(chunk, cancellationToken);
                }

                chunks.Complete();
            }
            catch (Exception e)
            {
                chunks.TryComplete(e);
            }
        }

        /// <summary>Stops the read-ahead task and waits for it: the sheet reader is disposed after the import returns.</summary>
        private static async Task StopReadingAsync(CancellationTokenSource stop, Task readAhead)
        {
            await stop.CancelAsync();
            await readAhead;
        }

        private async Task WriteBatchesAsync(ChannelReader<List<Candidate>> batches, CancellationTokenSource stop)
        {
            try
            {
                await foreach (var batch in batches.ReadAllAsync(stop.Token))
                {
                    await FlushAsync(batch, stop.Token);
                }
            }
            catch
            {
                // Stop the reader too: nothing after a failed batch is written.
                await stop.CancelAsync();
                throw;
            }
        }

        public void Dispose()
        {
            CloseReport();
        }

        private static Dictionary<int, LedgerColumn> MapHeader(string?[] cells, out List<string> missing)
        {
            var map = new Dictionary<int, LedgerColumn>();
            for (var i = 0; i < cells.Length; i++)
            {
                var header = cells[i]?.Trim().TrimEnd('*', '＊');
                if (header is not null && LedgerColumns.All.FirstOrDefault(c => c.Header == header) is { } column)
                {
                    map[i] = column;
                }
            }

            missing = LedgerColumns.All.Where(c => c.Required && !map.ContainsValue(c)).Select(c => c.Header).ToList();
            if (!map.Values.Any(c => c.Field == LedgerDraft.CommunityField))
            {
                missing.Add("社区编码或社区名称");
            }

            return map;
        }

        private void ValidateRow(int rowNumber, string?[] cells, Dictionary<int, LedgerColumn> columns)
        {
            var draft = new LedgerDraft();
            var errors = new List<string>();
            foreach (var (index, column) in columns)
            {
                var text = index < cells.Length ? cells[index] : null;
                column.Parse(draft, string.IsNullOrWhiteSpace(text) ? null : text.Trim(), errors);
            }

            var communityError = ResolveCommunity(draft);
            if (communityError is not null)
            {
                errors.Add(communityError);
            }

            var validation = _owner._validator.Validate(draft.Command);
            foreach (var failure in validation.Errors)
            {
                if (failure.PropertyName == nameof(RegisterResident.Command.CommunityId) && communityError is not null)
                {
                    continue;
                }

                errors.Add($"{LedgerColumns.HeaderOf(failure.PropertyName)}：{failure.ErrorMessage}");
            }

            if (errors.Count == 0)
            {
                var idNumber = IdCardNumber.Parse(draft.Command.IdNumber);
                if (_seenIdNumbers.TryGetValue(idNumber.Value, out var firstRow))
                {
                    errors.Add($"身份证号：与第{firstRow}行重复，同一人只能登记一次。");
                }
                else
                {
                    _seenIdNumbers[idNumber.Value] = rowNumber;

                    // The validator has checked everything the resident's rules check of the input
                    // (ADR 007), as for a registration on the page.
                    var resident = new Resident(draft.Command.Name.Trim(), idNumber, PhoneNumber.Parse(draft.Command.Phone), draft.Command.CommunityId, RegisterResident.Handler.ToProfile(draft.Command));
                    // As on the registration page: the home given, or the community's station.
                    resident.SetHome(string.IsNullOrWhiteSpace(draft.Command.HomeLocation)
                        ? _communities.Stations[draft.Command.CommunityId]
                        : GeoPoint.Parse(draft.Command.HomeLocation));
                    _batch.Add(new Candidate(rowNumber, resident, draft.Command.Name));
                    return;
                }
            }

            WriteReport(rowNumber, "错误", string.Join("；", errors), draft.Command.Name, draft.Command.IdNumber);
        }

        private string? ResolveCommunity(LedgerDraft draft)
        {
            if (draft.CommunityCode is { } code)
            {
                if (_communities.ByCode.TryGetValue(code, out var id))
                {
                    draft.Command.CommunityId = id;
                    return null;
                }

                return $"社区：编码“{code}”的社区不存在，或不在您的服务范围内。";
            }

            if (draft.CommunityName is { } name)
            {
                if (_communities.ByName.TryGetValue(name, out var id))
                {
                    if (id == Guid.Empty)
                    {
                        return $"社区：您的服务范围内有多个名为“{name}”的社区，请填写社区编码。";
                    }

                    draft.Command.CommunityId = id;
                    return null;
                }

                return $"社区：“{name}”不存在，或不在您的服务范围内。";
            }

            return "社区：请填写常住社区的编码或名称。";
        }

        private async Task FlushAsync(List<Candidate> batch, CancellationToken cancellationToken)
        {
            _batchNumber++;
            await using var db = await _owner._dbFactory.CreateDbContextAsync(cancellationToken);
            var strategy = db.Database.CreateExecutionStrategy();
            var outcome = await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var ids = batch.Select(c => c.Resident.IdNumber).ToList();
                var existing = await (from r in db.Residents.AsNoTracking().WithIdNumbers(db, ids)
                                      join c in db.Communities on r.CommunityId equals c.Id
                                      select new { r.IdNumber, r.CommunityId, Community = c.Name })
                    .ToDictionaryAsync(r => r.IdNumber, StringComparer.Ordinal, cancellationToken);
                var fresh = batch.Where(c => !existing.ContainsKey(c.Resident.IdNumber)).ToList();
                var inserted = fresh.Count == 0 ? [] : await ResidentBatchWriter.InsertAsync(db, fresh.Select(c => c.Resident).ToList(), cancellationToken);

                if (inserted.Count > 0)
                {
                    db.RecordChange(nameof(Resident), $"import:{_importId}:{_batchNumber}", AuditAction.Insert, AuditChanges(batch, inserted));
                    await db.SaveChangesAsync(cancellationToken);
                }

                if (_owner._options.BeforeCommit is { } hook)
                {
                    await hook(_batchNumber, cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                return (existing.ToDictionary(e => e.Key, e => (e.Value.CommunityId, e.Value.Community), StringComparer.Ordinal), inserted);
            });

            foreach (var candidate in batch)
            {
                var resident = candidate.Resident;
                if (outcome.inserted.Contains(resident.Id))
                {
                    lock (_gate)
                    {
                        _imported++;
                    }
                }
                else if (outcome.Item1.TryGetValue(resident.IdNumber, out var holder) && !_principal.CommunityIds.Contains(holder.CommunityId))
                {
                    WriteReport(candidate.RowNumber, "错误", $"身份证号：该身份证号码已在“{holder.Community}”登记，不能重复登记；如本人已迁入本社区，请联系该社区服务站办理转移。", candidate.RawName, resident.IdNumber);
                }
                else
                {
                    // Registered in the worker's own scope (an earlier upload of the same file), or
                    // by a concurrent registration between the check and the insert.
                    var where = outcome.Item1.TryGetValue(resident.IdNumber, out var own) ? $"已在“{own.Community}”登记" : "已登记";
                    WriteReport(candidate.RowNumber, "跳过", $"{where}，未重复导入，原记录未修改。", candidate.RawName, resident.IdNumber);
                }
            }
        }

        private string AuditChanges(List<Candidate> batch, HashSet<Guid> inserted)
        {
            var first = batch[0].RowNumber;
            var last = batch[^1].RowNumber;
            var ids = new JsonArray();
            foreach (var candidate in batch)
            {
                if (inserted.Contains(candidate.Resident.Id))
                {
                    ids.Add(candidate.Resident.Id.ToString());
                }
            }

            return new JsonObject
            {
                ["import"] = _importId.ToString(),
                ["file"] = _fileName,
                ["batch"] = _batchNumber,
                ["rows"] = $"{first}-{last}",
                ["inserted"] = inserted.Count,
                ["residentIds"] = ids,
            }.ToJsonString();
        }

        /// <summary>Counts the row as rejected (错误) or skipped (跳过) and lists it in the report.</summary>
        private void WriteReport(int rowNumber, string result, string reason, string? name, string? idNumber)
        {
            lock (_gate)
            {
                if (result == "跳过")
                {
                    _skipped++;
                }
                else
                {
                    _rejected++;

                    // Enough to list the first rows by number (a batch's refusals arrive after later
                    // rows' own), without holding every reason of a file full of errors.
                    if (_errors.Count < ErrorsListed * 10)
                    {
                        _errors.Add(new LedgerRowError(rowNumber, reason));
                    }
                }

                WriteReportRow(rowNumber, result, reason, name, idNumber);
            }
        }

        private void WriteReportRow(int rowNumber, string result, string reason, string? name, string? idNumber)
        {
            if (_report is null)
            {
                Directory.CreateDirectory(_reportDirectory);
                _reportPath = Path.Combine(_reportDirectory, $"{_importId:N}.xlsx");
                _reportStream = PrivateWorkFolder.CreateFile(_reportPath);
                _reportBook = XlsxWorkbookWriter.Create(_reportStream);
                _report = _reportBook.AddSheet("导入结果", [8, 8, 90, 14, 22]);
                _report.WriteRow(["行号", "处理结果", "原因", "姓名", "身份证号"], XlsxWorkbookWriter.HeaderStyle);
            }

            // A valid number is masked (the uploader has the file); an invalid one is shown as typed, to be corrected.
            var shown = IdCardNumber.TryParse(idNumber, out var parsed, out _) ? parsed.Masked : idNumber;
            _report.WriteRow([rowNumber.ToString(CultureInfo.InvariantCulture), result, reason, name, shown]);
        }

        /// <summary>The first <see cref="ErrorsListed"/> rejected rows in the file's order (a batch's refusals come after later rows' own).</summary>
        private List<LedgerRowError> ListedErrors()
        {
            lock (_gate)
            {
                return [.. _errors.OrderBy(e => e.RowNumber).Take(ErrorsListed)];
            }
        }

        private string? CloseReport()
        {
            lock (_gate)
            {
                return CloseReportUnlocked();
            }
        }

        private string? CloseReportUnlocked()
        {
            if (_report is null)
            {
                return _reportPath;
            }

            _report.Dispose();
            _report = null;
            _reportBook!.Dispose();
            _reportStream!.Dispose();
            return _reportPath;
        }
    }
}

/// <summary>Thrown by a fault injected into a batch (tests) or by a batch that cannot be written.</summary>
public sealed class LedgerBatchFailedException(string message) : Exception(message);
