using EmploymentPortal.Data;
using EmploymentPortal.Domain.Circles;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EmploymentPortal.Web.Features.Circles.Referrals;

/// <summary>
/// 岗位推荐: station staff refer a resident of their communities to a vacancy on the board. The
/// distance and the match reason at the time are kept with the referral; a second referral of the
/// same resident to the same vacancy is refused.
/// </summary>
public static class ReferResident
{
    public const string AlreadyReferredCode = "referral-exists";

    public sealed record Command(Guid? ResidentId, Guid? VacancyId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ResidentId).NotNull().WithMessage("请选择要推荐的居民。");
            RuleFor(c => c.VacancyId).NotNull().WithMessage("请选择推荐的岗位。");
        }
    }

    /// <summary>A second referral of the same resident to the same vacancy: 409 (ADR 007).</summary>
    private static FeatureOutcome AlreadyReferred() => FeatureOutcome.Conflicting(AlreadyReferredCode, "已向该岗位推荐过这位居民。");

    public sealed class Handler(OperationScope scope, PortalCalendar calendar, IOptions<CircleOptions> options) : ICommandHandler<Command>
    {
        private readonly CircleOptions _options = options.Value;

        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var (residentId, vacancyId) = (command.ResidentId!.Value, command.VacancyId!.Value);
            var principal = scope.Principal;
            if (!principal.IsStationStaff)
            {
                return FeatureOutcome.Denied("只有社区服务站工作人员可以推荐岗位。");
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var today = calendar.Today;
                var resident = await db.Residents.AsNoTracking().VisibleTo(principal).Where(r => r.Id == residentId)
                    .Select(r => new { r.Id, r.CommunityId })
                    .FirstOrDefaultAsync(cancellationToken);
                if (resident is null)
                {
                    return FeatureOutcome.Missing("居民");
                }

                var vacancy = await (
                    from v in db.Vacancies.AsNoTracking()
                    join e in db.Enterprises on v.EnterpriseId equals e.Id
                    where v.Id == vacancyId && v.Status == VacancyStatus.Published && v.ValidUntil >= today && e.Status == EnterpriseStatus.Verified
                    select new { v.Id, v.EnterpriseId, v.Title })
                    .FirstOrDefaultAsync(cancellationToken);
                if (vacancy is null)
                {
                    return FeatureOutcome.Missing("岗位（或已下架）");
                }

                if (await db.JobReferrals.AnyAsync(r => r.ResidentId == residentId && r.VacancyId == vacancyId, cancellationToken))
                {
                    return AlreadyReferred();
                }

                // The reason and distance as the station saw them, within any radius (staff may refer farther).
                var recommendations = await CircleQueries.RecommendationsAsync(db, _options, principal, residentId, today, Domain.ValueObjects.GeoCircle.MaxRadiusKm, cancellationToken);
                var match = recommendations?.Items.FirstOrDefault(i => i.Vacancy.Id == vacancyId);
                var referral = new JobReferral(
                    residentId, vacancyId, vacancy.EnterpriseId, resident.CommunityId, match?.Vacancy.DistanceKm ?? 0, match?.Reason ?? string.Empty, principal.DisplayName, calendar.Now);
                db.JobReferrals.Add(referral);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    // The unique index caught a concurrent second referral.
                    return AlreadyReferred();
                }

                return FeatureOutcome.Success($"已推荐到岗位“{vacancy.Title}”，企业将看到推荐并反馈结果。", referral.Id);
            });
        }
    }
}
