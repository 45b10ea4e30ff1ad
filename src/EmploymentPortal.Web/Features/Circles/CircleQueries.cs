using EmploymentPortal.Data;
using EmploymentPortal.Domain.Circles;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Circles;

/// <summary>
/// Radius searches over the <see cref="GeoGrid"/> index: the database narrows to the circle's
/// cells, the exact great-circle distance decides in memory, results are ordered by distance then
/// id. The same rows on SQLite and PostgreSQL (tests compare with a brute-force filter).
/// </summary>
public static class CircleQueries
{
    /// <summary>A board-visible vacancy within a circle.</summary>
    public sealed record NearbyVacancy(
        Guid Id,
        string Title,
        Guid EnterpriseId,
        string EnterpriseName,
        OccupationGroup OccupationGroup,
        string Occupation,
        int Openings,
        Money WageMin,
        Money WageMax,
        WorkType WorkType,
        Guid CommunityId,
        string Address,
        double Latitude,
        double Longitude,
        bool AcceptsDisabled,
        bool AcceptsOlderWorkers,
        bool NoExperienceRequired,
        DateOnly ValidUntil,
        double DistanceKm)
    {
        public VacancyFacts Facts => new(Id, GeoPoint.Create(Latitude, Longitude), OccupationGroup, Occupation, WageMin, WageMax, WorkType, AcceptsDisabled, AcceptsOlderWorkers, NoExperienceRequired);
    }

    /// <summary>
    /// Published, unexpired vacancies of verified enterprises within <paramref name="radiusKm"/>
    /// of <paramref name="centre"/>, nearest first.
    /// </summary>
    public static async Task<List<NearbyVacancy>> VacanciesNearAsync(PortalDbContext db, GeoPoint centre, double radiusKm, DateOnly today, CancellationToken cancellationToken = default)
    {
        var circle = new GeoCircle(centre, radiusKm);
        var candidates = await (
            from v in db.Vacancies.AsNoTracking().Where(v => v.Status == VacancyStatus.Published).InCells(v => v.GeoCell, circle.CellRanges)
            join e in db.Enterprises on v.EnterpriseId equals e.Id
            where v.ValidUntil >= today && e.Status == EnterpriseStatus.Verified
            select new NearbyVacancy(
                v.Id, v.Title, v.EnterpriseId, e.Name, v.OccupationGroup, v.Occupation, v.Openings, v.WageMin, v.WageMax, v.WorkType,
                v.CommunityId, v.Address, v.Latitude, v.Longitude, v.AcceptsDisabled, v.AcceptsOlderWorkers, v.NoExperienceRequired, v.ValidUntil, 0))
            .ToListAsync(cancellationToken);
        return circle.NearestFirst(candidates, v => GeoPoint.Create(v.Latitude, v.Longitude), v => v.Id)
            .ConvertAll(x => x.Item with { DistanceKm = x.DistanceKm });
    }

    /// <summary>The radius the nearest-vacancies search starts with (a town's density holds dozens of vacancies in it).</summary>
    public const double NearestFirstRadiusKm = 0.5;

    /// <summary>
    /// The <paramref name="count"/> nearest board vacancies within <paramref name="radiusKm"/>,
    /// nearest first: searches a small disc first and doubles it until it holds
    /// <paramref name="count"/> vacancies or reaches the radius. Every vacancy outside a disc is
    /// farther than every one inside it, so the first disc holding enough gives the exact answer
    /// (ties by id, as <see cref="VacanciesNearAsync"/>) while reading far fewer rows than the whole circle.
    /// </summary>
    public static async Task<List<NearbyVacancy>> NearestVacanciesAsync(PortalDbContext db, GeoPoint centre, double radiusKm, int count, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var disc = Math.Min(radiusKm, NearestFirstRadiusKm);
        while (true)
        {
            var found = await VacanciesNearAsync(db, centre, disc, today, cancellationToken);
            if (found.Count >= count || disc >= radiusKm)
            {
                return found.Count > count ? found.GetRange(0, count) : found;
            }

            disc = Math.Min(radiusKm, disc * 2);
        }
    }

