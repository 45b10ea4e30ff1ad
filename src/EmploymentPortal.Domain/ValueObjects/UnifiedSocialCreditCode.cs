using System.Diagnostics.CodeAnalysis;
using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.ValueObjects;

/// <summary>
/// 统一社会信用代码: the 18-character identifier of a legal person or other organisation defined
/// by GB 32100-2015. Layout: character 1 registration department (登记管理部门), character 2
/// organisation type (机构类别), characters 3-8 the region code of the registration authority,
/// characters 9-17 the organisation code (主体标识码), character 18 the check character.
/// Every character comes from the 31-character alphabet <c>0123456789ABCDEFGHJKLMNPQRTUWXY</c>
/// (I, O, Z, S and V are not used, to avoid confusion with 1, 0, 2, 5 and U).
/// </summary>
/// <remarks>
/// Check character: with the characters' alphabet indices c1..c17 and the weights
/// 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 (3^(i-1) mod 31), the check
/// index is 31 − (Σ ci·wi mod 31), where 31 becomes 0.
/// The structure check accepts the department codes 1-9, A, N and Y and the type codes 1, 2, 3
/// and 9 in any combination; it does not check each department's own list of types.
/// The <c>default</c> value is not a valid code.
/// </remarks>
public readonly record struct UnifiedSocialCreditCode : IParsable<UnifiedSocialCreditCode>
{
    /// <summary>The 31 characters a code may contain, in the order of their values 0-30.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private const int Length = 18;
    private const string RegistrationDepartments = "123456789ANY";
    private const string OrganisationTypes = "1239";
    private const string ExcludedLetters = "IOZSV";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private readonly string? _value;

    private UnifiedSocialCreditCode(string value)
    {
        _value = value;
    }

    /// <summary>The canonical 18 upper-case characters.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>登记管理部门代码 (character 1), e.g. 9 for market regulation (工商), 5 for civil affairs.</summary>
    public char RegistrationDepartment => Value[0];

    /// <summary>机构类别代码 (character 2), e.g. 1 for an enterprise registered by market regulation.</summary>
    public char OrganisationType => Value[1];

    /// <summary>登记管理机关行政区划码: the six-digit region code (characters 3-8).</summary>
    public string RegionCode => Value.Substring(2, 6);

    /// <summary>主体标识码 (组织机构代码): characters 9-17.</summary>
    public string OrganisationCode => Value.Substring(8, 9);

    /// <summary>
    /// Parses a credit code after normalising it (whitespace removed, full-width characters
    /// converted, lower case upper-cased).
    /// </summary>
    /// <exception cref="DomainException">
    /// The input is not a valid code. Codes: <c>credit-code-empty</c>, <c>credit-code-length</c>,
    /// <c>credit-code-illegal-character</c>, <c>credit-code-structure</c>,
    /// <c>credit-code-check-character</c>.
    /// </exception>
    public static UnifiedSocialCreditCode Parse(string? input) =>
        TryCreate(input, out var value, out var error) ? value : throw error.ToException();

    /// <summary>
    /// Parses a credit code; on failure <paramref name="error"/> says in Simplified Chinese what
    /// is wrong. See <see cref="Parse(string?)"/>.
    /// </summary>
    public static bool TryParse(string? input, out UnifiedSocialCreditCode value, [NotNullWhen(false)] out string? error)
    {
        var ok = TryCreate(input, out value, out var parseError);
        error = ok ? null : parseError.Message;
        return ok;
    }

    /// <summary>The check character for the first 17 characters (upper case, from <see cref="Alphabet"/>).</summary>
    /// <exception cref="ArgumentException">
    /// <paramref name="first17"/> is not 17 characters of <see cref="Alphabet"/>.
    /// </exception>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Length - 1)
        {
            throw new ArgumentException("Exactly 17 characters are required.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            var index = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (index < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not in the credit-code alphabet.", nameof(first17));
            }

            sum += index * Weights[i];
        }

        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <inheritdoc/>
    public override string ToString() => Value;

    static UnifiedSocialCreditCode IParsable<UnifiedSocialCreditCode>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<UnifiedSocialCreditCode>.TryParse(
        [NotNullWhen(true)] string? s,
        IFormatProvider? provider,
        out UnifiedSocialCreditCode result) => TryCreate(s, out result, out _);

    private static bool TryCreate(string? input, out UnifiedSocialCreditCode value, out ParseError error)
    {
        value = default;
        var text = InputNormalizer.Normalize(input);

        if (text.Length == 0)
        {
            error = new("credit-code-empty", "请输入统一社会信用代码。");
            return false;
        }

        if (text.Length != Length)
        {
            error = new("credit-code-length", $"统一社会信用代码应为18位，实际为{text.Length}位。");
            return false;
        }

        for (var i = 0; i < Length; i++)
        {
            var c = text[i];
            if (Alphabet.Contains(c, StringComparison.Ordinal))
            {
                continue;
            }

            var reason = ExcludedLetters.Contains(c, StringComparison.Ordinal)
                ? "统一社会信用代码不使用字母I、O、Z、S、V"
                : "只能包含数字和大写英文字母（不含I、O、Z、S、V）";
            error = new(
                "credit-code-illegal-character",
                $"统一社会信用代码第{i + 1}位{InputNormalizer.Describe(c)}不是合法字符：{reason}。");
            return false;
        }

        if (!RegistrationDepartments.Contains(text[0], StringComparison.Ordinal))
        {
            error = new("credit-code-structure", $"统一社会信用代码第1位（登记管理部门代码）“{text[0]}”无效，应为1-9、A、N或Y。");
            return false;
        }

        if (!OrganisationTypes.Contains(text[1], StringComparison.Ordinal))
        {
            error = new("credit-code-structure", $"统一社会信用代码第2位（机构类别代码）“{text[1]}”无效，应为1、2、3或9。");
            return false;
        }

        if (!InputNormalizer.IsAsciiDigits(text.AsSpan(2, 6)))
        {
            error = new("credit-code-structure", $"统一社会信用代码第3-8位（行政区划码）“{text.Substring(2, 6)}”应为6位数字。");
            return false;
        }

        if (ComputeCheckCharacter(text.AsSpan(0, Length - 1)) != text[Length - 1])
        {
            error = new("credit-code-check-character", "统一社会信用代码校验码不正确，请逐位核对代码。");
            return false;
        }

        value = new UnifiedSocialCreditCode(text);
        error = default;
        return true;
    }
}
