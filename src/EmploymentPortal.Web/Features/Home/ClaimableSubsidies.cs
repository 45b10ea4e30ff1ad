using System.Text.Json.Nodes;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Features.Claims;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Home;

/// <summary>
/// 可申领补贴: what a verified enterprise may claim today from the hires it recorded, with the
/// amounts the rules service computes. Each hire is decided exactly as a claim made from it would
/// be (<see cref="ClaimDecider.DecideAsync"/> with the hire, no stated facts, today's date), for each
/// benefit the enterprise claims from hires; a benefit already claimed for the hire (a live claim,
/// or the once-only key taken) is left out, and only eligible decisions with an amount are listed.
/// </summary>
public static class ClaimableSubsidies
{
    /// <summary>The most recent hires without a live claim that the home page decides (each decision reads the person's history).</summary>
    public const int HiresConsidered = 10;

    /// <summary>One person the enterprise may claim for: the hire to claim from and the expected amount.</summary>
    public sealed record Person(Guid HireId, string Name, DateOnly StartDate, Money Amount, string RuleId);

    /// <summary>One benefit (its Chinese name) with the people and the expected total.</summary>
    public sealed record Benefit(string Id, string Name, IReadOnlyList<Person> People)
    {
        public Money Total => People.Aggregate(Money.Zero, (sum, p) => sum + p.Amount);
    }

    public static async Task<IReadOnlyList<Benefit>> ForAsync(PortalDbContext db, ClaimDecider decider, Guid enterpriseId, DateOnly today, CancellationToken cancellationToken = default)
    {
        var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == enterpriseId, cancellationToken);
        if (enterprise is not { Status: EnterpriseStatus.Verified })
        {
            return [];
        }

        var benefits = decider.ClaimableRules(ClaimantKind.Enterprise).Select(r => r.Benefit).Distinct(StringComparer.Ordinal)
            .Where(b => decider.ClaimsFromHire(ClaimantKind.Enterprise, b)).ToList();
        if (benefits.Count == 0)
        {
            return [];
        }

        var claimed = db.Claims.Where(c => c.EnterpriseId == enterpriseId && c.HireId != null && c.Status != ClaimStatus.Rejected && c.Status != ClaimStatus.Withdrawn);
        var hires = await db.Hires.AsNoTracking()
            .Where(h => h.EnterpriseId == enterpriseId && h.EndedOn == null && h.StartDate <= today)
            .Where(h => benefits.Any(b => !claimed.Any(c => c.HireId == h.Id && c.Benefit == b)))
            .OrderByDescending(h => h.StartDate).ThenByDescending(h => h.Id)
            .Take(HiresConsidered)
            .ToListAsync(cancellationToken);
        var hireIds = hires.Select(h => h.Id).ToList();
        var taken = (await claimed.Where(c => hireIds.Contains(c.HireId!.Value)).Select(c => new { c.HireId, c.Benefit }).ToListAsync(cancellationToken))
            .Select(c => (c.HireId!.Value, c.Benefit)).ToHashSet();
        var residentIds = hires.Select(h => h.ResidentId).Distinct().ToList();
        var residents = await db.Residents.AsNoTracking().Include(r => r.StatusHistory).Where(r => residentIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);

        var found = new List<(string Benefit, Person Person, string? Key)>();
        foreach (var hire in hires)
        {
            var resident = residents[hire.ResidentId];
            foreach (var benefit in benefits.Where(b => !taken.Contains((hire.Id, b))))
            {
                ClaimDecider.Decided decided;
                try
                {
                    decided = await decider.DecideAsync(db, new ClaimDecider.DecisionRequest(ClaimantKind.Enterprise, benefit, null, resident, enterprise, new JsonObject(), today) { Hire = hire }, cancellationToken);
                }
                catch (ClaimRefusedException)
                {
                    continue;
                }

                if (decided.Decision is { Outcome: ClaimOutcome.Eligible, Amount: { } amount } && amount > Money.Zero)
                {
                    found.Add((benefit, new Person(hire.Id, resident.Name, hire.StartDate, amount, decided.Rule.Id), ClaimDecider.OnceOnlyKey(decided.Rule, resident.Id, enterprise.Id, resident.CommunityId, today)));
                }
            }
        }

        var keys = found.Select(f => f.Key).OfType<string>().ToList();
        var keysTaken = (await db.Claims.AsNoTracking().Where(c => c.OnceOnlyKey != null && keys.Contains(c.OnceOnlyKey)).Select(c => c.OnceOnlyKey!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return found.Where(f => f.Key is null || !keysTaken.Contains(f.Key))
            .GroupBy(f => f.Benefit, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Benefit(g.Key, ClaimFormat.Benefit(g.Key), g.Select(f => f.Person).ToList()))
            .ToList();
    }
}
