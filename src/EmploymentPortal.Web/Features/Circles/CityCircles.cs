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
    /// <summary>A board-visible vacancy's place, openings, grid cell and what the matching reads of it.</summary>
    public sealed record BoardVacancy(
        Guid Id,
        double Latitude,
        double Longitude,
        int Openings,
        long Cell,
        OccupationGroup OccupationGroup,
        string Occupation,
        long WageMinFen,
        long WageMaxFen,
        WorkType WorkType,
        bool AcceptsDisabled,
        bool AcceptsOlderWorkers,
        bool NoExperienceRequired)
    {
        public VacancyFacts Facts => new(Id, GeoPoint.Create(Latitude, Longitude), OccupationGroup, Occupation, Money.FromFen(WageMinFen), Money.FromFen(WageMaxFen), WorkType, AcceptsDisabled, AcceptsOlderWorkers, NoExperienceRequired);
    }

    /// <summary>
    /// Every published, unexpired vacancy of a verified enterprise, indexed by grid cell, so the
    /// vacancies of any circle are found in memory with the same cell ranges and distance as the
    /// database search.
    /// </summary>
    public sealed class Board
    {
        private readonly Dictionary<long, List<BoardVacancy>> _byCell;

        private Board(Dictionary<long, List<BoardVacancy>> byCell) => _byCell = byCell;

        public static async Task<Board> LoadAsync(PortalDbContext db, DateOnly today, CancellationToken cancellationToken = default)
        {
            var rows = await (
                from v in db.Vacancies.AsNoTracking()
                join e in db.Enterprises on v.EnterpriseId equals e.Id
                where v.Status == VacancyStatus.Published && v.ValidUntil >= today && e.Status == EnterpriseStatus.Verified
                select new BoardVacancy(
                    v.Id, v.Latitude, v.Longitude, v.Openings, v.GeoCell, v.OccupationGroup, v.Occupation, v.WageMin.Fen, v.WageMax.Fen, v.WorkType,
                    v.AcceptsDisabled, v.AcceptsOlderWorkers, v.NoExperienceRequired))
                .ToListAsync(cancellationToken);
            var byCell = new Dictionary<long, List<BoardVacancy>>();
            foreach (var row in rows)
            {
                if (!byCell.TryGetValue(row.Cell, out var list))
                {
                    byCell[row.Cell] = list = [];
                }

                list.Add(row);
            }

            return new Board(byCell);
        }

        /// <summary>The vacancies within <paramref name="radiusKm"/> of <paramref name="centre"/> (any order).</summary>
        public List<BoardVacancy> Within(GeoPoint centre, double radiusKm) => Near(centre, radiusKm).ConvertAll(n => n.Vacancy);

        /// <summary>The vacancies within <paramref name="radiusKm"/> of <paramref name="centre"/> with their distance, nearest first (ties by id).</summary>
        public List<(BoardVacancy Vacancy, double DistanceKm)> Near(GeoPoint centre, double radiusKm)
        {
            var result = new List<(BoardVacancy Vacancy, double DistanceKm)>();
            foreach (var range in GeoGrid.CoveringRanges(centre, radiusKm))
            {
                for (var cell = range.From; cell <= range.To; cell++)
                {
                    if (!_byCell.TryGetValue(cell, out var list))
                    {
                        continue;
                    }

                    foreach (var v in list)
                    {
                        var distance = centre.DistanceKmTo(GeoPoint.Create(v.Latitude, v.Longitude));
                        if (distance <= radiusKm)
                        {
                            result.Add((v, distance));
                        }
                    }
                }
            }

            result.Sort(static (a, b) => a.DistanceKm != b.DistanceKm ? a.DistanceKm.CompareTo(b.DistanceKm) : a.Vacancy.Id.CompareTo(b.Vacancy.Id));
            return result;
        }
    }

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
        var monthStart = ResidentClock.StartOfMonth(today);
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
