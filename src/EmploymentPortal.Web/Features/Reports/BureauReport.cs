using System.Globalization;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Features.Claims;
using EmploymentPortal.Web.Features.Indicators;
using EmploymentPortal.Web.Features.Residents.FollowUp;
using EmploymentPortal.Web.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Reports;

/// <summary>
/// The bureau's monthly and quarterly report (就业统计月报/季报, issue 17, docs/indicators.md
/// "Monthly and quarterly reports"): for a period of the China calendar and an area, the register
/// of unemployed people, new urban employment, hard-to-employ placed, follow-up coverage and the
/// subsidies approved and paid by family, per district and community, each beside the same
/// period a year before. The figures the indicators also count come from
/// <see cref="IndicatorMeasures"/> (one definition each); coverage from
/// <see cref="FollowUpCoverage"/>; money from <see cref="ClaimAmounts"/> as checked sums.
/// </summary>
public static class BureauReport
{
    public const string BureauName = "江州市人力资源和社会保障局";

    public enum PeriodKind
    {
        Month,
        Quarter,
    }

    /// <summary>A month (<c>2026-03</c>) or a quarter (<c>2026-Q1</c>) of the China calendar.</summary>
    public sealed record ReportPeriod(PeriodKind Kind, int Year, int Number)
    {
        public DateOnly Start => Kind == PeriodKind.Month ? new DateOnly(Year, Number, 1) : new DateOnly(Year, ((Number - 1) * 3) + 1, 1);

        public DateOnly End => Start.AddMonths(Kind == PeriodKind.Month ? 1 : 3).AddDays(-1);

        public string Key => Kind == PeriodKind.Month
            ? string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Number:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-Q{Number}");

        public string Label => Kind == PeriodKind.Month
            ? string.Create(CultureInfo.InvariantCulture, $"{Year}年{Number}月")
            : string.Create(CultureInfo.InvariantCulture, $"{Year}年第{"一二三四"[Number - 1]}季度");

        public ReportPeriod SameLastYear => this with { Year = Year - 1 };

        public static ReportPeriod MonthOf(DateOnly day) => new(PeriodKind.Month, day.Year, day.Month);

        /// <summary><c>2026-03</c> or <c>2026-Q1</c> (q in either case); null when it is neither.</summary>
        public static ReportPeriod? Parse(string text)
        {
            var parts = text.Split('-');
            if (parts.Length != 2 || parts[0].Length != 4 || !parts[0].All(char.IsAsciiDigit))
            {
                return null;
            }

            var year = int.Parse(parts[0], CultureInfo.InvariantCulture);
            var rest = parts[1];
            if (rest.Length == 2 && rest.All(char.IsAsciiDigit) && int.Parse(rest, CultureInfo.InvariantCulture) is >= 1 and <= 12 and var month)
            {
                return new ReportPeriod(PeriodKind.Month, year, month);
            }

            return rest.Length == 2 && rest[0] is 'Q' or 'q' && rest[1] is >= '1' and <= '4'
                ? new ReportPeriod(PeriodKind.Quarter, year, rest[1] - '0')
                : null;
        }
    }

    public sealed record Request(ReportPeriod Period, AreaScope Area);

    /// <summary>
    /// The figures of one area and window. Counts are of persons except <see cref="NewlyRegistered"/>
    /// and <see cref="LeftRegister"/>, which count entries to and exits from the register (人次),
    /// so that registered at the start + entries − exits = registered at the end.
    /// </summary>
    public sealed record Figures(
        int RegisteredAtEnd,
        int NewlyRegistered,
        int LeftRegister,
        int NewEmployment,
        int HardToEmployPlaced,
        int FollowUpRegistered,
        int FollowUpContacted,
        int ClaimsApproved,
        Money ApprovedAmount,
        int ClaimsPaid,
        Money PaidAmount)
    {
        public static Figures Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, Money.Zero, 0, Money.Zero);

        /// <summary>Contacted ÷ registered unemployed of the months (person-months) × 100, one decimal; null without anyone registered.</summary>
        public decimal? CoveragePercent => FollowUpRegistered == 0 ? null : Math.Round(100m * FollowUpContacted / FollowUpRegistered, 1);

