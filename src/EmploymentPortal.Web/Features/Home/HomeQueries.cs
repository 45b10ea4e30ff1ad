using EmploymentPortal.Data;
using EmploymentPortal.Domain.Circles;
using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Web.Features.Claims;
using EmploymentPortal.Web.Features.Residents.FollowUp;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Home;

/// <summary>
/// What each role's home page shows: its work of the day, projected straight from the database
/// as counts (and a few rows to link to), scoped to the user on the server. The home page is the
/// most opened page, so every figure is a count over indexed columns, never a loaded table.
/// </summary>
public static class HomeQueries
{
    /// <summary>Rows a home list shows at most; the count says how many there are.</summary>
    public const int Shown = 5;

    public sealed record CityFigures(int Districts, int Streets, int Communities, int Enterprises, int Residents);

    public sealed record EnterpriseSummary(string Name, string CreditCode, EnterpriseStatus Status);

    /// <summary>A station worker's day: overdue follow-ups, open referrals, transfers to accept and each community's month.</summary>
    public sealed record StationWork(int Overdue, int OpenReferrals, IReadOnlyList<ReferralRow> Referrals, int TransfersToAccept, IReadOnlyList<CommunityMonth> Communities);

    /// <summary>A referral the enterprise has not answered yet (referred or interviewed).</summary>
    public sealed record ReferralRow(Guid ResidentId, string ResidentName, string VacancyTitle, DateTimeOffset ReferredAt);

    /// <summary>
    /// One community this month: unemployment registrations (失业登记) issued this month; the registered
    /// unemployed, how many of them are overdue, and the follow-up coverage against the
    /// three-kilometre standard's minimum in force (the community's target, <see cref="CircleStandard"/>).
    /// </summary>
    public sealed record CommunityMonth(Guid Id, string Name, string StreetName, string DistrictName, int Residents, int RegistrationsThisMonth, int RegisteredUnemployed, int Overdue, decimal MinCoveragePercent)
    {
        /// <summary>Contacted share of the registered unemployed this month (100 % when there are none, as the standard counts it).</summary>
        public decimal CoveragePercent => RegisteredUnemployed == 0 ? 100 : Math.Round(100m * (RegisteredUnemployed - Overdue) / RegisteredUnemployed, 1);

        public bool MeetsTarget => CoveragePercent >= MinCoveragePercent;
    }

    /// <summary>An enterprise's day: claims returned, vacancies returned by review, referrals to answer, subsidies it may claim now.</summary>
    public sealed record EnterpriseWork(EnterpriseSummary? Enterprise, int ReturnedClaims, IReadOnlyList<ClaimRow> Returned, int ReturnedVacancies, int OpenReferrals, IReadOnlyList<ClaimableSubsidies.Benefit> Claimable);

    public sealed record ClaimRow(Guid Id, string Number, string Benefit, string PersonName);

    /// <summary>
    /// An officer's day: claims waiting for this officer by days since submission (≤3, 4–7, &gt;7),
    /// second approvals this officer may give, vacancies to review, payment batches to settle.
    /// </summary>
    public sealed record OfficerWork(int WaitingUpTo3Days, int Waiting4To7Days, int WaitingOver7Days, int SecondApprovals, int VacanciesToReview, int BatchesToSettle)
    {
        public int Waiting => WaitingUpTo3Days + Waiting4To7Days + WaitingOver7Days;
    }

