using System.Globalization;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Features.Circles.Referrals;
using EmploymentPortal.Web.Features.Claims;
using EmploymentPortal.Web.Features.Residents.FollowUp;
using EmploymentPortal.Web.Infrastructure.Security;
using EmploymentPortal.Web.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.ServiceStandards;

/// <summary>
/// The service standards the documents set for the stations (issue 17), each measured from the
/// records per community and per staff member, with the people who breach it (names masked). A
/// station sees its own communities, an officer all of them (docs/indicators.md, “Service standards”).
/// </summary>
public static class ServiceStandardQueries
{
    /// <summary>Days after registration by which a registered unemployed person should have had a first service.</summary>
    /// <remarks>
    /// No document gives a number of days: the monthly follow-up standard (每月至少进行1次跟踪调查)
    /// asks for a contact in every month of registration, so a first service later than a month
    /// after registration breaks it. The portal measures the days and names a person without any
    /// service 30 days after registering.
    /// </remarks>
    public const int FirstServiceDays = 30;

    /// <summary>Days a registered migrant worker may wait before the 1-3-1 service is complete (the same month as above; the document gives no deadline).</summary>
    public const int MigrantServiceDays = 30;

    /// <summary>The most breaches a list returns (the page says how many there are in all).</summary>
    public const int BreachesShown = 200;

    /// <summary>One standard: its name, the clause it rests on (document, section, quote) and how the portal measures it.</summary>
    public sealed record Standard(string Id, string Name, string Document, string Section, string Quote, string Measure);

    public const string MonthlyFollowUp = "monthly-follow-up";
    public const string MigrantOneThreeOne = "migrant-1-3-1";
    public const string FirstService = "first-service";
    public const string RelocatedHouseholds = "relocated-households";

    /// <summary>The standards, each citing its document (the catalogue's document ids) and the words it rests on.</summary>
    public static IReadOnlyList<Standard> All { get; } =
    [
        new(MonthlyFollowUp, "登记失业人员每月至少跟踪1次", "tongren-2022", "第四章 八、3", "每月至少进行1次跟踪调查",
            "当月登记失业人员中当月有跟踪服务记录的人数 ÷ 登记失业人数；往月为月末结转记录，未达标人员为结转时未跟踪的人员"),
        new(MigrantOneThreeOne, "农民工“1-3-1”服务", "jieshou-2022", "二、(二)2", "为有需要的农民工免费提供1次职业指导、3个适合的岗位信息、1个培训工程",
            "当前登记失业的农民工中已获得 1 次职业指导（跟踪记录）、3 个岗位信息（岗位推荐）、1 个培训（培训推荐或参加培训）的人数；登记满 30 天仍未完成的列为未达标"),
        new(FirstService, "登记后首次服务", "tongren-2022", "第四章 八、3", "每月至少进行1次跟踪调查",
            "当月新登记失业人员从登记到第一次跟踪服务的天数；登记满 30 天仍无服务记录且仍在登记的列为未达标（文件未规定天数，按每月至少跟踪 1 次推定）"),
        new(RelocatedHouseholds, "搬迁家庭一户一人以上稳定就业", "tongren-2022", "第四章 三、3", "确保有劳动力的搬迁家庭一户一人以上稳定就业",
            "有搬迁群众成员、且有劳动年龄内有劳动能力成员的家庭中，至少一名成员在业（就业、灵活就业、自主创业或公益性岗位）的户数"),
    ];

    public static Standard Find(string id) => All.Single(s => s.Id == id);

    /// <summary>One community's figures for the month.</summary>
    public sealed record CommunityRow(
        Guid CommunityId,
        string Community,
        string District,
        int FollowUpRegistered,
        int FollowUpContacted,
        int MigrantWorkers,
        int MigrantComplete,
        int Registrations,
        int FirstServedInTime,
        double? AverageDaysToFirstService,
        int RelocatedHouseholds,
        int RelocatedHouseholdsInWork)
    {
        public double? FollowUpRate => FollowUpRegistered == 0 ? null : (double)FollowUpContacted / FollowUpRegistered;

        public double? MigrantRate => MigrantWorkers == 0 ? null : (double)MigrantComplete / MigrantWorkers;

        public double? FirstServiceRate => Registrations == 0 ? null : (double)FirstServedInTime / Registrations;

        public double? RelocatedRate => RelocatedHouseholds == 0 ? null : (double)RelocatedHouseholdsInWork / RelocatedHouseholds;
    }

