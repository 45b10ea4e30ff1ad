using EmploymentPortal.Data;
using EmploymentPortal.Domain.Posts;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Policies.Indicators;
using EmploymentPortal.Web.Features.JobFairs;
using EmploymentPortal.Web.Features.Posts;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Indicators;

/// <summary>Where an indicator's actual figure comes from.</summary>
public enum FigureSource
{
    /// <summary>计算自业务记录: counted from the portal's records.</summary>
    Records,

    /// <summary>人工录入: an officer enters the figure with its source and date.</summary>
    Entered,

    /// <summary>记录计算 + 录入分母: a rate whose numerator the records give and whose denominator is entered.</summary>
    RecordsOverEntered,
}

/// <summary>The area a report covers: the city, a district or a community.</summary>
/// <param name="Key"><c>city</c>, <c>district:&lt;code&gt;</c> or <c>community:&lt;id&gt;</c> (what entered figures are stored under).</param>
/// <param name="Label">The area's name in Chinese.</param>
/// <param name="Level">City, district or community.</param>
/// <param name="CommunityIds">The communities of the area; null for the whole city.</param>
public sealed record AreaScope(string Key, string Label, TargetScope Level, IReadOnlyList<Guid>? CommunityIds)
{
    public static AreaScope City { get; } = new(Domain.Indicators.IndicatorFigure.CityScope, "全市", TargetScope.City, null);
}

/// <summary>
/// The portal's computations of the catalogue's measures (targets.yaml <c>measure</c>), each from
/// the records it counts, for an area and a window counted to a day. A result is in the portal's
/// base unit (persons, items, percent); null where the records do not hold the figure for the
/// area (job fairs and post programmes are kept for the city only).
/// </summary>
public static class IndicatorMeasures
{
    public sealed record Measure(string Id, FigureSource Source, string Description, string? EnteredLabel = null);

    /// <summary>Every measure the portal computes, with what it counts (the page and docs/indicators.md show it).</summary>
    public static IReadOnlyList<Measure> All { get; } =
    [
        new("urbanNewEmployment", FigureSource.Records, "录用登记：开始日期在期间内的录用，按人去重（居民所在社区）"),
        new("reemployedUnemployed", FigureSource.Records, "录用登记：录用前处于登记失业状态的人员，按人去重"),
        new("hardToEmployEmployed", FigureSource.Records, "录用登记和公益性岗位安置：开始之日已认定为就业困难人员的，按人去重"),
        new("registeredUnemploymentRate", FigureSource.RecordsOverEntered, "期末登记失业人数（失业登记记录）÷ 录入的城镇劳动力人数 × 100", "城镇劳动力人数（人）"),
        new("jobFairs", FigureSource.Records, "招聘会登记：举办日期在期间内的场次（全市）"),
        new("jobFairIntentions", FigureSource.Records, "招聘会登记：达成就业意向人数之和（全市）"),
        new("fullyEmployedCommunityShare", FigureSource.Records, "三公里就业圈月度评估：期间内最近评估月份达标社区 ÷ 社区数 × 100"),
        new("publicWelfarePostsDeveloped", FigureSource.Records, "公益性岗位项目：当年项目的岗位数之和（全市）"),
        new("internshipPostsDeveloped", FigureSource.Records, "就业见习项目：当年项目的岗位数之和（全市）"),
        new("relocatedShareOfPublicWelfarePosts", FigureSource.Records, "公益性岗位安置：当年在岗人员中易地搬迁群众的比例（全市）"),
        new("zeroEmploymentFamilies", FigureSource.Records, "家庭信息：期末仍为零就业家庭的户数"),
        new("startupLoansIssued", FigureSource.Records, "创业担保贷款：放款日期在期间内的贷款金额之和（个人贷款按创业实体所在社区，小微企业贷款按企业所在社区）"),
        new("vocationalTraining", FigureSource.Records, "培训登记：结业日期在期间内的职业技能培训（创业培训以外各类）结业人次（居民所在社区）"),
        new("entrepreneurshipTraining", FigureSource.Records, "培训登记：结业日期在期间内的创业培训结业人次（居民所在社区）"),
        new("skilledTalentTrained", FigureSource.Records, "培训登记：发证日期在期间内的职业资格和技能等级证书张数（居民所在社区）"),
        new("entrepreneursSupported", FigureSource.Records, "自主创业登记和创业担保贷款：成立日期在期间内的创业者，以及放款日期在期间内的个人贷款借款人，按人去重（创业实体所在社区）"),
    ];

