using EmploymentPortal.Data;
using EmploymentPortal.Domain.Circles;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Features.Residents;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Circles;

/// <summary>
/// The circle figures of many communities at once, for the monthly assessment and the bureau's
/// dashboard: a handful of grouped queries instead of several per community. The results are the
/// ones the per-community queries give (<see cref="CircleQueries.VacanciesNearAsync"/>,
/// <see cref="CircleQueries.CommunityFiguresAsync"/>; a test compares them).
/// </summary>
public static class CityCircles
{
    /// <summary>
    /// Where a board vacancy is: its community and district, with their names. One instance per
    /// community, shared by all its vacancies (one reference per vacancy).
    /// </summary>
    public sealed record BoardPlace(Guid CommunityId, string Community, Guid DistrictId, string District);

    /// <summary>
    /// A board-visible vacancy: what the matching reads of it (<see cref="Facts"/>, built once per
    /// load, so a search allocates nothing per vacancy), its grid cell and openings, and the
    /// columns a list and the public board's search show and filter on, so recommendations,
    /// nearest lists and the job board are answered from memory.
    /// </summary>
    public sealed record BoardVacancy(
        VacancyFacts Facts,
        long Cell,
        int Openings,
        string Title,
        Guid EnterpriseId,
        string EnterpriseName,
        BoardPlace Place,
        string Address,
        string Requirements,
        DateOnly ValidUntil)
    {
        public Guid Id => Facts.Id;

        public Guid CommunityId => Place.CommunityId;

        public double Latitude => Facts.Location.Latitude;

        public double Longitude => Facts.Location.Longitude;

        /// <summary>The row a list shows, at <paramref name="distanceKm"/> from the centre searched.</summary>
        public CircleQueries.NearbyVacancy ToNearby(double distanceKm) => new(
            Facts.Id, Title, EnterpriseId, EnterpriseName, Facts.OccupationGroup, Facts.Occupation, Openings, Facts.WageMin, Facts.WageMax, Facts.WorkType,
            CommunityId, Address, Latitude, Longitude, Facts.AcceptsDisabled, Facts.AcceptsOlderWorkers, Facts.NoExperienceRequired, ValidUntil, distanceKm);
    }

    /// <summary>
    /// Every published, unexpired vacancy of a verified enterprise, indexed by grid cell, so the
    /// vacancies of any circle are found in memory with the same cell ranges and distance as the
    /// database search (<see cref="CircleQueries.VacanciesNearAsync"/>; tests compare them).
    /// </summary>
    public sealed class Board
    {
        private readonly Dictionary<long, BoardVacancy[]> _byCell;
        private BoardVacancy[]? _newestFirst;

        private Board(Dictionary<long, BoardVacancy[]> byCell, int count)
        {
            _byCell = byCell;
            Count = count;
        }

        /// <summary>How many vacancies the board holds.</summary>
        public int Count { get; }

        /// <summary>Every vacancy on the board, in no particular order.</summary>
        public IEnumerable<BoardVacancy> Vacancies => _byCell.Values.SelectMany(list => list);

        /// <summary>
        /// Every vacancy on the board by id, highest first (ids are time-ordered: newest first), as
        /// the database orders the job board without a place. Sorted once per board, on first use.
        /// </summary>
        public IReadOnlyList<BoardVacancy> NewestFirst
        {
            get
            {
                if (Volatile.Read(ref _newestFirst) is { } sorted)
                {
                    return sorted;
                }

                var all = Vacancies.ToArray();
                Array.Sort(all, static (a, b) => b.Id.CompareTo(a.Id));

                // Two searches may sort at once; both results are the same, either is kept.
                return Interlocked.CompareExchange(ref _newestFirst, all, null) ?? all;
            }
        }

        public static async Task<Board> LoadAsync(PortalDbContext db, DateOnly today, CancellationToken cancellationToken = default)
        {
            var rows = await RowsAsync(db, today, null, null, cancellationToken);
            var byCell = new Dictionary<long, List<BoardVacancy>>();
            foreach (var vacancy in rows)
            {
                if (!byCell.TryGetValue(vacancy.Cell, out var list))
                {
                    byCell[vacancy.Cell] = list = [];
                }

                list.Add(vacancy);
            }

            return new Board(byCell.ToDictionary(c => c.Key, c => c.Value.ToArray()), rows.Count);
        }

