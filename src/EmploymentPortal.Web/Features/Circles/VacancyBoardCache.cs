using EmploymentPortal.Data;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Vacancies;

namespace EmploymentPortal.Web.Features.Circles;

/// <summary>
/// The vacancy board of the circles kept in memory per instance (docs/circles.md): the light
/// facts of every published, unexpired vacancy of a verified enterprise, indexed by grid cell
/// (<see cref="CityCircles.Board"/>, about 20 MB at 200,000 vacancies), so that a resident's
/// recommendations and a community's circle are searched and ranked in memory and only the rows
/// shown are read from the database. Reloaded when a vacancy or an enterprise was saved in this
/// instance (<see cref="EntityChangeSignal"/>), when the day changes, and at the latest after
/// <see cref="MaxAge"/> (changes made by other instances).
/// </summary>
public sealed class VacancyBoardCache(EntityChangeSignal changes, TimeProvider time)
{
    /// <summary>How long a board may serve without a reload, whatever else happens.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot? _current;

    private sealed record Snapshot(CityCircles.Board Board, long Version, DateOnly Today, DateTimeOffset LoadedAt);

    /// <summary>The board as of <paramref name="today"/>, loaded with <paramref name="db"/> when the cached one is stale.</summary>
    public async Task<CityCircles.Board> GetAsync(PortalDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        if (Fresh(_current, today) is { } board)
        {
            return board;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(_current, today) is { } loaded)
            {
                return loaded;
            }

            // The version is read before loading: a change saved during the load makes the next caller reload.
            var version = Version();
            var now = time.GetUtcNow();
            var fresh = await CityCircles.Board.LoadAsync(db, today, cancellationToken);
            _current = new Snapshot(fresh, version, today, now);
            return fresh;
        }
        finally
        {
            _gate.Release();
        }
    }

    private CityCircles.Board? Fresh(Snapshot? snapshot, DateOnly today) =>
        snapshot is not null && snapshot.Version == Version() && snapshot.Today == today && time.GetUtcNow() - snapshot.LoadedAt < MaxAge
            ? snapshot.Board
            : null;

    private long Version() => changes.VersionOf(typeof(Vacancy)) + changes.VersionOf(typeof(Enterprise));
}
