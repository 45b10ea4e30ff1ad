using EmploymentPortal.Data;
using EmploymentPortal.Domain.Circles;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Circles.Referrals;

/// <summary>
/// Referrals as each side sees them. The enterprise sees what it needs to invite the person to
/// an interview and nothing more (docs/circles.md): name, sex, age, education, the referring
/// station and its address, and the mobile number masked; the full number only on request while
/// the referral is open, as an audited read. Never the ID number, the home address, the key
/// groups (disability, poverty monitoring…) or the station's match reason, which may name them.
/// </summary>
public static class ReferralQueries
{
    public static string StatusText(ReferralStatus status) => status switch
    {
        ReferralStatus.Referred => "已推荐",
        ReferralStatus.Interviewed => "已面试",
        ReferralStatus.Hired => "已录用",
        ReferralStatus.Declined => "未录用",
        _ => "已结束",
    };

    public sealed record EnterpriseReferralRow(
        Guid Id,
        Guid VacancyId,
        string VacancyTitle,
        string ResidentName,
        Sex Sex,
        int Age,
        EducationLevel? Education,
        string MaskedPhone,
        string CommunityName,
        string StationAddress,
        string ReferredBy,
        DateTimeOffset ReferredAt,
        double DistanceKm,
        ReferralStatus Status,
        string? AnswerNote,
        bool IsOpen)
    {
        /// <summary>Whether the enterprise recorded a hire of the person since the referral (登记录用 done).</summary>
        public bool HireRecorded { get; init; }
    }

    /// <summary>The referrals to the principal's enterprise, newest first (at most 500); empty for anyone else.</summary>
    public static async Task<List<EnterpriseReferralRow>> ForEnterpriseAsync(PortalDbContext db, PortalPrincipal principal, DateOnly today, CancellationToken cancellationToken = default) =>
        (await ForEnterprisePageAsync(db, principal, today, openOnly: false, 0, 500, cancellationToken)).Items.ToList();

    /// <summary>
    /// One page of the referrals to the principal's enterprise, newest first; with
    /// <paramref name="openOnly"/> only those waiting for its answer (referred or interviewed: the
    /// home page's "referrals to answer"). Empty for anyone else.
    /// </summary>
    public static async Task<ResidentQueries.Page<EnterpriseReferralRow>> ForEnterprisePageAsync(PortalDbContext db, PortalPrincipal principal, DateOnly today, bool openOnly, int skip, int take, CancellationToken cancellationToken = default)
    {
        if (principal.EnterpriseId is not { } enterpriseId)
        {
            return new([], 0);
        }

        var referrals = db.JobReferrals.AsNoTracking().Where(f => f.EnterpriseId == enterpriseId);
        if (openOnly)
        {
            referrals = referrals.Where(f => f.Status == ReferralStatus.Referred || f.Status == ReferralStatus.Interviewed);
        }

        var total = await referrals.CountAsync(cancellationToken);
        var rows = await (
            from f in referrals
            join v in db.Vacancies on f.VacancyId equals v.Id
            join r in db.Residents on f.ResidentId equals r.Id
            join c in db.Communities on f.CommunityId equals c.Id
            orderby f.ReferredAt descending, f.Id descending
            select new { f, v.Title, r.Name, r.Sex, r.BirthDate, r.Education, r.Phone, Community = c.Name, c.StationAddress })
            .Skip(Math.Max(skip, 0))
            .Take(Math.Clamp(take, 1, 500))
            .ToListAsync(cancellationToken);
        var hiredResidents = rows.Where(x => x.f.Status == ReferralStatus.Hired).Select(x => x.f.ResidentId).Distinct().ToList();
        var hires = await db.Hires.AsNoTracking().Where(h => h.EnterpriseId == enterpriseId && hiredResidents.Contains(h.ResidentId))
            .Select(h => new { h.ResidentId, h.StartDate }).ToListAsync(cancellationToken);
        return new(
            rows.Select(x => new EnterpriseReferralRow(
                    x.f.Id, x.f.VacancyId, x.Title, x.Name, x.Sex, DatePeriods.CompletedYearsBetween(x.BirthDate, today), x.Education, Mask(x.Phone),
                    x.Community, x.StationAddress, x.f.ReferredBy, x.f.ReferredAt, x.f.DistanceKm, x.f.Status, x.f.AnswerNote, x.f.IsOpen)
                {
                    HireRecorded = hires.Any(h => h.ResidentId == x.f.ResidentId && h.StartDate >= PortalCalendar.DateOf(x.f.ReferredAt).AddDays(-1)),
                })
                .ToList(),
            total);
    }