    /// <summary>Ids and distances of residents whose home lies within the circle (any status, no scope: callers filter).</summary>
    public static async Task<List<(Guid Id, double DistanceKm)>> ResidentIdsNearAsync(IQueryable<Resident> residents, GeoPoint centre, double radiusKm, CancellationToken cancellationToken = default)
    {
        var circle = new GeoCircle(centre, radiusKm);
        var candidates = await residents.AsNoTracking().InCells(r => r.HomeGeoCell, circle.CellRanges)
            .Select(r => new { r.Id, Latitude = r.HomeLatitude!.Value, Longitude = r.HomeLongitude!.Value })
            .ToListAsync(cancellationToken);
        return circle.NearestFirst(candidates, r => GeoPoint.Create(r.Latitude, r.Longitude), r => r.Id)
            .ConvertAll(x => (x.Item.Id, x.DistanceKm));
    }

    /// <summary>A community's circle: centre, radii and what lies inside.</summary>
    public sealed record CircleSummary(
        Guid CommunityId,
        string CommunityCode,
        string CommunityName,
        string StreetName,
        string DistrictName,
        double Latitude,
        double Longitude,
        string StationAddress,
        double RadiusKm,
        double FifteenMinuteRadiusKm,
        int VacanciesWithinRadius,
        int OpeningsWithinRadius,
        int Residents,
        int RegisteredUnemployed,
        int FollowedUpThisMonth,
        StandingRow? Standing);

    /// <summary>The latest monthly assessment of a community.</summary>
    public sealed record StandingRow(DateOnly Month, bool MeetsStandard, decimal UnemploymentRatePercent, decimal FollowUpCoveragePercent, decimal OpeningsPerUnemployed, int? ZeroEmploymentFamilies, string Summary);

    public sealed record CommunityPoint(Guid Id, string Code, string Name, string Street, string District, Guid DistrictId, double Latitude, double Longitude, string StationAddress);

    public static Task<List<CommunityPoint>> CommunitiesAsync(PortalDbContext db, CancellationToken cancellationToken = default) =>
        (from c in db.Communities.AsNoTracking()
         join s in db.Streets on c.StreetId equals s.Id
         join d in db.Districts on s.DistrictId equals d.Id
         orderby c.Code
         select new CommunityPoint(c.Id, c.Code, c.Name, s.Name, d.Name, d.Id, c.StationLatitude, c.StationLongitude, c.StationAddress))
        .ToListAsync(cancellationToken);

    /// <summary>The summary of one community's circle, or null when it does not exist.</summary>
    public static async Task<CircleSummary?> SummaryAsync(PortalDbContext db, CircleOptions options, Guid communityId, DateOnly today, double? radiusKm = null, CancellationToken cancellationToken = default, VacancyBoardCache? boardCache = null)
    {
        var community = await (
            from c in db.Communities.AsNoTracking()
            join s in db.Streets on c.StreetId equals s.Id
            join d in db.Districts on s.DistrictId equals d.Id
            where c.Id == communityId
            select new CommunityPoint(c.Id, c.Code, c.Name, s.Name, d.Name, d.Id, c.StationLatitude, c.StationLongitude, c.StationAddress))
            .FirstOrDefaultAsync(cancellationToken);
        if (community is null)
        {
            return null;
        }

        var radius = radiusKm ?? options.RadiusFor(community.Code);
        var centre = GeoPoint.Create(community.Latitude, community.Longitude);
        var vacancies = boardCache is null
            ? await VacanciesNearAsync(db, centre, radius, today, cancellationToken)
            : await CircleOnBoardAsync(db, boardCache, centre, radius, today, cancellationToken);
        var figures = await CommunityFiguresAsync(db, communityId, today, cancellationToken);
        var standing = await db.CommunityAssessments.AsNoTracking().Where(a => a.CommunityId == communityId)
            .OrderByDescending(a => a.Month).Take(1)
            .Select(a => new StandingRow(a.Month, a.MeetsStandard, a.UnemploymentRatePercent, a.FollowUpCoveragePercent, a.OpeningsPerUnemployed, a.ZeroEmploymentFamilies, a.Summary))
            .FirstOrDefaultAsync(cancellationToken);
        return new CircleSummary(
            community.Id, community.Code, community.Name, community.Street, community.District, community.Latitude, community.Longitude, community.StationAddress,
            radius, options.FifteenMinuteRadiusFor(community.Code), vacancies.Count, vacancies.Sum(v => v.Openings),
            figures.Residents, figures.RegisteredUnemployed, figures.FollowedUp, standing);
    }