    public static Measure? Find(string? id) => id is null ? null : All.FirstOrDefault(m => m.Id == id);

    /// <summary>The figure of <paramref name="measureId"/> for <paramref name="area"/> from <paramref name="start"/> through <paramref name="asOf"/>.</summary>
    public static async Task<decimal?> ComputeAsync(PortalDbContext db, string measureId, AreaScope area, DateOnly start, DateOnly asOf, IConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(area);
        var ids = area.CommunityIds;
        var residents = ids is null ? db.Residents.AsNoTracking() : db.Residents.AsNoTracking().Where(r => ids.Contains(r.CommunityId));
        var hires = db.Hires.AsNoTracking().Where(h => h.StartDate >= start && h.StartDate <= asOf);
        switch (measureId)
        {
            case "urbanNewEmployment":
                return await HiredIn(db, residents, start, asOf).CountAsync(cancellationToken);
            case "reemployedUnemployed":
                return await hires.Where(h => h.Facts.StatusBeforeHire == EmploymentStatus.RegisteredUnemployed)
                    .Join(residents, h => h.ResidentId, r => r.Id, (h, r) => r.Id).Distinct().CountAsync(cancellationToken);
            case "hardToEmployEmployed":
                return await HardToEmployEmployedAsync(db, residents, start, asOf, cancellationToken);
            case "registeredUnemploymentRate":
                return await RegisteredUnemployedAsync(residents, asOf, cancellationToken);
            case "zeroEmploymentFamilies":
                var households = ids is null ? db.Households.AsNoTracking() : db.Households.AsNoTracking().Where(h => ids.Contains(h.CommunityId));
                return await households.CountAsync(
                    h => h.ZeroEmploymentSince <= asOf && (h.IsZeroEmployment || h.ZeroEmploymentClearedOn > asOf), cancellationToken);
            case "fullyEmployedCommunityShare":
                return await RecognisedSharePercentAsync(db, ids, start, asOf, cancellationToken);
            case "startupLoansIssued":
            case "entrepreneursSupported":
                return await StartupLoanFigureAsync(db, measureId, ids, start, asOf, cancellationToken);
            case "vocationalTraining":
            case "entrepreneurshipTraining":
            case "skilledTalentTrained":
                return await TrainingFigureAsync(db, measureId, residents, start, asOf, cancellationToken);
        }

        // Kept for the city as a whole: job fairs have a place, programmes an owner, neither a community.
        if (ids is not null)
        {
            return null;
        }

        var year = asOf.Year;
        switch (measureId)
        {
            case "jobFairs":
            case "jobFairIntentions":
                var fairs = (await JobFairQueries.YearAsync(db, year, JobFairQueries.Targets(configuration), cancellationToken)).Summary;
                return measureId == "jobFairs" ? fairs.Fairs : fairs.Intentions;
            case "publicWelfarePostsDeveloped":
            case "internshipPostsDeveloped":
                var programmes = await db.PostProgrammes.AsNoTracking().Where(p => p.Year == year).ToListAsync(cancellationToken);
                var development = PostDevelopment.Of(year, programmes, PostQueries.Quotas(configuration));
                return measureId == "publicWelfarePostsDeveloped" ? development.PublicWelfarePosts : development.InternshipPosts;
            case "relocatedShareOfPublicWelfarePosts":
                var first = new DateOnly(year, 1, 1);
                var placements = await db.PostPlacements.AsNoTracking()
                    .Where(p => p.Kind == PostKind.PublicWelfare && p.StartDate <= asOf && (p.EndedOn ?? p.PlannedEnd) >= first)
                    .ToListAsync(cancellationToken);
                return PostStatistics.RelocatedShareIn(placements, year).Percent;
            default:
                throw new InvalidOperationException($"Unknown measure '{measureId}'.");
        }
    }

