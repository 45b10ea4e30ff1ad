using System.Globalization;
using EmploymentPortal.Policies.Evaluation;

namespace EmploymentPortal.Policies.Tests;

/// <summary>The hand-written ISO date reading and writing of the hot path agree with the framework.</summary>
public class FastDateTests
{
    [Theory]
    [InlineData("2020-01-15")]
    [InlineData("2020-02-29")]
    [InlineData("2021-02-29")]
    [InlineData("2020-13-01")]
    [InlineData("2020-00-10")]
    [InlineData("0000-01-01")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("2020-1-15")]
    [InlineData("2020/01/15")]
    [InlineData(" 2020-01-15")]
    [InlineData("2020-01-15 ")]
    [InlineData("20200-01-15")]
    [InlineData("2020-01-1a")]
    [InlineData("２０２０-01-15")]
    [InlineData("")]
    public void TryParseIsoDate_AgreesWithTryParseExact(string text)
    {
        var expected = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var framework);

        var actual = FactReader.TryParseIsoDate(text, out var fast);

        Assert.Equal(expected, actual);
        Assert.Equal(framework, fast);
    }

    [Fact]
    public void Iso_AgreesWithToString_OverFiveCenturiesOfDays()
    {
        for (var date = new DateOnly(1800, 1, 1); date < new DateOnly(2300, 1, 1); date = date.AddDays(1))
        {
            Assert.Equal(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Wording.Iso(date));
        }

        Assert.Equal("0001-01-01", Wording.Iso(DateOnly.MinValue));
        Assert.Equal("9999-12-31", Wording.Iso(DateOnly.MaxValue));
    }
}
