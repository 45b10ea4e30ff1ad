using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Entrepreneurship;
using EmploymentPortal.Web.Features.Policies;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Entrepreneurship;

/// <summary>What every loan command does: an officer only, the loan with its schedule loaded, one save.</summary>
internal static class LoanCommands
{
    /// <summary>Runs <paramref name="change"/> on the loan; with <paramref name="policies"/>, the catalogue is brought up to date first (the change asks the rules service).</summary>
    public static async Task<FeatureOutcome> ChangeAsync(OperationScope scope, Guid loanId, Func<GuaranteedLoan, string> change, CancellationToken cancellationToken, PolicyCatalogueService? policies = null)
    {
        if (!scope.Principal.IsBureauOfficer)
        {
            return FeatureOutcome.Denied("只有人社局经办人员可以办理创业担保贷款。");
        }

        return await scope.RunAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            if (policies is not null)
            {
                await policies.EnsureCurrentAsync(db, cancellationToken);
            }

            var loan = await db.GuaranteedLoans.Include(l => l.Installments).Include(l => l.Repayments).AsSplitQuery()
                .FirstOrDefaultAsync(l => l.Id == loanId, cancellationToken);
            if (loan is null)
            {
                return FeatureOutcome.Missing("贷款");
            }

            var message = change(loan);

            // The loan is the aggregate: saved as changed, so its version guards the schedule and
            // the repayments against a second officer at the same moment.
            db.Entry(loan).State = EntityState.Modified;
            await db.SaveChangesAsync(cancellationToken);
            return FeatureOutcome.Success(message, loan.Id);
        });
    }
}
