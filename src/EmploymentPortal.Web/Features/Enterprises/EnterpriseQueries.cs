using EmploymentPortal.Data;
using EmploymentPortal.Domain.Enterprises;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Enterprises;

/// <summary>Reads for the sign-up form and the bureau's enterprise review.</summary>
public static class EnterpriseQueries
{
    public sealed record CommunityOption(Guid Id, string Name, double Latitude, double Longitude);

    public sealed record EnterpriseRow(
        Guid Id,
        string CreditCode,
        string Name,
        string? LegalRepresentative,
        IndustrySection? Industry,
        EnterpriseSize? Size,
        int? TotalEmployees,
        int? InsuredEmployees,
        string? ContactName,
        string? ContactPhone,
        string CommunityName,
        string Address,
        EnterpriseStatus Status,
        string? RejectionReason);

    /// <summary>Every community as “district street community”, for dropdowns (public: no personal data).</summary>
    public static async Task<List<CommunityOption>> CommunitiesAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        var rows = await (
            from c in db.Communities.AsNoTracking()
            join s in db.Streets on c.StreetId equals s.Id
            join d in db.Districts on s.DistrictId equals d.Id
            orderby c.Code
            select new { c.Id, District = d.Name, Street = s.Name, c.Name, c.StationLatitude, c.StationLongitude })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new CommunityOption(r.Id, $"{r.District} {r.Street} {r.Name}", r.StationLatitude, r.StationLongitude)).ToList();
    }

    /// <summary>One page of the enterprises in a status (all when null), newest first: the bureau's review list.</summary>
    public static async Task<Residents.ResidentQueries.Page<EnterpriseRow>> ListAsync(PortalDbContext db, EnterpriseStatus? status, int skip, int take, CancellationToken cancellationToken = default)
    {
        var query = db.Enterprises.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(e => e.Status == s);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await (
            from e in query
            join c in db.Communities on e.CommunityId equals c.Id
            orderby e.Id descending
            select new EnterpriseRow(e.Id, e.CreditCode, e.Name, e.LegalRepresentative, e.Industry, e.Size, e.TotalEmployees, e.InsuredEmployees, e.ContactName, e.ContactPhone, c.Name, e.Address, e.Status, e.RejectionReason ?? e.SuspensionReason))
            .Skip(Math.Max(skip, 0))
            .Take(Math.Clamp(take, 1, 200))
            .ToListAsync(cancellationToken);
        return new(rows, total);
    }

    public static string StatusText(EnterpriseStatus status) => status switch
    {
        EnterpriseStatus.Pending => "待审核",
        EnterpriseStatus.Verified => "已认证",
        EnterpriseStatus.Suspended => "已暂停",
        _ => "已驳回",
    };

    public static string SizeText(EnterpriseSize? size) => size switch
    {
        EnterpriseSize.Large => "大型",
        EnterpriseSize.Medium => "中型",
        EnterpriseSize.Small => "小型",
        EnterpriseSize.Micro => "微型",
        _ => string.Empty,
    };
}
