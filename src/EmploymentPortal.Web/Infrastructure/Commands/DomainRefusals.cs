using EmploymentPortal.Web.Infrastructure.Validation;

namespace EmploymentPortal.Web.Infrastructure.Commands;

/// <summary>
/// The domain codes whose refusal is not a 422 (docs/decisions/007-command-pipeline.md): a
/// refusal that concerns one field of the request (400 with that field), one that concerns who
/// asks (403), one that concerns the stored state (409). Every other <c>DomainException</c> is a
/// rule refusing the request as a whole: 422 with its code. The one list, read by
/// <see cref="FeatureOutcome.FromDomain"/> and so by the pipeline and <see cref="ErrorMapping"/>.
/// </summary>
public static class DomainRefusals
{
    private static readonly Dictionary<string, (OutcomeKind Kind, string? Field)> Special = new(StringComparer.Ordinal)
    {
        // Claims: approval (Claim.Approve, Reject, ReturnForCorrection, AcceptListMember).
        ["claim-override-reason-required"] = (OutcomeKind.Invalid, "reason"),
        ["claim-reason-required"] = (OutcomeKind.Invalid, "reason"),
        ["claim-amount-required"] = (OutcomeKind.Invalid, "amount"),
        ["claim-amount-not-positive"] = (OutcomeKind.Invalid, "amount"),
        ["claim-maker-cannot-approve"] = (OutcomeKind.Forbidden, null),
        ["claim-second-approver-required"] = (OutcomeKind.Forbidden, null),

        // Claims: a payment batch whose stored claims no longer reconcile with it.
        ["batch-totals-mismatch"] = (OutcomeKind.Conflict, null),
        ["batch-amount-corrupt"] = (OutcomeKind.Conflict, null),

        // Monitoring: a warning acknowledged or a designation ended already.
        ["monitoring-warning-acknowledged"] = (OutcomeKind.Conflict, null),
        ["monitoring-ended"] = (OutcomeKind.Conflict, null),
        // Training: a second enrolment of the same resident, a certificate number recorded already.
        ["training-enrolment-duplicate"] = (OutcomeKind.Conflict, null),
        ["training-certificate-duplicate"] = (OutcomeKind.Conflict, null),
    };

    /// <summary>The kind of a domain code's refusal, and the field it concerns if any.</summary>
    public static (OutcomeKind Kind, string? Field) Of(string code) =>
        Special.TryGetValue(code, out var special) ? special : (OutcomeKind.Refused, null);
}
