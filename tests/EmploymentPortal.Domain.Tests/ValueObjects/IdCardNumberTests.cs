using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Tests.ValueObjects;

public class IdCardNumberTests
{
    [Theory]
    [InlineData("11010519491231002X")] // the example of GB 11643-1999 itself
    [InlineData("440524188001010014")] // the standard's second example, born 1880
    [InlineData("341201199003071232")]
    [InlineData("110105200002290021")] // Feb 29 of a leap year
    public void Parse_ValidNumber_ReturnsCanonicalValue(string input)
    {
        var id = IdCardNumber.Parse(input);

        Assert.Equal(input, id.ToString());
        Assert.Equal(input, id.Value);
    }

    [Fact]
    public void Parse_ValidNumber_DerivesBirthDateSexAndRegion()
    {
        var id = IdCardNumber.Parse("341201199003071232");

        Assert.Equal(new DateOnly(1990, 3, 7), id.BirthDate);
        Assert.Equal(Sex.Male, id.Sex);
        Assert.Equal("341201", id.RegionCode);
    }

    [Fact]
    public void Sex_EvenSeventeenthDigit_IsFemale()
    {
        var id = IdCardNumber.Parse("11010519491231002X");

        Assert.Equal(Sex.Female, id.Sex);
    }

    [Fact]
    public void Parse_LowerCaseX_IsNormalisedToUpperCase()
    {
        var id = IdCardNumber.Parse("11010519491231002x");

        Assert.Equal("11010519491231002X", id.ToString());
    }

    [Fact]
    public void Parse_FullWidthCharacters_AreConvertedToAscii()
    {
        var id = IdCardNumber.Parse("１１０１０５１９４９１２３１００２ｘ");

        Assert.Equal("11010519491231002X", id.ToString());
    }

    [Fact]
    public void Parse_FullWidthCapitalX_IsAccepted()
    {
        var id = IdCardNumber.Parse("11010519491231002Ｘ");

        Assert.Equal("11010519491231002X", id.ToString());
    }

    [Theory]
    [InlineData("  341201199003071232  ")]
    [InlineData("341201 19900307 1232")]
    [InlineData("3412\t0119900307\u30001232")]
    public void Parse_Whitespace_IsRemoved(string input)
    {
        var id = IdCardNumber.Parse(input);

        Assert.Equal("341201199003071232", id.ToString());
    }

    [Fact]
    public void Parse_WrongCheckDigit_ThrowsWithCheckDigitCode()
    {
        var ex = Assert.Throws<DomainException>(() => IdCardNumber.Parse("341201199003071233"));

        Assert.Equal("id-card-check-digit", ex.Code);
        Assert.Contains("校验码", ex.Message);
    }

    [Fact]
    public void Parse_TransposedDigits_FailsTheCheckDigit()
    {
        var ok = IdCardNumber.TryParse("342101199003071232", out _, out var error);

        Assert.False(ok);
        Assert.Contains("校验码", error);
    }

    [Theory]
    [InlineData("110105202302300024", "20230230")] // Feb 30
    [InlineData("110105202302290022", "20230229")] // Feb 29 of a non-leap year
    [InlineData("110105190002290025", "19000229")] // 1900 is not a leap year
    public void Parse_ImpossibleBirthDate_ThrowsWithBirthDateCode(string input, string birth)
    {
        var ex = Assert.Throws<DomainException>(() => IdCardNumber.Parse(input));

        Assert.Equal("id-card-birth-date", ex.Code);
        Assert.Contains(birth, ex.Message);
        Assert.Contains("不是有效日期", ex.Message);
    }

    [Fact]
    public void Parse_BirthDateAfterToday_ThrowsWithFutureCode()
    {
        var today = new DateOnly(2025, 6, 1);

        var ex = Assert.Throws<DomainException>(() => IdCardNumber.Parse("110105203001010028", today));

        Assert.Equal("id-card-birth-date-future", ex.Code);
        Assert.Contains("晚于今天", ex.Message);
    }

    [Fact]
    public void Parse_BirthDateOnToday_IsAccepted()
    {
        var today = new DateOnly(2024, 6, 15);

        var id = IdCardNumber.Parse("110105202406150040", today);

        Assert.Equal(today, id.BirthDate);
    }

    [Fact]
    public void Parse_BornExactly120YearsBeforeToday_IsAccepted()
    {
        var today = new DateOnly(2026, 12, 6);

        var id = IdCardNumber.Parse(Number("110105", new DateOnly(1906, 12, 6)), today);

        Assert.Equal(new DateOnly(1906, 12, 6), id.BirthDate);
    }

    [Fact]
    public void Parse_BornOneDayMoreThan120YearsBeforeToday_ThrowsWithImplausibleCode()
    {
        var today = new DateOnly(2026, 12, 6);

        var ex = Assert.Throws<DomainException>(() => IdCardNumber.Parse(Number("110105", new DateOnly(1906, 12, 5)), today));

        Assert.Equal("id-card-birth-date-implausible", ex.Code);
        Assert.Contains("早于120年前", ex.Message);
    }

