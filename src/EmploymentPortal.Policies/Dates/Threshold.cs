namespace EmploymentPortal.Policies.Dates;

/// <summary>
/// How a threshold written in a policy document compares. The Chinese words decide whether the
/// number itself counts; see docs/policies/dates-and-thresholds.md.
/// </summary>
public enum ThresholdKind
{
    /// <summary>以上 / 不低于 / 不少于 / 含: the value may equal the limit (≥).</summary>
    AtLeast,

    /// <summary>以下 / 以内 / 不超过 / 不高于 / 最高 / 最长: the value may equal the limit (≤).</summary>
    AtMost,

    /// <summary>超过 / 高于: strictly greater (&gt;).</summary>
    MoreThan,

    /// <summary>不足 / 低于 / 未满: strictly less (&lt;).</summary>
    LessThan,
}

public static class Threshold
{
    /// <summary>Compares <paramref name="value"/> with <paramref name="limit"/> as the document's word says.</summary>
    public static bool Satisfies(ThresholdKind kind, decimal value, decimal limit) => kind switch
    {
        ThresholdKind.AtLeast => value >= limit,
        ThresholdKind.AtMost => value <= limit,
        ThresholdKind.MoreThan => value > limit,
        ThresholdKind.LessThan => value < limit,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Parses the catalogue spelling: atLeast, atMost, moreThan, lessThan.</summary>
    public static ThresholdKind Parse(string text) => text switch
    {
        "atLeast" => ThresholdKind.AtLeast,
        "atMost" => ThresholdKind.AtMost,
        "moreThan" => ThresholdKind.MoreThan,
        "lessThan" => ThresholdKind.LessThan,
        _ => throw new FormatException($"Unknown threshold '{text}'; use atLeast (以上), atMost (以下/以内/不超过), moreThan (超过) or lessThan (不足)."),
    };

    /// <summary>The symbol used in traces.</summary>
    public static string Symbol(ThresholdKind kind) => kind switch
    {
        ThresholdKind.AtLeast => ">=",
        ThresholdKind.AtMost => "<=",
        ThresholdKind.MoreThan => ">",
        ThresholdKind.LessThan => "<",
        _ => "?",
    };
}
