using System.Text.Json.Nodes;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Claims;

/// <summary>
/// 提交: the claimant submits a draft (or a claim returned for correction, with corrected stated
/// facts); the rules service decides again and that decision is the one kept.
/// </summary>
public static class SubmitClaim
{
    public sealed record Command(Guid ClaimId, JsonObject? Facts = null, string? PayeeName = null, string? PayeeAccount = null, string? PayeeBank = null);

    /// <summary>The facts and the payee are checked by the rules and the domain; the text by the shared input rules.</summary>
    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.PayeeAccount)
                .Must((c, _) => ClaimCommandSupport.PayeeFits(c.PayeeName, c.PayeeAccount, c.PayeeBank)).WithMessage(ClaimCommandSupport.PayeeTooLong);
        }
    }

    public sealed class Handler(OperationScope scope, PortalCalendar calendar, ClaimDecider decider, ClaimOptions options, ClaimAmounts amounts) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                await using var transaction = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
                var claim = await db.Claims.VisibleTo(principal).Include(c => c.Events).Include(c => c.CoveredMonths).FirstOrDefaultAsync(c => c.Id == command.ClaimId, cancellationToken);
                if (claim is null || principal.IsBureauOfficer && claim.ClaimantKind != ClaimantKind.Bureau)
                {
                    return FeatureOutcome.Missing("补贴申请");
                }

                var stated = command.Facts ?? (JsonNode.Parse(claim.StatedFactsJson) as JsonObject ?? []);
                var now = calendar.Now;
                var today = calendar.Today;
                var actor = ClaimCommandSupport.Actor(principal);
                try
                {
                    var decided = await decider.RedecideAsync(db, claim, stated, today, cancellationToken);

                    if (command.PayeeAccount is not null || command.PayeeName is not null)
                    {
                        claim.Redecide(decided.Decision, new ClaimPayee(command.PayeeName ?? claim.PayeeName, command.PayeeAccount ?? claim.PayeeAccount, command.PayeeBank ?? claim.PayeeBank));
                    }

                    await ClaimCommandSupport.LockEnterpriseAsync(db, claim.EnterpriseId, cancellationToken);
                    claim.Submit(decided.Decision, actor, now);
                    await ClaimCommandSupport.EnsureWithinEnterpriseCapAsync(db, claim, options, amounts, cancellationToken);
                    ClaimCommandSupport.Notify(db, claim, now);
                    await db.SaveChangesAsync(cancellationToken);
                    if (transaction is not null)
                    {
                        await transaction.CommitAsync(cancellationToken);
                    }
                }
                catch (ClaimRefusedException e)
                {
                    return FeatureOutcome.Refused(e.Code, e.Message);
                }

                return FeatureOutcome.Success($"申请 {claim.Number} 已提交：规则判定{ClaimFormat.Outcome(claim.Outcome)}，金额 {ClaimFormat.Yuan(claim.Amount)}。", claim.Id);
            });
        }
    }
}

/// <summary>
/// 审核: a bureau officer takes a claim for review, approves it (first or second tier), rejects
/// it or returns it for correction. Maker-checker is enforced here and in the domain: whoever
/// prepared or submitted the claim gets <see cref="FeatureOutcome.Forbidden"/> (the domain's refusal, through <see cref="DomainRefusals"/>). An approved
/// amount is above zero and at most the hard ceiling (400 field errors on <c>amount</c>); the
/// domain holds it to the rules' amount, the bureau's ceiling and the override path
/// (<see cref="Claim.Approve"/>).
/// </summary>
public static class ReviewClaim
{
    public enum Action
    {
        StartReview,
        Approve,
        Reject,
        Return,
    }

    public sealed record Command(Guid ClaimId, Action Action, Money? Amount = null, string? Reason = null);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(ClaimAmounts amounts)
        {
            RuleFor(c => c.Reason)
                .Must(r => r is not { Length: > 1000 }).WithMessage("理由不能超过 1000 个字符。")
                .Must((c, r) => c.Action is not (Action.Reject or Action.Return) || !string.IsNullOrWhiteSpace(r))
                .WithMessage(c => c.Action == Action.Reject ? "驳回申请必须填写原因，申请人会看到该原因。" : "退回补正必须写明需要补正的内容。");
            RuleFor(c => c.Amount)
                .Must(a => a is not { } amount || amount > Money.Zero).WithMessage("核定金额必须大于 0；不予支付请驳回申请。")
                .Must(a => a is not { } amount || amount <= amounts.HardCeiling).WithMessage(_ => $"核定金额不能超过单笔申请的硬上限 {amounts.HardCeiling}。");
        }
    }

    public sealed class Handler(OperationScope scope, PortalCalendar calendar, ClaimOptions options, ClaimAmounts amounts) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            if (!principal.IsBureauOfficer || principal.UserId is null)
            {
                return FeatureOutcome.Denied("只有人社局经办人员可以审核补贴申请。");
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                await using var transaction = db.Database.IsNpgsql() && command.Action == Action.Approve ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
                var claim = await db.Claims.Include(c => c.Events).Include(c => c.CoveredMonths).FirstOrDefaultAsync(c => c.Id == command.ClaimId, cancellationToken);
                if (claim is null)
                {
                    return FeatureOutcome.Missing("补贴申请");
                }

                if (command.Action is Action.Approve && claim.IsMaker(principal.UserId))
                {
                    return FeatureOutcome.Denied("申请的制单人或提交人不能审批该申请（审批须由他人完成）。");
                }

                var now = calendar.Now;
                var officer = ClaimCommandSupport.Actor(principal);
                switch (command.Action)
                {
                    case Action.StartReview:
                        claim.StartReview(officer, now);
                        break;
                    case Action.Approve:
                        if (claim.Status == ClaimStatus.Submitted)
                        {
                            claim.StartReview(officer, now);
                            ClaimCommandSupport.Notify(db, claim, now);
                        }

                        await ClaimCommandSupport.LockEnterpriseAsync(db, claim.EnterpriseId, cancellationToken);
                        var limits = new ClaimApprovalLimits(
                            options.SecondApprovalThreshold,
                            amounts.HardCeiling,
                            claim.RulesAmount is null ? await BenefitCeilings.InForceAsync(db, claim.Benefit, cancellationToken) : null);
                        claim.Approve(officer, command.Amount, command.Reason, limits, now);
                        await ClaimCommandSupport.EnsureWithinEnterpriseCapAsync(db, claim, options, amounts, cancellationToken);
                        break;
                    case Action.Reject:
                        claim.Reject(officer, command.Reason!, now);
                        break;
                    default:
                        claim.ReturnForCorrection(officer, command.Reason!, now);
                        break;
                }

                ClaimCommandSupport.Notify(db, claim, now);
                await db.SaveChangesAsync(cancellationToken);
                if (transaction is not null)
                {
                    await transaction.CommitAsync(cancellationToken);
                }

                return FeatureOutcome.Success($"申请 {claim.Number}：{ClaimFormat.Status(claim.Status)}。", claim.Id);
            });
        }
    }
}