    /// <summary>What one staff member (by the name their records carry) did in the month in the communities shown.</summary>
    public sealed record StaffRow(string StaffMember, int Contacts, int ResidentsContacted, int CareerGuidance, int TrainingReferrals, int JobOffers, int FirstServices);

    /// <summary>A person (or household) who breaches a standard, with the figures behind it; the name masked.</summary>
    public sealed record Breach(string Standard, Guid ResidentId, Guid CommunityId, string Community, string MaskedName, string Detail, DateOnly Since);

    public sealed record Report(string Month, DateOnly AsOf, IReadOnlyList<Standard> Standards, IReadOnlyList<CommunityRow> Communities, IReadOnlyList<StaffRow> Staff, IReadOnlyList<Breach> Breaches, int BreachCount, IReadOnlyDictionary<string, int> BreachesByStandard);

    /// <summary>
    /// Reads <paramref name="month"/> (yyyy-MM; empty for the current month). A bad or future month
    /// is a field error in Chinese.
    /// </summary>
    public static (DateOnly? Month, FeatureOutcome? Refusal) ParseMonth(string? month, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(month))
        {
            return (FollowUpMonth.StartOf(today), null);
        }

        if (!DateOnly.TryParseExact(month.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) || start.Year < 2001)
        {
            return (null, FeatureOutcome.Field("month", "月份格式应为 yyyy-MM（如 2026-03）。"));
        }

