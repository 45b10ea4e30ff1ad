using EmploymentPortal.Data;
using EmploymentPortal.Domain.Circles;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Features.Claims;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Features.Residents.FollowUp;
using EmploymentPortal.Web.Infrastructure.Security;
using EmploymentPortal.Web.Infrastructure.Xlsx;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Circles.Dashboard;

/// <summary>
/// The figures of the circle map, list and dashboard, per community, per district and for the
/// city, within the caller's scope (station staff: their communities; bureau officers: all).
/// One query per figure, grouped by community; the openings within each circle come from the
/// grid radius search (<see cref="CircleQueries.VacanciesNearAsync"/>).
/// </summary>
public static class CircleDashboard
{
    /// <summary>Statuses that count as placed (实现就业) when a resident enters them in the month.</summary>
    public static readonly EmploymentStatus[] PlacedStatuses =
        [EmploymentStatus.Employed, EmploymentStatus.FlexiblyEmployed, EmploymentStatus.SelfEmployed, EmploymentStatus.PublicWelfarePost];

    /// <summary>Recognised (认定), not recognised, or no assessment yet.</summary>
    public enum StandingState
    {
        NotAssessed,
        Recognised,
        NotRecognised,
    }

    public sealed record CommunityRow(
        Guid CommunityId,
        string Code,
        string Community,
        string Street,
        Guid DistrictId,
        string District,
        double Latitude,
        double Longitude,
        string StationAddress,
        double RadiusKm,
        int RegisteredUnemployed,
        int PlacedThisMonth,
        int OverdueFollowUps,
        int VacanciesWithinRadius,
        int OpeningsWithinRadius,
        StandingState Standing,
        DateOnly? AssessedMonth,
        string? StandingSummary);

    /// <summary>
    /// A district's totals over the caller's communities in it. Openings count each vacancy once
    /// even when it lies in several of the district's circles.
    /// </summary>
    public sealed record DistrictRow(Guid DistrictId, string District, int Communities, int RegisteredUnemployed, int PlacedThisMonth, int OverdueFollowUps, int OpeningsWithinRadius, int Assessed, int Recognised)
    {
        public decimal RecognisedSharePercent => Communities == 0 ? 0 : Math.Round(100m * Recognised / Communities, 1);
    }

    /// <summary>One assessed month: the recognised share of the caller's communities and the target of its year.</summary>
    public sealed record ShareMonth(DateOnly Month, int Communities, int Recognised, decimal SharePercent, decimal? TargetPercent);

    public sealed record Figures(DateOnly Today, IReadOnlyList<CommunityRow> Communities, IReadOnlyList<DistrictRow> Districts, IReadOnlyList<ShareMonth> ShareByMonth)
    {
        public ShareMonth? Latest => ShareByMonth.Count == 0 ? null : ShareByMonth[^1];

        /// <summary>The target of the latest assessed year (or this year), as the bureau set it or the draft's.</summary>
        public decimal? YearTarget { get; init; }
    }

    /// <summary>The communities the principal may see: ids, or null for all.</summary>
    /// <summary>Above this many communities the dashboard loads the vacancy board once instead of one radius query per community.</summary>
    public const int BoardThreshold = 8;

    public static IReadOnlyCollection<Guid>? Scope(PortalPrincipal principal) =>
        principal.SeesAllCommunities ? null : principal.IsStationStaff ? principal.CommunityIds : [];