    /// <summary>
    /// The full mobile number of the referred resident, for the enterprise of an open referral
    /// only; the read is written to the audit log before the number leaves the server. Null when
    /// the referral is not the enterprise's, or is closed.
    /// </summary>
    public static async Task<string?> RevealPhoneAsync(PortalDbContext db, PortalPrincipal principal, Guid referralId, CancellationToken cancellationToken = default)
    {
        if (principal.EnterpriseId is not { } enterpriseId)
        {
            return null;
        }

        var row = await (
            from f in db.JobReferrals.AsNoTracking()
            join r in db.Residents on f.ResidentId equals r.Id
            where f.Id == referralId && f.EnterpriseId == enterpriseId && (f.Status == ReferralStatus.Referred || f.Status == ReferralStatus.Interviewed)
            select new { r.Id, r.Phone })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        db.RecordRead(nameof(Resident), row.Id.ToString(), $"Phone (referral {referralId})");
        await db.SaveChangesAsync(cancellationToken);
        return row.Phone;
    }

    public sealed record ResidentReferralRow(Guid Id, Guid VacancyId, string VacancyTitle, string EnterpriseName, double DistanceKm, string? Reason, string ReferredBy, DateTimeOffset ReferredAt, ReferralStatus Status, DateTimeOffset? AnsweredAt, string? AnswerNote);

    /// <summary>A resident's referrals and their outcomes (the resident's history), for staff who may see the resident.</summary>
    public static async Task<List<ResidentReferralRow>> ForResidentAsync(PortalDbContext db, PortalPrincipal principal, Guid residentId, CancellationToken cancellationToken = default)
    {
        if (!await db.Residents.AsNoTracking().VisibleTo(principal).AnyAsync(r => r.Id == residentId, cancellationToken))
        {
            return [];
        }

        return await (
            from f in db.JobReferrals.AsNoTracking()
            join v in db.Vacancies on f.VacancyId equals v.Id
            join e in db.Enterprises on f.EnterpriseId equals e.Id
            where f.ResidentId == residentId
            orderby f.ReferredAt descending
            select new ResidentReferralRow(f.Id, f.VacancyId, v.Title, e.Name, f.DistanceKm, f.Reason, f.ReferredBy, f.ReferredAt, f.Status, f.AnsweredAt, f.AnswerNote))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The migrant-worker service standard of 002 二(二)2 (and 任务6): 为有需要的农民工免费提供1次
    /// 职业指导、3个适合的岗位信息、1个培训工程. Counted from the record: career guidance = contacts
    /// with 职业指导; job offers = referrals (each to a different vacancy); training = contacts with
    /// 培训推荐 or a period in training.
    /// </summary>
    public sealed record MigrantWorkerService(bool Applies, int CareerGuidance, int JobOffers, int Training)
    {
        public const int RequiredGuidance = 1;
        public const int RequiredJobOffers = 3;
        public const int RequiredTraining = 1;

        public bool Complete => CareerGuidance >= RequiredGuidance && JobOffers >= RequiredJobOffers && Training >= RequiredTraining;

        /// <summary>The one count of the standard from a person's records: their contacts' services, referrals and periods in training.</summary>
        public static MigrantWorkerService Of(bool applies, IEnumerable<FollowUpServices> contacts, int referrals, int periodsInTraining)
        {
            var services = contacts.ToList();
            return new MigrantWorkerService(
                applies,
                services.Count(s => s.HasFlag(FollowUpServices.CareerGuidance)),
                referrals,
                services.Count(s => s.HasFlag(FollowUpServices.TrainingReferral)) + periodsInTraining);
        }
    }

    public static async Task<MigrantWorkerService?> MigrantWorkerServiceAsync(PortalDbContext db, PortalPrincipal principal, Guid residentId, CancellationToken cancellationToken = default)
    {
        var resident = await db.Residents.AsNoTracking().VisibleTo(principal).Where(r => r.Id == residentId)
            .Select(r => new { r.MigrantWorker }).FirstOrDefaultAsync(cancellationToken);
        if (resident is null)
        {
            return null;
        }

        var contacts = await db.ResidentContacts.AsNoTracking().Where(c => c.ResidentId == residentId).Select(c => c.Services).ToListAsync(cancellationToken);
        var offers = await db.JobReferrals.AsNoTracking().CountAsync(r => r.ResidentId == residentId, cancellationToken);
        var inTraining = await db.EmploymentStatusChanges.AsNoTracking().CountAsync(c => c.ResidentId == residentId && c.Status == EmploymentStatus.InTraining, cancellationToken);
        return MigrantWorkerService.Of(resident.MigrantWorker != MigrantWorkerStatus.None, contacts, offers, inTraining);
    }

    private static string Mask(string phone) => PhoneNumber.TryParse(phone, out var p, out _) ? p.Masked : "***";
}
