using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Data.Seeding;

/// <summary>
/// Generates well-formed but fictional identifiers for demo and scale data: ID-card numbers and
/// unified social credit codes whose check characters come from the domain's value objects.
/// </summary>
public static class DemoIdentifiers
{
    public static string IdNumber(Random random, string regionCode, DateOnly birthDate, Sex sex)
    {
        var sequence = (random.Next(0, 500) * 2) + (sex == Sex.Male ? 1 : 0);
        var body = $"{regionCode}{birthDate:yyyyMMdd}{sequence:000}";
        return body + IdCardNumber.ComputeCheckCharacter(body);
    }

    /// <summary>A code for a company registered with market regulation (91...) in a region.</summary>
    public static string CreditCode(Random random, string regionCode)
    {
        var body = new char[17];
        body[0] = '9';
        body[1] = '1';
        regionCode.CopyTo(0, body, 2, 6);
        for (var i = 8; i < 17; i++)
        {
            body[i] = UnifiedSocialCreditCode.Alphabet[random.Next(UnifiedSocialCreditCode.Alphabet.Length)];
        }

        return new string(body) + UnifiedSocialCreditCode.ComputeCheckCharacter(body);
    }
}
