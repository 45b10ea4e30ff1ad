using EmploymentPortal.Data;
using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Claims;

/// <summary>Shared steps of the claim commands: scope, notifications, caps, locks.</summary>
public static class ClaimCommandSupport
{
    public const string PayeeTooLong = "收款人不超过 100 字，账号不超过 40 位。";
    public const string AccountNotDigits = "收款账号只能由数字组成。";

    /// <summary>The payee's name, account and bank fit their columns (the validators' rule on <c>payeeAccount</c>).</summary>
    public static bool PayeeFits(string? name, string? account, string? bank) =>
        (name?.Length ?? 0) <= 100 && (account?.Length ?? 0) <= 40 && (bank?.Length ?? 0) <= 100;

    /// <summary>An account number is digits only (or not given).</summary>
    public static bool IsAccountNumber(string? account) => account is not { Length: > 0 } || account.Trim().All(char.IsAsciiDigit);

    public static ClaimActor Actor(PortalPrincipal principal) => new(principal.UserId ?? "anonymous", principal.DisplayName);

    /// <summary>
    /// Claims with their history and covered months, the whole aggregate a command changes or the
    /// detail page shows. Two collections: loaded as split queries (one per collection), not as
    /// one join that repeats every event once per covered month.
    /// </summary>
    public static IQueryable<Claim> WithEventsAndMonths(this IQueryable<Claim> claims) =>
        claims.Include(c => c.Events).Include(c => c.CoveredMonths).AsSplitQuery();

    /// <summary>The claims a user may see: officers all; station staff those of their communities they (or colleagues) filed; enterprises their own.</summary>
    public static IQueryable<Claim> VisibleTo(this IQueryable<Claim> claims, PortalPrincipal principal)
    {
        if (principal.IsBureauOfficer)
        {
            return claims;
        }

        if (principal.IsEnterpriseUser && principal.EnterpriseId is { } enterprise)
        {
            return claims.Where(c => c.ClaimantKind == ClaimantKind.Enterprise && c.EnterpriseId == enterprise);
        }

        if (principal.IsStationStaff)
        {
            var communities = principal.CommunityIds.ToList();
            return claims.Where(c => c.ClaimantKind == ClaimantKind.Station && communities.Contains(c.CommunityId));
        }

        return claims.Where(_ => false);
    }

    /// <summary>The claimant's in-portal message for a status change (站内消息).</summary>
    public static void Notify(PortalDbContext db, Claim claim, DateTimeOffset now)
    {
        var text = claim.Status switch
        {
            ClaimStatus.Submitted => "已提交，等待人社局受理。",
            ClaimStatus.UnderReview => "人社局已受理，正在审核。",
            ClaimStatus.AwaitingSecondApproval => "已通过初审，金额超过复核限额，等待另一名经办人员复核。",
            ClaimStatus.Approved => claim.PaymentFailure is null ? $"已批准，核定金额 {ClaimFormat.Yuan(claim.Amount)}。" : $"支付失败（{claim.PaymentFailure}），已退回待重新支付。",
            ClaimStatus.Rejected => $"已驳回：{claim.ReviewNote}",
            ClaimStatus.ReturnedForCorrection => $"已退回补正：{claim.ReviewNote}",
            ClaimStatus.InPaymentBatch => "已纳入支付批次，等待财务支付。",
            ClaimStatus.Paid => $"已支付 {ClaimFormat.Yuan(claim.Amount)}。",
            ClaimStatus.Withdrawn => "已撤回。",
            _ => "状态已变更。",
        };
        db.Notifications.Add(new Notification(claim.NotifiedUserId, $"补贴申请 {claim.Number}：{ClaimFormat.Status(claim.Status)}", $"{claim.RuleTitle}（{claim.PersonName}）{text}", $"/claims/{claim.Id}", now));
    }

    /// <summary>
    /// 单位年度补贴上限: what an enterprise has been granted or has pending in the calendar year,
    /// plus this claim, may not exceed the cap (checked <see cref="Money"/> arithmetic). A corrupt
    /// stored amount among them makes the sum unknowable, so the check refuses rather than guess
    /// (<c>claim-amount-corrupt</c>). On PostgreSQL the caller holds the enterprise's advisory lock
    /// (<see cref="LockEnterpriseAsync"/>), so two claims cannot pass it together.
    /// </summary>
    public static async Task EnsureWithinEnterpriseCapAsync(PortalDbContext db, Claim claim, ClaimOptions options, ClaimAmounts amounts, CancellationToken cancellationToken)
    {
        if (claim.EnterpriseId is not { } enterpriseId || options.EnterpriseAnnualCap is not { } cap)
        {
            return;
        }

        var year = claim.DecidedOn.Year;
        var from = new DateOnly(year, 1, 1);
        var until = new DateOnly(year, 12, 31);
        var ofYear = db.Claims.AsNoTracking()
            .Where(c => c.EnterpriseId == enterpriseId && c.Id != claim.Id && c.DecidedOn >= from && c.DecidedOn <= until)
            .Where(c => c.Status != ClaimStatus.Draft && c.Status != ClaimStatus.Rejected && c.Status != ClaimStatus.Withdrawn && c.Status != ClaimStatus.ReturnedForCorrection);
        if (!amounts.IsSound(claim.Amount))
        {
            throw new DomainException("claim-amount-above-hard-ceiling", $"本次申请金额 {ClaimFormat.Yuan(claim.Amount)} 超过单笔申请的硬上限 {amounts.HardCeiling}。");
        }

        var corrupt = await amounts.Corrupt(ofYear).OrderBy(c => c.Number).Select(c => c.Number).Take(20).ToListAsync(cancellationToken);
        if (corrupt.Count > 0)
        {
            amounts.Flag("enterprise annual cap", corrupt);
            throw new DomainException("claim-amount-corrupt", $"该企业 {year} 年的申请 {string.Join("、", corrupt)} 金额异常，无法核对年度补贴上限，请先核查更正。");
        }

        var others = Money.FromFen(await ofYear.SumAsync(c => (long?)c.Amount ?? 0, cancellationToken));
        var total = others + (claim.Amount ?? Money.Zero);
        if (total > cap)
        {
            throw new DomainException(
                "claim-enterprise-cap",
                $"该企业 {year} 年已申领及在审补贴合计 {others}，加上本次 {claim.Amount ?? Money.Zero} 将超过年度上限 {cap}。");
        }
    }

    /// <summary>Serialises the cap check of one enterprise on PostgreSQL (transaction-scoped advisory lock).</summary>
    public static async Task LockEnterpriseAsync(PortalDbContext db, Guid? enterpriseId, CancellationToken cancellationToken)
    {
        if (enterpriseId is not { } id || !db.Database.IsNpgsql() || db.Database.CurrentTransaction is null)
        {
            return;
        }

        var key = BitConverter.ToInt64(id.ToByteArray(), 8);
        FormattableString sql = $"SELECT pg_advisory_xact_lock({key})";
        await db.Database.ExecuteSqlInterpolatedAsync(sql, cancellationToken);
    }

    /// <summary>True when the save failed on a unique index (PostgreSQL 23505, SQLite constraint 19).</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is Npgsql.PostgresException { SqlState: "23505" }
        || exception.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 };
}
