using System.Collections.Concurrent;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Security;

namespace EmploymentPortal.Web.Features.Residents.Ledger;

/// <summary>
/// One ledger upload being imported in the background. The page polls <see cref="Progress"/>;
/// the job belongs to the server, not to the circuit, so a reconnect or a reload of the page finds
/// it again (<see cref="LedgerImportJobs.LatestFor"/>).
/// </summary>
public sealed class LedgerImportJob
{
    private readonly CancellationTokenSource _cancel = new();
    private LedgerImportProgress _progress = new(0, 0, 0, 0, 0);

    internal LedgerImportJob(Guid id, string ownerId, string fileName, DateTimeOffset startedAt)
    {
        Id = id;
        OwnerId = ownerId;
        FileName = fileName;
        StartedAt = startedAt;
    }

    public Guid Id { get; }

    public string OwnerId { get; }

    public string FileName { get; }

    public DateTimeOffset StartedAt { get; }

    public LedgerImportProgress Progress => Volatile.Read(ref _progress);

    /// <summary>Null while running.</summary>
    public LedgerImportResult? Result { get; private set; }

    public Task<LedgerImportResult> Completion { get; internal set; } = null!;

    public bool IsRunning => Result is null;

    /// <summary>The link the page and the API give for the error report, when there is one.</summary>
    public string? ErrorReportUrl => Result?.ErrorReportPath is null ? null : $"/api/v1/residents/imports/{Id}/error-report";

    internal CancellationToken Token => _cancel.Token;

    public void Cancel() => _cancel.Cancel();

    internal void Report(LedgerImportProgress progress) => Volatile.Write(ref _progress, progress);

    internal void Finish(LedgerImportResult result)
    {
        Volatile.Write(ref _progress, result.Counts);
        Result = result;
    }
}

/// <summary>
/// The imports running or finished on this server (in memory: after a restart the imported rows
/// stay, the progress and the error reports of earlier uploads are gone). Each upload runs as a
/// background task in a DI scope of its own, acting as the uploader for the audit log.
/// Finished jobs and their reports are dropped after <see cref="Retention"/>.
/// </summary>
public sealed class LedgerImportJobs : IDisposable
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    private readonly ConcurrentDictionary<Guid, LedgerImportJob> _jobs = new();
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly ILogger<LedgerImportJobs> _logger;
    private readonly PrivateWorkFolder _folder;

    public LedgerImportJobs(IServiceScopeFactory scopes, TimeProvider time, ILogger<LedgerImportJobs> logger, PrivateWorkFolder folder)
    {
        _scopes = scopes;
        _time = time;
        _logger = logger;
        _folder = folder;
    }

    /// <summary>
    /// Starts importing an uploaded file (already saved to <paramref name="uploadPath"/>, which
    /// the job deletes when it ends) for <paramref name="principal"/>.
    /// </summary>
    public LedgerImportJob Start(PortalPrincipal principal, string uploadPath, string fileName, LedgerImportOptions? options = null)
    {
        Prune();
        var job = new LedgerImportJob(Guid.CreateVersion7(), principal.UserId ?? string.Empty, fileName, _time.GetUtcNow());
        _jobs[job.Id] = job;
        job.Completion = Task.Run(() => RunAsync(job, principal, uploadPath, options));
        return job;
    }

    /// <summary>The job, if it exists and belongs to <paramref name="userId"/>: nobody sees another user's report.</summary>
    public LedgerImportJob? Find(Guid id, string? userId) =>
        _jobs.TryGetValue(id, out var job) && userId is not null && job.OwnerId == userId ? job : null;

    /// <summary>The user's latest job, for a page that was reloaded or reconnected.</summary>
    public LedgerImportJob? LatestFor(string? userId) =>
        userId is null ? null : _jobs.Values.Where(j => j.OwnerId == userId).MaxBy(j => j.StartedAt);

    /// <summary>Where an upload is saved (owner-only, <see cref="PrivateWorkFolder.CreateFile"/>) before <see cref="Start"/>.</summary>
    public string NewUploadPath() => _folder.NewPath("upload");

    public void Dispose()
    {
        foreach (var job in _jobs.Values)
        {
            job.Cancel();
        }
    }

    private async Task<LedgerImportResult> RunAsync(LedgerImportJob job, PortalPrincipal principal, string uploadPath, LedgerImportOptions? options)
    {
        LedgerImportResult result;
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(principal);
            var importer = options is null
                ? scope.ServiceProvider.GetRequiredService<LedgerImporter>()
                : ActivatorUtilities.CreateInstance<LedgerImporter>(scope.ServiceProvider, options);
            await using var file = new FileStream(uploadPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
            result = await importer.ImportAsync(job.Id, file, job.FileName, principal, _folder.FullPath, new InlineProgress(job), job.Token);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Ledger import {ImportId} of {User} failed", job.Id, principal.UserName);
            result = new LedgerImportResult(job.Id, LedgerImportStatus.Failed, job.Progress, "导入时发生错误，未完成的批次未写入；请稍后重新上传同一文件，已导入的行会被跳过。", null);
        }
        finally
        {
            PrivateWorkFolder.TryDelete(uploadPath);
        }

        _logger.LogInformation("Ledger import {ImportId} of {User}: {Status}, {Counts}", job.Id, principal.UserName, result.Status, result.Counts);
        job.Finish(result);
        return result;
    }

    private void Prune()
    {
        var cutoff = _time.GetUtcNow() - Retention;
        foreach (var job in _jobs.Values.Where(j => !j.IsRunning && j.StartedAt < cutoff).ToList())
        {
            if (_jobs.TryRemove(job.Id, out _) && job.Result?.ErrorReportPath is { } report)
            {
                PrivateWorkFolder.TryDelete(report);
            }
        }
    }

    /// <summary>Reports synchronously (Progress&lt;T&gt; would post to a thread pool callback per report).</summary>
    private sealed class InlineProgress(LedgerImportJob job) : IProgress<LedgerImportProgress>
    {
        public void Report(LedgerImportProgress value) => job.Report(value);
    }
}
