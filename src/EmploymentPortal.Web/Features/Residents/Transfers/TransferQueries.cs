using EmploymentPortal.Data;
using EmploymentPortal.Data.Security;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Residents.Transfers;

/// <summary>Transfer requests as a station sees them, and the accepted moves of a resident's record.</summary>
public static class TransferQueries
{
    /// <summary>
    /// A request as a station sees it. The resident's name appears only to the holding station
    /// (incoming) and, after acceptance, to the receiving one; the ID number is always masked.
    /// </summary>
    public sealed record TransferRow(
        Guid Id,
        bool Incoming,
        string? ResidentName,
        string MaskedIdNumber,
        string FromCommunityName,
        string ToCommunityName,
        string? Reason,
        string RequestedBy,
        DateTimeOffset RequestedAt,
        TransferRequestStatus Status,
        string? DecidedBy,
        DateTimeOffset? DecidedAt,
        string? DeclineReason,
        Guid? ResidentId);

    public static async Task<List<TransferRow>> ListAsync(PortalDbContext db, PortalPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (!principal.IsStationStaff)
        {
            return [];
        }

        var communities = principal.CommunityIds.ToList();
        var rows = await (from t in db.ResidentTransferRequests.AsNoTracking()
                          where communities.Contains(t.FromCommunityId) || communities.Contains(t.ToCommunityId)
                          join r in db.Residents on t.ResidentId equals r.Id
                          join f in db.Communities on t.FromCommunityId equals f.Id
                          join to in db.Communities on t.ToCommunityId equals to.Id
                          orderby t.Status == TransferRequestStatus.Pending ? 0 : 1, t.Id descending
                          select new { t, r.Name, r.IdNumber, From = f.Name, To = to.Name })
            .Take(200).ToListAsync(cancellationToken);
        return rows.Select(x =>
        {
            var incoming = communities.Contains(x.t.FromCommunityId);
            var seesPerson = incoming || x.t.Status == TransferRequestStatus.Accepted;
            return new TransferRow(
                x.t.Id,
                incoming,
                seesPerson ? x.Name : null,
                IdCardNumber.TryParse(x.IdNumber, out var parsed, out _) ? parsed.Masked : "******************",
                x.From,
                x.To,
                x.t.Reason,
                x.t.RequestedBy,
                x.t.RequestedAt,
                x.t.Status,
                x.t.DecidedBy,
                x.t.DecidedAt,
                x.t.DeclineReason,
                seesPerson ? x.t.ResidentId : null);
        }).ToList();
    }

    public sealed record MoveRow(string FromCommunityName, string ToCommunityName, DateTimeOffset? DecidedAt, string? DecidedBy, string RequestedBy);

    /// <summary>The accepted moves of a resident's record, oldest first (its community history).</summary>
    public static Task<List<MoveRow>> MovesOfAsync(PortalDbContext db, Guid residentId, CancellationToken cancellationToken = default) =>
        (from t in db.ResidentTransferRequests.AsNoTracking()
         where t.ResidentId == residentId && t.Status == TransferRequestStatus.Accepted
         join f in db.Communities on t.FromCommunityId equals f.Id
         join to in db.Communities on t.ToCommunityId equals to.Id
         orderby t.Id
         select new MoveRow(f.Name, to.Name, t.DecidedAt, t.DecidedBy, t.RequestedBy))
        .ToListAsync(cancellationToken);

    public static string Of(TransferRequestStatus status) => status switch
    {
        TransferRequestStatus.Pending => "待处理",
        TransferRequestStatus.Accepted => "已接受",
        _ => "已拒绝",
    };
}
