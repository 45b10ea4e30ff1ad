using EmploymentPortal.Data;
using EmploymentPortal.Domain.Hires;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Hires;

/// <summary>
/// Hires as their users see them: an enterprise user its own enterprise's, station staff those of
/// residents of their communities, bureau officers all. ID numbers are masked.
/// </summary>
public static class HireQueries
{
    public sealed record HireRow(
        Guid Id,
        Guid EnterpriseId,
        string EnterpriseName,
        Guid ResidentId,
        string ResidentName,
        string MaskedIdNumber,
        string Position,
        DateOnly StartDate,
        ContractType ContractType,
        DateOnly ContractStart,
        DateOnly? ContractEnd,
        int? ContractTermMonths,
        bool SocialInsurancePaid,
        DateOnly? SocialInsuranceFrom,
        HireRecorderRole RecordedByRole,
        DateTimeOffset RecordedAt)
    {
        /// <summary>The last day of work when the person left (离职), and why.</summary>
        public DateOnly? EndedOn { get; init; }

        public string? EndReason { get; init; }
    }

    /// <summary>The hires a principal may see and change; everything else is "not found".</summary>
    public static IQueryable<Hire> VisibleTo(this IQueryable<Hire> hires, PortalDbContext db, PortalPrincipal principal)
    {
        if (principal.IsBureauOfficer)
        {
            return hires;
        }

        if (principal is { IsEnterpriseUser: true, EnterpriseId: { } enterpriseId })
        {
            return hires.Where(h => h.EnterpriseId == enterpriseId);
        }

        if (principal.IsStationStaff)
        {
            var residents = db.Residents.VisibleTo(principal).Select(r => r.Id);
            return hires.Where(h => residents.Contains(h.ResidentId));
        }

        return hires.Where(_ => false);
    }

    public static async Task<ResidentQueries.Page<HireRow>> ListAsync(PortalDbContext db, PortalPrincipal principal, Guid? residentId, int skip, int take, CancellationToken cancellationToken = default)
    {
        var query = db.Hires.AsNoTracking().VisibleTo(db, principal);
        if (residentId is { } id)
        {
            query = query.Where(h => h.ResidentId == id);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await (from h in query
                          join e in db.Enterprises on h.EnterpriseId equals e.Id
                          join r in db.Residents on h.ResidentId equals r.Id
                          orderby h.StartDate descending, h.Id descending
                          select new
                          {
                              h.Id,
                              h.EnterpriseId,
                              EnterpriseName = e.Name,
                              h.ResidentId,
                              ResidentName = r.Name,
                              r.IdNumber,
                              h.Position,
                              h.StartDate,
                              h.ContractType,
                              h.ContractStart,
                              h.ContractEnd,
                              h.ContractTermMonths,
                              h.SocialInsurancePaid,
                              h.SocialInsuranceFrom,
                              h.RecordedByRole,
                              h.RecordedAt,
                              h.EndedOn,
                              h.EndReason,
                          })
            .Skip(Math.Max(skip, 0))
            .Take(Math.Clamp(take, 1, 200))
            .ToListAsync(cancellationToken);
        return new(
            rows.Select(h => new HireRow(
                h.Id, h.EnterpriseId, h.EnterpriseName, h.ResidentId, h.ResidentName, Mask(h.IdNumber), h.Position, h.StartDate, h.ContractType,
                h.ContractStart, h.ContractEnd, h.ContractTermMonths, h.SocialInsurancePaid, h.SocialInsuranceFrom, h.RecordedByRole, h.RecordedAt)
            { EndedOn = h.EndedOn, EndReason = h.EndReason }).ToList(),
            total);
    }

    public static string ContractTypeText(ContractType type) => type switch
    {
        ContractType.FixedTerm => "固定期限",
        ContractType.OpenEnded => "无固定期限",
        _ => "以完成一定工作任务为期限",
    };

    public static string RecorderText(HireRecorderRole role) => role == HireRecorderRole.Enterprise ? "企业登记" : "服务站登记";

    private static string Mask(string idNumber) =>
        IdCardNumber.TryParse(idNumber, out var parsed, out _) ? parsed.Masked : new string('*', idNumber.Length);
}
