using EmploymentPortal.Data.Auditing;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Infrastructure.Scheduling;

/// <summary>
/// Writes the head of the audit chain (sequence, hash, key id, time) outside the database: a line
/// appended to the anchor file and a structured log event. It anchors when the portal starts,
/// every <see cref="AuditOptions.AnchorInterval"/> when the head moved, and at shutdown.
/// <c>verify-audit</c> then notices newest rows deleted or a table emptied, which leave a
/// consistent chain behind (docs/operations.md, "Audit trail").
/// </summary>
public sealed class AuditAnchorService : BackgroundService
{
    /// <summary>The log event of an anchor (Serilog properties AuditSequence, AuditHash, AuditKeyId).</summary>
    public static readonly EventId AnchorEvent = new(7201, "AuditAnchor");

    private readonly IServiceScopeFactory _scopes;
    private readonly AuditAnchorFile _file;
    private readonly AuditOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<AuditAnchorService> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _loaded;
    private AuditAnchor? _last;

    public AuditAnchorService(IServiceScopeFactory scopes, AuditAnchorFile file, AuditOptions options, TimeProvider time, ILogger<AuditAnchorService> logger)
    {
        _scopes = scopes;
        _file = file;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Anchors the chain's head unless it is the head last anchored; returns the anchor written.</summary>
    public async Task<AuditAnchor?> AnchorAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_loaded)
            {
                _last = _file.Read().Latest;
                _loaded = true;
            }

            await using var scope = _scopes.CreateAsyncScope();
            await using var db = await JobDatabase.Contexts(scope.ServiceProvider).CreateDbContextAsync(cancellationToken);
            var head = await db.AuditEntries.AsNoTracking()
                .OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash, e.KeyId })
                .FirstOrDefaultAsync(cancellationToken);
            var anchor = new AuditAnchor(head?.Sequence ?? 0, head?.Hash ?? AuditChain.GenesisHash, head?.KeyId ?? string.Empty, _time.GetUtcNow());
            if (_last is { } last && last.Sequence == anchor.Sequence && last.Hash == anchor.Hash)
            {
                return null;
            }

            if (_last is { } previous && anchor.Sequence < previous.Sequence)
            {
                _logger.LogError("The audit chain's head {AuditSequence} is below the last anchor {AnchoredSequence}: rows were deleted. Run verify-audit.", anchor.Sequence, previous.Sequence);
            }

            _file.Append(anchor);
            _last = anchor;
            _logger.LogInformation(AnchorEvent, "Audit anchor: sequence {AuditSequence}, hash {AuditHash}, key {AuditKeyId}", anchor.Sequence, anchor.Hash, anchor.KeyId);
            return anchor;
        }
        finally
        {
            _gate.Release();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await TryAnchorAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.AnchorInterval <= TimeSpan.Zero)
        {
            await TryAnchorAsync(stoppingToken);
            return;
        }

        // The timer runs from before the first anchor, so that no interval is lost to it.
        using var timer = new PeriodicTimer(_options.AnchorInterval, _time);
        await TryAnchorAsync(stoppingToken);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TryAnchorAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task TryAnchorAsync(CancellationToken cancellationToken)
    {
        try
        {
            await AnchorAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Not fatal for the portal, but an auditor must hear of it: the next anchor tries again.
            _logger.LogError(ex, "Writing the audit anchor to {AnchorFile} failed", _file.Path);
        }
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }
}

public static class AuditAnchoringServiceCollectionExtensions
{
    /// <summary>The audit anchors: a service the tests can call, run as a hosted service by the portal.</summary>
    public static IServiceCollection AddAuditAnchoring(this IServiceCollection services)
    {
        services.AddSingleton<AuditAnchorService>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditAnchorService>());
        return services;
    }
}
