using EmploymentPortal.Data.Seeding;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Bench.Generation;

/// <summary>One row of the Residents table, columns as in the Initial migration.</summary>
internal readonly record struct ResidentRow(Guid Id, string Name, string IdNumber, DateOnly BirthDate, Sex Sex, string Phone, Guid CommunityId);

/// <summary>
/// The stored form of a resident's personal data: ciphertexts and keyed hashes, as the portal
/// writes them (EmploymentPortal.Data.Security.PersonalDataMapping).
/// </summary>
internal readonly record struct ProtectedColumns(string IdNumberCipher, string IdNumberHash, string IdNumberLast4Hash, string PhoneCipher, string PhoneHash, string PhoneLast4Hash)
{
    public static ProtectedColumns Of(ResidentRow row, EmploymentPortal.Data.Security.PersonalDataProtector protector)
    {
        const EmploymentPortal.Data.Security.PersonalDataKind id = EmploymentPortal.Data.Security.PersonalDataKind.IdNumber;
        const EmploymentPortal.Data.Security.PersonalDataKind phone = EmploymentPortal.Data.Security.PersonalDataKind.Phone;
        return new(
            protector.Encrypt(row.IdNumber, id), protector.Hash(id, row.IdNumber), protector.HashLastDigits(id, row.IdNumber),
            protector.Encrypt(row.Phone, phone), protector.Hash(phone, row.Phone), protector.HashLastDigits(phone, row.Phone));
    }
}

/// <summary>One row of the Enterprises table, columns as in the Initial migration.</summary>
internal readonly record struct EnterpriseRow(Guid Id, string CreditCode, string Name, Guid CommunityId, string Address, double Latitude, double Longitude, EnterpriseStatus Status);

/// <summary>
/// Streams of synthetic rows, generated on the fly (nothing is collected, so memory stays flat
/// at any row count) and a pure function of the seed. Identifiers are unique by construction:
/// each row index goes through a permutation (<see cref="Deterministic.Permutation"/>) of the
/// identifier's value space, so no set of issued values is kept.
/// </summary>
internal static class ScaleRows
{
    /// <summary>
    /// Birthplace codes of generated ID numbers: 369801-369830, inside the scale city's unallocated
    /// prefix, so scale residents never collide with the demo city's (whose ID numbers use real
    /// Jiangxi county codes) in the unique index on <c>Residents.IdNumber</c>.
    /// </summary>
    public const string IdRegionPrefix = ScaleCity.CodePrefix;

    public const int IdRegionCount = 30;

    /// <summary>Birth dates of residents of working age (about 18-60 in 2026), fixed so that the data does not depend on the clock.</summary>
    public static readonly DateOnly EarliestBirthDate = new(1966, 1, 1);

    public static readonly DateOnly LatestBirthDate = new(2008, 12, 31);

    /// <summary>Credit codes of scale enterprises start with this (registration 9, type 1, scale-city region).</summary>
    public const string CreditCodePrefix = "91" + ScaleCity.CodePrefix;

    private const int SequenceCodes = 1000;

    // Nine credit-code characters from a 31-character alphabet.
    private static readonly long OrganisationCodeSpace = (long)Math.Pow(UnifiedSocialCreditCode.Alphabet.Length, 9);

    /// <summary>How many distinct ID numbers the scheme can issue: regions × birth dates × sequence codes.</summary>
    public static long IdNumberCapacity => (long)IdRegionCount * BirthDays * SequenceCodes;

    private static int BirthDays => LatestBirthDate.DayNumber - EarliestBirthDate.DayNumber + 1;