    /// <summary>Residents, registered unemployed now and of those contacted in the month of the given day.</summary>
    public sealed record CommunityFigures(int Residents, int WorkingAge, int RegisteredUnemployed, int FollowedUp);

    public static async Task<CommunityFigures> CommunityFiguresAsync(PortalDbContext db, Guid communityId, DateOnly today, CancellationToken cancellationToken = default)
    {
        var people = await db.Residents.AsNoTracking().Where(r => r.CommunityId == communityId)
            .Select(r => new { r.Id, r.BirthDate, r.Sex, r.CurrentStatus })
            .ToListAsync(cancellationToken);
        var monthStart = PortalCalendar.MonthOf(today);
        var registered = people.Where(p => p.CurrentStatus == EmploymentStatus.RegisteredUnemployed).Select(p => p.Id).ToList();
        var contacted = await db.ResidentContacts.AsNoTracking()
            .Where(c => registered.Contains(c.ResidentId) && c.ContactedOn >= monthStart && c.ContactedOn <= today)
            .Select(c => c.ResidentId).Distinct().CountAsync(cancellationToken);
        var workingAge = people.Count(p => StatutoryRetirement.IsOfWorkingAge(p.BirthDate, p.Sex, today));
        return new CommunityFigures(people.Count, workingAge, registered.Count, contacted);
    }

    /// <summary>A recommended vacancy for a resident, with its score and reason.</summary>
    public sealed record Recommendation(NearbyVacancy Vacancy, int Score, string Reason, bool AlreadyReferred);

    public sealed record Recommendations(Guid ResidentId, string CentreDescription, double RadiusKm, IReadOnlyList<Recommendation> Items)
    {
        /// <summary>How many vacancies were ranked (the API returns the first <c>top</c> of them).</summary>
        public int Total { get; init; } = Items.Count;
    }

    /// <summary>
    /// Ranked jobs within the resident's circle (home, or the community's station when no home is
    /// recorded); null when the resident is not visible to <paramref name="principal"/>.
    /// </summary>
    /// <remarks>
    /// With <paramref name="boardCache"/> the circle is searched and ranked in memory and only the
    /// first <paramref name="top"/> rows are read from the database (<see cref="VacancyBoardCache"/>);
    /// without it, from the database. Both rank the same vacancies the same way (a test compares them).
    /// </remarks>
    public static async Task<Recommendations?> RecommendationsAsync(PortalDbContext db, CircleOptions options, PortalPrincipal principal, Guid residentId, DateOnly today, double? radiusKm = null, CancellationToken cancellationToken = default, VacancyBoardCache? boardCache = null, int top = int.MaxValue)
    {
        var facts = await ResidentFactsAsync(db.Residents.AsNoTracking().VisibleTo(principal).Where(r => r.Id == residentId), cancellationToken);
        if (facts.Count == 0)
        {
            return null;
        }

        var resident = facts[0];
        var community = await db.Communities.AsNoTracking().Where(c => c.Id == resident.CommunityId)
            .Select(c => new { c.Code, c.StationLatitude, c.StationLongitude }).FirstAsync(cancellationToken);
        var radius = radiusKm ?? options.RadiusFor(community.Code);
        var profile = JobseekerProfiles.From(resident, today);
        var centre = profile.Home ?? GeoPoint.Create(community.StationLatitude, community.StationLongitude);
        profile = profile with { Home = centre };
        var referred = await db.JobReferrals.AsNoTracking().Where(r => r.ResidentId == residentId).Select(r => r.VacancyId).ToListAsync(cancellationToken);
        var centreText = resident.HomeLatitude is null ? "社区服务站" : "居住地";
        if (boardCache is not null)
        {
            var board = await boardCache.GetAsync(db, today, cancellationToken);
            var (shown, total) = RankOnBoard(board, profile, centre, radius, top);
            var items = shown.ConvertAll(m => new Recommendation(m.Vacancy, m.Score, m.Reason, referred.Contains(m.Vacancy.Id)));
            return new Recommendations(residentId, centreText, radius, items) { Total = total };
        }

        var vacancies = await VacanciesNearAsync(db, centre, radius, today, cancellationToken);
        var byId = vacancies.ToDictionary(v => v.Id);
        var ranked = JobMatching.Rank(profile, vacancies.Select(v => v.Facts), radius)
            .Select(m => new Recommendation(byId[m.VacancyId] with { DistanceKm = m.DistanceKm }, m.Score, m.Reason, referred.Contains(m.VacancyId)))
            .ToList();
        return new Recommendations(residentId, centreText, radius, ranked.Take(top).ToList()) { Total = ranked.Count };
    }