    /// <summary>
    /// Tongren 专栏1: 职业技能培训 and 创业培训 in person-times, the completions (结业) in the window of
    /// the classes of that kind; 技能人才培养, the certificates issued in the window. Each counts in
    /// the trainee's community.
    /// </summary>
    private static Task<int> TrainingFigureAsync(PortalDbContext db, string measureId, IQueryable<Resident> residents, DateOnly start, DateOnly asOf, CancellationToken cancellationToken)
    {
        var enrolments = db.TrainingEnrolments.AsNoTracking().Where(e => residents.Any(r => r.Id == e.ResidentId));
        if (measureId == "skilledTalentTrained")
        {
            return enrolments.CountAsync(e => e.Certificate != null && e.Certificate.IssuedOn >= start && e.Certificate.IssuedOn <= asOf, cancellationToken);
        }

        var entrepreneurship = measureId == "entrepreneurshipTraining";
        return enrolments
            .Where(e => e.CompletedOn != null && e.CompletedOn >= start && e.CompletedOn <= asOf)
            .CountAsync(e => db.TrainingClasses.Any(c => c.Id == e.ClassId && (c.Kind == Domain.Training.TrainingKind.Entrepreneurship) == entrepreneurship), cancellationToken);
    }

    /// <summary>
    /// Tongren 专栏1: 发放创业担保贷款金额, the amount in yuan of the guaranteed loans disbursed in the
    /// window (a person's loan counts in its business start's community, a small firm's in the
    /// enterprise's); 引领和扶持创业人数, the residents who started a business in the window or whose
    /// loan was disbursed in it, each counted once.
    /// </summary>
    private static async Task<decimal> StartupLoanFigureAsync(PortalDbContext db, string measureId, IReadOnlyList<Guid>? ids, DateOnly start, DateOnly asOf, CancellationToken cancellationToken)
    {
        var loans = db.GuaranteedLoans.AsNoTracking().Where(l => l.DisbursedOn != null && l.DisbursedOn >= start && l.DisbursedOn <= asOf);
        if (ids is not null)
        {
            loans = loans.Where(l =>
                db.BusinessStarts.Any(b => b.Id == l.BusinessStartId && ids.Contains(b.CommunityId)) ||
                db.Enterprises.Any(e => e.Id == l.EnterpriseId && ids.Contains(e.CommunityId)));
        }

        if (measureId == "entrepreneursSupported")
        {
            var starts = db.BusinessStarts.AsNoTracking().Where(b => b.StartDate >= start && b.StartDate <= asOf);
            if (ids is not null)
            {
                starts = starts.Where(b => ids.Contains(b.CommunityId));
            }

            var borrowers = await loans.Where(l => l.ResidentId != null).Select(l => l.ResidentId!.Value).ToListAsync(cancellationToken);
            var founders = await starts.Select(b => b.ResidentId).ToListAsync(cancellationToken);
            return borrowers.Concat(founders).Distinct().Count();
        }

        var fen = await loans.SumAsync(l => (long?)l.Amount, cancellationToken) ?? 0;
        return Domain.ValueObjects.Money.FromFen(fen).ToYuan();
    }

    /// <summary>Residents registered unemployed at the end of <paramref name="date"/>: their latest status change on or before it is 登记失业.</summary>
    public static Task<int> RegisteredUnemployedAsync(IQueryable<Resident> residents, DateOnly date, CancellationToken cancellationToken) =>
        RegisteredUnemployedOn(residents, date).CountAsync(cancellationToken);

    /// <summary>The residents counted by <see cref="RegisteredUnemployedAsync"/>, as a query (the monthly report groups it by community).</summary>
    public static IQueryable<Resident> RegisteredUnemployedOn(IQueryable<Resident> residents, DateOnly date) =>
        residents.Where(
            r => r.StatusHistory.Where(c => c.EffectiveFrom <= date).OrderByDescending(c => c.EffectiveFrom).ThenByDescending(c => c.Id)
                .Select(c => (EmploymentStatus?)c.Status).FirstOrDefault() == EmploymentStatus.RegisteredUnemployed);

