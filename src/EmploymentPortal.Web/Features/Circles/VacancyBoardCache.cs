using System.Diagnostics;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Vacancies;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmploymentPortal.Web.Features.Circles;

/// <summary>
/// The vacancy board of the circles kept in memory per instance (docs/circles.md): every published,
/// unexpired vacancy of a verified enterprise with what the matching and the lists read of it,
/// indexed by grid cell (<see cref="CityCircles.Board"/>), so that a resident's recommendations, a
/// community's circle and the nearest vacancies are searched, ranked and shown from memory.
/// </summary>
/// <remarks>
/// When a vacancy or an enterprise was saved in this instance (<see cref="EntityChangeSignal"/>),
/// or the day changed, the next request reloads the board and waits for it: what this instance
/// saved is on the board at once. Changes made by other instances show after at most
/// <see cref="MaxAge"/>: an older board is still served while a fresh one loads in the background
/// (when the cache was given a way to open a context of its own; otherwise the request reloads).
/// <see cref="VacancyBoardWarmer"/> loads the board when the portal starts.
/// </remarks>
public sealed class VacancyBoardCache(EntityChangeSignal changes, TimeProvider time, Func<PortalDbContext>? refreshContext = null, ILogger<VacancyBoardCache>? logger = null)
{
    /// <summary>How long a board may serve before it is reloaded, whatever else happens.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);

    private readonly ILogger _logger = logger ?? NullLogger<VacancyBoardCache>.Instance;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot? _current;
    private int _refreshing;

    private sealed record Snapshot(CityCircles.Board Board, long Version, DateOnly Today, DateTimeOffset LoadedAt);

    /// <summary>When the board serving now was read from the database; null before the first load.</summary>
    public DateTimeOffset? LoadedAt => _current?.LoadedAt;

    /// <summary>The background reload under way, if any (tests wait for it).</summary>
    public Task? Refreshing { get; private set; }

    /// <summary>The board as of <paramref name="today"/>, loaded with <paramref name="db"/> when the cached one cannot serve.</summary>
    public async Task<CityCircles.Board> GetAsync(PortalDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        var current = _current;
        if (current is not null && current.Version == Version() && current.Today == today)
        {
            if (time.GetUtcNow() - current.LoadedAt < MaxAge)
            {
                return current.Board;
            }

            if (refreshContext is not null)
            {
                RefreshInBackground(today);
                return current.Board;
            }
        }

        return await ReloadAsync(db, today, cancellationToken);
    }

    private async Task<CityCircles.Board> ReloadAsync(PortalDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } loaded && loaded.Version == Version() && loaded.Today == today && time.GetUtcNow() - loaded.LoadedAt < MaxAge)
            {
                return loaded.Board;
            }

            // The version is read before loading: a change saved during the load makes the next caller reload.
            var version = Version();
            var now = time.GetUtcNow();
            var started = Stopwatch.GetTimestamp();
            var fresh = await CityCircles.Board.LoadAsync(db, today, cancellationToken);
            _current = new Snapshot(fresh, version, today, now);
            _logger.LogDebug("Vacancy board loaded: {Count} vacancies in {Elapsed} ms", fresh.Count, (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return fresh;
        }
        finally
        {
            _gate.Release();
        }
    }

    private void RefreshInBackground(DateOnly today)
    {
        if (Interlocked.CompareExchange(ref _refreshing, 1, 0) != 0)
        {
            return;
        }

        Refreshing = Task.Run(async () =>
        {
            try
            {
                await using var db = refreshContext!();
                await ReloadAsync(db, today, CancellationToken.None);
            }
            catch (Exception ex)
            {
                // The older board keeps serving; the next request after MaxAge tries again.
                _logger.LogWarning(ex, "Reloading the vacancy board in the background failed");
            }
            finally
            {
                Volatile.Write(ref _refreshing, 0);
            }
        });
    }

    private long Version() => changes.VersionOf(typeof(Vacancy)) + changes.VersionOf(typeof(Enterprise));
}

/// <summary>Loads the vacancy board when the portal starts, so the first search does not wait for it.</summary>
public sealed class VacancyBoardWarmer(VacancyBoardCache cache, IServiceScopeFactory scopes, TimeProvider time, IConfiguration configuration, ILogger<VacancyBoardWarmer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue($"{CircleOptions.Section}:WarmBoardOnStartup", true))
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var db = await Infrastructure.Scheduling.JobDatabase.Contexts(scope.ServiceProvider).CreateDbContextAsync(stoppingToken);
            var started = Stopwatch.GetTimestamp();
            var board = await cache.GetAsync(db, Residents.ResidentClock.Today(time), stoppingToken);
            logger.LogInformation("Vacancy board loaded at start: {Count} vacancies in {Elapsed} ms", board.Count, (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Not fatal: the first search loads the board instead.
            logger.LogWarning(ex, "Loading the vacancy board at start failed; the first search will load it");
        }
    }
}
