using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Web.Features.Claims;

/// <summary>
/// Claim money on pages, exports and checks (docs/claims.md "Money safety"): the hard per-claim
/// ceiling from configuration, whether a stored amount can be trusted
/// (<see cref="Claim.IsAmountSound"/>), and totals as checked <see cref="Money"/> sums that leave
/// out, flag and log the amounts that cannot. In SQL the same bound keeps every SUM within
/// <see cref="long"/> on both providers (count × ceiling, far below 2⁶³).
/// </summary>
public sealed class ClaimAmounts(ClaimOptions options, ILogger<ClaimAmounts> logger)
{
    /// <summary>What a page or an export shows in place of a corrupt amount.</summary>
    public const string AnomalyText = "金额异常，已排除出合计";

    public Money HardCeiling { get; } = options.HardCeilingPerClaim;

    /// <summary>True for no amount and for 0 … the hard ceiling.</summary>
    public bool IsSound(Money? amount) => Claim.IsAmountSound(amount, HardCeiling);

    /// <summary>The checked sum of the sound amounts (none counts as zero); the others are left out.</summary>
    public Money Total(IEnumerable<Money?> amounts) => Money.Sum(amounts.Where(IsSound).Select(a => a ?? Money.Zero));

    /// <summary>The claims whose stored amount is corrupt, in SQL (the complement of <see cref="IsSound"/>).</summary>
    public IQueryable<Claim> Corrupt(IQueryable<Claim> claims)
    {
        var ceiling = (long)HardCeiling;
        return claims.Where(c => (long?)c.Amount < 0 || (long?)c.Amount > ceiling);
    }

    /// <summary>The claims whose stored amount can be summed, in SQL.</summary>
    public IQueryable<Claim> Sound(IQueryable<Claim> claims)
    {
        var ceiling = (long)HardCeiling;
        return claims.Where(c => c.Amount == null || ((long?)c.Amount >= 0 && (long?)c.Amount <= ceiling));
    }

    /// <summary>
    /// Logs a warning that <paramref name="where"/> left corrupt amounts out: the claim numbers
    /// only (no names, accounts or ID numbers), at most 20.
    /// </summary>
    public void Flag(string where, IReadOnlyCollection<string> claimNumbers)
    {
        if (claimNumbers.Count == 0)
        {
            return;
        }

        logger.LogWarning(
            "{Where}: {Count} claim amount(s) outside 0…{Ceiling} left out of the totals: {Claims}",
            where,
            claimNumbers.Count,
            HardCeiling.ToString(),
            string.Join(", ", claimNumbers.Take(20)));
    }
}
