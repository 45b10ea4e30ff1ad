using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Tests.ValueObjects;

public class DivisionCodeTests
{
    [Theory]
    [InlineData("110000", DivisionLevel.Province)]
    [InlineData("110100", DivisionLevel.City)]
    [InlineData("110101", DivisionLevel.County)] // 北京市东城区
    [InlineData("110101001", DivisionLevel.Township)] // 东华门街道
    [InlineData("110101001001", DivisionLevel.Village)] // a community of 东华门街道
    [InlineData("419001", DivisionLevel.County)] // 济源市, directly under Henan
    [InlineData("441900003", DivisionLevel.Township)] // a town of 东莞市, which has no counties
    public void Parse_ValidCode_HasLevel(string input, DivisionLevel expected)
    {
        var code = DivisionCode.Parse(input);

        Assert.Equal(expected, code.Level);
        Assert.Equal(input, code.ToString());
    }

    [Theory]
    [InlineData("110101001000", "110101001")]
    [InlineData("110101000000", "110101")]
    [InlineData("110000000000", "110000")]
    [InlineData("110101000", "110101")]
    public void Parse_ZeroPaddedStatisticalCode_IsReducedToShortestForm(string input, string expected)
    {
        var code = DivisionCode.Parse(input);

        Assert.Equal(expected, code.ToString());
    }

    [Fact]
    public void Parse_FullWidthDigitsAndWhitespace_AreNormalised()
    {
        var code = DivisionCode.Parse(" １１０１０１ ００１ ");

        Assert.Equal("110101001", code.ToString());
    }

    [Fact]
    public void ToStatisticalCode_PadsToTwelveDigits()
    {
        var code = DivisionCode.Parse("110101001");

        Assert.Equal("110101001000", code.ToStatisticalCode());
    }

    [Theory]
    [InlineData("110101001001", "110101001")]
    [InlineData("110101001", "110101")]
    [InlineData("110101", "110100")]
    [InlineData("110100", "110000")]
    [InlineData("419001", "410000")] // 省直辖县级: the parent is the province
    [InlineData("441900003", "441900")]
    public void Parent_IsTheEnclosingDivision(string input, string expected)
    {
        var code = DivisionCode.Parse(input);

        var parent = code.Parent;

        Assert.Equal(DivisionCode.Parse(expected), parent);
    }

    [Fact]
    public void Parent_OfProvince_IsNull()
    {
        var province = DivisionCode.Parse("340000");

        Assert.Null(province.Parent);
    }

    [Theory]
    [InlineData("110101001001", "110101001", true)]
    [InlineData("110101001001", "110101", true)]
    [InlineData("110101001001", "110100", true)]
    [InlineData("110101001001", "110000", true)]
    [InlineData("110101001", "110101001", true)] // a division is within itself
    [InlineData("110101", "110102", false)] // a sibling
    [InlineData("110101", "110101001", false)] // a county is not within its own street
    [InlineData("120101", "110000", false)]
    [InlineData("419001", "410000", true)]
    public void IsWithin_ChecksAncestry(string inner, string outer, bool expected)
    {
        var a = DivisionCode.Parse(inner);
        var b = DivisionCode.Parse(outer);

        var within = a.IsWithin(b);

        Assert.Equal(expected, within);
    }

    [Theory]
    [InlineData("11010", "division-length")]
    [InlineData("1101010", "division-length")]
    [InlineData("11010100100", "division-length")]
    [InlineData("11010A", "division-illegal-character")]
    [InlineData("910000", "division-province")]
    [InlineData("000000", "division-province")]
    [InlineData("110001", "division-structure")] // county part under a 00 prefecture part
    [InlineData("", "division-empty")]
    public void Parse_Invalid_ThrowsWithCode(string input, string code)
    {
        var ex = Assert.Throws<DomainException>(() => DivisionCode.Parse(input));

        Assert.Equal(code, ex.Code);
    }

    [Fact]
    public void TryParse_WrongLength_ReturnsChineseMessage()
    {
        var ok = DivisionCode.TryParse("1101", out _, out var error);

        Assert.False(ok);
        Assert.Equal("行政区划代码应为6位、9位或12位，实际为4位。", error);
    }
}