    /// <summary>Residents with a hire (录用登记) starting from <paramref name="start"/> through <paramref name="asOf"/>, each once: the <c>urbanNewEmployment</c> measure as a query.</summary>
    public static IQueryable<Resident> HiredIn(PortalDbContext db, IQueryable<Resident> residents, DateOnly start, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(db);
        return residents.Where(r => db.Hires.Any(h => h.ResidentId == r.Id && h.StartDate >= start && h.StartDate <= asOf));
    }

    /// <summary>
    /// Residents hired or placed on a public-welfare post in the window who were certified with
    /// employment difficulties on the start day (<see cref="Resident.IsCertifiedWithEmploymentDifficultyOn"/>), each once.
    /// </summary>
    private static async Task<int> HardToEmployEmployedAsync(PortalDbContext db, IQueryable<Resident> residents, DateOnly start, DateOnly asOf, CancellationToken cancellationToken) =>
        (await HardToEmployPlacedAsync(db, residents, start, asOf, cancellationToken)).Count;

    /// <summary>The residents counted by <c>hardToEmployEmployed</c>, each once, with the community they count in.</summary>
    public static async Task<IReadOnlyList<(Guid ResidentId, Guid CommunityId)>> HardToEmployPlacedAsync(PortalDbContext db, IQueryable<Resident> residents, DateOnly start, DateOnly asOf, CancellationToken cancellationToken) =>
        (await HardToEmployStartsAsync(db, residents, start, asOf, cancellationToken))
            .DistinctBy(s => s.ResidentId).Select(s => (s.ResidentId, s.CommunityId)).ToList();

    /// <summary>
    /// Every hire and public-welfare placement starting in the window of a resident certified
    /// with employment difficulties on its start day (not yet one per person): the monthly report
    /// reads a year of them at once and counts each month's people itself.
    /// </summary>
    public static async Task<IReadOnlyList<(Guid ResidentId, Guid CommunityId, DateOnly StartDate)>> HardToEmployStartsAsync(PortalDbContext db, IQueryable<Resident> residents, DateOnly start, DateOnly asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var starts = await db.Hires.AsNoTracking().Where(h => h.StartDate >= start && h.StartDate <= asOf).Select(h => new { h.ResidentId, h.StartDate })
            .Concat(db.PostPlacements.AsNoTracking().Where(p => p.Kind == PostKind.PublicWelfare && p.StartDate >= start && p.StartDate <= asOf).Select(p => new { p.ResidentId, p.StartDate }))
            .ToListAsync(cancellationToken);
        var residentIds = starts.Select(s => s.ResidentId).Distinct().ToList();
        var certified = await residents.Where(r => residentIds.Contains(r.Id) && r.DifficultyCertifiedOn != null)
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        return starts.Where(s => certified.TryGetValue(s.ResidentId, out var r) && r.IsCertifiedWithEmploymentDifficultyOn(s.StartDate))
            .OrderBy(s => s.StartDate)
            .Select(s => (s.ResidentId, certified[s.ResidentId].CommunityId, s.StartDate)).ToList();
    }

    /// <summary>The share of the area's communities recognised in the latest month assessed within the window; null before any assessment.</summary>
    private static async Task<decimal?> RecognisedSharePercentAsync(PortalDbContext db, IReadOnlyList<Guid>? ids, DateOnly start, DateOnly asOf, CancellationToken cancellationToken)
    {
        var firstMonth = new DateOnly(start.Year, start.Month, 1);
        var assessments = db.CommunityAssessments.AsNoTracking().Where(a => a.Month >= firstMonth && a.Month <= asOf);
        var communities = db.Communities.AsNoTracking();
        if (ids is not null)
        {
            assessments = assessments.Where(a => ids.Contains(a.CommunityId));
            communities = communities.Where(c => ids.Contains(c.Id));
        }

        var month = await assessments.OrderByDescending(a => a.Month).Select(a => (DateOnly?)a.Month).FirstOrDefaultAsync(cancellationToken);
        var total = await communities.CountAsync(cancellationToken);
        if (month is null || total == 0)
        {
            return null;
        }

        var recognised = await assessments.CountAsync(a => a.Month == month && a.MeetsStandard, cancellationToken);
        return Math.Round(100m * recognised / total, 1);
    }
}
