using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Tests.ValueObjects;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("13812345678")]
    [InlineData("138 1234 5678")]
    [InlineData("138-1234-5678")]
    [InlineData(" 138\u300012345678 ")]
    [InlineData("+8613812345678")]
    [InlineData("+86 138 1234 5678")]
    [InlineData("+86-138-1234-5678")]
    [InlineData("008613812345678")]
    [InlineData("8613812345678")]
    [InlineData("１３８１２３４５６７８")]
    [InlineData("＋８６ １３８－１２３４－５６７８")]
    public void Parse_MobileInAnyCommonShape_ReturnsElevenDigits(string input)
    {
        var phone = PhoneNumber.Parse(input);

        Assert.Equal("13812345678", phone.ToString());
        Assert.True(phone.IsMobile);
        Assert.Null(phone.AreaCode);
    }

    [Theory]
    [InlineData("19912345678")]
    [InlineData("16612345678")]
    [InlineData("14712345678")]
    public void Parse_EveryMobileSegmentFrom13To19_IsAccepted(string input)
    {
        var phone = PhoneNumber.Parse(input);

        Assert.True(phone.IsMobile);
    }

    [Fact]
    public void Masked_Mobile_HidesTheMiddleFourDigits()
    {
        var phone = PhoneNumber.Parse("13812345678");

        Assert.Equal("138****5678", phone.Masked);
    }

    [Theory]
    [InlineData("010-62345678", "010-62345678", "010")]
    [InlineData("01062345678", "010-62345678", "010")]
    [InlineData("021 6123 4567", "021-61234567", "021")]
    [InlineData("(0551)6512-3456", "0551-65123456", "0551")]
    [InlineData("（０５５１）６５１２３４５", "0551-6512345", "0551")]
    [InlineData("0551-6512345", "0551-6512345", "0551")]
    [InlineData("+86 10 62345678", "010-62345678", "010")]
    [InlineData("0086 551 65123456", "0551-65123456", "0551")]
    public void Parse_Landline_ReturnsAreaCodeAndLocalNumber(string input, string expected, string areaCode)
    {
        var phone = PhoneNumber.Parse(input);

        Assert.Equal(expected, phone.ToString());
        Assert.False(phone.IsMobile);
        Assert.Equal(areaCode, phone.AreaCode);
    }

    [Theory]
    [InlineData("010-62345678", "010-****5678")]
    [InlineData("0551-6512345", "0551-***2345")]
    public void Masked_Landline_KeepsAreaCodeAndLastFourDigits(string input, string expected)
    {
        var phone = PhoneNumber.Parse(input);

        Assert.Equal(expected, phone.Masked);
    }

    [Theory]
    [InlineData("1381234567", 10)]
    [InlineData("138123456789", 12)]
    [InlineData("+86 138 1234 567", 10)]
    public void Parse_MobileOfWrongLength_ThrowsWithLengthCode(string input, int actual)
    {
        var ex = Assert.Throws<DomainException>(() => PhoneNumber.Parse(input));

        Assert.Equal("phone-mobile-length", ex.Code);
        Assert.Equal($"手机号码应为11位，实际为{actual}位。", ex.Message);
    }

    [Theory]
    [InlineData("12812345678")]
    [InlineData("11012345678")]
    public void Parse_MobileWithImpossibleSecondDigit_ThrowsWithPrefixCode(string input)
    {
        var ex = Assert.Throws<DomainException>(() => PhoneNumber.Parse(input));

        Assert.Equal("phone-mobile-prefix", ex.Code);
    }

    [Theory]
    [InlineData("010-623456")] // local number too short
    [InlineData("010-12345678")] // local numbers start with 2-9
    [InlineData("0551-651234567")] // local number too long
    [InlineData("0101-2345678")] // 010 is the area code, so the local number would start with 1
    [InlineData("013-62345678")] // no area code starts with 01 other than 010
    [InlineData("00551-6512345")]
    public void Parse_MalformedLandline_ThrowsWithLandlineCode(string input)
    {
        var ex = Assert.Throws<DomainException>(() => PhoneNumber.Parse(input));

        Assert.Equal("phone-landline-format", ex.Code);
    }

    [Theory]
    [InlineData("138-1234-567a", "“A”")]
    [InlineData("138.1234.5678", "“.”")]
    [InlineData("138/12345678", "“/”")]
    public void Parse_IllegalCharacter_NamesIt(string input, string described)
    {
        var ex = Assert.Throws<DomainException>(() => PhoneNumber.Parse(input));

        Assert.Equal("phone-illegal-character", ex.Code);
        Assert.Contains(described, ex.Message);
    }

    [Theory]
    [InlineData("65123456")] // a local number without area code
    [InlineData("95588")]
    public void Parse_NeitherMobileNorLandline_ThrowsWithFormatCode(string input)
    {
        var ex = Assert.Throws<DomainException>(() => PhoneNumber.Parse(input));

        Assert.Equal("phone-format", ex.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" - ")]
    public void Parse_Empty_ThrowsWithEmptyCode(string? input)
    {
        var ex = Assert.Throws<DomainException>(() => PhoneNumber.Parse(input));

        Assert.Equal("phone-empty", ex.Code);
    }

    [Fact]
    public void TryParse_Invalid_ReturnsFalseWithChineseMessage()
    {
        var ok = PhoneNumber.TryParse("1381234567", out _, out var error);

        Assert.False(ok);
        Assert.Equal("手机号码应为11位，实际为10位。", error);
    }

    [Fact]
    public void Equality_SameMobileWithAndWithoutPrefix_IsEqual()
    {
        var a = PhoneNumber.Parse("+86 138 1234 5678");
        var b = PhoneNumber.Parse("13812345678");

        Assert.Equal(a, b);
    }
}
