using EmploymentPortal.Data;
using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Claims;

/// <summary>
/// 撤回: the claimant (its own enterprise, the station of its communities, or the bureau's counter
/// for the claims it filed) withdraws a draft, a claim submitted that no officer has acted on yet,
/// or a claim returned for correction; the once-only scope and the covered months are free again
/// (<see cref="Claim.Withdraw"/>). Once an officer acted (review, approval, payment) the domain
/// refuses it (<c>claim-not-withdrawable</c>, 422). A claim outside the caller's claims is 404.
/// </summary>
public static class WithdrawClaim
{
    public sealed record Command(Guid ClaimId);

    /// <summary>The claim is named by the route; nothing else to check before the handler.</summary>
    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ClaimId).NotEmpty().WithMessage("请指定要撤回的申请。");
        }
    }

    public sealed class Handler(OperationScope scope, PortalCalendar calendar) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var claim = await db.Claims.VisibleTo(principal).WithEventsAndMonths()
                    .FirstOrDefaultAsync(c => c.Id == command.ClaimId, cancellationToken);

                // Officers see every claim but withdraw only the counter's own (as they submit only those).
                if (claim is null || principal.IsBureauOfficer && claim.ClaimantKind != ClaimantKind.Bureau)
                {
                    return FeatureOutcome.Missing("补贴申请");
                }

                var now = calendar.Now;
                claim.Withdraw(ClaimCommandSupport.Actor(principal), now);
                ClaimCommandSupport.Notify(db, claim, now);
                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success($"申请 {claim.Number} 已撤回。", claim.Id);
            });
        }
    }
}
