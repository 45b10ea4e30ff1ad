using EmploymentPortal.Data;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Vacancies;

/// <summary>
/// Vacancies as the enterprise and the bureau see them. An enterprise user's queries filter by
/// <see cref="PortalPrincipal.EnterpriseId"/>: another enterprise's vacancy is "not found".
/// </summary>
public static class VacancyQueries
{
    public sealed record VacancyRow(
        Guid Id,
        string EnterpriseName,
        string Title,
        OccupationGroup OccupationGroup,
        string Occupation,
        int Openings,
        Money WageMin,
        Money WageMax,
        WorkType WorkType,
        string Address,
        DateOnly ValidUntil,
        VacancyStatus Status,
        string? RejectionReason,
        string Requirements);

    /// <summary>The enterprise user's own enterprise's vacancies; empty for anyone else.</summary>
    public static async Task<List<VacancyRow>> OwnAsync(PortalDbContext db, PortalPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (principal is not { IsEnterpriseUser: true, EnterpriseId: { } enterpriseId })
        {
            return [];
        }

        return await Rows(db, db.Vacancies.Where(v => v.EnterpriseId == enterpriseId)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// One page of the enterprise user's own vacancies, newest first, in <paramref name="status"/>
    /// when given (the home page's "returned by review" link is <c>?status=Rejected</c>); empty for anyone else.
    /// </summary>
    public static async Task<Residents.ResidentQueries.Page<VacancyRow>> OwnPageAsync(PortalDbContext db, PortalPrincipal principal, VacancyStatus? status, int skip, int take, CancellationToken cancellationToken = default)
    {
        if (principal is not { IsEnterpriseUser: true, EnterpriseId: { } enterpriseId })
        {
            return new([], 0);
        }

        var own = db.Vacancies.Where(v => v.EnterpriseId == enterpriseId);
        if (status is { } s)
        {
            own = own.Where(v => v.Status == s);
        }

        return await PageAsync(db, own, oldestFirst: false, skip, take, cancellationToken);
    }

    /// <summary>One page of the vacancies waiting for the bureau's review, oldest first.</summary>
    public static Task<Residents.ResidentQueries.Page<VacancyRow>> PendingReviewPageAsync(PortalDbContext db, int skip, int take, CancellationToken cancellationToken = default) =>
        PageAsync(db, db.Vacancies.Where(v => v.Status == VacancyStatus.PendingReview), oldestFirst: true, skip, take, cancellationToken);

    private static async Task<Residents.ResidentQueries.Page<VacancyRow>> PageAsync(PortalDbContext db, IQueryable<Vacancy> vacancies, bool oldestFirst, int skip, int take, CancellationToken cancellationToken)
    {
        var total = await vacancies.CountAsync(cancellationToken);
        var rows = await Rows(db, vacancies, oldestFirst).Skip(Math.Max(skip, 0)).Take(Math.Clamp(take, 1, 200)).ToListAsync(cancellationToken);
        return new(rows, total);
    }

    /// <summary>One vacancy of the user's own enterprise as an edit command, or null (also for another enterprise's).</summary>
    public static async Task<SaveVacancy.Command?> ForEditAsync(PortalDbContext db, PortalPrincipal principal, Guid id, CancellationToken cancellationToken = default)
    {
        if (principal is not { IsEnterpriseUser: true, EnterpriseId: { } enterpriseId })
        {
            return null;
        }

        var v = await db.Vacancies.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id && v.EnterpriseId == enterpriseId, cancellationToken);
        return v is null
            ? null
            : new SaveVacancy.Command
            {
                Id = v.Id,
                Title = v.Title,
                OccupationGroup = v.OccupationGroup,
                Occupation = v.Occupation,
                Openings = v.Openings,
                WageMin = v.WageMin,
                WageMax = v.WageMax,
                WorkType = v.WorkType,
                CommunityId = v.CommunityId,
                Address = v.Address,
                Latitude = v.Latitude,
                Longitude = v.Longitude,
                Requirements = v.Requirements,
                AcceptsDisabled = v.AcceptsDisabled,
                AcceptsOlderWorkers = v.AcceptsOlderWorkers,
                NoExperienceRequired = v.NoExperienceRequired,
                ValidUntil = v.ValidUntil.ToDateTime(TimeOnly.MinValue),
            };
    }

    public static string StatusText(VacancyStatus status) => status switch
    {
        VacancyStatus.Draft => "草稿",
        VacancyStatus.PendingReview => "待审核",
        VacancyStatus.Published => "已发布",
        VacancyStatus.Rejected => "已驳回",
        VacancyStatus.Closed => "已关闭",
        _ => "已过期",
    };

    public static string WorkTypeText(WorkType type) => type switch
    {
        WorkType.FullTime => "全职",
        WorkType.PartTime => "兼职",
        WorkType.Flexible => "灵活用工",
        _ => "季节性",
    };

    /// <summary>A wage range, each end as <see cref="Money.ToString"/>: ¥3,000.00–¥5,000.00.</summary>
    public static string WageText(Money min, Money max) => min == max ? min.ToString() : $"{min}–{max}";

    // Ids are GUID v7, so their order is the order of creation.
    private static IQueryable<VacancyRow> Rows(PortalDbContext db, IQueryable<Vacancy> vacancies, bool oldestFirst = false) =>
        from v in oldestFirst ? vacancies.AsNoTracking().OrderBy(v => v.Id) : vacancies.AsNoTracking().OrderByDescending(v => v.Id)
        join e in db.Enterprises on v.EnterpriseId equals e.Id
        select new VacancyRow(v.Id, e.Name, v.Title, v.OccupationGroup, v.Occupation, v.Openings, v.WageMin, v.WageMax, v.WorkType, v.Address, v.ValidUntil, v.Status, v.RejectionReason, v.Requirements);
}