/// <summary>支付批次: officers put approved claims in a batch and record finance's result.</summary>
public static class PaymentBatches
{
    public sealed record CreateCommand(IReadOnlyList<Guid> ClaimIds);

    /// <summary>Finance's result: every claim paid except <see cref="Failures"/> (claim id → reason).</summary>
    public sealed record SettleCommand(Guid BatchId, IReadOnlyDictionary<Guid, string>? Failures);

    public sealed class CreateValidator : AbstractValidator<CreateCommand>
    {
        public CreateValidator()
        {
            RuleFor(c => c.ClaimIds)
                .Must(ids => ids is { Count: > 0 }).WithMessage("请至少选择一笔已批准的申请。")
                .Must(ids => ids.Distinct().Count() <= 2000).WithMessage("一个批次最多 2000 笔申请。");
        }
    }

    /// <summary>Which claims failed and why is the batch's to check (<see cref="PaymentBatch.Settle"/>); the reasons' text by the shared input rules.</summary>
    public sealed class SettleValidator : AbstractValidator<SettleCommand>
    {
        public SettleValidator()
        {
            RuleFor(c => c.Failures).Must(f => f is null || f.Values.All(r => r is not { Length: > 1000 })).WithMessage("失败原因不能超过 1000 个字符。");
        }
    }

    public sealed class Handler(OperationScope scope, PortalCalendar calendar, ClaimAmounts amounts) : ICommandHandler<CreateCommand>, ICommandHandler<SettleCommand>
    {
        public async Task<FeatureOutcome> HandleAsync(CreateCommand command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            if (!principal.IsBureauOfficer)
            {
                return FeatureOutcome.Denied("只有人社局经办人员可以生成支付批次。");
            }

            var ids = command.ClaimIds.Distinct().ToList();

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var claims = await db.Claims.Include(c => c.Events).Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
                if (claims.Count != ids.Count)
                {
                    return FeatureOutcome.Missing("部分申请");
                }

                var now = calendar.Now;
                var officer = ClaimCommandSupport.Actor(principal);
                PaymentBatch batch;
                batch = PaymentBatch.Create(claims.OrderBy(c => c.Number, StringComparer.Ordinal).ToList(), officer, amounts.HardCeiling, now);
                batch.EnsureReconciles(claims, amounts.HardCeiling);
                db.PaymentBatches.Add(batch);
                foreach (var claim in claims)
                {
                    ClaimCommandSupport.Notify(db, claim, now);
                }

                await db.SaveChangesAsync(cancellationToken);

                return FeatureOutcome.Success($"已生成支付批次 {batch.Number}：{batch.ClaimCount} 笔，合计 {batch.Total}。", batch.Id);
            });
        }

        public async Task<FeatureOutcome> HandleAsync(SettleCommand command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            if (!principal.IsBureauOfficer)
            {
                return FeatureOutcome.Denied("只有人社局经办人员可以登记支付结果。");
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var batch = await db.PaymentBatches.FirstOrDefaultAsync(b => b.Id == command.BatchId, cancellationToken);
                if (batch is null)
                {
                    return FeatureOutcome.Missing("支付批次");
                }

                var claims = await db.Claims.Include(c => c.Events).Where(c => c.PaymentBatchId == batch.Id).ToListAsync(cancellationToken);
                var now = calendar.Now;
                batch.Settle(claims, command.Failures ?? new Dictionary<Guid, string>(), ClaimCommandSupport.Actor(principal), amounts.HardCeiling, now);
                foreach (var claim in claims)
                {
                    ClaimCommandSupport.Notify(db, claim, now);
                }

                await db.SaveChangesAsync(cancellationToken);

                return FeatureOutcome.Success($"批次 {batch.Number} 已登记支付结果：支付 {batch.Paid}，失败 {batch.FailedCount} 笔。", batch.Id);
            });
        }
    }
}