    /// <summary>A vacancy ranked on the board: its list row and its score.</summary>
    public sealed record RankedVacancy(NearbyVacancy Vacancy, int Score, string Reason);

    /// <summary>
    /// The first <paramref name="top"/> board vacancies within <paramref name="radiusKm"/> of
    /// <paramref name="centre"/> in <see cref="JobMatching.Rank"/>'s order, and how many the circle
    /// holds: every vacancy of the circle is scored in memory, only the shown ones get a reason.
    /// </summary>
    public static (List<RankedVacancy> Items, int Total) RankOnBoard(CityCircles.Board board, JobseekerProfile profile, GeoPoint centre, double radiusKm, int top)
    {
        ArgumentNullException.ThrowIfNull(board);
        var near = board.Within(centre, radiusKm);
        var shown = JobMatching.Top(profile, near.ConvertAll(n => n.Vacancy.Facts), radiusKm, top);
        var byId = shown.ToDictionary(m => m.VacancyId, _ => (CityCircles.BoardVacancy?)null);
        foreach (var (vacancy, _) in near)
        {
            if (byId.ContainsKey(vacancy.Id))
            {
                byId[vacancy.Id] = vacancy;
            }
        }

        return (shown.Select(m => new RankedVacancy(byId[m.VacancyId]!.ToNearby(m.DistanceKm), m.Score, m.Reason)).ToList(), near.Count);
    }

    /// <summary>The board vacancies within <paramref name="radiusKm"/> of <paramref name="centre"/>, nearest first, from the in-memory board.</summary>
    public static async Task<List<NearbyVacancy>> CircleOnBoardAsync(PortalDbContext db, VacancyBoardCache boardCache, GeoPoint centre, double radiusKm, DateOnly today, CancellationToken cancellationToken = default) =>
        (await boardCache.GetAsync(db, today, cancellationToken)).Near(centre, radiusKm).ConvertAll(n => n.Vacancy.ToNearby(n.DistanceKm));

    /// <summary>
    /// The <paramref name="count"/> nearest board vacancies within <paramref name="radiusKm"/>,
    /// nearest first (ties by id), from the in-memory board (<see cref="VacancyBoardCache"/>).
    /// </summary>
    public static async Task<List<NearbyVacancy>> NearestOnBoardAsync(PortalDbContext db, VacancyBoardCache boardCache, GeoPoint centre, double radiusKm, int count, DateOnly today, CancellationToken cancellationToken = default) =>
        (await boardCache.GetAsync(db, today, cancellationToken)).Near(centre, radiusKm, count).ConvertAll(n => n.Vacancy.ToNearby(n.DistanceKm));

    /// <summary>A nearby jobseeker for a vacancy (station staff only; phone masked).</summary>
    public sealed record Candidate(Guid ResidentId, string Name, string MaskedPhone, Sex Sex, int Age, Guid CommunityId, double DistanceKm, int Score, string Reason, bool AlreadyReferred);