        /// <summary>The figures of two areas together: money with <see cref="Money"/>'s checked addition.</summary>
        public Figures Plus(Figures other)
        {
            ArgumentNullException.ThrowIfNull(other);
            return new Figures(
                RegisteredAtEnd + other.RegisteredAtEnd,
                NewlyRegistered + other.NewlyRegistered,
                LeftRegister + other.LeftRegister,
                NewEmployment + other.NewEmployment,
                HardToEmployPlaced + other.HardToEmployPlaced,
                FollowUpRegistered + other.FollowUpRegistered,
                FollowUpContacted + other.FollowUpContacted,
                ClaimsApproved + other.ClaimsApproved,
                ApprovedAmount + other.ApprovedAmount,
                ClaimsPaid + other.ClaimsPaid,
                PaidAmount + other.PaidAmount);
        }
    }

    /// <summary>One row of a table: an area (the scope, a district or a community) in the period and the same period last year.</summary>
    public sealed record AreaRow(string Key, string Name, string? District, Figures Current, Figures LastYear);

    /// <summary>Subsidies of one family (or one fund, <see cref="Report.Funds"/>): approved and paid in the period, and the same a year before.</summary>
    public sealed record FamilyRow(string Key, string Label, int ClaimsApproved, Money Approved, int ClaimsPaid, Money Paid, int LastYearClaimsApproved, Money LastYearApproved, int LastYearClaimsPaid, Money LastYearPaid);

    /// <summary>One month of the charts: registered unemployed at its end, new urban employment and hard-to-employ placed in it.</summary>
    public sealed record MonthPoint(string Month, DateOnly AsOf, int RegisteredAtEnd, int NewEmployment, int HardToEmployPlaced);

    public sealed record Report(
        string Bureau,
        string Period,
        string PeriodLabel,
        string Scope,
        string ScopeLabel,
        DateOnly Start,
        DateOnly End,
        DateOnly AsOf,
        DateOnly LastYearStart,
        DateOnly LastYearAsOf,
        DateTimeOffset GeneratedAt,
        AreaRow Total,
        IReadOnlyList<AreaRow> Districts,
        IReadOnlyList<AreaRow> Communities,
        IReadOnlyList<FamilyRow> Families,
        IReadOnlyList<FamilyRow> Funds,
        IReadOnlyList<MonthPoint> Months,
        int AnomalousAmounts,
        IReadOnlyList<string> Notes);

    /// <summary>The notes every report carries: what the portal does not hold, and how people are counted.</summary>
    public static IReadOnlyList<string> StandingNotes { get; } =
    [
        "培训、创业：平台尚无培训和创业业务记录，此处“培训类”“创业类”为相应补贴申请的批准与支付情况。",
        "资金来源：按补贴所依据政策文件载明的资金渠道（所需资金从……列支）统计；文件未载明的列为“文件未注明”。",
        "人员按其当前所在社区统计；期末登记失业人数为期间最后一天（期间未结束时为截至日）的人数。",
        "新增登记失业、退出登记按人次计：期初登记失业人数 + 新增 − 退出 = 期末登记失业人数。",
        "跟踪服务覆盖率：往月为月末结转记录，本月为实时数据；未结转的月份不计入。",
    ];

    /// <summary>Parses the query: <c>period=2026-03</c> or <c>2026-Q1</c> (default this month), <c>scope</c> as the indicators'; a bad value is a 400 outcome naming the field, in Chinese.</summary>
    public static async Task<(Request? Request, FeatureOutcome? Refusal)> ParseAsync(PortalDbContext db, string? period, string? scope, DateOnly today, CancellationToken cancellationToken)
    {
        var text = period?.Trim() ?? string.Empty;
        var parsed = text.Length == 0 ? ReportPeriod.MonthOf(today) : ReportPeriod.Parse(text);
        if (parsed is null)
        {
            return (null, FeatureOutcome.Field("period", "期间格式应为月份（如 2026-03）或季度（如 2026-Q1）。"));
        }

        if (parsed.Year < 2001 || parsed.Year > 2100)
        {
            return (null, FeatureOutcome.Field("period", "期间应在 2001~2100 年之间。"));
        }

        if (parsed.Start > today)
        {
            return (null, FeatureOutcome.Field("period", "所选期间尚未开始，请选择本月或以前的期间。"));
        }

        var (area, error) = await IndicatorReport.AreaAsync(db, scope, cancellationToken);
        return area is null ? (null, FeatureOutcome.Field("scope", error!)) : (new Request(parsed, area), null);
    }

    public static async Task<Report> BuildAsync(PortalDbContext db, ClaimAmounts amounts, RuleFunds funds, Request request, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(amounts);
        ArgumentNullException.ThrowIfNull(funds);
        ArgumentNullException.ThrowIfNull(request);
        var period = request.Period;
        var lastYear = period.SameLastYear;
        var asOf = Min(period.End, today);
        var lastYearAsOf = Min(lastYear.End, today.AddYears(-1));
        var places = await PlacesAsync(db, request.Area, cancellationToken);

        var current = await FiguresByCommunityAsync(db, amounts, request.Area, period.Start, asOf, today, cancellationToken);
        var previous = await FiguresByCommunityAsync(db, amounts, request.Area, lastYear.Start, lastYearAsOf, today, cancellationToken);

        AreaRow RowOf(string key, string name, string? district, IEnumerable<Place> of)
        {
            var list = of.ToList();
            return new AreaRow(
                key,
                name,
                district,
                list.Aggregate(Figures.Zero, (sum, p) => sum.Plus(current.ByCommunity.GetValueOrDefault(p.CommunityId, Figures.Zero))),
                list.Aggregate(Figures.Zero, (sum, p) => sum.Plus(previous.ByCommunity.GetValueOrDefault(p.CommunityId, Figures.Zero))));
        }

        var total = RowOf(request.Area.Key, request.Area.Label, null, places);
        var districts = places.GroupBy(p => (p.DistrictCode, p.DistrictName)).OrderBy(g => g.Key.DistrictCode, StringComparer.Ordinal)
            .Select(g => RowOf($"district:{g.Key.DistrictCode}", g.Key.DistrictName, null, g)).ToList();
        var communities = places.OrderBy(p => p.DistrictCode, StringComparer.Ordinal).ThenBy(p => p.CommunityCode, StringComparer.Ordinal)
            .Select(p => RowOf($"community:{p.CommunityId}", p.CommunityName, p.DistrictName, [p])).ToList();

        // One row of subsidies (a family's or a fund's): the claims whose key is the row's, approved and paid, this period and last year.
        FamilyRow SubsidyRow(string key, string label, Func<ClaimSum, string> keyOf)
        {
            (int Count, Money Amount) Sum(List<ClaimSum> sums)
            {
                var mine = sums.Where(c => keyOf(c) == key).ToList();
                return (mine.Sum(c => c.Count), Money.Sum(mine.Select(c => c.Amount)));
            }

            var (ca, a) = Sum(current.Approved);
            var (cp, p) = Sum(current.Paid);
            var (la, lA) = Sum(previous.Approved);
            var (lp, lP) = Sum(previous.Paid);
            return new FamilyRow(key, label, ca, a, cp, p, la, lA, lp, lP);
        }

        var families = BenefitFamilies.All.Select(f => SubsidyRow(f.Key, f.Label, c => BenefitFamilies.Of(c.Benefit)))
            .Where(f => f.Key != BenefitFamilies.OtherKey || f.ClaimsApproved + f.ClaimsPaid + f.LastYearClaimsApproved + f.LastYearClaimsPaid > 0).ToList();
        var byFund = RuleFunds.All.Select(fund => SubsidyRow(RuleFunds.Key(fund), RuleFunds.Label(fund), c => RuleFunds.Key(funds.Of(c.RuleId)))).ToList();

        var months = await MonthsAsync(db, request.Area, period.End, today, cancellationToken);
        return new Report(
            BureauName,
            period.Key,
            period.Label,
            request.Area.Key,
            request.Area.Label,
            period.Start,
            period.End,
            asOf,
            lastYear.Start,
            lastYearAsOf,
            now,
            total,
            districts,
            communities,
            families,
            byFund,
            months,
            current.Anomalous + previous.Anomalous,
            StandingNotes);
    }

    /// <summary>The residents of an area (all for the city), as the indicators count them.</summary>
    public static IQueryable<Resident> ResidentsOf(PortalDbContext db, AreaScope area)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(area);
        var ids = area.CommunityIds;
        return ids is null ? db.Residents.AsNoTracking() : db.Residents.AsNoTracking().Where(r => ids.Contains(r.CommunityId));
    }

    /// <summary>The claims of an area, by the community recorded on the claim.</summary>
    public static IQueryable<Claim> ClaimsOf(PortalDbContext db, AreaScope area)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(area);
        var ids = area.CommunityIds;
        return ids is null ? db.Claims.AsNoTracking() : db.Claims.AsNoTracking().Where(c => ids.Contains(c.CommunityId));
    }

    /// <summary>Claims approved within the China dates <paramref name="start"/>..<paramref name="end"/> and still approved (not rejected or withdrawn since): approved, in a batch or paid.</summary>
    public static IQueryable<Claim> ApprovedIn(IQueryable<Claim> claims, DateOnly start, DateOnly end)
    {
        var from = PortalCalendar.StartOf(start);
        var until = PortalCalendar.EndOf(end);
        return claims.Where(c => c.ApprovedAt >= from && c.ApprovedAt < until)
            .Where(c => c.Status == ClaimStatus.Approved || c.Status == ClaimStatus.InPaymentBatch || c.Status == ClaimStatus.Paid);
    }

    /// <summary>Claims paid within the China dates <paramref name="start"/>..<paramref name="end"/>.</summary>
    public static IQueryable<Claim> PaidIn(IQueryable<Claim> claims, DateOnly start, DateOnly end)
    {
        var from = PortalCalendar.StartOf(start);
        var until = PortalCalendar.EndOf(end);
        return claims.Where(c => c.Status == ClaimStatus.Paid && c.PaidAt >= from && c.PaidAt < until);
    }

    private sealed record Place(Guid CommunityId, string CommunityCode, string CommunityName, string DistrictCode, string DistrictName);

    private sealed record ClaimSum(Guid CommunityId, string Benefit, string RuleId, int Count, Money Amount, int Anomalous);

    private sealed record Window(
        Dictionary<Guid, Figures> ByCommunity,
        List<ClaimSum> Approved,
        List<ClaimSum> Paid,
        int Anomalous);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static async Task<List<Place>> PlacesAsync(PortalDbContext db, AreaScope area, CancellationToken cancellationToken)
    {
        var places = await (from c in db.Communities.AsNoTracking()
                            join s in db.Streets on c.StreetId equals s.Id
                            join d in db.Districts on s.DistrictId equals d.Id
                            select new Place(c.Id, c.Code, c.Name, d.Code, d.Name))
            .ToListAsync(cancellationToken);
        return area.CommunityIds is { } ids ? places.Where(p => ids.Contains(p.CommunityId)).ToList() : places;
    }

    private static async Task<Window> FiguresByCommunityAsync(PortalDbContext db, ClaimAmounts amounts, AreaScope area, DateOnly start, DateOnly asOf, DateOnly today, CancellationToken cancellationToken)
    {
        var residents = ResidentsOf(db, area);
        var registered = await CountByCommunityAsync(IndicatorMeasures.RegisteredUnemployedOn(residents, asOf), cancellationToken);
        var hired = await CountByCommunityAsync(IndicatorMeasures.HiredIn(db, residents, start, asOf), cancellationToken);
        var hardToEmploy = (await IndicatorMeasures.HardToEmployPlacedAsync(db, residents, start, asOf, cancellationToken))
            .GroupBy(p => p.CommunityId).ToDictionary(g => g.Key, g => g.Count());
        var (entered, left) = await RegisterFlowsAsync(db, residents, start, asOf, cancellationToken);
        var coverage = await CoverageAsync(db, area, start, asOf, today, cancellationToken);

        var claims = ClaimsOf(db, area);
        var approved = await ClaimSumsAsync(amounts, ApprovedIn(claims, start, asOf), cancellationToken);
        var paid = await ClaimSumsAsync(amounts, PaidIn(claims, start, asOf), cancellationToken);
        var corrupt = approved.Concat(paid).Any(c => c.Anomalous > 0)
            ? await amounts.Corrupt(ApprovedIn(claims, start, asOf).Union(PaidIn(claims, start, asOf))).Select(c => c.Number).Distinct().OrderBy(n => n).ToListAsync(cancellationToken)
            : [];
        amounts.Flag("bureau report", corrupt.Take(20).ToList());
        var approvedBy = ByCommunity(approved);
        var paidBy = ByCommunity(paid);

        var communities = registered.Keys.Concat(hired.Keys).Concat(hardToEmploy.Keys).Concat(entered.Keys).Concat(left.Keys)
            .Concat(coverage.Keys).Concat(approvedBy.Keys).Concat(paidBy.Keys).Distinct();
        var byCommunity = communities.ToDictionary(id => id, id =>
        {
            var (registeredMonths, contacted) = coverage.GetValueOrDefault(id);
            var (approvedCount, approvedAmount) = approvedBy.GetValueOrDefault(id, (0, Money.Zero));
            var (paidCount, paidAmount) = paidBy.GetValueOrDefault(id, (0, Money.Zero));
            return new Figures(
                registered.GetValueOrDefault(id),
                entered.GetValueOrDefault(id),
                left.GetValueOrDefault(id),
                hired.GetValueOrDefault(id),
                hardToEmploy.GetValueOrDefault(id),
                registeredMonths,
                contacted,
                approvedCount,
                approvedAmount,
                paidCount,
                paidAmount);
        });

        return new Window(byCommunity, approved, paid, corrupt.Count);
    }

    /// <summary>
    /// The claims' count and sound amount by community and benefit, grouped in SQL the way
    /// <see cref="ClaimQueries.ReportAsync"/> groups them: a corrupt amount is counted but left out of
    /// the sum (and flagged by the caller).
    /// </summary>
    private static async Task<List<ClaimSum>> ClaimSumsAsync(ClaimAmounts amounts, IQueryable<Claim> claims, CancellationToken cancellationToken)
    {
        var ceiling = (long)amounts.HardCeiling;
        var rows = await claims
            .GroupBy(c => new { c.CommunityId, c.Benefit, c.RuleId })
            .Select(g => new
            {
                g.Key.CommunityId,
                g.Key.Benefit,
                g.Key.RuleId,
                Count = g.Count(),
                Amount = g.Sum(c => (long?)c.Amount >= 0 && (long?)c.Amount <= ceiling ? (long?)c.Amount ?? 0 : 0),
                Anomalous = g.Count(c => (long?)c.Amount < 0 || (long?)c.Amount > ceiling),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ClaimSum(r.CommunityId, r.Benefit, r.RuleId, r.Count, Money.FromFen(r.Amount), r.Anomalous)).ToList();
    }

    private static Dictionary<Guid, (int Count, Money Amount)> ByCommunity(List<ClaimSum> sums) =>
        sums.GroupBy(c => c.CommunityId).ToDictionary(g => g.Key, g => (g.Sum(c => c.Count), Money.Sum(g.Select(c => c.Amount))));

    private static Task<Dictionary<Guid, int>> CountByCommunityAsync(IQueryable<Resident> residents, CancellationToken cancellationToken) =>
        residents.GroupBy(r => r.CommunityId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    /// <summary>
    /// Entries to and exits from the register in the window, by community: a status change to
    /// 登记失业 from another status (or none), and from 登记失业 to another. Read in memory for the
    /// residents with a change in the window, in the order <see cref="IndicatorMeasures.RegisteredUnemployedOn"/> reads them.
    /// </summary>
    private static async Task<(Dictionary<Guid, int> Entered, Dictionary<Guid, int> Left)> RegisterFlowsAsync(PortalDbContext db, IQueryable<Resident> residents, DateOnly start, DateOnly asOf, CancellationToken cancellationToken)
    {
        var changes = await db.EmploymentStatusChanges.AsNoTracking()
            .Where(c => c.EffectiveFrom <= asOf && db.EmploymentStatusChanges.Any(o => o.ResidentId == c.ResidentId && o.EffectiveFrom >= start && o.EffectiveFrom <= asOf))
            .Join(residents, c => c.ResidentId, r => r.Id, (c, r) => new { c.Id, c.ResidentId, r.CommunityId, c.Status, c.EffectiveFrom })
            .ToListAsync(cancellationToken);
        var entered = new Dictionary<Guid, int>();
        var left = new Dictionary<Guid, int>();
        foreach (var history in changes.GroupBy(c => c.ResidentId))
        {
            EmploymentStatus? before = null;
            foreach (var change in history.OrderBy(c => c.EffectiveFrom).ThenBy(c => c.Id))
            {
                var isRegistered = change.Status == EmploymentStatus.RegisteredUnemployed;
                var wasRegistered = before == EmploymentStatus.RegisteredUnemployed;
                if (change.EffectiveFrom >= start && isRegistered != wasRegistered)
                {
                    var counts = isRegistered ? entered : left;
                    counts[change.CommunityId] = counts.GetValueOrDefault(change.CommunityId) + 1;
                }

                before = change.Status;
            }
        }

        return (entered, left);
    }

    /// <summary>Follow-up coverage of the months of the window as the coverage page has them (<see cref="FollowUpCoverage.ForMonthAsync"/>), summed per community.</summary>
    private static async Task<Dictionary<Guid, (int Registered, int Contacted)>> CoverageAsync(PortalDbContext db, AreaScope area, DateOnly start, DateOnly asOf, DateOnly today, CancellationToken cancellationToken)
    {
        var sums = new Dictionary<Guid, (int Registered, int Contacted)>();
        for (var month = FollowUpMonth.StartOf(start); month <= asOf; month = month.AddMonths(1))
        {
            var rows = await FollowUpCoverage.ForMonthAsync(db, month, today, null, null, cancellationToken) ?? [];
            foreach (var row in rows.Where(r => (r.Live || r.Closed) && (area.CommunityIds is null || area.CommunityIds.Contains(r.CommunityId))))
            {
                var (registered, contacted) = sums.GetValueOrDefault(row.CommunityId);
                sums[row.CommunityId] = (registered + row.RegisteredUnemployed, contacted + row.Contacted);
            }
        }

        return sums;
    }

    /// <summary>
    /// The twelve months ending with the period's last month, for the charts: the registered count
    /// at each month's end (twelve counts), and the hires and hard-to-employ placements of the year
    /// read once and counted by month, each person once a month.
    /// </summary>
    private static async Task<List<MonthPoint>> MonthsAsync(PortalDbContext db, AreaScope area, DateOnly end, DateOnly today, CancellationToken cancellationToken)
    {
        var residents = ResidentsOf(db, area);
        var last = FollowUpMonth.StartOf(end);
        var first = last.AddMonths(-11);
        var yearEnd = Min(FollowUpMonth.EndOf(last), today);
        var hires = await db.Hires.AsNoTracking()
            .Where(h => h.StartDate >= first && h.StartDate <= yearEnd)
            .Join(residents, h => h.ResidentId, r => r.Id, (h, r) => new { h.ResidentId, h.StartDate })
            .ToListAsync(cancellationToken);
        var hardToEmploy = await IndicatorMeasures.HardToEmployStartsAsync(db, residents, first, yearEnd, cancellationToken);
        var points = new List<MonthPoint>();
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            var asOf = Min(FollowUpMonth.EndOf(month), today);
            var from = month;
            points.Add(new MonthPoint(
                month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                asOf,
                await IndicatorMeasures.RegisteredUnemployedAsync(residents, asOf, cancellationToken),
                hires.Where(h => h.StartDate >= from && h.StartDate <= asOf).Select(h => h.ResidentId).Distinct().Count(),
                hardToEmploy.Where(h => h.StartDate >= from && h.StartDate <= asOf).Select(h => h.ResidentId).Distinct().Count()));
        }

        return points;
    }
}
