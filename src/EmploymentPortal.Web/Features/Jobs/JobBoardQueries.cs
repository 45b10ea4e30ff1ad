using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Geography;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Features.Circles;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Jobs;

/// <summary>
/// The public job board (招聘信息): published, unexpired vacancies of verified enterprises only,
/// and nothing personal (no contact person, no phone: applicants go through the station or the
/// enterprise's public address).
/// </summary>
public static class JobBoardQueries
{
    public sealed record Filter
    {
        public string? Keyword { get; init; }

        public OccupationGroup? OccupationGroup { get; init; }

        public Guid? DistrictId { get; init; }

        public WorkType? WorkType { get; init; }

        /// <summary>Centre of the “within N km” search.</summary>
        public GeoPoint? Near { get; init; }

        public double? RadiusKm { get; init; }
    }

    public sealed record JobRow(
        Guid Id,
        string Title,
        string EnterpriseName,
        OccupationGroup OccupationGroup,
        string Occupation,
        int Openings,
        Money WageMin,
        Money WageMax,
        WorkType WorkType,
        string District,
        string Community,
        string Address,
        double Latitude,
        double Longitude,
        string Requirements,
        bool AcceptsDisabled,
        bool AcceptsOlderWorkers,
        bool NoExperienceRequired,
        DateOnly ValidUntil,
        double? DistanceKm);

    public sealed record Page(IReadOnlyList<JobRow> Items, int Total, int PageNumber, int PageSize);

    /// <summary>
    /// One vacancy as the public sees it (岗位详情): the enterprise by name and public address, the
    /// place of work, the wage, the work type and how to apply. Applicants go through the service
    /// station of the work place's community (it refers them, docs/circles.md) or the enterprise's
    /// address: no contact person, no phone, nothing personal.
    /// </summary>
    public sealed record JobDetail(
        Guid Id,
        string Title,
        string EnterpriseName,
        string EnterpriseAddress,
        OccupationGroup OccupationGroup,
        string Occupation,
        int Openings,
        Money WageMin,
        Money WageMax,
        WorkType WorkType,
        string District,
        string Street,
        string Community,
        string Address,
        double Latitude,
        double Longitude,
        string Requirements,
        bool AcceptsDisabled,
        bool AcceptsOlderWorkers,
        bool NoExperienceRequired,
        DateOnly ValidUntil,
        DateTimeOffset? PublishedAt,
        string StationAddress);

    /// <summary>
    /// The board on <paramref name="today"/>: published, unexpired vacancies of verified
    /// enterprises, with where they are. The one definition of "on the board" for the detail
    /// page and the search.
    /// </summary>
    private static IQueryable<BoardEntry> Board(PortalDbContext db, DateOnly today) =>
        from v in db.Vacancies.AsNoTracking()
        join e in db.Enterprises on v.EnterpriseId equals e.Id
        join c in db.Communities on v.CommunityId equals c.Id
        join s in db.Streets on c.StreetId equals s.Id
        join d in db.Districts on s.DistrictId equals d.Id
        where v.Status == VacancyStatus.Published && v.ValidUntil >= today && e.Status == EnterpriseStatus.Verified
        select new BoardEntry { Vacancy = v, Enterprise = e, Community = c, Street = s, District = d };

