using System.Diagnostics;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
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
/// When vacancies or enterprises were saved in this instance (<see cref="EntityChangeSignal"/>),
/// the next request reads those again and patches the board (<see cref="CityCircles.Board.PatchAsync"/>,
/// milliseconds), so what this instance saved is on the board at once; when more than
/// <see cref="MaxPatch"/> changed, or the day changed, it reloads the whole board and waits for it. Changes made by other instances show after at most
/// <see cref="MaxAge"/>: an older board is still served while a fresh one loads in the background
/// (when the cache was given a way to open a context of its own; otherwise the request reloads).
/// <see cref="VacancyBoardWarmer"/> loads the board when the portal starts.
/// </remarks>
public sealed class VacancyBoardCache
{
    /// <summary>How long a board may serve before it is reloaded, whatever else happens.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);

    /// <summary>The most changed vacancies and enterprises a patch reads; more reload the whole board.</summary>
    public const int MaxPatch = 2000;

    private readonly EntityChangeSignal _changes;
    private readonly TimeProvider _time;
    private readonly Func<PortalDbContext>? _refreshContext;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot? _current;
    private int _refreshing;

    public VacancyBoardCache(EntityChangeSignal changes, TimeProvider time, Func<PortalDbContext>? refreshContext = null, ILogger<VacancyBoardCache>? logger = null)
    {
        _changes = changes;
        _time = time;
        _refreshContext = refreshContext;
        _logger = logger ?? NullLogger<VacancyBoardCache>.Instance;

        // The patches need the changed keys of vacancies and enterprises.
        changes.Track(typeof(Vacancy));
        changes.Track(typeof(Enterprise));
    }

    private sealed record Snapshot(CityCircles.Board Board, long VacancyVersion, long EnterpriseVersion, DateOnly Today, DateTimeOffset LoadedAt)
    {
        /// <summary>Of <paramref name="today"/> and no save in the instance since: only its age may stop it serving.</summary>
        public bool Current(EntityChangeSignal changes, DateOnly today) =>
            Today == today && VacancyVersion == changes.VersionOf(typeof(Vacancy)) && EnterpriseVersion == changes.VersionOf(typeof(Enterprise));

        public bool Young(DateTimeOffset now) => now - LoadedAt < MaxAge;
    }

    /// <summary>When the board serving now was read from the database; null before the first load.</summary>
    public DateTimeOffset? LoadedAt => _current?.LoadedAt;

    /// <summary>The background reload under way, if any (tests wait for it).</summary>
    public Task? Refreshing { get; private set; }

    /// <summary>The board as of <paramref name="today"/>, loaded or patched with <paramref name="db"/> when the cached one cannot serve.</summary>
    public async Task<CityCircles.Board> GetAsync(PortalDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        var current = _current;
        if (current is not null && current.Current(_changes, today))
        {
            if (current.Young(_time.GetUtcNow()))
            {
                return current.Board;
            }

            if (_refreshContext is not null)
            {
                RefreshInBackground(today);
                return current.Board;
            }
        }

        return await RefreshAsync(db, today, cancellationToken);
    }

    /// <summary>Under the gate: the board again if another caller refreshed it meanwhile, else patched or reloaded.</summary>
    private async Task<CityCircles.Board> RefreshAsync(PortalDbContext db, DateOnly today, CancellationToken cancellationToken, bool whole = false)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var current = _current;
            var young = current is not null && current.Young(_time.GetUtcNow());
            if (young && current!.Current(_changes, today))
            {
                return current.Board;
            }

            // The versions are read before reading the database: a change saved meanwhile makes the next caller refresh again.
            var vacancyVersion = _changes.VersionOf(typeof(Vacancy));
            var enterpriseVersion = _changes.VersionOf(typeof(Enterprise));
            var started = Stopwatch.GetTimestamp();
            if (!whole && young && current!.Today == today
                && _changes.TryChangedSince(typeof(Vacancy), current.VacancyVersion, out var vacancies)
                && _changes.TryChangedSince(typeof(Enterprise), current.EnterpriseVersion, out var enterprises)
                && vacancies.Count + enterprises.Count <= MaxPatch)
            {
                var patched = await current.Board.PatchAsync(db, today, vacancies.OfType<Guid>().ToHashSet(), enterprises.OfType<Guid>().ToHashSet(), cancellationToken);

                // A patch brings this instance's changes; the age still counts from the last whole load (other instances' changes).
                _current = current with { Board = patched, VacancyVersion = vacancyVersion, EnterpriseVersion = enterpriseVersion };
                _logger.LogDebug("Vacancy board patched: {Vacancies} vacancies and {Enterprises} enterprises read again in {Elapsed} ms", vacancies.Count, enterprises.Count, (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return patched;
            }

            var now = _time.GetUtcNow();
            var fresh = await CityCircles.Board.LoadAsync(db, today, cancellationToken);
            _current = new Snapshot(fresh, vacancyVersion, enterpriseVersion, today, now);
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
                await using var db = _refreshContext!();
                await RefreshAsync(db, today, CancellationToken.None, whole: true);
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
}

/// <summary>Loads the vacancy board when the portal starts, so the first search does not wait for it.</summary>
public sealed class VacancyBoardWarmer(VacancyBoardCache cache, IServiceScopeFactory scopes, PortalCalendar calendar, IConfiguration configuration, ILogger<VacancyBoardWarmer> logger) : BackgroundService
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
            var board = await cache.GetAsync(db, calendar.Today, stoppingToken);
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
