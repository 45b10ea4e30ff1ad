using System.Globalization;
using System.Text.Json.Nodes;
using EmploymentPortal.Policies.Model;

namespace EmploymentPortal.Web.Features.Claims;

/// <summary>How a stated fact is entered on the claim form.</summary>
public enum FactInputKind
{
    /// <summary>是 / 否 (isTrue, isFalse).</summary>
    YesNo,

    /// <summary>A date (the dates of dateCompare, monthsBetween, yearsBetween, ageOn, sameCalendarYear; the date a rule applies on).</summary>
    Date,

    /// <summary>A number (compare, the amount's months, count, requested sum or base).</summary>
    Number,

    /// <summary>One of the values a oneOf condition lists.</summary>
    Choice,

    /// <summary>
    /// A value of an open list (oneOfOpen, …等): one of the listed values or another, which an
    /// officer then decides on.
    /// </summary>
    OpenChoice,
}

/// <summary>One stated fact on the claim form: its path, the Chinese text the rule gives it, how it is entered.</summary>
public sealed record FactField(string Path, string Label, FactInputKind Kind, IReadOnlyList<string> Choices);

/// <summary>
/// The claim form's fields for the facts a rule reads that the records do not supply
/// (<see cref="ClaimFacts.StatedFactNames"/>), typed by the check that reads each (a yes/no, a
/// date, a number or a choice) and labelled with the condition's own description from the policy
/// catalogue, so a claimant states facts in a form instead of JSON.
/// </summary>
public static class ClaimFactForm
{
    private static readonly HashSet<string> DateChecks = new(StringComparer.Ordinal) { "dateCompare", "monthsBetween", "yearsBetween", "ageOn", "sameCalendarYear" };

    public static IReadOnlyList<FactField> Fields(PolicyRule rule, IReadOnlySet<string>? alsoSupplied = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Fields(rule, ClaimFacts.StatedFactNames(rule, alsoSupplied));
    }

    /// <summary>
    /// A field for every fact the rule reads, the records' facts and the claim's period included
    /// (the bureau's sandbox and what-if, where no record supplies them).
    /// </summary>
    public static IReadOnlyList<FactField> AllFields(PolicyRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Fields(rule, ClaimFacts.ReadFactNames(rule, withClaimPeriod: true));
    }

    private static List<FactField> Fields(PolicyRule rule, IReadOnlyList<string> paths)
    {
        var fields = new List<FactField>();
        foreach (var path in paths)
        {
            var condition = rule.Conditions.FirstOrDefault(c => c.Args.Values.Contains(path, StringComparer.Ordinal));
            if (condition is null)
            {
                fields.Add(path == rule.AppliesOn
                    ? new FactField(path, "政策适用日期（" + (rule.AppliesOnNote ?? path) + "）", FactInputKind.Date, [])
                    : AmountDateLabel(rule, path) is { } dateLabel
                    ? new FactField(path, dateLabel, FactInputKind.Date, [])
                    : new FactField(path, AmountLabel(rule, path), FactInputKind.Number, []));
                continue;
            }

            var kind = condition.Check switch
            {
                "isTrue" or "isFalse" => FactInputKind.YesNo,
                "oneOf" => FactInputKind.Choice,
                "oneOfOpen" => FactInputKind.OpenChoice,
                var check when DateChecks.Contains(check) => FactInputKind.Date,
                _ => FactInputKind.Number,
            };
            var choices = kind is FactInputKind.Choice or FactInputKind.OpenChoice && condition.Args.TryGetValue("values", out var values)
                ? values.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [];
            var role = condition.Args.FirstOrDefault(a => a.Value == path).Key switch
            {
                "from" or "birth" => "（起始日期）",
                "to" or "on" or "other" when kind == FactInputKind.Date => "（截止日期）",
                _ => string.Empty,
            };
            fields.Add(new FactField(path, condition.Description + role, kind, choices));
        }

        return fields;
    }

    /// <summary>
    /// <paramref name="facts"/> with the values entered on the form (the ones left empty are not
    /// stated): yes/no as booleans, dates as <c>yyyy-MM-dd</c>, numbers and choices as they are.
    /// </summary>
    public static JsonObject Apply(JsonObject facts, IReadOnlyList<FactField> fields, IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(facts);
        foreach (var field in fields)
        {
            JsonNode? node = values.GetValueOrDefault(field.Path) switch
            {
                bool b => JsonValue.Create(b),
                DateOnly d => JsonValue.Create(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                DateTime d => JsonValue.Create(DateOnly.FromDateTime(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                decimal n => JsonValue.Create(n),
                string { Length: > 0 } s => JsonValue.Create(s),
                _ => null,
            };
            if (node is not null)
            {
                ClaimFacts.Set(facts, field.Path, node);
            }
        }

        return facts;
    }

    // The dates the rules service counts the months from (the month insured, the internship's last day …).
    private static string? AmountDateLabel(PolicyRule rule, string path) =>
        path == rule.Amount.MonthsWithin?.NotBefore || path == rule.Amount.MonthsWithin?.After || path == rule.Amount.MonthsWithin?.NotAfter
        || path == rule.Amount.MonthsBetween?.From || path == rule.Amount.MonthsBetween?.Through
        || path == rule.Amount.MonthsWithin?.From || path == rule.Amount.MonthsWithin?.To
            ? "计发月数依据的日期（" + EmploymentPortal.Policies.Evaluation.DecisionWords.Fact(path) + "）"
            : null;

    private static string AmountLabel(PolicyRule rule, string path) =>
        path == rule.Amount.Months ? "补贴月数"
        : path == rule.Amount.Count ? "人数"
        : path == rule.Amount.RequestedFact ? (path.EndsWith("Fen", StringComparison.Ordinal) ? "申请金额（分）" : "申请金额")
        : path == rule.Amount.BaseFact ? "计算基数"
        : path;
}