        /// <summary>
        /// This board with the given vacancies, and every vacancy of the given enterprises, read
        /// again from the database: the ones still on the board in their new state, the others
        /// gone. The board itself is not changed (searches may be reading it); cells without a
        /// change are shared with the new board.
        /// </summary>
        public async Task<Board> PatchAsync(PortalDbContext db, DateOnly today, IReadOnlyCollection<Guid> vacancyIds, IReadOnlyCollection<Guid> enterpriseIds, CancellationToken cancellationToken = default)
        {
            var vacancies = vacancyIds as IReadOnlySet<Guid> ?? vacancyIds.ToHashSet();
            var enterprises = enterpriseIds as IReadOnlySet<Guid> ?? enterpriseIds.ToHashSet();
            var fresh = await RowsAsync(db, today, vacancies, enterprises, cancellationToken);
            bool Changed(BoardVacancy v) => (vacancies.Count > 0 && vacancies.Contains(v.Id)) || (enterprises.Count > 0 && enterprises.Contains(v.EnterpriseId));
            var byCell = new Dictionary<long, BoardVacancy[]>(_byCell.Count + fresh.Count);
            var count = 0;
            foreach (var (cell, list) in _byCell)
            {
                if (!Array.Exists(list, Changed))
                {
                    byCell[cell] = list;
                    count += list.Length;
                    continue;
                }

                var kept = Array.FindAll(list, v => !Changed(v));
                if (kept.Length > 0)
                {
                    byCell[cell] = kept;
                }

                count += kept.Length;
            }

            foreach (var vacancy in fresh)
            {
                byCell[vacancy.Cell] = byCell.TryGetValue(vacancy.Cell, out var list) ? [.. list, vacancy] : [vacancy];
            }

            return new Board(byCell, count + fresh.Count);
        }

        /// <summary>The board's vacancies, all of them or those of the given ids and enterprises.</summary>
        private static async Task<List<BoardVacancy>> RowsAsync(PortalDbContext db, DateOnly today, IReadOnlySet<Guid>? vacancyIds, IReadOnlySet<Guid>? enterpriseIds, CancellationToken cancellationToken)
        {
            var published = db.Vacancies.AsNoTracking().Where(v => v.Status == VacancyStatus.Published && v.ValidUntil >= today);
            var rows = new List<BoardRow>();
            if (vacancyIds is null || enterpriseIds is null)
            {
                rows = await Select(published).ToListAsync(cancellationToken);
            }
            else
            {
                // Two lookups on their own indexes (primary key, enterprise) rather than one OR the planner would scan the table for.
                var ids = vacancyIds.ToList();
                var owners = enterpriseIds.ToList();
                if (ids.Count > 0)
                {
                    rows.AddRange(await Select(published.Where(v => ids.Contains(v.Id))).ToListAsync(cancellationToken));
                }

                if (owners.Count > 0)
                {
                    var seen = rows.Select(r => r.Id).ToHashSet();
                    rows.AddRange((await Select(published.Where(v => owners.Contains(v.EnterpriseId))).ToListAsync(cancellationToken)).Where(r => !seen.Contains(r.Id)));
                }
            }

            IQueryable<BoardRow> Select(IQueryable<Vacancy> vacancies) =>
                from v in vacancies
                join e in db.Enterprises on v.EnterpriseId equals e.Id
                where e.Status == EnterpriseStatus.Verified
                join c in db.Communities on v.CommunityId equals c.Id
                join s in db.Streets on c.StreetId equals s.Id
                join d in db.Districts on s.DistrictId equals d.Id
                where e.Status == EnterpriseStatus.Verified
                select new BoardRow(
                    v.Id, v.Latitude, v.Longitude, v.Openings, v.GeoCell, v.OccupationGroup, v.Occupation, v.WageMin, v.WageMax, v.WorkType,
                    v.AcceptsDisabled, v.AcceptsOlderWorkers, v.NoExperienceRequired, v.Title, v.EnterpriseId, e.Name, v.CommunityId, c.Name, d.Id, d.Name,
                    v.Address, v.Requirements, v.ValidUntil);

            // Titles, occupations, enterprise names and requirements repeat across vacancies: one string each; one place per community.
            var pool = new Dictionary<string, string>(StringComparer.Ordinal);
            string Shared(string text) => pool.TryGetValue(text, out var shared) ? shared : pool[text] = text;
            var places = new Dictionary<Guid, BoardPlace>();
            BoardPlace Place(BoardRow row) => places.TryGetValue(row.CommunityId, out var place)
                ? place
                : places[row.CommunityId] = new BoardPlace(row.CommunityId, row.Community, row.DistrictId, row.District);
            return rows.ConvertAll(row => new BoardVacancy(
                new VacancyFacts(
                    row.Id, GeoPoint.Create(row.Latitude, row.Longitude), row.OccupationGroup, Shared(row.Occupation), row.WageMin, row.WageMax,
                    row.WorkType, row.AcceptsDisabled, row.AcceptsOlderWorkers, row.NoExperienceRequired),
                row.GeoCell, row.Openings, Shared(row.Title), row.EnterpriseId, Shared(row.EnterpriseName), Place(row), row.Address, Shared(row.Requirements), row.ValidUntil));
        }

        /// <summary>The vacancies within <paramref name="radiusKm"/> of <paramref name="centre"/> with their distance, in no particular order.</summary>
        public List<(BoardVacancy Vacancy, double DistanceKm)> Within(GeoPoint centre, double radiusKm)
        {
            var circle = new GeoCircle(centre, radiusKm);
            var result = new List<(BoardVacancy Vacancy, double DistanceKm)>();
            foreach (var range in circle.CellRanges)
            {
                for (var cell = range.From; cell <= range.To; cell++)
                {
                    if (!_byCell.TryGetValue(cell, out var vacancies))
                    {
                        continue;
                    }

                    foreach (var v in vacancies)
                    {
                        if (circle.Contains(v.Facts.Location, out var distance))
                        {
                            result.Add((v, distance));
                        }
                    }
                }
            }

            return result;
        }

