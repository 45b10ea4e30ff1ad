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
                var claim = await db.Claims.VisibleTo(principal).WithEventsAndMonths().FirstOrDefaultAsync(c => c.Id == command.ClaimId, cancellationToken);
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

                    // A draft saved ineligible held no once-only scope (CreateClaim): it takes it now, unless another claim has.
                    if (claim.OnceOnlyKey is null && claim.ResidentId is { } residentId
                        && ClaimDecider.OnceOnlyKey(decided.Rule, residentId, claim.EnterpriseId, claim.CommunityId, today) is { } key)
                    {
                        if (await db.Claims.AsNoTracking().Where(c => c.OnceOnlyKey == key && c.Id != claim.Id).Select(c => c.Number).FirstOrDefaultAsync(cancellationToken) is { } existing)
                        {
                            return CreateClaim.Duplicate(existing);
                        }

                        claim.HoldOnceOnly(key);
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
                catch (DbUpdateException e) when (ClaimCommandSupport.IsUniqueViolation(e))
                {
                    return CreateClaim.Duplicate(null);
                }

                return FeatureOutcome.Success($"申请 {claim.Number} 已提交：规则判定{ClaimFormat.Outcome(claim.Outcome)}，金额 {ClaimFormat.Yuan(claim.Amount)}。", claim.Id);
            });
        }
    }
}
