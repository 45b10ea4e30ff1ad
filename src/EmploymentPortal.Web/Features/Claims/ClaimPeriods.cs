using System.Globalization;
using System.Text.Json.Nodes;
using EmploymentPortal.Data;
using EmploymentPortal.Policies.Model;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Claims;

/// <summary>
/// The period (补贴期间) of a subsidy paid per month of a person: the flexible-employment social
/// insurance subsidy, the continued unemployment subsidy, an enterprise's social-insurance subsidy
/// for a hired person and the like. The claimant gives the first and last month; the months are
/// counted from them into the rule's months fact, and every month is recorded with the claim
/// (<see cref="Domain.Claims.Claim.CoveredMonths"/>) under the benefit and the person, unique among
/// live claims: the same month is never paid twice (docs/claims.md "Monthly subsidies of a person").
/// </summary>
public static class ClaimPeriods
{
    /// <summary>The longest period one claim may cover.</summary>
    public const int MaxMonths = 60;

    /// <summary>The fact of the period's first day (<c>claim.periodFrom</c>): the rules service counts the months it pays from it.</summary>
    public const string PeriodFromFact = "claim.periodFrom";

    /// <summary>The fact of the period's last day (<c>claim.periodTo</c>).</summary>
    public const string PeriodToFact = "claim.periodTo";

    public sealed record Period(DateOnly From, DateOnly To)
    {
        /// <summary>The first day of every month from <see cref="From"/> to <see cref="To"/>.</summary>
        public IReadOnlyList<DateOnly> Months
        {
            get
            {
                var months = new List<DateOnly>();
                for (var m = From; m <= To; m = m.AddMonths(1))
                {
                    months.Add(m);
                }

                return months;
            }
        }
    }

    /// <summary>
    /// The months fact of a rule paid per month of a person (<c>person.*</c> or <c>hire.*</c>, e.g.
    /// <c>person.subsidisedMonths</c>; a monthly amount or a monthly share such as 失业补助金, 80 % of
    /// the benefit a month); null for every other rule (one-time amounts, a unit's months).
    /// </summary>
    public static string? MonthsPath(PolicyRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Amount is { Kind: AmountKind.PerMonth or AmountKind.ShareOf, Months: { } months }
            && (months.StartsWith("person.", StringComparison.Ordinal) || months.StartsWith("hire.", StringComparison.Ordinal))
            ? months
            : null;
    }

    /// <summary>
    /// True for a rule paid per month of a person: with a months fact (<see cref="MonthsPath"/>) or
    /// with months the rules service counts from the claim's period (<c>monthsWithin</c> over
    /// <see cref="PeriodFromFact"/>, e.g. the graduate flexible-employment subsidy, the continued
    /// unemployment benefit). Such a claim needs its period.
    /// </summary>
    public static bool IsMonthly(PolicyRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return MonthsPath(rule) is not null || rule.Amount.MonthsWithin?.From == PeriodFromFact;
    }

    /// <summary>The period as the rules service reads it: <c>claim.periodFrom</c> (first day) and <c>claim.periodTo</c> (last day).</summary>
    public static JsonObject Facts(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return new JsonObject
        {
            ["periodFrom"] = ClaimFacts.Iso(period.From),
            ["periodTo"] = ClaimFacts.Iso(period.To.AddMonths(1).AddDays(-1)),
        };
    }

    /// <summary>The period of the months a claim covers (first to last), or null when it covers none.</summary>
    public static Period? Of(IEnumerable<DateOnly> months)
    {
        var list = months.Order().ToList();
        return list.Count == 0 ? null : new Period(list[0], list[^1]);
    }

    /// <summary>The period given, or null when neither month is; adds Chinese messages for bad input.</summary>
    public static Period? Parse(string? from, string? to, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to))
        {
            return null;
        }

        var first = Month(from);
        var last = Month(to);
        if (first is null)
        {
            errors["periodFrom"] = ["请按 yyyy-MM 填写补贴期间的起始月份，例如 2026-01。"];
        }

        if (last is null)
        {
            errors["periodTo"] = ["请按 yyyy-MM 填写补贴期间的截止月份，例如 2026-06。"];
        }

        if (first is not { } f || last is not { } l)
        {
            return null;
        }

        if (f > l)
        {
            errors["periodTo"] = ["截止月份不能早于起始月份。"];
            return null;
        }

        if (((l.Year - f.Year) * 12) + l.Month - f.Month + 1 > MaxMonths)
        {
            errors["periodTo"] = [$"一次申请的补贴期间不能超过 {MaxMonths} 个月。"];
            return null;
        }

        return new Period(f, l);
    }

    /// <summary>The stated facts with the months count at <paramref name="path"/> (what was stated there is replaced).</summary>
    public static JsonObject WithMonths(JsonObject? stated, string path, int months)
    {
        var facts = (JsonObject?)stated?.DeepClone() ?? [];
        ClaimFacts.Set(facts, path, months);
        return facts;
    }

    /// <summary>The key the months of a benefit paid for a person are recorded under.</summary>
    public static string Key(string benefit, Guid residentId) => $"{benefit}|person:{residentId:N}";

    /// <summary>The months of <paramref name="months"/> already covered under <paramref name="key"/>, with the claims covering them.</summary>
    public static async Task<List<(DateOnly Month, string Number)>> TakenAsync(PortalDbContext db, string key, IReadOnlyCollection<DateOnly> months, CancellationToken cancellationToken)
    {
        var wanted = months.ToList();
        var rows = await (
            from m in db.ClaimCoveredMonths.AsNoTracking()
            join c in db.Claims on m.ClaimId equals c.Id
            where m.Key == key && wanted.Contains(m.Month)
            orderby m.Month
            select new { m.Month, c.Number })
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(r => (r.Month, r.Number));
    }

    private static DateOnly? Month(string? text) =>
        DateOnly.TryParseExact((text ?? string.Empty).Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) ? first : null;
}
