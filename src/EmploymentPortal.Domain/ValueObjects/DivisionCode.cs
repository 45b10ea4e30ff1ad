using System.Diagnostics.CodeAnalysis;
using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.ValueObjects;

/// <summary>The level of an administrative division.</summary>
public enum DivisionLevel
{
    /// <summary>省级 (province, autonomous region, municipality): <c>PP0000</c>.</summary>
    Province,

    /// <summary>地级 (prefecture-level city, prefecture, league): <c>PPCC00</c>.</summary>
    City,

    /// <summary>县级 (district, county, county-level city, banner): <c>PPCCDD</c>.</summary>
    County,

    /// <summary>乡级 (street, town, township): 9 digits.</summary>
    Township,

    /// <summary>村级 (community, village): 12 digits.</summary>
    Village,
}

/// <summary>
/// 行政区划代码: the code of an administrative division. Six digits (GB/T 2260) for the province
/// (<c>PP0000</c>), prefecture (<c>PPCC00</c>) and county (<c>PPCCDD</c>) levels; nine digits for
/// streets and townships (GB/T 10114, the county code plus three); twelve digits for communities
/// and villages (the statistical division code, the township code plus three).
/// </summary>
/// <remarks>
/// The statistical tables publish every level as 12 digits padded with zeros
/// (<c>110101001000</c> is a street, <c>110000000000</c> Beijing). Such input is accepted and
/// reduced to its shortest form, so one division has one canonical value:
/// <c>110101001000</c> → <c>110101001</c>; <see cref="ToStatisticalCode"/> gives the padded form.
/// The structure is checked (a valid province, no county part under a <c>00</c> prefecture part),
/// not membership in the published list, which changes every year. Towns of the prefecture-level
/// cities without counties (东莞 441900, 中山 442000, ...) hang directly under the city code:
/// <c>441900003</c> has the parent <c>441900</c>. The <c>default</c> value is not a valid code.
/// </remarks>
public readonly record struct DivisionCode : IParsable<DivisionCode>
{
    private const int StatisticalLength = 12;

    private readonly string? _value;

    private DivisionCode(string value)
    {
        _value = value;
    }

    /// <summary>The canonical code: 6, 9 or 12 digits.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The level the code denotes.</summary>
    public DivisionLevel Level => Value.Length switch
    {
        12 => DivisionLevel.Village,
        9 => DivisionLevel.Township,
        _ when Value.AsSpan(2, 4).SequenceEqual("0000") => DivisionLevel.Province,
        _ when Value.AsSpan(4, 2).SequenceEqual("00") => DivisionLevel.City,
        _ => DivisionLevel.County,
    };

    /// <summary>
    /// The code of the enclosing division, derived from the code's structure: village → township
    /// → county → prefecture → province; null for a province. A county-level unit administered
    /// directly by its province (省直辖县级, prefecture part <c>90</c>, e.g. 济源 419001) has the
    /// province as parent.
    /// </summary>
    public DivisionCode? Parent => Level switch
    {
        DivisionLevel.Village => new DivisionCode(Value[..9]),
        DivisionLevel.Township => new DivisionCode(Value[..6]),
        DivisionLevel.County when Value.AsSpan(2, 2).SequenceEqual("90") => new DivisionCode(Value[..2] + "0000"),
        DivisionLevel.County => new DivisionCode(Value[..4] + "00"),
        DivisionLevel.City => new DivisionCode(Value[..2] + "0000"),
        _ => null,
    };

    /// <summary>The code padded with zeros to the 12 digits of the statistical division code.</summary>
    public string ToStatisticalCode() => Value.PadRight(StatisticalLength, '0');

    /// <summary>
    /// True when this division is <paramref name="other"/> itself or lies inside it: 110101001
    /// (a street of Dongcheng) is within 110101, 110100 and 110000, and within itself.
    /// </summary>
    public bool IsWithin(DivisionCode other)
    {
        var prefix = other.SignificantPrefix;
        return prefix.Length > 0 && Value.StartsWith(prefix, StringComparison.Ordinal);
    }

    /// <summary>
    /// Parses a 6-, 9- or 12-digit code (whitespace removed, full-width digits converted);
    /// see the type's remarks.
    /// </summary>
    /// <exception cref="DomainException">
    /// Codes: <c>division-empty</c>, <c>division-illegal-character</c>, <c>division-length</c>,
    /// <c>division-province</c>, <c>division-structure</c>.
    /// </exception>
    public static DivisionCode Parse(string? input) =>
        TryCreate(input, out var value, out var error) ? value : throw error.ToException();

    /// <summary>Parses a division code; see <see cref="Parse(string?)"/>.</summary>
    public static bool TryParse(string? input, out DivisionCode value, [NotNullWhen(false)] out string? error)
    {
        var ok = TryCreate(input, out value, out var parseError);
        error = ok ? null : parseError.Message;
        return ok;
    }

    /// <inheritdoc/>
    public override string ToString() => Value;

    static DivisionCode IParsable<DivisionCode>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<DivisionCode>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out DivisionCode result) =>
        TryCreate(s, out result, out _);

    // The digits that identify the division; every division inside it starts with them.
    private string SignificantPrefix => _value is null
        ? string.Empty
        : Level switch
        {
            DivisionLevel.Province => Value[..2],
            DivisionLevel.City => Value[..4],
            _ => Value,
        };

    private static bool TryCreate(string? input, out DivisionCode value, out ParseError error)
    {
        value = default;
        var text = InputNormalizer.Normalize(input);

        if (text.Length == 0)
        {
            error = new("division-empty", "请输入行政区划代码。");
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                error = new("division-illegal-character", $"行政区划代码中的{InputNormalizer.Describe(c)}不是合法字符，只能包含数字。");
                return false;
            }
        }

        if (text.Length is not (6 or 9 or 12))
        {
            error = new("division-length", $"行政区划代码应为6位、9位或12位，实际为{text.Length}位。");
            return false;
        }

        // Reduce the zero-padded statistical form to the shortest code of the same division.
        if (text.Length == 12 && text.EndsWith("000", StringComparison.Ordinal))
        {
            text = text[..9];
        }

        if (text.Length == 9 && text.EndsWith("000", StringComparison.Ordinal))
        {
            text = text[..6];
        }

        if (!ProvinceCodes.IsValid(text.AsSpan(0, 2)))
        {
            error = new("division-province", $"行政区划代码前两位“{text[..2]}”不是有效的省级代码。");
            return false;
        }

        if (text.AsSpan(2, 2).SequenceEqual("00") && !text.AsSpan(4, 2).SequenceEqual("00"))
        {
            error = new("division-structure", $"行政区划代码“{text[..6]}”无效：地级部分为00时县级部分也应为00。");
            return false;
        }

        value = new DivisionCode(text);
        error = default;
        return true;
    }
}
