using System.Text.Json.Nodes;
using EmploymentPortal.Data;
using EmploymentPortal.Data.Identity;
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
                var claim = await db.Claims.WithEventsAndMonths().FirstOrDefaultAsync(c => c.Id == command.ClaimId, cancellationToken);
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
                        await EnsureSecondApproverExistsAsync(db, claim, cancellationToken);
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

    /// <summary>
    /// A first approval that leaves the claim awaiting a second one is refused when no officer
    /// could give it: an active officer who neither made the claim nor gave the first approval.
    /// A counter claim (prepared by an officer) above the threshold needs three officers; with two,
    /// the claim would stay awaiting second approval for good. Refused before saving, it stays in
    /// review and can be approved once an administrator has added (or re-enabled) an officer.
    /// </summary>
    public static async Task EnsureSecondApproverExistsAsync(PortalDbContext db, Claim claim, CancellationToken cancellationToken)
    {
        if (claim.Status != ClaimStatus.AwaitingSecondApproval || await SecondApproversAsync(db, claim, cancellationToken) > 0)
        {
            return;
        }

        throw new DomainException(
            "claim-no-second-approver",
            "该申请须由另一名经办人员复核，但除制单人、提交人和初审人外没有可复核的经办人员。请系统管理员增加（或启用）一名经办人员账号后再审批；申请仍在审核中。");
    }

    /// <summary>How many active officers may give <paramref name="claim"/>'s second approval (not its maker, submitter or first approver).</summary>
    public static Task<int> SecondApproversAsync(PortalDbContext db, Claim claim, CancellationToken cancellationToken = default)
    {
        string?[] excluded = [claim.PreparedById, claim.SubmittedById, claim.FirstApproverId];
        var roles = db.Roles.Where(r => r.Name == PortalRoles.BureauOfficer).Select(r => r.Id);
        return db.Users
            .Where(u => !u.IsDisabled && !excluded.Contains(u.Id) && db.UserRoles.Any(ur => ur.UserId == u.Id && roles.Contains(ur.RoleId)))
            .CountAsync(cancellationToken);
    }
}
