using EmploymentPortal.Data;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Policies;
using EmploymentPortal.Policies.Evaluation;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Residents.Unemployment;

/// <summary>
/// The unemployment register's conditions for one resident, as the API returns them: for a
/// resident not on the register, whether they may be registered (<c>unemployment-registration</c>);
/// for one on it, whether they stay (<c>unemployment-registration-kept</c>: a condition no longer
/// met is the ground for leaving it).
/// </summary>
/// <remarks>Kind: unemployment-registration or unemployment-registration-kept. Allowed: The registration may be made (the person stays on the register). FromRecords: The facts taken from the portal's records, not asked.</remarks>
public sealed record RegistrationConditionsResponse(string Kind, DateOnly Date, bool Allowed, IReadOnlyList<RegistrationConditionsResponse.Decision> Decisions, IReadOnlyList<string> FromRecords)
{
    /// <summary>One rule's decision: its id and outcome, the facts missing (keys), its flags, and the decision in words (<see cref="DecisionView"/>).</summary>
    public sealed record Decision(string RuleId, string Outcome, IReadOnlyList<string> MissingFacts, IReadOnlyList<string> Flags, DecisionView View);

    public static RegistrationConditionsResponse From(RegistrationConditions.Evaluation evaluation, PolicyCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var presenter = new DecisionPresenter(catalogue);
        return new RegistrationConditionsResponse(
            evaluation.Kind,
            evaluation.Date,
            evaluation.Allowed,
            evaluation.Decisions.Select(d => new Decision(d.RuleId, OutcomeName(d.Outcome), d.MissingFacts, d.Flags, presenter.Present(d))).ToList(),
            evaluation.FromRecords);
    }

    /// <summary>eligible, ineligible, needsInformation, manualReview: as the policy API spells outcomes.</summary>
    private static string OutcomeName(Outcome outcome) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(outcome.ToString());
}

/// <summary>Evaluates the register's conditions for a resident the station serves (nothing is saved).</summary>
public static class CheckRegistrationConditions
{
    /// <summary>
    /// The evaluation for <paramref name="residentId"/> on <paramref name="date"/>, or null when the
    /// resident is not one the caller's station serves (as the registration itself: station staff
    /// of the resident's community).
    /// </summary>
    public static async Task<RegistrationConditions.Evaluation?> EvaluateAsync(
        PortalDbContext db, PortalPrincipal principal, RegistrationConditions conditions, Guid residentId, DateOnly date, StatedRegistrationFacts stated, CancellationToken cancellationToken)
    {
        if (!principal.IsStationStaff)
        {
            return null;
        }

        var resident = await db.Residents.AsNoTracking().VisibleTo(principal).Include(r => r.StatusHistory)
            .FirstOrDefaultAsync(r => r.Id == residentId, cancellationToken);
        if (resident is null)
        {
            return null;
        }

        return resident.CurrentStatus is null or EmploymentStatus.Deregistered
            ? await conditions.ForRegistrationAsync(db, resident, resident.CommunityId, date, stated, cancellationToken)
            : await conditions.ForStayingAsync(db, resident, date, stated, cancellationToken);
    }
}
