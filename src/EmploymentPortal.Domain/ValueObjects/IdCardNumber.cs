using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.ValueObjects;

/// <summary>The sex recorded in an ID-card number (17th digit: odd male, even female).</summary>
public enum Sex
{
    /// <summary>男</summary>
    Male,

    /// <summary>女</summary>
    Female,
}

/// <summary>
/// 居民身份证号码: an 18-character citizen identification number as defined by GB 11643-1999:
/// a six-digit address (region) code, an eight-digit birth date (yyyyMMdd), a three-digit
/// sequence code whose last digit gives the sex, and a check character (0-9 or X) computed with
/// ISO 7064 MOD 11-2. Birth date and sex are derived from the number and never typed twice.
/// </summary>
/// <remarks>
/// The region check is deliberately loose: the first two digits must be a province-level code
/// of GB/T 2260 and the next four digits must be digits. Codes of counties that were merged or
/// renamed stay valid on the cards issued under them, so the number is not checked against the
/// current division list. The <c>default</c> value is not a valid number; create one with
/// <see cref="Parse"/> or <see cref="TryParse(string?, out IdCardNumber, out string?, DateOnly?)"/>.
/// </remarks>
public readonly record struct IdCardNumber : IParsable<IdCardNumber>
{
    /// <summary>The earliest birth date accepted: GB 11643's own example holder was born in 1880.</summary>
    public static readonly DateOnly EarliestPlausibleBirthDate = new(1850, 1, 1);

    /// <summary>
    /// The oldest age a number may give on the day it is entered: a birth date more than 120
    /// years before that day is a typo or a made-up number, not a resident.
    /// </summary>
    public const int MaximumPlausibleAge = 120;

    private const int Length = 18;

    // ISO 7064 MOD 11-2: weight of position i (1-based) is 2^(18-i) mod 11.
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    // Check character for (weighted sum mod 11) = 0..10.
    private const string CheckCharacters = "10X98765432";

    private readonly string? _value;

    private IdCardNumber(string value, DateOnly birthDate)
    {
        _value = value;
        BirthDate = birthDate;
    }

    /// <summary>The canonical 18 characters, digits and an upper-case X.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>出生日期, from characters 7-14.</summary>
    public DateOnly BirthDate { get; }

    /// <summary>性别, from the parity of the 17th digit.</summary>
    public Sex Sex => (Value[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;

    /// <summary>The six-digit address code (characters 1-6) of the place of first registration.</summary>
    public string RegionCode => Value[..6];

    /// <summary>
    /// The number with only the first 4 and last 4 characters visible, for lists and exports:
    /// <c>3412**********1234</c>.
    /// </summary>
    public string Masked => Value.Length == Length
        ? string.Concat(Value.AsSpan(0, 4), new string('*', Length - 8), Value.AsSpan(Length - 4))
        : string.Empty;

    /// <summary>
    /// Age in completed years (周岁) on <paramref name="date"/>, as defined by
    /// <see cref="DatePeriods.CompletedYearsBetween"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is before the birth date.</exception>
    public int AgeOn(DateOnly date) => DatePeriods.CompletedYearsBetween(BirthDate, date);

    /// <summary>
    /// Parses an ID-card number after normalising it (whitespace removed, full-width characters
    /// converted, lower-case x upper-cased).
    /// </summary>
    /// <param name="input">What the user typed.</param>
    /// <param name="today">
    /// When given, a birth date after this day, or more than <see cref="MaximumPlausibleAge"/>
    /// years before it, is refused. The domain has no clock: the caller passes the date from its
    /// <see cref="TimeProvider"/>.
    /// </param>
    /// <exception cref="DomainException">
    /// The input is not a valid number. Codes: <c>id-card-empty</c>, <c>id-card-length</c>,
    /// <c>id-card-illegal-character</c>, <c>id-card-region</c>, <c>id-card-birth-date</c>,
    /// <c>id-card-birth-date-future</c>, <c>id-card-birth-date-implausible</c>, <c>id-card-check-digit</c>.
    /// </exception>
    public static IdCardNumber Parse(string? input, DateOnly? today = null) =>
        TryCreate(input, today, out var value, out var error) ? value : throw error.ToException();

    /// <summary>
    /// Parses an ID-card number; on failure <paramref name="error"/> says in Simplified Chinese
    /// what is wrong. See <see cref="Parse"/> for the rules.
    /// </summary>
    public static bool TryParse(
        string? input,
        out IdCardNumber value,
        [NotNullWhen(false)] out string? error,
        DateOnly? today = null)
    {
        var ok = TryCreate(input, today, out value, out var parseError);
        error = ok ? null : parseError.Message;
        return ok;
    }

    /// <summary>The check character (0-9 or X) for the first 17 digits.</summary>
    /// <exception cref="ArgumentException"><paramref name="first17Digits"/> is not 17 ASCII digits.</exception>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17Digits)
    {
        if (first17Digits.Length != Length - 1 || !InputNormalizer.IsAsciiDigits(first17Digits))
        {
            throw new ArgumentException("Exactly 17 ASCII digits are required.", nameof(first17Digits));
        }

        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += (first17Digits[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <inheritdoc/>
    public override string ToString() => Value;

    static IdCardNumber IParsable<IdCardNumber>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<IdCardNumber>.TryParse(
        [NotNullWhen(true)] string? s,
        IFormatProvider? provider,
        out IdCardNumber result) => TryCreate(s, null, out result, out _);

    private static bool TryCreate(string? input, DateOnly? today, out IdCardNumber value, out ParseError error)
    {
        value = default;
        var text = InputNormalizer.Normalize(input);

        if (text.Length == 0)
        {
            error = new("id-card-empty", "请输入身份证号码。");
            return false;
        }

        if (text.Length != Length)
        {
            error = new("id-card-length", $"身份证号码应为18位，实际为{text.Length}位。");
            return false;
        }

        for (var i = 0; i < Length; i++)
        {
            var c = text[i];
            var allowed = char.IsAsciiDigit(c) || (i == Length - 1 && c == 'X');
            if (!allowed)
            {
                var expected = i == Length - 1 ? "数字或X" : "数字";
                error = new(
                    "id-card-illegal-character",
                    $"身份证号码第{i + 1}位{InputNormalizer.Describe(c)}不是合法字符，此位应为{expected}。");
                return false;
            }
        }

        if (!ProvinceCodes.IsValid(text.AsSpan(0, 2)))
        {
            error = new("id-card-region", $"身份证号码前两位“{text[..2]}”不是有效的省级行政区划代码。");
            return false;
        }

        var birthText = text.Substring(6, 8);
        if (!DateOnly.TryParseExact(birthText, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate)
            || birthDate < EarliestPlausibleBirthDate)
        {
            error = new("id-card-birth-date", $"身份证号码中的出生日期“{birthText}”不是有效日期。");
            return false;
        }

        if (today is { } t && birthDate > t)
        {
            error = new("id-card-birth-date-future", $"身份证号码中的出生日期“{birthText}”晚于今天。");
            return false;
        }

        if (today is { } day && birthDate < day.AddYears(-MaximumPlausibleAge))
        {
            error = new("id-card-birth-date-implausible", $"身份证号码中的出生日期“{birthText}”早于{MaximumPlausibleAge}年前，请核对号码。");
            return false;
        }

        // The message does not reveal the expected character: a typo elsewhere in the number
        // would otherwise be "fixed" by changing the last character.
        if (ComputeCheckCharacter(text.AsSpan(0, Length - 1)) != text[Length - 1])
        {
            error = new("id-card-check-digit", "身份证号码校验码不正确，请逐位核对号码。");
            return false;
        }

        value = new IdCardNumber(text, birthDate);
        error = default;
        return true;
    }
}