    /// <summary>
    /// Registered unemployed residents of the principal's communities whose home lies within the
    /// vacancy community's radius of the work location, ranked; null when the vacancy is not on the board.
    /// </summary>
    public static async Task<IReadOnlyList<Candidate>?> CandidatesAsync(PortalDbContext db, CircleOptions options, PortalPrincipal principal, Guid vacancyId, DateOnly today, CancellationToken cancellationToken = default)
    {
        var vacancy = await (
            from v in db.Vacancies.AsNoTracking()
            join e in db.Enterprises on v.EnterpriseId equals e.Id
            join c in db.Communities on v.CommunityId equals c.Id
            where v.Id == vacancyId && v.Status == VacancyStatus.Published && v.ValidUntil >= today && e.Status == EnterpriseStatus.Verified
            select new { v, c.Code })
            .FirstOrDefaultAsync(cancellationToken);
        if (vacancy is null || !principal.IsStationStaff)
        {
            return null;
        }

        var radius = options.RadiusFor(vacancy.Code);
        var location = vacancy.v.Location;
        var scoped = db.Residents.VisibleTo(principal).Where(r => r.CurrentStatus == EmploymentStatus.RegisteredUnemployed);
        var near = await ResidentIdsNearAsync(scoped, location, radius, cancellationToken);
        var ids = near.Select(n => n.Id).ToList();
        var facts = await ResidentFactsAsync(db.Residents.AsNoTracking().Where(r => ids.Contains(r.Id)), cancellationToken);
        var referred = await db.JobReferrals.AsNoTracking().Where(r => r.VacancyId == vacancyId).Select(r => r.ResidentId).ToListAsync(cancellationToken);
        var job = new VacancyFacts(vacancy.v.Id, location, vacancy.v.OccupationGroup, vacancy.v.Occupation, vacancy.v.WageMin, vacancy.v.WageMax, vacancy.v.WorkType, vacancy.v.AcceptsDisabled, vacancy.v.AcceptsOlderWorkers, vacancy.v.NoExperienceRequired);
        return facts
            .Select(f => (Facts: f, Match: JobMatching.Score(JobseekerProfiles.From(f, today), job, radius)))
            .Where(x => x.Match is not null)
            .Select(x => new Candidate(
                x.Facts.Id, x.Facts.Name, PhoneNumber.TryParse(x.Facts.Phone, out var p, out _) ? p.Masked : "***", x.Facts.Sex,
                DatePeriods.CompletedYearsBetween(x.Facts.BirthDate, today), x.Facts.CommunityId, x.Match!.DistanceKm, x.Match.Score, x.Match.Reason, referred.Contains(x.Facts.Id)))
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.DistanceKm)
            .ThenBy(c => c.ResidentId)
            .ToList();
    }

    private static Task<List<ResidentMatchFacts>> ResidentFactsAsync(IQueryable<Resident> residents, CancellationToken cancellationToken) =>
        residents.Select(r => new ResidentMatchFacts(
                r.Id, r.Name, r.Phone, r.Sex, r.BirthDate, r.CommunityId, r.HomeLatitude, r.HomeLongitude,
                r.DisabilityCertificateNumber != null, r.LeftSchoolOn,
                r.WantedOccupationGroup, r.WantedOccupation, r.DesiredWageMin, r.PreferredWorkTypes))
            .ToListAsync(cancellationToken);
}

/// <summary>What the matching reads of a resident record today.</summary>
public sealed record ResidentMatchFacts(Guid Id, string Name, string Phone, Sex Sex, DateOnly BirthDate, Guid CommunityId, double? HomeLatitude, double? HomeLongitude, bool IsDisabled, DateOnly? LeftSchoolOn,
    OccupationGroup? WantedOccupationGroup = null, string? WantedOccupation = null, Money? DesiredWageMin = null, int PreferredWorkTypes = 0);

/// <summary>
/// Builds the scorer's <see cref="JobseekerProfile"/> from a resident's record: the home, the key
/// groups and the job-search wishes (occupation wanted, desired wage, work types).
/// </summary>
public static class JobseekerProfiles
{
    public static JobseekerProfile From(ResidentMatchFacts resident, DateOnly today, KeyGroupSettings? settings = null)
    {
        settings ??= KeyGroupSettings.Default;
        var age = today < resident.BirthDate ? 0 : DatePeriods.CompletedYearsBetween(resident.BirthDate, today);
        var olderThreshold = resident.Sex == Sex.Female ? settings.OlderWorkerAgeWomen : settings.OlderWorkerAgeMen;
        // The job-search wishes of the resident's record (求职意向): occupation, the lower end of
        // the desired wage (the least the person would take), accepted work types.
        var workTypes = JobPreferences.FromMask(resident.PreferredWorkTypes);
        return new JobseekerProfile(
            resident.HomeLatitude is { } lat && resident.HomeLongitude is { } lon ? GeoPoint.Create(lat, lon) : null,
            OccupationGroup: resident.WantedOccupationGroup,
            Occupation: resident.WantedOccupation,
            DesiredMonthlyWage: resident.DesiredWageMin,
            WorkTypes: workTypes.Count > 0 ? workTypes.ToHashSet() : null,
            IsDisabled: resident.IsDisabled,
            IsOlderWorker: age >= olderThreshold && StatutoryRetirement.IsOfWorkingAge(resident.BirthDate, resident.Sex, today),
            IsRecentGraduate: resident.LeftSchoolOn is { } left && DatePeriods.IsWithinYearsAfter(left, KeyGroups.GraduateYears, today));
    }
}