    public static async Task<Figures> ForAsync(PortalDbContext db, CircleOptions options, PortalPrincipal principal, DateOnly today, CancellationToken cancellationToken = default)
    {
        var scope = Scope(principal)?.ToList();
        var communities = (await CircleQueries.CommunitiesAsync(db, cancellationToken))
            .Where(c => scope is null || scope.Contains(c.Id))
            .ToList();
        var ids = communities.Select(c => c.Id).ToList();
        var monthStart = PortalCalendar.MonthOf(today);

        var registered = await db.Residents.AsNoTracking()
            .Where(r => ids.Contains(r.CommunityId) && r.CurrentStatus == EmploymentStatus.RegisteredUnemployed)
            .GroupBy(r => r.CommunityId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        var placedStatuses = PlacedStatuses.ToList();
        var placed = await (
            from change in db.EmploymentStatusChanges.AsNoTracking()
            join r in db.Residents on change.ResidentId equals r.Id
            where ids.Contains(r.CommunityId) && placedStatuses.Contains(change.Status) && change.EffectiveFrom >= monthStart && change.EffectiveFrom <= today
            select new { r.CommunityId, r.Id })
            .Distinct()
            .GroupBy(x => x.CommunityId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        // The one definition of overdue (FollowUpQueries.Overdue), as on the home page and the resident list.
        var overdue = await db.Residents.AsNoTracking()
            .Where(r => ids.Contains(r.CommunityId))
            .Overdue(db, today)
            .GroupBy(r => r.CommunityId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        var latestMonth = await db.CommunityAssessments.AsNoTracking().OrderByDescending(a => a.Month).Select(a => (DateOnly?)a.Month).FirstOrDefaultAsync(cancellationToken);
        var standing = latestMonth is { } m
            ? await db.CommunityAssessments.AsNoTracking().Where(a => a.Month == m && ids.Contains(a.CommunityId))
                .Select(a => new { a.CommunityId, a.MeetsStandard, a.Summary })
                .ToDictionaryAsync(a => a.CommunityId, cancellationToken)
            : [];

        var rows = new List<CommunityRow>();
        var vacanciesByCommunity = new Dictionary<Guid, List<(Guid Id, int Openings)>>();

        // A few communities: one radius query each; many (the bureau's city): the board once, in memory.
        var board = communities.Count > BoardThreshold ? await CityCircles.Board.LoadAsync(db, today, cancellationToken) : null;
        foreach (var c in communities)
        {
            var radius = options.RadiusFor(c.Code);
            var centre = GeoPoint.Create(c.Latitude, c.Longitude);
            var vacancies = board is not null
                ? board.Within(centre, radius).Select(v => (v.Vacancy.Id, v.Vacancy.Openings)).ToList()
                : (await CircleQueries.VacanciesNearAsync(db, centre, radius, today, cancellationToken)).Select(v => (v.Id, v.Openings)).ToList();
            vacanciesByCommunity[c.Id] = vacancies;
            var s = standing.GetValueOrDefault(c.Id);
            rows.Add(new CommunityRow(
                c.Id, c.Code, c.Name, c.Street, c.DistrictId, c.District, c.Latitude, c.Longitude, c.StationAddress, radius,
                registered.GetValueOrDefault(c.Id), placed.GetValueOrDefault(c.Id), overdue.GetValueOrDefault(c.Id),
                vacancies.Count, vacancies.Sum(v => v.Openings),
                s is null ? StandingState.NotAssessed : s.MeetsStandard ? StandingState.Recognised : StandingState.NotRecognised,
                s is null ? null : latestMonth, s?.Summary));
        }

        var districts = rows.GroupBy(r => (r.DistrictId, r.District))
            .OrderBy(g => g.Min(r => r.Code), StringComparer.Ordinal)
            .Select(g => new DistrictRow(
                g.Key.DistrictId, g.Key.District, g.Count(), g.Sum(r => r.RegisteredUnemployed), g.Sum(r => r.PlacedThisMonth), g.Sum(r => r.OverdueFollowUps),
                g.SelectMany(r => vacanciesByCommunity[r.CommunityId]).DistinctBy(v => v.Id).Sum(v => v.Openings),
                g.Count(r => r.Standing != StandingState.NotAssessed), g.Count(r => r.Standing == StandingState.Recognised)))
            .ToList();

        var targets = await db.CircleTargets.AsNoTracking().ToListAsync(cancellationToken);
        var shares = await ShareByMonthAsync(db, ids, targets, cancellationToken);
        var year = shares.Count == 0 ? today.Year : shares[^1].Month.Year;
        return new Figures(today, rows, districts, shares) { YearTarget = CircleStanding.TargetSharePercent(year, targets) };
    }

    /// <summary>The recognised share of the given communities in each assessed month (the last 24), oldest first, against the year's target.</summary>
    public static async Task<List<ShareMonth>> ShareByMonthAsync(PortalDbContext db, IReadOnlyCollection<Guid> communityIds, IReadOnlyList<CircleTarget> targets, CancellationToken cancellationToken = default)
    {
        var ids = communityIds.ToList();
        var months = await db.CommunityAssessments.AsNoTracking()
            .Where(a => ids.Contains(a.CommunityId))
            .GroupBy(a => a.Month)
            .Select(g => new { Month = g.Key, Recognised = g.Count(a => a.MeetsStandard) })
            .ToListAsync(cancellationToken);
        return months.OrderBy(x => x.Month).TakeLast(24)
            .Select(x => new ShareMonth(
                x.Month, ids.Count, x.Recognised, ids.Count == 0 ? 0 : Math.Round(100m * x.Recognised / ids.Count, 1), CircleStanding.TargetSharePercent(x.Month.Year, targets)))
            .ToList();
    }

    /// <summary>The standing in words (the tables and the export).</summary>
    public static string StandingText(StandingState state) => state switch
    {
        StandingState.Recognised => "已达标",
        StandingState.NotRecognised => "未达标",
        _ => "未评估",
    };

    /// <summary>The dashboard's tables as xlsx: communities, districts, the recognised share by month.</summary>
    public static byte[] Xlsx(Figures figures) => XlsxExport.Write(
    [
        new XlsxExport.Sheet(
            "社区",
            ["社区代码", "社区", "街道", "区县", "半径（公里）", "登记失业人数", "本月实现就业", "逾期未跟踪", "圈内岗位数", "圈内招聘人数", "达标情况", "评估月份"],
            figures.Communities.Select(r => (IReadOnlyList<object?>)
            [
                r.Code, r.Community, r.Street, r.District, (decimal)r.RadiusKm, r.RegisteredUnemployed, r.PlacedThisMonth, r.OverdueFollowUps,
                r.VacanciesWithinRadius, r.OpeningsWithinRadius, StandingText(r.Standing), r.AssessedMonth?.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            ])),
        new XlsxExport.Sheet(
            "区县",
            ["区县", "社区数", "登记失业人数", "本月实现就业", "逾期未跟踪", "圈内招聘人数", "已评估社区", "达标社区", "达标率（%）"],
            figures.Districts.Select(d => (IReadOnlyList<object?>)
            [
                d.District, d.Communities, d.RegisteredUnemployed, d.PlacedThisMonth, d.OverdueFollowUps, d.OpeningsWithinRadius, d.Assessed, d.Recognised, d.RecognisedSharePercent,
            ])),
        new XlsxExport.Sheet(
            "达标率",
            ["月份", "社区数", "达标社区", "达标率（%）", "目标（%）"],
            figures.ShareByMonth.Select(s => (IReadOnlyList<object?>)
            [
                s.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), s.Communities, s.Recognised, s.SharePercent, s.TargetPercent,
            ])),
    ]);
}