    [Fact]
    public void Parse_BornOnTheDayAfterToday_ThrowsWithFutureCode()
    {
        var today = new DateOnly(2026, 12, 6);

        var ex = Assert.Throws<DomainException>(() => IdCardNumber.Parse(Number("110105", new DateOnly(2026, 12, 7)), today));

        Assert.Equal("id-card-birth-date-future", ex.Code);
    }

    [Fact]
    public void Parse_BornMoreThan120YearsAgoWithoutToday_IsNotCheckedAgainstAnyClock()
    {
        var ok = IdCardNumber.TryParse(Number("110105", new DateOnly(1880, 1, 1)), out var id, out _);

        Assert.True(ok);
        Assert.Equal(new DateOnly(1880, 1, 1), id.BirthDate);
    }

    /// <summary>A valid number born on <paramref name="birth"/> (sequence 002, female).</summary>
    internal static string Number(string region, DateOnly birth)
    {
        var first17 = $"{region}{birth:yyyyMMdd}002";
        return first17 + IdCardNumber.ComputeCheckCharacter(first17);
    }

    [Fact]
    public void Parse_FutureBirthDateWithoutToday_IsNotCheckedAgainstAnyClock()
    {
        var ok = IdCardNumber.TryParse("110105203001010028", out var id, out _);

        Assert.True(ok);
        Assert.Equal(new DateOnly(2030, 1, 1), id.BirthDate);
    }

    [Theory]
    [InlineData("34120119900307123", 17)]
    [InlineData("3412011990030712321", 19)]
    [InlineData("341201900307123", 15)] // a first-generation 15-digit number
    public void Parse_WrongLength_ThrowsWithLengthCode(string input, int actual)
    {
        var ex = Assert.Throws<DomainException>(() => IdCardNumber.Parse(input));

        Assert.Equal("id-card-length", ex.Code);
        Assert.Equal($"身份证号码应为18位，实际为{actual}位。", ex.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_Empty_ThrowsWithEmptyCode(string? input)
    {
        var ex = Assert.Throws<DomainException>(() => IdCardNumber.Parse(input));

        Assert.Equal("id-card-empty", ex.Code);
    }

    [Theory]
    [InlineData("3412011990030712A2", 17)]
    [InlineData("X41201199003071232", 1)]
    public void Parse_IllegalCharacter_NamesThePosition(string input, int position)
    {
        var ex = Assert.Throws<DomainException>(() => IdCardNumber.Parse(input));

        Assert.Equal("id-card-illegal-character", ex.Code);
        Assert.Contains($"第{position}位", ex.Message);
    }

    [Theory]
    [InlineData("910105199001010028")] // 91 is not a province
    [InlineData("000000199001010020")]
    public void Parse_InvalidProvince_ThrowsWithRegionCode(string input)
    {
        var ex = Assert.Throws<DomainException>(() => IdCardNumber.Parse(input));

        Assert.Equal("id-card-region", ex.Code);
    }

    [Fact]
    public void Masked_ShowsFirstFourAndLastFour()
    {
        var id = IdCardNumber.Parse("341201199003071232");

        Assert.Equal("3412**********1232", id.Masked);
    }

    [Theory]
    [InlineData(2024, 3, 6, 33)]
    [InlineData(2024, 3, 7, 34)]
    [InlineData(2024, 3, 8, 34)]
    public void AgeOn_AroundBirthday_CountsCompletedYears(int year, int month, int day, int expected)
    {
        var id = IdCardNumber.Parse("341201199003071232");

        var age = id.AgeOn(new DateOnly(year, month, day));

        Assert.Equal(expected, age);
    }

    [Theory]
    [InlineData(2001, 2, 27, 0)]
    [InlineData(2001, 2, 28, 1)]
    [InlineData(2004, 2, 28, 3)]
    [InlineData(2004, 2, 29, 4)]
    public void AgeOn_BornOnFebruary29_CompletesTheYearOnFebruary28OfNonLeapYears(int year, int month, int day, int expected)
    {
        var id = IdCardNumber.Parse("110105200002290021");

        var age = id.AgeOn(new DateOnly(year, month, day));

        Assert.Equal(expected, age);
    }

    [Fact]
    public void TryParse_Valid_ReturnsTrueAndNoError()
    {
        var ok = IdCardNumber.TryParse("341201199003071232", out var id, out var error);

        Assert.True(ok);
        Assert.Null(error);
        Assert.Equal("341201199003071232", id.Value);
    }

    [Fact]
    public void Equality_SameNumberTypedDifferently_IsEqual()
    {
        var a = IdCardNumber.Parse("11010519491231002x");
        var b = IdCardNumber.Parse(" 11010519491231002X ");

        Assert.Equal(a, b);
        Assert.True(a == b);
    }

    [Fact]
    public void ComputeCheckCharacter_StandardExample_IsX()
    {
        var check = IdCardNumber.ComputeCheckCharacter("11010519491231002");

        Assert.Equal('X', check);
    }
}