        /// <summary>
        /// The vacancies within <paramref name="radiusKm"/> of <paramref name="centre"/> with their
        /// distance, nearest first (ties by id); only the first <paramref name="count"/> when given,
        /// chosen without sorting the whole circle.
        /// </summary>
        public List<(BoardVacancy Vacancy, double DistanceKm)> Near(GeoPoint centre, double radiusKm, int count = int.MaxValue) =>
            Selection.Smallest(Within(centre, radiusKm), count, NearestFirst);

        /// <summary>Nearer first, ties by id: the order of every radius search (<see cref="GeoCircle.NearestFirst{T}"/>).</summary>
        public static readonly Comparer<(BoardVacancy Vacancy, double DistanceKm)> NearestFirst = Comparer<(BoardVacancy Vacancy, double DistanceKm)>.Create(
            static (a, b) => a.DistanceKm != b.DistanceKm ? a.DistanceKm.CompareTo(b.DistanceKm) : a.Vacancy.Id.CompareTo(b.Vacancy.Id));
    }

    /// <summary>A board vacancy as read from the database.</summary>
    private sealed record BoardRow(
        Guid Id, double Latitude, double Longitude, int Openings, long GeoCell, OccupationGroup OccupationGroup, string Occupation, Money WageMin, Money WageMax, WorkType WorkType,
        bool AcceptsDisabled, bool AcceptsOlderWorkers, bool NoExperienceRequired, string Title, Guid EnterpriseId, string EnterpriseName,
        Guid CommunityId, string Community, Guid DistrictId, string District, string Address, string Requirements, DateOnly ValidUntil);

    /// <summary>
    /// <see cref="CircleQueries.CommunityFigures"/> of every community that has residents, in
    /// grouped queries. Working age is counted in the database between two birth-date bounds per
    /// sex found with <see cref="StatutoryRetirement.IsOfWorkingAge"/> (retirement dates rise with
    /// the birth date, so working age is one unbroken span of birth dates).
    /// </summary>
    public static async Task<Dictionary<Guid, CircleQueries.CommunityFigures>> FiguresAsync(PortalDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        var (menFrom, menTo) = WorkingAgeBirthDates(Sex.Male, today);
        var (womenFrom, womenTo) = WorkingAgeBirthDates(Sex.Female, today);
        var people = await db.Residents.AsNoTracking()
            .GroupBy(r => r.CommunityId)
            .Select(g => new
            {
                g.Key,
                Residents = g.Count(),
                WorkingAge = g.Count(r => (r.Sex == Sex.Male && r.BirthDate >= menFrom && r.BirthDate <= menTo)
                    || (r.Sex == Sex.Female && r.BirthDate >= womenFrom && r.BirthDate <= womenTo)),
                Registered = g.Count(r => r.CurrentStatus == EmploymentStatus.RegisteredUnemployed),
            })
            .ToListAsync(cancellationToken);
        var monthStart = PortalCalendar.MonthOf(today);
        var followedUp = await db.Residents.AsNoTracking()
            .Where(r => r.CurrentStatus == EmploymentStatus.RegisteredUnemployed
                && db.ResidentContacts.Any(c => c.ResidentId == r.Id && c.ContactedOn >= monthStart && c.ContactedOn <= today))
            .GroupBy(r => r.CommunityId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return people.ToDictionary(
            p => p.Key,
            p => new CircleQueries.CommunityFigures(p.Residents, p.WorkingAge, p.Registered, followedUp.GetValueOrDefault(p.Key)));
    }

    /// <summary>Open zero-employment families per community (动态清零: cleared ones are not open).</summary>
    public static Task<Dictionary<Guid, int>> ZeroEmploymentFamiliesAsync(PortalDbContext db, CancellationToken cancellationToken = default) =>
        db.Households.AsNoTracking().Where(h => h.IsZeroEmployment)
            .GroupBy(h => h.CommunityId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    /// <summary>
    /// The first and last birth date of a person of <paramref name="sex"/> of working age on
    /// <paramref name="today"/> (female workers' retirement age, as everywhere in the portal).
    /// </summary>
    public static (DateOnly From, DateOnly To) WorkingAgeBirthDates(Sex sex, DateOnly today)
    {
        // The youngest: turned the minimum working age today or earlier.
        var to = today.AddYears(-StatutoryRetirement.MinimumWorkingAge);
        while (!StatutoryRetirement.IsOfWorkingAge(to, sex, today))
        {
            to = to.AddDays(-1);
        }

        while (StatutoryRetirement.IsOfWorkingAge(to.AddDays(1), sex, today))
        {
            to = to.AddDays(1);
        }

        // The oldest: binary search for the first birth date not yet retired.
        var lo = today.AddYears(-100).DayNumber;
        var hi = to.DayNumber;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (StatutoryRetirement.IsOfWorkingAge(DateOnly.FromDayNumber(mid), sex, today))
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return (DateOnly.FromDayNumber(lo), to);
    }
}