    /// <summary>The vacancy when it is on the board today (<see cref="Board"/>); otherwise null.</summary>
    public static Task<JobDetail?> DetailAsync(PortalDbContext db, Guid id, DateOnly today, CancellationToken cancellationToken = default) =>
        Board(db, today)
            .Where(x => x.Vacancy.Id == id)
            .Select(x => new JobDetail(
                x.Vacancy.Id, x.Vacancy.Title, x.Enterprise.Name, x.Enterprise.Address, x.Vacancy.OccupationGroup, x.Vacancy.Occupation, x.Vacancy.Openings,
                x.Vacancy.WageMin, x.Vacancy.WageMax, x.Vacancy.WorkType, x.District.Name, x.Street.Name, x.Community.Name, x.Vacancy.Address,
                x.Vacancy.Latitude, x.Vacancy.Longitude, x.Vacancy.Requirements, x.Vacancy.AcceptsDisabled, x.Vacancy.AcceptsOlderWorkers,
                x.Vacancy.NoExperienceRequired, x.Vacancy.ValidUntil, x.Vacancy.PublishedAt, x.Community.StationAddress))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Searches the board from the in-memory vacancy board (<see cref="VacancyBoardCache"/>, the
    /// one the circles search): this instance's saves are on it at the next request, other
    /// instances' within <see cref="VacancyBoardCache.MaxAge"/>. Answers what
    /// <see cref="SearchInDatabaseAsync"/> answers (tests compare both on both providers).
    /// </summary>
    public static async Task<Page> SearchAsync(PortalDbContext db, VacancyBoardCache boardCache, Filter filter, DateOnly today, int pageNumber, int pageSize, CancellationToken cancellationToken = default) =>
        Search(await boardCache.GetAsync(db, today, cancellationToken), filter, pageNumber, pageSize);

    /// <summary>
    /// Searches <paramref name="board"/>: with a radius, the circle's cells of the board's index,
    /// nearest first (ties by id), only the rows up to the page chosen without sorting the
    /// circle; without one, newest first (by id, highest first). The filters compare as the
    /// database does: the keyword as an ordinal substring of the title, occupation, enterprise
    /// name or requirements.
    /// </summary>
    public static Page Search(CityCircles.Board board, Filter filter, int pageNumber, int pageSize)
    {
        pageNumber = Math.Max(1, pageNumber);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var keyword = string.IsNullOrWhiteSpace(filter.Keyword) ? null : filter.Keyword.Trim();
        var group = filter.OccupationGroup;
        var districtId = filter.DistrictId;
        var workType = filter.WorkType;
        bool Matches(CityCircles.BoardVacancy v) =>
            (group is null || v.Facts.OccupationGroup == group)
            && (workType is null || v.Facts.WorkType == workType)
            && (districtId is null || v.Place.DistrictId == districtId)
            && (keyword is null
                || v.Title.Contains(keyword, StringComparison.Ordinal)
                || v.Facts.Occupation.Contains(keyword, StringComparison.Ordinal)
                || v.EnterpriseName.Contains(keyword, StringComparison.Ordinal)
                || v.Requirements.Contains(keyword, StringComparison.Ordinal));

        // Past the end of int (a page number from a URL): nothing on that page.
        var skip = (long)(pageNumber - 1) * pageSize;
        if (filter.Near is { } centre && filter.RadiusKm is { } radius)
        {
            var within = board.Within(centre, Math.Clamp(radius, 0, GeoCircle.MaxRadiusKm));
            within.RemoveAll(x => !Matches(x.Vacancy));
            var inCircle = within.Count;
            if (skip >= inCircle)
            {
                return new Page([], inCircle, pageNumber, pageSize);
            }

            // Selection.Smallest may trim the list it is given: the total is counted before.
            var upToPage = Selection.Smallest(within, (int)skip + pageSize, CityCircles.Board.NearestFirst);
            return new Page(upToPage.Skip((int)skip).Select(x => Row(x.Vacancy, x.DistanceKm)).ToList(), inCircle, pageNumber, pageSize);
        }

        var total = 0;
        var items = new List<JobRow>(pageSize);
        foreach (var vacancy in board.NewestFirst)
        {
            if (!Matches(vacancy))
            {
                continue;
            }

            if (total >= skip && items.Count < pageSize)
            {
                items.Add(Row(vacancy, null));
            }

            total++;
        }

        return new Page(items, total, pageNumber, pageSize);
    }

    private static JobRow Row(CityCircles.BoardVacancy v, double? distanceKm) => new(
        v.Id, v.Title, v.EnterpriseName, v.Facts.OccupationGroup, v.Facts.Occupation, v.Openings, v.Facts.WageMin, v.Facts.WageMax, v.Facts.WorkType,
        v.Place.District, v.Place.Community, v.Address, v.Latitude, v.Longitude, v.Requirements, v.Facts.AcceptsDisabled, v.Facts.AcceptsOlderWorkers,
        v.Facts.NoExperienceRequired, v.ValidUntil, distanceKm);

    /// <summary>
    /// Searches the board in the database: the reference the in-memory search (<see cref="Search"/>)
    /// is tested against. With a radius, the database narrows to the circle's cells of the <see cref="GeoGrid"/> index (<see cref="GeoSearch.InCells{T}(IQueryable{T}, System.Linq.Expressions.Expression{Func{T, long}}, IReadOnlyList{CellRange})"/>,
    /// integer ranges, the same on both providers) and the exact great-circle distance (<see cref="GeoPoint.DistanceKmTo"/>) decides in memory; results are
    /// then ordered by distance. Without one, newest first.
    /// </summary>
    public static async Task<Page> SearchInDatabaseAsync(PortalDbContext db, Filter filter, DateOnly today, int pageNumber, int pageSize, CancellationToken cancellationToken = default)
    {
        pageNumber = Math.Max(1, pageNumber);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var query = Board(db, today)
            .Select(x => new { v = x.Vacancy, EnterpriseName = x.Enterprise.Name, DistrictId = x.District.Id, District = x.District.Name, Community = x.Community.Name });

        if (!string.IsNullOrWhiteSpace(filter.Keyword))
        {
            var keyword = filter.Keyword.Trim();
            query = query.Where(x => x.v.Title.Contains(keyword) || x.v.Occupation.Contains(keyword) || x.EnterpriseName.Contains(keyword) || x.v.Requirements.Contains(keyword));
        }

        if (filter.OccupationGroup is { } group)
        {
            query = query.Where(x => x.v.OccupationGroup == group);
        }

        if (filter.DistrictId is { } districtId)
        {
            query = query.Where(x => x.DistrictId == districtId);
        }

        if (filter.WorkType is { } workType)
        {
            query = query.Where(x => x.v.WorkType == workType);
        }

        if (filter.Near is { } centre && filter.RadiusKm is { } radius)
        {
            var circle = new GeoCircle(centre, Math.Clamp(radius, 0, GeoCircle.MaxRadiusKm));
            var candidates = await query
                .InCells(x => x.v.GeoCell, circle.CellRanges)
                .Select(x => new JobRow(
                    x.v.Id, x.v.Title, x.EnterpriseName, x.v.OccupationGroup, x.v.Occupation, x.v.Openings, x.v.WageMin, x.v.WageMax, x.v.WorkType,
                    x.District, x.Community, x.v.Address, x.v.Latitude, x.v.Longitude, x.v.Requirements, x.v.AcceptsDisabled, x.v.AcceptsOlderWorkers, x.v.NoExperienceRequired, x.v.ValidUntil, null))
                .ToListAsync(cancellationToken);
            var within = circle.NearestFirst(candidates, r => GeoPoint.Create(r.Latitude, r.Longitude), r => r.Id)
                .ConvertAll(x => x.Item with { DistanceKm = x.DistanceKm });
            return new Page(within.Skip((pageNumber - 1) * pageSize).Take(pageSize).ToList(), within.Count, pageNumber, pageSize);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(x => x.v.Id)
            .Skip((pageNumber - 1) * pageSize)
            .Take(pageSize)
            .Select(x => new JobRow(
                x.v.Id, x.v.Title, x.EnterpriseName, x.v.OccupationGroup, x.v.Occupation, x.v.Openings, x.v.WageMin, x.v.WageMax, x.v.WorkType,
                x.District, x.Community, x.v.Address, x.v.Latitude, x.v.Longitude, x.v.Requirements, x.v.AcceptsDisabled, x.v.AcceptsOlderWorkers, x.v.NoExperienceRequired, x.v.ValidUntil, null))
            .ToListAsync(cancellationToken);
        return new Page(items, total, pageNumber, pageSize);
    }

    /// <summary>A vacancy on the board with its enterprise and its place (<see cref="Board"/>).</summary>
    private sealed class BoardEntry
    {
        public required Vacancy Vacancy { get; init; }

        public required Enterprise Enterprise { get; init; }

        public required Community Community { get; init; }

        public required Street Street { get; init; }

        public required District District { get; init; }
    }
}