        return start > FollowUpMonth.StartOf(today)
            ? (null, FeatureOutcome.Field("month", "所选月份尚未开始，请选择本月或以前的月份。"))
            : (start, null);
    }

    /// <summary>
    /// The standards measured for <paramref name="month"/> in the communities <paramref name="principal"/>
    /// may see. Follow-up coverage and first services are the month's; the 1-3-1 service and the
    /// relocated households stand as of the month's last day (today for the current month), as do the breaches.
    /// </summary>
    public static async Task<Report> MeasureAsync(PortalDbContext db, PortalPrincipal principal, DateOnly month, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(principal);
        var start = FollowUpMonth.StartOf(month);
        var asOf = Min(FollowUpMonth.EndOf(start), today);
        var communities = await CommunitiesAsync(db, principal, cancellationToken);
        var ids = communities.Keys.ToList();

        var coverage = ((await FollowUpCoverage.ForMonthAsync(db, start, today, null, null, cancellationToken)) ?? [])
            .Where(r => communities.ContainsKey(r.CommunityId))
            .ToDictionary(r => r.CommunityId);
        var breaches = new List<Breach>();
        breaches.AddRange(await FollowUpBreachesAsync(db, ids, start, today, communities, cancellationToken));
        var (migrants, migrantBreaches) = await MigrantServiceAsync(db, ids, asOf, communities, cancellationToken);
        breaches.AddRange(migrantBreaches);
        var (firstServices, firstServiceBreaches) = await FirstServiceAsync(db, ids, start, asOf, communities, cancellationToken);
        breaches.AddRange(firstServiceBreaches);
        var (households, householdBreaches) = await RelocatedHouseholdsAsync(db, ids, asOf, communities, cancellationToken);
        breaches.AddRange(householdBreaches);
        var staff = await StaffAsync(db, ids, start, asOf, cancellationToken);

        var rows = communities.Values
            .Select(c =>
            {
                var follow = coverage.GetValueOrDefault(c.Id);
                var migrant = migrants.GetValueOrDefault(c.Id);
                var first = firstServices.GetValueOrDefault(c.Id);
                var household = households.GetValueOrDefault(c.Id);
                return new CommunityRow(
                    c.Id,
                    c.Name,
                    c.District,
                    follow is { Live: true } or { Closed: true } ? follow.RegisteredUnemployed : 0,
                    follow is { Live: true } or { Closed: true } ? follow.Contacted : 0,
                    migrant.Applicable,
                    migrant.Complete,
                    first.Registrations,
                    first.InTime,
                    first.Served == 0 ? null : Math.Round(first.TotalDays / (double)first.Served, 1),
                    household.Households,
                    household.InWork);
            })
            .OrderBy(r => r.District, StringComparer.Ordinal)
            .ThenBy(r => r.Community, StringComparer.Ordinal)
            .ToList();
        var order = All.Select((standard, i) => (standard.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var ordered = breaches
            .OrderBy(b => order[b.Standard])
            .ThenBy(b => b.Since)
            .ThenBy(b => b.Community, StringComparer.Ordinal)
            .ThenBy(b => b.ResidentId)
            .ToList();
        return new Report(start.ToString("yyyy-MM", CultureInfo.InvariantCulture), asOf, All, rows, staff, ordered.Take(BreachesShown).ToList(), ordered.Count, All.ToDictionary(a => a.Id, a => ordered.Count(b => b.Standard == a.Id)));
    }

    private sealed record Place(Guid Id, string Name, string District);

    private static async Task<Dictionary<Guid, Place>> CommunitiesAsync(PortalDbContext db, PortalPrincipal principal, CancellationToken cancellationToken)
    {
        var mine = principal.IsStationStaff ? principal.CommunityIds.ToList() : [];
        var all = principal.SeesAllCommunities;
        return await (from c in db.Communities.AsNoTracking()
                      join s in db.Streets on c.StreetId equals s.Id
                      join d in db.Districts on s.DistrictId equals d.Id
                      where all || mine.Contains(c.Id)
                      select new Place(c.Id, c.Name, d.Name))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
    }

    /// <summary>
    /// Who missed the monthly contact: for a closed month, the residents the month-end job recorded
    /// as not contacted; for the current month, the last closed month's (the current month is not over).
    /// </summary>
    private static async Task<List<Breach>> FollowUpBreachesAsync(PortalDbContext db, List<Guid> ids, DateOnly start, DateOnly today, Dictionary<Guid, Place> communities, CancellationToken cancellationToken)
    {
        var month = start == FollowUpMonth.StartOf(today) ? start.AddMonths(-1) : start;
        var missed = await (from o in db.Set<OverdueFollowUp>().AsNoTracking()
                            join r in db.Residents on o.ResidentId equals r.Id
                            where o.Month == month && ids.Contains(o.CommunityId)
                            select new { r.Id, o.CommunityId, r.Name })
            .ToListAsync(cancellationToken);
        var label = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return missed.Select(m => new Breach(MonthlyFollowUp, m.Id, m.CommunityId, communities[m.CommunityId].Name, ClaimFormat.MaskName(m.Name), $"{label} 月未跟踪", month)).ToList();
    }

    private readonly record struct MigrantFigures(int Applicable, int Complete);

    /// <summary>The 1-3-1 service of registered migrant workers, counted as <see cref="ReferralQueries.MigrantWorkerServiceAsync"/> counts it for one person.</summary>
    private static async Task<(Dictionary<Guid, MigrantFigures> Figures, List<Breach> Breaches)> MigrantServiceAsync(PortalDbContext db, List<Guid> ids, DateOnly asOf, Dictionary<Guid, Place> communities, CancellationToken cancellationToken)
    {
        var migrants = await db.Residents.AsNoTracking()
            .Where(r => ids.Contains(r.CommunityId) && r.MigrantWorker != MigrantWorkerStatus.None && r.CurrentStatus == EmploymentStatus.RegisteredUnemployed)
            .Select(r => new { r.Id, r.CommunityId, r.Name, r.UnemployedSince })
            .ToListAsync(cancellationToken);
        var residentIds = migrants.Select(m => m.Id).ToList();
        var contacts = await db.ResidentContacts.AsNoTracking()
            .Where(c => residentIds.Contains(c.ResidentId) && c.ContactedOn <= asOf)
            .Select(c => new { c.ResidentId, c.Services })
            .ToListAsync(cancellationToken);
        var asOfEnd = PortalCalendar.EndOf(asOf);
        var offers = await db.JobReferrals.AsNoTracking()
            .Where(j => residentIds.Contains(j.ResidentId) && j.ReferredAt < asOfEnd)
            .GroupBy(j => j.ResidentId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var training = await db.EmploymentStatusChanges.AsNoTracking()
            .Where(c => residentIds.Contains(c.ResidentId) && c.Status == EmploymentStatus.InTraining && c.EffectiveFrom <= asOf)
            .GroupBy(c => c.ResidentId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var byResident = contacts.ToLookup(c => c.ResidentId, c => c.Services);

        var figures = new Dictionary<Guid, MigrantFigures>();
        var breaches = new List<Breach>();
        foreach (var migrant in migrants)
        {
            var service = ReferralQueries.MigrantWorkerService.Of(true, byResident[migrant.Id], offers.GetValueOrDefault(migrant.Id), training.GetValueOrDefault(migrant.Id));
            var (applicable, complete) = figures.GetValueOrDefault(migrant.CommunityId);
            figures[migrant.CommunityId] = new MigrantFigures(applicable + 1, complete + (service.Complete ? 1 : 0));
            var since = migrant.UnemployedSince ?? asOf;
            if (!service.Complete && asOf.DayNumber - since.DayNumber >= MigrantServiceDays)
            {
                breaches.Add(new Breach(
                    MigrantOneThreeOne,
                    migrant.Id,
                    migrant.CommunityId,
                    communities[migrant.CommunityId].Name,
                    ClaimFormat.MaskName(migrant.Name),
                    string.Create(CultureInfo.InvariantCulture, $"职业指导 {Math.Min(service.CareerGuidance, 1)}/1，岗位信息 {Math.Min(service.JobOffers, 3)}/3，培训 {Math.Min(service.Training, 1)}/1"),
                    since));
            }
        }

        return (figures, breaches);
    }

    private readonly record struct FirstServiceFigures(int Registrations, int InTime, int Served, long TotalDays);

    /// <summary>
    /// Registrations (a change to 登记失业 with a registration number) in the month and the days to
    /// the first contact on or after each; and, as of <paramref name="asOf"/>, every person still
    /// registered from a registration more than <see cref="FirstServiceDays"/> days old with no contact since.
    /// </summary>
    private static async Task<(Dictionary<Guid, FirstServiceFigures> Figures, List<Breach> Breaches)> FirstServiceAsync(PortalDbContext db, List<Guid> ids, DateOnly start, DateOnly asOf, Dictionary<Guid, Place> communities, CancellationToken cancellationToken)
    {
        var registrations = await (from c in db.EmploymentStatusChanges.AsNoTracking()
                                   join r in db.Residents on c.ResidentId equals r.Id
                                   where ids.Contains(r.CommunityId) && c.Status == EmploymentStatus.RegisteredUnemployed && c.RegistrationNumber != null
                                       && c.EffectiveFrom >= start && c.EffectiveFrom <= asOf
                                   select new
                                   {
                                       c.ResidentId,
                                       r.CommunityId,
                                       c.EffectiveFrom,
                                       First = db.ResidentContacts.Where(k => k.ResidentId == c.ResidentId && k.ContactedOn >= c.EffectiveFrom && k.ContactedOn <= asOf)
                                           .OrderBy(k => k.ContactedOn).Select(k => (DateOnly?)k.ContactedOn).FirstOrDefault(),
                                   })
            .ToListAsync(cancellationToken);
        var figures = new Dictionary<Guid, FirstServiceFigures>();
        foreach (var registration in registrations)
        {
            var days = registration.First is { } first ? first.DayNumber - registration.EffectiveFrom.DayNumber : (int?)null;
            var f = figures.GetValueOrDefault(registration.CommunityId);
            figures[registration.CommunityId] = new FirstServiceFigures(
                f.Registrations + 1,
                f.InTime + (days is { } d && d <= FirstServiceDays ? 1 : 0),
                f.Served + (days is null ? 0 : 1),
                f.TotalDays + (days ?? 0));
        }

        var due = asOf.AddDays(-FirstServiceDays);
        var waiting = await db.Residents.AsNoTracking()
            .Where(r => ids.Contains(r.CommunityId) && r.CurrentStatus == EmploymentStatus.RegisteredUnemployed && r.UnemployedSince != null && r.UnemployedSince < due
                && !db.ResidentContacts.Any(k => k.ResidentId == r.Id && k.ContactedOn >= r.UnemployedSince && k.ContactedOn <= asOf))
            .Select(r => new { r.Id, r.CommunityId, r.Name, Since = r.UnemployedSince!.Value })
            .ToListAsync(cancellationToken);
        var breaches = waiting.Select(w => new Breach(
                FirstService,
                w.Id,
                w.CommunityId,
                communities[w.CommunityId].Name,
                ClaimFormat.MaskName(w.Name),
                string.Create(CultureInfo.InvariantCulture, $"登记 {asOf.DayNumber - w.Since.DayNumber} 天，尚无服务记录"),
                w.Since))
            .ToList();
        return (figures, breaches);
    }

    private readonly record struct HouseholdFigures(int Households, int InWork);

    /// <summary>
    /// Households with a relocated member (易地搬迁群众, on the linked resident record) and a member
    /// of working age able to work; in work when a member is (<see cref="ZeroEmploymentFamilies.IsInWork"/>
    /// on the linked record, or the station recorded the member employed).
    /// </summary>
    private static async Task<(Dictionary<Guid, HouseholdFigures> Figures, List<Breach> Breaches)> RelocatedHouseholdsAsync(PortalDbContext db, List<Guid> ids, DateOnly asOf, Dictionary<Guid, Place> communities, CancellationToken cancellationToken)
    {
        var members = await (from h in db.Households.AsNoTracking()
                             from m in h.Members
                             join r in db.Residents on m.ResidentId equals (Guid?)r.Id into linked
                             from r in linked.DefaultIfEmpty()
                             where ids.Contains(h.CommunityId)
                             select new
                             {
                                 HouseholdId = h.Id,
                                 h.CommunityId,
                                 m.Name,
                                 m.Relation,
                                 m.BirthDate,
                                 m.Sex,
                                 m.AbleToWork,
                                 m.IsEmployed,
                                 ResidentId = (Guid?)r.Id,
                                 Relocated = (bool?)r.IsRelocatedResident,
                                 Status = (EmploymentStatus?)r.CurrentStatus,
                             })
            .ToListAsync(cancellationToken);
        var figures = new Dictionary<Guid, HouseholdFigures>();
        var breaches = new List<Breach>();
        foreach (var household in members.GroupBy(m => m.HouseholdId))
        {
            if (!household.Any(m => m.Relocated == true)
                || !household.Any(m => m.AbleToWork && m.BirthDate is { } birth && m.Sex is { } sex && StatutoryRetirement.IsOfWorkingAge(birth, sex, asOf)))
            {
                continue;
            }

            var community = household.First().CommunityId;
            var inWork = household.Any(m => m.IsEmployed || ZeroEmploymentFamilies.IsInWork(m.Status));
            var f = figures.GetValueOrDefault(community);
            figures[community] = new HouseholdFigures(f.Households + 1, f.InWork + (inWork ? 1 : 0));
            if (!inWork)
            {
                // Named by the relocated member the registry holds (the household's page is reached from their record).
                var person = household.Where(m => m.Relocated == true).OrderBy(m => m.Relation).First();
                breaches.Add(new Breach(
                    RelocatedHouseholds,
                    person.ResidentId!.Value,
                    community,
                    communities[community].Name,
                    ClaimFormat.MaskName(person.Name),
                    string.Create(CultureInfo.InvariantCulture, $"搬迁家庭 {household.Count()} 人，无人在业"),
                    asOf));
            }
        }

        return (figures, breaches);
    }

    /// <summary>Per staff member, by the display name their contacts and referrals carry (the records keep no account id).</summary>
    private static async Task<List<StaffRow>> StaffAsync(PortalDbContext db, List<Guid> ids, DateOnly start, DateOnly asOf, CancellationToken cancellationToken)
    {
        var contacts = await (from c in db.ResidentContacts.AsNoTracking()
                              join r in db.Residents on c.ResidentId equals r.Id
                              where ids.Contains(r.CommunityId) && c.ContactedOn >= start && c.ContactedOn <= asOf
                              select new
                              {
                                  c.Id,
                                  c.ResidentId,
                                  c.RecordedBy,
                                  c.Services,
                                  c.ContactedOn,
                                  FirstSinceRegistration = db.ResidentContacts.Where(o => o.ResidentId == c.ResidentId && r.UnemployedSince != null && o.ContactedOn >= r.UnemployedSince)
                                      .Min(o => (DateOnly?)o.ContactedOn),
                              })
            .ToListAsync(cancellationToken);
        // A first service is the earliest contact since the current registration (one per person, the first recorded that day).
        var firstServices = contacts.Where(c => c.ContactedOn == c.FirstSinceRegistration)
            .GroupBy(c => c.ResidentId).Select(g => g.OrderBy(c => c.Id).First().Id).ToHashSet();
        var from = PortalCalendar.StartOf(start);
        var until = PortalCalendar.EndOf(asOf);
        var offers = await db.JobReferrals.AsNoTracking()
            .Where(j => ids.Contains(j.CommunityId) && j.ReferredAt >= from && j.ReferredAt < until)
            .GroupBy(j => j.ReferredBy).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return contacts.GroupBy(c => c.RecordedBy).Select(g => g.Key).Concat(offers.Keys).Distinct()
            .Select(name =>
            {
                var mine = contacts.Where(c => c.RecordedBy == name).ToList();
                return new StaffRow(
                    name,
                    mine.Count,
                    mine.Select(c => c.ResidentId).Distinct().Count(),
                    mine.Count(c => c.Services.HasFlag(FollowUpServices.CareerGuidance)),
                    mine.Count(c => c.Services.HasFlag(FollowUpServices.TrainingReferral)),
                    offers.GetValueOrDefault(name),
                    mine.Count(c => firstServices.Contains(c.Id)));
            })
            .OrderByDescending(s => s.Contacts)
            .ThenBy(s => s.StaffMember, StringComparer.Ordinal)
            .ToList();
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
