using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Claims;

/// <summary>
/// 单笔补贴上限: the most one claim of a benefit may be approved for when its rules compute no
/// amount (the document leaves the figure to the bureau, or the officer grants against the rules'
/// decision), set by a bureau officer with its basis (依据, e.g. the local document and clause).
/// Setting a benefit again adds a version: the latest applies, the history stays, and every
/// version is in the audit log.
/// </summary>
public sealed class BenefitCeiling : AggregateRoot
{
    public const int MaxBasisLength = 500;

    private BenefitCeiling()
    {
        Benefit = string.Empty;
        Basis = string.Empty;
        SetById = string.Empty;
        SetByName = string.Empty;
    }

    /// <exception cref="DomainException"><c>benefit-ceiling-amount</c>, <c>benefit-ceiling-basis</c>.</exception>
    public BenefitCeiling(string benefit, Money amount, string basis, ClaimActor setBy, DateTimeOffset setAt)
        : this()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(benefit);
        ArgumentNullException.ThrowIfNull(setBy);
        if (amount.IsZero || amount.IsNegative)
        {
            throw new DomainException("benefit-ceiling-amount", "单笔上限必须大于 0。");
        }

        if (string.IsNullOrWhiteSpace(basis) || basis.Trim().Length > MaxBasisLength)
        {
            throw new DomainException("benefit-ceiling-basis", $"请填写设定依据（{MaxBasisLength} 字以内），例如文件文号和条款。");
        }

        Benefit = benefit;
        Amount = amount;
        Basis = basis.Trim();
        SetById = setBy.UserId;
        SetByName = setBy.Name;
        SetAt = setAt;
    }

    /// <summary>The benefit kind (<see cref="Claim.Benefit"/>) the ceiling bounds.</summary>
    public string Benefit { get; private set; }

    public Money Amount { get; private set; }

    /// <summary>Why this amount: the document number and clause, or the meeting that decided it.</summary>
    public string Basis { get; private set; }

    public string SetById { get; private set; }

    public string SetByName { get; private set; }

    public DateTimeOffset SetAt { get; private set; }

    /// <summary>The version that applies to <paramref name="benefit"/>: the latest set; null when the bureau set none.</summary>
    public static BenefitCeiling? Latest(string benefit, IEnumerable<BenefitCeiling> set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return set.Where(c => c.Benefit == benefit).OrderByDescending(c => c.SetAt).ThenByDescending(c => c.Id).FirstOrDefault();
    }
}

/// <summary>
/// What an approval is held to: the two-tier threshold and the hard per-claim ceiling from
/// configuration, and the bureau's ceiling for the claim's benefit (null when none is set).
/// </summary>
public sealed record ClaimApprovalLimits(Money SecondApprovalThreshold, Money HardCeilingPerClaim, BenefitCeiling? BenefitCeiling = null);