    public static IEnumerable<ResidentRow> Residents(int count, int seed, IReadOnlyList<ScaleCommunity> communities)
    {
        if (count > IdNumberCapacity)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"At most {IdNumberCapacity:N0} distinct ID numbers can be generated.");
        }

        return Generate();

        IEnumerable<ResidentRow> Generate()
        {
            var random = Deterministic.Stream(seed, 10);
            var ids = Deterministic.Stream(seed, 11);
            var idNumbers = new Deterministic.Permutation(Deterministic.Stream(seed, 12), IdNumberCapacity);
            for (var i = 0; i < count; i++)
            {
                // index → (region, birth day, sequence): a bijection, so every row has its own number.
                var x = idNumbers[i];
                var sequence = (int)(x % SequenceCodes);
                x /= SequenceCodes;
                var birthDate = EarliestBirthDate.AddDays((int)(x % BirthDays));
                var region = 1 + (int)(x / BirthDays);

                var body = $"{IdRegionPrefix}{region:00}{birthDate:yyyyMMdd}{sequence:000}";
                var idNumber = body + IdCardNumber.ComputeCheckCharacter(body);

                // GB 11643: an odd sequence code is a man, an even one a woman.
                var sex = sequence % 2 == 1 ? Sex.Male : Sex.Female;
                var name = Words.Surnames[random.Next(Words.Surnames.Length)]
                    + Words.GivenNameCharacters[random.Next(Words.GivenNameCharacters.Length)]
                    + (random.Next(3) == 0 ? string.Empty : Words.GivenNameCharacters[random.Next(Words.GivenNameCharacters.Length)]);
                var phone = $"1{Words.MobilePrefixes[random.Next(Words.MobilePrefixes.Length)]}{random.Next(0, 10)}{random.Next(0, 100_000_000):00000000}";

                // Residents cluster in the older, denser communities (lower codes), as in a real city.
                var community = communities[Math.Min(communities.Count - 1, (int)(communities.Count * Math.Pow(random.NextDouble(), 1.3)))];
                yield return new ResidentRow(Deterministic.VersionSevenGuid(ids, i), name, idNumber, birthDate, sex, phone, community.Id);
            }
        }
    }

    public static IEnumerable<EnterpriseRow> Enterprises(int count, int seed, IReadOnlyList<ScaleCommunity> communities)
    {
        var random = Deterministic.Stream(seed, 20);
        var ids = Deterministic.Stream(seed, 21);
        var codes = new Deterministic.Permutation(Deterministic.Stream(seed, 22), OrganisationCodeSpace);
        var nameSpace = (long)Words.Places.Length * Words.Places.Length * Words.EnterpriseTrades.Length * Words.EnterpriseForms.Length;
        var names = new Deterministic.Permutation(Deterministic.Stream(seed, 23), nameSpace);
        var body = new char[17];
        for (var i = 0; i < count; i++)
        {
            var community = communities[random.Next(communities.Count)];

            // 91 + region of registration + a nine-character organisation code unique per row.
            "91".AsSpan().CopyTo(body);
            community.DistrictCode.AsSpan().CopyTo(body.AsSpan(2));
            var code = codes[i];
            for (var p = 16; p >= 8; p--)
            {
                body[p] = UnifiedSocialCreditCode.Alphabet[(int)(code % UnifiedSocialCreditCode.Alphabet.Length)];
                code /= UnifiedSocialCreditCode.Alphabet.Length;
            }

            var creditCode = new string(body) + UnifiedSocialCreditCode.ComputeCheckCharacter(body);

            // Names are unique too (as the register requires within a city): a bijection of the
            // index onto word combinations, with a branch number once the combinations run out.
            var n = names[i % nameSpace];
            var form = Words.EnterpriseForms[(int)(n % Words.EnterpriseForms.Length)];
            n /= Words.EnterpriseForms.Length;
            var trade = Words.EnterpriseTrades[(int)(n % Words.EnterpriseTrades.Length)];
            n /= Words.EnterpriseTrades.Length;
            var second = Words.Places[(int)(n % Words.Places.Length)];
            var first = Words.Places[(int)(n / Words.Places.Length)];
            var round = i / nameSpace;
            var name = $"{ScaleCity.CityName[..2]}{first}{second}{trade}{form}{(round == 0 ? string.Empty : $"第{round + 1}分公司")}";

            var (latitude, longitude) = GeneratedLocations.InRing(random, community.Latitude, community.Longitude, 0, 2.5);
            var address = $"{community.AddressStem}{Words.Places[random.Next(Words.Places.Length)]}路{random.Next(1, 500)}号";
            var status = random.Next(100) switch
            {
                < 85 => EnterpriseStatus.Verified,
                < 95 => EnterpriseStatus.Pending,
                < 98 => EnterpriseStatus.Suspended,
                _ => EnterpriseStatus.Rejected,
            };
            yield return new EnterpriseRow(Deterministic.VersionSevenGuid(ids, i), creditCode, name, community.Id, address, latitude, longitude, status);
        }
    }
}
