using System.Globalization;
using System.Text.Json;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Policies;
using EmploymentPortal.Policies.Evaluation;
using EmploymentPortal.Web.Features.Admin;
using EmploymentPortal.Web.Infrastructure.Security;
using EmploymentPortal.Web.Infrastructure.Xlsx;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Claims;

/// <summary>Read models of claims: lists, the review queue, one claim with its trace, batches, the public notice and reports.</summary>
public static class ClaimQueries
{
    public sealed record Row(
        Guid Id,
        string Number,
        string Benefit,
        string RuleTitle,
        string PersonName,
        string? EnterpriseName,
        ClaimantKind ClaimantKind,
        ClaimStatus Status,
        ClaimOutcome Outcome,
        Money? Amount,
        bool SupervisionFlag,
        string FactSource,
        DateTimeOffset PreparedAt,
        DateTimeOffset? SubmittedAt);

    public sealed record Page(IReadOnlyList<Row> Rows, int Total);

    public static readonly ClaimStatus[] ReviewStatuses = [ClaimStatus.Submitted, ClaimStatus.UnderReview, ClaimStatus.AwaitingSecondApproval];

    /// <summary>
    /// The claims the user sees, newest first; the review queue (<paramref name="reviewQueue"/>):
    /// claims waiting for an officer, oldest submission first (index Status, SubmittedAt).
    /// </summary>
    public static async Task<Page> ListAsync(PortalDbContext db, PortalPrincipal principal, ClaimStatus? status, bool reviewQueue, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var query = db.Claims.AsNoTracking().VisibleTo(principal);
        if (status is { } s)
        {
            query = query.Where(c => c.Status == s);
        }
        else if (reviewQueue)
        {
            query = query.Where(c => c.Status == ClaimStatus.Submitted || c.Status == ClaimStatus.UnderReview || c.Status == ClaimStatus.AwaitingSecondApproval);
        }

        var total = await query.CountAsync(cancellationToken);
        query = reviewQueue ? query.OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id) : query.OrderByDescending(c => c.Id);
        var rows = await query
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(c => new Row(
                c.Id,
                c.Number,
                c.Benefit,
                c.RuleTitle,
                c.PersonName,
                db.Enterprises.Where(e => e.Id == c.EnterpriseId).Select(e => e.Name).FirstOrDefault(),
                c.ClaimantKind,
                c.Status,
                c.Outcome,
                c.Amount,
                c.SupervisionFlag,
                c.FactSource,
                c.PreparedAt,
                c.SubmittedAt))
            .ToListAsync(cancellationToken);
        return new Page(rows, total);
    }

    public sealed record Detail(
        Claim Claim,
        string? EnterpriseName,
        string MaskedIdNumber,
        string CommunityName,
        RuleDecision? Decision,
        IReadOnlyList<ClaimEvent> Events,
        string? BatchNumber,
        bool CanSubmit,
        bool CanReview,
        bool CanApprove,
        string? ApproveBlockedReason,
        string? Hire = null)
    {
        /// <summary>The user may withdraw the claim (WithdrawClaim): its claimant, before an officer acted.</summary>
        public bool CanWithdraw { get; init; }
    }

    public static async Task<Detail?> DetailAsync(PortalDbContext db, PortalPrincipal principal, Guid id, CancellationToken cancellationToken = default)
    {
        var claim = await db.Claims.AsNoTracking().VisibleTo(principal).WithEventsAndMonths().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (claim is null)
        {
            return null;
        }

        var enterpriseName = claim.EnterpriseId is { } e ? await db.Enterprises.Where(x => x.Id == e).Select(x => x.Name).FirstOrDefaultAsync(cancellationToken) : null;
        // A community's award has no person: the community is the beneficiary.
        var resident = claim.ResidentId is { } residentId
            ? await db.Residents.AsNoTracking().Where(r => r.Id == residentId).Select(r => new { r.IdNumber, r.CommunityId }).FirstAsync(cancellationToken)
            : null;
        var community = await db.Communities.Where(c => c.Id == (resident == null ? claim.CommunityId : resident.CommunityId)).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken) ?? string.Empty;
        var batch = claim.PaymentBatchId is { } b ? await db.PaymentBatches.Where(x => x.Id == b).Select(x => x.Number).FirstOrDefaultAsync(cancellationToken) : null;
        RuleDecision? decision = null;
        try
        {
            decision = JsonSerializer.Deserialize<RuleDecision>(claim.DecisionJson, PolicyJson.Options);
        }
        catch (JsonException)
        {
            // The raw JSON is still shown.
        }

        var masked = resident is null ? "—" : IdCardNumber.TryParse(resident.IdNumber, out var idCard, out _) ? idCard.Masked : "****";
        var isClaimant = !principal.IsBureauOfficer || claim.ClaimantKind == ClaimantKind.Bureau;
        var canSubmit = isClaimant && claim.Status is ClaimStatus.Draft or ClaimStatus.ReturnedForCorrection;
        var reviewable = principal.IsBureauOfficer && ReviewStatuses.Contains(claim.Status);
        string? blocked = null;
        if (reviewable && principal.UserId is { } me)
        {
            if (claim.IsMaker(me))
            {
                blocked = "您是该申请的制单人或提交人，不能审批（审批须由他人完成）。";
            }
            else if (claim.Status == ClaimStatus.AwaitingSecondApproval && claim.FirstApproverId == me)
            {
                blocked = "您已完成初审，复核须由另一名经办人员完成。";
            }
        }

        var hire = claim.HireId is { } h
            ? await db.Hires.AsNoTracking().Where(x => x.Id == h).Select(x => new { x.Position, x.StartDate }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var hireText = hire is null ? null : $"{hire.Position} · {hire.StartDate:yyyy-MM-dd}";
        return new Detail(claim, enterpriseName, masked, community, decision, claim.Events.OrderBy(x => x.At).ToList(), batch, canSubmit, reviewable, reviewable && blocked is null, blocked, hireText)
        {
            // Claim.Withdraw: the claimant, until an officer acts on a submitted claim.
            CanWithdraw = isClaimant && claim.Status is ClaimStatus.Draft or ClaimStatus.Submitted or ClaimStatus.ReturnedForCorrection,
        };
    }

    /// <summary>
    /// A batch in the list; <see cref="AnomalousClaims"/> counts its claims whose stored amount is
    /// corrupt, <see cref="TotalsAnomalous"/> says its own totals are impossible (negative, or
    /// above its count × the hard ceiling). Either way it can be neither exported nor settled.
    /// </summary>
    public sealed record BatchRow(Guid Id, string Number, PaymentBatchStatus Status, int ClaimCount, Money Total, Money Paid, int FailedCount, string CreatedByName, DateTimeOffset CreatedAt, int AnomalousClaims = 0, bool TotalsAnomalous = false)
    {
        public bool Anomalous => AnomalousClaims > 0 || TotalsAnomalous;
    }

    public static async Task<List<BatchRow>> BatchesAsync(PortalDbContext db, ClaimAmounts amounts, CancellationToken cancellationToken = default)
    {
        var batches = await db.PaymentBatches.AsNoTracking().OrderByDescending(b => b.CreatedAt).Take(100)
            .Select(b => new BatchRow(b.Id, b.Number, b.Status, b.ClaimCount, b.Total, b.Paid, b.FailedCount, b.CreatedByName, b.CreatedAt, 0, false))
            .ToListAsync(cancellationToken);
        var ids = batches.Select(b => (Guid?)b.Id).ToList();
        var corrupt = await amounts.Corrupt(db.Claims.AsNoTracking()).Where(c => ids.Contains(c.PaymentBatchId))
            .Select(c => new { c.PaymentBatchId, c.Number })
            .ToListAsync(cancellationToken);
        amounts.Flag("payment batches", corrupt.Select(c => c.Number).ToList());
        var ceiling = (decimal)amounts.HardCeiling.Fen;
        return batches.Select(b => b with
        {
            AnomalousClaims = corrupt.Count(c => c.PaymentBatchId == b.Id),
            TotalsAnomalous = b.Total.IsNegative || b.Paid.IsNegative || b.Total.Fen > b.ClaimCount * ceiling || b.Paid > b.Total,
        }).ToList();
    }

    /// <summary>One line of a batch for finance: payee, account, amount, benefit, policy document number, claim number.</summary>
    public sealed record PaymentLine(Guid ClaimId, string ClaimNumber, string PayeeName, string PayeeAccount, string? PayeeBank, Money Amount, string Benefit, string RuleTitle, string? DocumentNumber, ClaimStatus Status);

    public sealed record BatchExport(PaymentBatch Batch, IReadOnlyList<PaymentLine> Lines)
    {
        /// <summary>The lines' checked sum (they reconciled, so every amount is sound).</summary>
        public Money Total => Money.Sum(Lines.Select(l => l.Amount));
    }

    /// <summary>
    /// The batch and its claims; throws <see cref="Domain.Common.DomainException"/> when they do
    /// not reconcile, a corrupt amount among them included (named, and logged).
    /// </summary>
    public static async Task<BatchExport?> BatchExportAsync(PortalDbContext db, ClaimAmounts amounts, Guid batchId, CancellationToken cancellationToken = default)
    {
        var batch = await db.PaymentBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId, cancellationToken);
        if (batch is null)
        {
            return null;
        }

        // Claims of the batch: still in it, or paid in it (failed ones left it).
        var claims = await db.Claims.AsNoTracking().Where(c => c.PaymentBatchId == batchId).OrderBy(c => c.Number).ToListAsync(cancellationToken);
        amounts.Flag($"payment batch {batch.Number}", claims.Where(c => !amounts.IsSound(c.Amount)).Select(c => c.Number).ToList());
        batch.EnsureReconciles(claims, amounts.HardCeiling);
        var lines = claims.Select(c => new PaymentLine(c.Id, c.Number, c.PayeeName, c.PayeeAccount, c.PayeeBank, c.Amount ?? Money.Zero, ClaimFormat.Benefit(c.Benefit), c.RuleTitle, c.DocumentNumber, c.Status)).ToList();
        return new BatchExport(batch, lines);
    }

    public static byte[] BatchXlsx(BatchExport export) =>
        XlsxExport.Write(
            "支付清单",
            ["批次号", "申请编号", "收款人", "收款账号", "开户行", "金额（元）", "补贴项目", "政策规则", "政策文号"],
            export.Lines.Select(l => (IReadOnlyList<object?>)[export.Batch.Number, l.ClaimNumber, l.PayeeName, l.PayeeAccount, l.PayeeBank, l.Amount.ToYuan(), l.Benefit, l.RuleTitle, l.DocumentNumber])
                .Append([export.Batch.Number, "合计", null, null, null, export.Total.ToYuan(), $"{export.Lines.Count} 笔", null, null]));

    /// <summary>A line of the public notice; the amount as stored (the page shows a corrupt one as a flag, <see cref="ClaimAmount"/>).</summary>
    public sealed record NoticeRow(string? EnterpriseName, string MaskedName, string Benefit, Money? Amount, DateOnly ApprovedOn, DateOnly NoticeUntil);

    /// <summary>
    /// 公示: subsidies approved in the last <paramref name="days"/> days (approved, in a batch or
    /// paid), newest first; names masked (张*), no ID numbers. A corrupt amount is logged here,
    /// flagged instead of shown and left out of the total (<see cref="ClaimAmounts.Total"/>).
    /// </summary>
    public static async Task<List<NoticeRow>> NoticeAsync(PortalDbContext db, ClaimAmounts amounts, DateTimeOffset now, int days, CancellationToken cancellationToken = default)
    {
        var since = now.AddDays(-Math.Max(1, days));
        var rows = await db.Claims.AsNoTracking()
            .Where(c => c.ApprovedAt != null && c.ApprovedAt >= since)
            .Where(c => c.Status == ClaimStatus.Approved || c.Status == ClaimStatus.InPaymentBatch || c.Status == ClaimStatus.Paid)
            .OrderByDescending(c => c.ApprovedAt)
            .Take(1000)
            .Select(c => new { c.Number, c.PersonName, IsCommunity = c.ResidentId == null, c.Benefit, c.Amount, c.ApprovedAt, Enterprise = db.Enterprises.Where(e => e.Id == c.EnterpriseId).Select(e => e.Name).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        amounts.Flag("public notice", rows.Where(r => !amounts.IsSound(r.Amount)).Select(r => r.Number).ToList());
        return rows.Select(r =>
        {
            var approved = PortalCalendar.DateOf(r.ApprovedAt!.Value);
            return new NoticeRow(r.Enterprise, r.IsCommunity ? r.PersonName : ClaimFormat.MaskName(r.PersonName), ClaimFormat.Benefit(r.Benefit), r.Amount, approved, approved.AddDays(days));
        }).ToList();
    }

    /// <summary>
    /// A line of the report; <see cref="Amount"/> is the sum of its sound amounts,
    /// <see cref="AnomalousCount"/> counts the claims left out because their amount is corrupt.
    /// </summary>
    public sealed record ReportRow(string Benefit, ClaimStatus Status, string District, string Month, int Count, Money Amount, int AnomalousCount = 0)
    {
        public string? Note => AnomalousCount == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"含 {AnomalousCount} 笔{ClaimAmounts.AnomalyText}");
    }

    /// <summary>
    /// Claims and amounts by benefit, status, district and month (of the decision). The amounts
    /// are summed in SQL over sound amounts only (so the SUM cannot overflow on either provider);
    /// each group counts the corrupt ones it left out.
    /// </summary>
    public static async Task<List<ReportRow>> ReportAsync(PortalDbContext db, ClaimAmounts amounts, DateOnly? from, DateOnly? until, CancellationToken cancellationToken = default)
    {
        var query = db.Claims.AsNoTracking();
        if (from is { } f)
        {
            query = query.Where(c => c.DecidedOn >= f);
        }

        if (until is { } u)
        {
            query = query.Where(c => c.DecidedOn <= u);
        }

        var ceiling = (long)amounts.HardCeiling;
        var grouped = await query
            .GroupBy(c => new { c.Benefit, c.Status, c.DistrictId, c.DecidedOn.Year, c.DecidedOn.Month })
            .Select(g => new
            {
                g.Key.Benefit,
                g.Key.Status,
                g.Key.DistrictId,
                g.Key.Year,
                g.Key.Month,
                Count = g.Count(),
                Amount = g.Sum(c => (long?)c.Amount >= 0 && (long?)c.Amount <= ceiling ? (long?)c.Amount ?? 0 : 0),
                Anomalous = g.Count(c => (long?)c.Amount < 0 || (long?)c.Amount > ceiling),
            })
            .ToListAsync(cancellationToken);
        if (grouped.Any(g => g.Anomalous > 0))
        {
            amounts.Flag("claim report", await amounts.Corrupt(query).OrderBy(c => c.Number).Select(c => c.Number).Take(20).ToListAsync(cancellationToken));
        }

        var districts = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        return grouped
            .Select(g => new ReportRow(ClaimFormat.Benefit(g.Benefit), g.Status, districts.GetValueOrDefault(g.DistrictId, "—"), string.Create(CultureInfo.InvariantCulture, $"{g.Year:0000}-{g.Month:00}"), g.Count, Money.FromFen(g.Amount), g.Anomalous))
            .OrderBy(r => r.Month, StringComparer.Ordinal).ThenBy(r => r.District, StringComparer.Ordinal).ThenBy(r => r.Benefit, StringComparer.Ordinal).ThenBy(r => r.Status)
            .ToList();
    }

    /// <summary>The report's total: the checked sum of its rows (each a sum of sound amounts).</summary>
    public static Money ReportTotal(IEnumerable<ReportRow> rows) => Money.Sum(rows.Select(r => r.Amount));

    public static byte[] ReportXlsx(IReadOnlyList<ReportRow> rows) =>
        XlsxExport.Write(
            "补贴统计",
            ["月份", "区县", "补贴项目", "状态", "件数", "金额（元）", "备注"],
            rows.Select(r => (IReadOnlyList<object?>)[r.Month, r.District, r.Benefit, ClaimFormat.Status(r.Status), r.Count, r.Amount.ToYuan(), r.Note])
                .Append(["合计", null, null, null, rows.Sum(r => r.Count), ReportTotal(rows).ToYuan(), rows.Any(r => r.AnomalousCount > 0) ? ClaimAmounts.AnomalyText : null]));
}
