namespace EmploymentPortal.Domain.ValueObjects;

/// <summary>
/// The province-level codes of GB/T 2260 (the first two digits of a division code and of an
/// ID-card number): 11-15 North, 21-23 North-east, 31-37 East, 41-46 Central-south, 50-54
/// South-west, 61-65 North-west, 71 Taiwan, 81 Hong Kong, 82 Macao. 91 (used by an old draft for
/// foreigners) is not a province and is refused.
/// </summary>
internal static class ProvinceCodes
{
    public static bool IsValid(int code) => code switch
    {
        >= 11 and <= 15 => true,
        >= 21 and <= 23 => true,
        >= 31 and <= 37 => true,
        >= 41 and <= 46 => true,
        >= 50 and <= 54 => true,
        >= 61 and <= 65 => true,
        71 or 81 or 82 => true,
        _ => false,
    };

    /// <summary>Parses two ASCII digits and checks them; false for anything else.</summary>
    public static bool IsValid(ReadOnlySpan<char> twoDigits) =>
        twoDigits.Length == 2
        && char.IsAsciiDigit(twoDigits[0])
        && char.IsAsciiDigit(twoDigits[1])
        && IsValid(((twoDigits[0] - '0') * 10) + (twoDigits[1] - '0'));
}