    public static async Task<StationWork> StationAsync(PortalDbContext db, PortalPrincipal principal, DateOnly today, CancellationToken cancellationToken = default)
    {
        var ids = principal.IsStationStaff ? principal.CommunityIds.ToList() : [];
        var mine = db.Residents.AsNoTracking().Where(r => ids.Contains(r.CommunityId));
        var overdueByCommunity = await mine.Overdue(db, today)
            .GroupBy(r => r.CommunityId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var unemployedByCommunity = await mine.Where(r => r.CurrentStatus == EmploymentStatus.RegisteredUnemployed)
            .GroupBy(r => r.CommunityId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var monthStart = PortalCalendar.MonthOf(today);
        var registrationsByCommunity = await (
                from change in db.EmploymentStatusChanges.AsNoTracking()
                join r in db.Residents on change.ResidentId equals r.Id
                where ids.Contains(r.CommunityId) && change.RegistrationNumber != null && change.EffectiveFrom >= monthStart && change.EffectiveFrom <= today
                group change by r.CommunityId into g
                select new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var standard = CircleStandard.InForce(await db.CircleStandards.AsNoTracking().ToListAsync(cancellationToken), today);

        var openReferrals = db.JobReferrals.AsNoTracking()
            .Where(j => ids.Contains(j.CommunityId) && (j.Status == ReferralStatus.Referred || j.Status == ReferralStatus.Interviewed));
        var referrals = await (
                from j in openReferrals
                join r in db.Residents on j.ResidentId equals r.Id
                join v in db.Vacancies on j.VacancyId equals v.Id
                orderby j.ReferredAt, j.Id
                select new ReferralRow(r.Id, r.Name, v.Title, j.ReferredAt))
            .Take(Shown)
            .ToListAsync(cancellationToken);

        var communities = await (from c in db.Communities.AsNoTracking()
                                 join s in db.Streets on c.StreetId equals s.Id
                                 join d in db.Districts on s.DistrictId equals d.Id
                                 where ids.Contains(c.Id)
                                 orderby c.Code
                                 select new { c.Id, c.Name, Street = s.Name, District = d.Name, Residents = db.Residents.Count(r => r.CommunityId == c.Id) })
            .ToListAsync(cancellationToken);

        return new StationWork(
            overdueByCommunity.Values.Sum(),
            await openReferrals.CountAsync(cancellationToken),
            referrals,
            // To accept: pending requests for a record this station holds (the holder decides,
            // DecideTransfer; the requester's own requests wait on the other station).
            await db.ResidentTransferRequests.AsNoTracking().CountAsync(t => ids.Contains(t.FromCommunityId) && t.Status == TransferRequestStatus.Pending, cancellationToken),
            communities.Select(c => new CommunityMonth(
                c.Id, c.Name, c.Street, c.District, c.Residents,
                registrationsByCommunity.GetValueOrDefault(c.Id),
                unemployedByCommunity.GetValueOrDefault(c.Id),
                overdueByCommunity.GetValueOrDefault(c.Id),
                standard.MinFollowUpCoveragePercent)).ToList());
    }

    /// <summary>The enterprise's own work; <paramref name="claimable"/> are the subsidies it may claim now (<see cref="ClaimableSubsidies"/>).</summary>
    public static async Task<EnterpriseWork> EnterpriseAsync(PortalDbContext db, Guid enterpriseId, IReadOnlyList<ClaimableSubsidies.Benefit> claimable, CancellationToken cancellationToken = default)
    {
        var returned = db.Claims.AsNoTracking()
            .Where(c => c.ClaimantKind == ClaimantKind.Enterprise && c.EnterpriseId == enterpriseId && c.Status == ClaimStatus.ReturnedForCorrection);
        var rows = await returned.OrderBy(c => c.Id).Take(Shown).Select(c => new { c.Id, c.Number, c.Benefit, c.PersonName }).ToListAsync(cancellationToken);
        return new EnterpriseWork(
            await db.Enterprises.AsNoTracking().Where(e => e.Id == enterpriseId).Select(e => new EnterpriseSummary(e.Name, e.CreditCode, e.Status)).FirstOrDefaultAsync(cancellationToken),
            await returned.CountAsync(cancellationToken),
            rows.Select(c => new ClaimRow(c.Id, c.Number, ClaimFormat.Benefit(c.Benefit), c.PersonName)).ToList(),
            await db.Vacancies.AsNoTracking().CountAsync(v => v.EnterpriseId == enterpriseId && v.Status == VacancyStatus.Rejected, cancellationToken),
            await db.JobReferrals.AsNoTracking().CountAsync(j => j.EnterpriseId == enterpriseId && (j.Status == ReferralStatus.Referred || j.Status == ReferralStatus.Interviewed), cancellationToken),
            claimable);
    }

    /// <summary>
    /// The officer's queue: claims submitted and not yet taken, or under this officer's review,
    /// that this officer did not prepare or submit (maker-checker); second approvals waiting whose
    /// first approval was another officer's; vacancies pending review; open payment batches.
    /// </summary>
    public static async Task<OfficerWork> OfficerAsync(PortalDbContext db, PortalPrincipal principal, DateOnly today, CancellationToken cancellationToken = default)
    {
        var me = principal.UserId ?? string.Empty;
        var claims = db.Claims.AsNoTracking().VisibleTo(principal);
        var waiting = claims.Where(c => (c.Status == ClaimStatus.Submitted || (c.Status == ClaimStatus.UnderReview && c.ReviewerId == me))
            && c.PreparedById != me && c.SubmittedById != me);
        var from3 = PortalCalendar.StartOf(today.AddDays(-3));
        var from7 = PortalCalendar.StartOf(today.AddDays(-7));
        return new OfficerWork(
            await waiting.CountAsync(c => c.SubmittedAt >= from3, cancellationToken),
            await waiting.CountAsync(c => c.SubmittedAt < from3 && c.SubmittedAt >= from7, cancellationToken),
            await waiting.CountAsync(c => c.SubmittedAt < from7, cancellationToken),
            await claims.CountAsync(c => c.Status == ClaimStatus.AwaitingSecondApproval && c.FirstApproverId != me && c.PreparedById != me && c.SubmittedById != me, cancellationToken),
            await db.Vacancies.AsNoTracking().CountAsync(v => v.Status == VacancyStatus.PendingReview, cancellationToken),
            await db.PaymentBatches.AsNoTracking().CountAsync(b => b.Status == PaymentBatchStatus.Open, cancellationToken));
    }

    public static async Task<CityFigures> CityFiguresAsync(PortalDbContext db) =>
        new(
            await db.Districts.CountAsync(),
            await db.Streets.CountAsync(),
            await db.Communities.CountAsync(),
            await db.Enterprises.CountAsync(),
            await db.Residents.CountAsync());
}
