using System.Globalization;
using EmploymentPortal.Data.Seeding;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Testing;

/// <summary>
/// The one builder of test identities for the integration and browser tests (issue 14): ID
/// numbers, names, phones, credit codes and other values a test needs unique in its database.
/// Deterministic: a test run draws the same values in the same order every time (no
/// <c>Random.Shared</c>, no seed from the clock or a GUID; <c>OneTestDataBuilderTests</c> fails the build
/// if one comes back), and every value is unique within the run, so tests sharing a database
/// never collide. Bulk data that must look random uses <c>new Random(seed)</c> with a fixed seed.
/// </summary>
public static class TestData
{
    private const string Stems = "甲乙丙丁戊己庚辛壬癸";
    private static int _sequence;

    /// <summary>The next number of the run: 1, 2, 3 … (thread-safe).</summary>
    public static int Next() => Interlocked.Increment(ref _sequence);

    /// <summary>
    /// A valid ID number of someone born on <paramref name="birthDate"/> of <paramref name="sex"/>,
    /// unique in the run: regions 12xxxx (no demo resident has them), 500 numbers a region.
    /// </summary>
    public static string IdNumber(DateOnly birthDate, Sex sex = Sex.Male)
    {
        var n = Next();
        var first17 = string.Create(CultureInfo.InvariantCulture, $"12{n / 500 % 10_000:0000}{birthDate:yyyyMMdd}{(n % 500 * 2) + (sex == Sex.Male ? 1 : 0):000}");
        return first17 + IdCardNumber.ComputeCheckCharacter(first17);
    }

    /// <summary>True for an ID number <see cref="IdNumber"/> made (regions 12xxxx), to tell test residents from demo residents.</summary>
    public static bool IsTestIdNumber(string idNumber) => idNumber.StartsWith("12", StringComparison.Ordinal);

    /// <summary>A Chinese name <paramref name="prefix"/> followed by the run's next number in heavenly stems (测试乙丙丁), unique in the run.</summary>
    public static string Name(string prefix)
    {
        var digits = Next().ToString("000", CultureInfo.InvariantCulture);
        return prefix + string.Concat(digits.Select(d => Stems[d - '0']));
    }

    /// <summary>A mobile number 139xxxxxxxx, unique in the run.</summary>
    public static string Phone() => "139" + (Next() % 100_000_000).ToString("00000000", CultureInfo.InvariantCulture);

    /// <summary>A valid unified social credit code of a company in <paramref name="regionCode"/>, different for each call of the run.</summary>
    public static string CreditCode(string regionCode = "369902") => DemoIdentifiers.CreditCode(new Random(Next()), regionCode);

    /// <summary>A user name <paramref name="prefix"/>-N, unique in the run.</summary>
    public static string UserName(string prefix) => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{Next()}");

    /// <summary>
    /// One of the <paramref name="count"/> values from <paramref name="first"/> on (a year, a
    /// day), taken in turn through the run: unique until the run has used all of them.
    /// </summary>
    public static int OneOf(int first, int count) => first + (Next() % count);
}
