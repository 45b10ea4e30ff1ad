using System.Diagnostics.CodeAnalysis;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Entrepreneurship;

/// <summary>
/// The registration number of a business start: its unified social credit code (统一社会信用代码,
/// GB 32100, checked as <see cref="UnifiedSocialCreditCode"/> checks an enterprise's), or, for an
/// individual business (个体工商户) registered before it received a credit code, its 15-digit
/// registration number (工商注册号, GB/T 17710 ISO 7064 MOD 11,10 check digit).
/// </summary>
public static class BusinessRegistrationNumber
{
    private const int LegacyLength = 15;

    /// <summary>
    /// Checks <paramref name="input"/> for a business of <paramref name="type"/> and returns the
    /// canonical number (upper case, no spaces). Only an individual business may use the 15-digit
    /// registration number.
    /// </summary>
    public static bool TryParse(string? input, BusinessType type, [NotNullWhen(true)] out string? number, [NotNullWhen(false)] out string? error)
    {
        number = null;
        var text = InputNormalizer.Normalize(input);
        if (text.Length == 0)
        {
            error = "请输入统一社会信用代码或个体工商户注册号。";
            return false;
        }

        if (text.Length == LegacyLength && InputNormalizer.IsAsciiDigits(text))
        {
            if (type != BusinessType.IndividualBusiness)
            {
                error = "只有个体工商户可以使用15位注册号，其他市场主体请输入18位统一社会信用代码。";
                return false;
            }

            if (LegacyCheckDigit(text.AsSpan(0, LegacyLength - 1)) != text[^1] - '0')
            {
                error = "个体工商户注册号校验位不正确，请逐位核对。";
                return false;
            }

            number = text;
            error = null;
            return true;
        }

        if (!UnifiedSocialCreditCode.TryParse(text, out var code, out error))
        {
            if (type == BusinessType.IndividualBusiness && text.Length != 18)
            {
                error = "请输入18位统一社会信用代码或15位个体工商户注册号。";
            }

            return false;
        }

        number = code.Value;
        return true;
    }

    /// <summary>Parses as <see cref="TryParse"/>; throws <c>business-registration-number</c> on a bad number.</summary>
    public static string Parse(string? input, BusinessType type) =>
        TryParse(input, type, out var number, out var error) ? number : throw new DomainException("business-registration-number", error);

    /// <summary>The ISO 7064 MOD 11,10 check digit of the first 14 digits of a registration number.</summary>
    public static int LegacyCheckDigit(ReadOnlySpan<char> first14)
    {
        var p = 10;
        foreach (var c in first14)
        {
            var s = (p + (c - '0')) % 10;
            if (s == 0)
            {
                s = 10;
            }

            p = s * 2 % 11;
        }

        return (11 - p) % 10;
    }
}
