using EmploymentPortal.Data;
using EmploymentPortal.Domain.Geography;
using EmploymentPortal.Web.Features.Circles;
using EmploymentPortal.Web.Features.Geography;

namespace EmploymentPortal.Web.Features.Jobs;

/// <summary>
/// The city's places as the public job board's form offers them (communities with their station,
/// districts) and the outline a point picked on the map must lie in, kept in memory per instance
/// so that a render of <c>/jobs</c> reads nothing from the database when the vacancy board is
/// loaded too. Geography saved in this instance (<see cref="EntityChangeSignal"/>) is read again
/// at the next request; saved by another instance, after at most <see cref="MaxAge"/>.
/// </summary>
public sealed class JobBoardPlaces
{
    /// <summary>How long the places may serve before they are read again, whatever else happens.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);

    private readonly EntityChangeSignal _changes;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Places? _current;

    public JobBoardPlaces(EntityChangeSignal changes, TimeProvider time)
    {
        _changes = changes;
        _time = time;
    }

    /// <summary>The places: communities ordered by code, districts ordered by code, the city's outline.</summary>
    public sealed record Places(
        IReadOnlyList<CircleQueries.CommunityPoint> Communities,
        IReadOnlyList<(Guid Id, string Name)> Districts,
        CityBoundaries.Outline Outline,
        long Version,
        DateTimeOffset LoadedAt);

    public async Task<Places> GetAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        if (Serving(_current) is { } current)
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Serving(_current) is { } meanwhile)
            {
                return meanwhile;
            }

            // The version is read before reading the database: a change saved meanwhile makes the next request read again.
            var version = Version();
            var communities = await CircleQueries.CommunitiesAsync(db, cancellationToken);
            var districts = (await GeographyQueries.DistrictsAsync(db)).Select(d => (d.Id, d.Name)).ToList();
            var (_, outline) = CityBoundaries.Compute(communities);
            return _current = new Places(communities, districts, outline, version, _time.GetUtcNow());
        }
        finally
        {
            _gate.Release();
        }
    }

    private Places? Serving(Places? places) =>
        places is not null && places.Version == Version() && _time.GetUtcNow() - places.LoadedAt < MaxAge ? places : null;

    private long Version() =>
        _changes.VersionOf(typeof(Community)) + _changes.VersionOf(typeof(Street)) + _changes.VersionOf(typeof(District));
}
