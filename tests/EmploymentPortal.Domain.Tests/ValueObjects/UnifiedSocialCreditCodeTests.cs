using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Tests.ValueObjects;

public class UnifiedSocialCreditCodeTests
{
    // Two codes from public sources, with the check character verified by hand (values are the
    // characters' positions in the alphabet 0123456789ABCDEFGHJKLMNPQRTUWXY, so M = 21, Y = 30):
    //
    // 91350100M000100Y43, the example most often cited for the format:
    //   characters  9  1  3  5  0  1  0  0  M  0  0  0  1  0  0  Y  4
    //   values      9  1  3  5  0  1  0  0 21  0  0  0  1  0  0 30  4
    //   weights     1  3  9 27 19 26 16 17 20 29 25 13  8 24 10 30 28
    //   products    9  3 27 135 0 26  0  0 420 0  0  0  8  0  0 900 112   sum 1640
    //   1640 mod 31 = 28 (31 × 52 = 1612); 31 − 28 = 3 → check character '3'.
    //
    // 91110108551385082Q, publicly cited as the code of 小米科技有限责任公司:
    //   values      9  1  1  1  0  1  0  8  5  5  1  3  8  5  0  8  2
    //   products    9  3  9 27  0 26  0 136 100 145 25 39 64 120 0 240 56   sum 999
    //   999 mod 31 = 7 (31 × 32 = 992); 31 − 7 = 24 → 'Q' (A=10 ... P=23, Q=24).
    //
    // 91110000802100433B (北京百度网讯科技有限公司) and 9144030071526726XG (腾讯科技（深圳）有限公司)
    // are further publicly cited codes; the rest are format examples whose check character was
    // computed with ComputeCheckCharacter.
    [Theory]
    [InlineData("91350100M000100Y43")] // the commonly cited example
    [InlineData("91110108551385082Q")] // 小米科技有限责任公司
    [InlineData("91110000802100433B")] // 北京百度网讯科技有限公司
    [InlineData("9144030071526726XG")] // 腾讯科技（深圳）有限公司
    [InlineData("91340100MA2N0X4A1B")] // format examples computed with the check function
    [InlineData("52110000500021676T")] // civil affairs (5), social organisation
    [InlineData("Y1340100000000000P")] // other departments (Y)
    [InlineData("91340100MA2N0X4AJ0")] // 31 − (sum mod 31) = 31 becomes check character 0
    public void Parse_ValidCode_ReturnsCanonicalValue(string input)
    {
        var code = UnifiedSocialCreditCode.Parse(input);

        Assert.Equal(input, code.ToString());
    }

    [Fact]
    public void Parse_ValidCode_ExposesItsParts()
    {
        var code = UnifiedSocialCreditCode.Parse("91350100M000100Y43");

        Assert.Equal('9', code.RegistrationDepartment);
        Assert.Equal('1', code.OrganisationType);
        Assert.Equal("350100", code.RegionCode);
        Assert.Equal("M000100Y4", code.OrganisationCode);
    }

    [Fact]
    public void Parse_LowerCase_IsNormalisedToUpperCase()
    {
        var code = UnifiedSocialCreditCode.Parse("91350100m000100y43");

        Assert.Equal("91350100M000100Y43", code.ToString());
    }

    [Fact]
    public void Parse_FullWidthAndWhitespace_AreNormalised()
    {
        var code = UnifiedSocialCreditCode.Parse(" ９１３５ ０１００ Ｍ０００ １００ｙ４３ ");

        Assert.Equal("91350100M000100Y43", code.ToString());
    }

    [Theory]
    [InlineData("91350100M000100Y44")]
    [InlineData("91350100M000100Y4A")]
    [InlineData("91350100M000100Y40")]
    public void Parse_WrongCheckCharacter_ThrowsWithCheckCode(string input)
    {
        var ex = Assert.Throws<DomainException>(() => UnifiedSocialCreditCode.Parse(input));

        Assert.Equal("credit-code-check-character", ex.Code);
        Assert.Contains("校验码", ex.Message);
    }

    [Theory]
    [InlineData("91350100I000100Y43", 'I', 9)]
    [InlineData("91350100O000100Y43", 'O', 9)]
    [InlineData("91350100M000100Z43", 'Z', 16)]
    [InlineData("91350100M0S0100Y43", 'S', 11)]
    [InlineData("91350100M000100Y4V", 'V', 18)]
    [InlineData("91350100m000100y4v", 'V', 18)]
    public void Parse_ExcludedLetter_NamesTheLetterAndPosition(string input, char letter, int position)
    {
        var ex = Assert.Throws<DomainException>(() => UnifiedSocialCreditCode.Parse(input));

        Assert.Equal("credit-code-illegal-character", ex.Code);
        Assert.Contains($"第{position}位“{letter}”", ex.Message);
        Assert.Contains("不使用字母I、O、Z、S、V", ex.Message);
    }

    [Fact]
    public void Parse_Punctuation_IsAnIllegalCharacter()
    {
        var ex = Assert.Throws<DomainException>(() => UnifiedSocialCreditCode.Parse("91350100M000100Y4#"));

        Assert.Equal("credit-code-illegal-character", ex.Code);
        Assert.Contains("“#”", ex.Message);
    }

    [Theory]
    [InlineData("91350100M000100Y4", 17)]
    [InlineData("91350100M000100Y433", 19)]
    [InlineData("M000100Y4", 9)] // the old organisation code alone
    public void Parse_WrongLength_ThrowsWithLengthCode(string input, int actual)
    {
        var ex = Assert.Throws<DomainException>(() => UnifiedSocialCreditCode.Parse(input));

        Assert.Equal("credit-code-length", ex.Code);
        Assert.Equal($"统一社会信用代码应为18位，实际为{actual}位。", ex.Message);
    }

    [Theory]
    [InlineData("01350100M000100Y43", "第1位")] // department 0 does not exist
    [InlineData("B1350100M000100Y43", "第1位")]
    [InlineData("94350100M000100Y43", "第2位")] // organisation type 4 does not exist
    [InlineData("9135A100M000100Y43", "第3-8位")] // region code must be digits
    public void Parse_BrokenStructure_ThrowsWithStructureCode(string input, string part)
    {
        var ex = Assert.Throws<DomainException>(() => UnifiedSocialCreditCode.Parse(input));

        Assert.Equal("credit-code-structure", ex.Code);
        Assert.Contains(part, ex.Message);
    }

    [Fact]
    public void Parse_Empty_ThrowsWithEmptyCode()
    {
        var ex = Assert.Throws<DomainException>(() => UnifiedSocialCreditCode.Parse("  "));

        Assert.Equal("credit-code-empty", ex.Code);
    }

    [Fact]
    public void TryParse_Invalid_ReturnsFalseWithChineseMessage()
    {
        var ok = UnifiedSocialCreditCode.TryParse("91350100M000100Y44", out _, out var error);

        Assert.False(ok);
        Assert.Equal("统一社会信用代码校验码不正确，请逐位核对代码。", error);
    }

    [Theory]
    [InlineData("91350100M000100Y4", '3')]
    [InlineData("91110108551385082", 'Q')]
    [InlineData("91340100MA2N0X4AJ", '0')]
    public void ComputeCheckCharacter_PublishedCode_MatchesHandComputation(string first17, char expected)
    {
        var check = UnifiedSocialCreditCode.ComputeCheckCharacter(first17);

        Assert.Equal(expected, check);
    }
}
