using System.Diagnostics.CodeAnalysis;
using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.ValueObjects;

/// <summary>
/// A mainland China telephone number: a mobile number (手机号码, 11 digits <c>1[3-9]xxxxxxxxx</c>)
/// or a fixed line (固定电话, area code and a 7- or 8-digit local number), because enterprises
/// often give an office number. Residents' contact numbers are usually required to be mobile:
/// check <see cref="IsMobile"/>.
/// </summary>
/// <remarks>
/// Accepted input: spaces, hyphens and parentheses anywhere (<c>138 1234 5678</c>,
/// <c>(0551)6512-3456</c>); a country prefix <c>+86</c>, <c>0086</c>, or <c>86</c> directly before
/// a mobile number; full-width digits. After <c>+86</c>/<c>0086</c> a fixed line may omit its
/// trunk 0 (<c>+86 10 62345678</c>). The area code is read by the national numbering plan, not
/// from where the user put a hyphen: 010 and 020-029 have three digits, every other area code
/// (0300-0999) four. A local number starts with 2-9. Service numbers (95xxx, 400/800) are not
/// accepted.
/// Canonical forms: <c>13812345678</c> and <c>0551-65123456</c>.
/// The <c>default</c> value is not a valid number.
/// </remarks>
public readonly record struct PhoneNumber : IParsable<PhoneNumber>
{
    private const int MobileLength = 11;

    private readonly string? _value;
    private readonly int _areaCodeLength;

    private PhoneNumber(string value, int areaCodeLength)
    {
        _value = value;
        _areaCodeLength = areaCodeLength;
    }

    /// <summary>The canonical form: 11 digits for a mobile, <c>area-local</c> for a fixed line.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for a mobile number, false for a fixed line.</summary>
    public bool IsMobile => _value is not null && _areaCodeLength == 0;

    /// <summary>The area code with its leading 0 (e.g. <c>0551</c>) of a fixed line; null for a mobile.</summary>
    public string? AreaCode => _areaCodeLength == 0 ? null : Value[.._areaCodeLength];

    /// <summary>
    /// The number with the middle hidden, for lists: <c>138****5678</c> for a mobile,
    /// <c>0551-****3456</c> for a fixed line (area code and last 4 digits visible).
    /// </summary>
    public string Masked
    {
        get
        {
            if (_value is null)
            {
                return string.Empty;
            }

            if (IsMobile)
            {
                return string.Concat(Value.AsSpan(0, 3), "****", Value.AsSpan(MobileLength - 4));
            }

            var localLength = Value.Length - _areaCodeLength - 1;
            return string.Concat(Value.AsSpan(0, _areaCodeLength + 1), new string('*', localLength - 4), Value.AsSpan(Value.Length - 4));
        }
    }

    /// <summary>Parses a mobile or fixed-line number; see the type's remarks for what is accepted.</summary>
    /// <exception cref="DomainException">
    /// The input is not a valid number. Codes: <c>phone-empty</c>, <c>phone-illegal-character</c>,
    /// <c>phone-mobile-length</c>, <c>phone-mobile-prefix</c>, <c>phone-landline-format</c>,
    /// <c>phone-format</c>.
    /// </exception>
    public static PhoneNumber Parse(string? input) =>
        TryCreate(input, out var value, out var error) ? value : throw error.ToException();

    /// <summary>
    /// Parses a mobile or fixed-line number; on failure <paramref name="error"/> says in
    /// Simplified Chinese what is wrong.
    /// </summary>
    public static bool TryParse(string? input, out PhoneNumber value, [NotNullWhen(false)] out string? error)
    {
        var ok = TryCreate(input, out value, out var parseError);
        error = ok ? null : parseError.Message;
        return ok;
    }

    /// <inheritdoc/>
    public override string ToString() => Value;

    static PhoneNumber IParsable<PhoneNumber>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<PhoneNumber>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out PhoneNumber result) =>
        TryCreate(s, out result, out _);

    private static bool TryCreate(string? input, out PhoneNumber value, out ParseError error)
    {
        value = default;
        var text = InputNormalizer.Normalize(input)
            .Replace("-", string.Empty, StringComparison.Ordinal)
            .Replace("(", string.Empty, StringComparison.Ordinal)
            .Replace(")", string.Empty, StringComparison.Ordinal);

        if (text.Length == 0)
        {
            error = new("phone-empty", "请输入电话号码。");
            return false;
        }

        var international = false;
        if (text.StartsWith("+86", StringComparison.Ordinal))
        {
            text = text[3..];
            international = true;
        }
        else if (text.StartsWith("0086", StringComparison.Ordinal))
        {
            text = text[4..];
            international = true;
        }
        else if (text.Length == MobileLength + 2 && text.StartsWith("861", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                error = new("phone-illegal-character", $"电话号码中的{InputNormalizer.Describe(c)}不是合法字符，只能包含数字。");
                return false;
            }
        }

        // After a country code the trunk prefix 0 of a fixed line is normally left out. Area
        // codes then start with 2-9, or are Beijing's 10 (no mobile number starts with 10).
        if (international && (text.StartsWith("10", StringComparison.Ordinal) || (text.Length > 0 && text[0] is >= '2' and <= '9')))
        {
            text = "0" + text;
        }

        if (text.Length > 0 && text[0] == '1')
        {
            if (text.Length != MobileLength)
            {
                error = new("phone-mobile-length", $"手机号码应为11位，实际为{text.Length}位。");
                return false;
            }

            if (text[1] is < '3' or > '9')
            {
                error = new("phone-mobile-prefix", $"手机号码号段“{text[..3]}”无效，第2位应为3-9。");
                return false;
            }

            value = new PhoneNumber(text, 0);
            error = default;
            return true;
        }

        if (text.Length > 0 && text[0] == '0')
        {
            // Three-digit area codes are 010 and 020-029; all others have four digits.
            var areaCodeLength = text.Length > 1 && text[1] is '1' or '2' ? 3 : 4;
            var localLength = text.Length - areaCodeLength;
            if (localLength is not (7 or 8)
                || text[1] == '0'
                || (text[1] == '1' && text[2] != '0')
                || text[areaCodeLength] is '0' or '1')
            {
                error = new(
                    "phone-landline-format",
                    "固定电话号码格式不正确，应为区号加7-8位号码（号码首位为2-9），例如 010-62345678 或 0551-6512345。");
                return false;
            }

            value = new PhoneNumber($"{text[..areaCodeLength]}-{text[areaCodeLength..]}", areaCodeLength);
            error = default;
            return true;
        }

        error = new("phone-format", "电话号码格式不正确：手机号码以1开头共11位，固定电话以区号0开头。");
        return false;
    }
}
