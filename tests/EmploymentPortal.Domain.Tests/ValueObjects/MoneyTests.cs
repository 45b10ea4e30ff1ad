using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Tests.ValueObjects;

public class MoneyTests
{
    [Theory]
    [InlineData("1234.50", 123450)]
    [InlineData("0.01", 1)]
    [InlineData("1000", 100000)]
    public void FromYuan_WholeFen_StoresFen(string yuan, long expectedFen)
    {
        var money = Money.FromYuan(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expectedFen, money.Fen);
    }

    [Theory]
    [InlineData("0.001")]
    [InlineData("1.005")]
    [InlineData("12.345")]
    public void FromYuan_FractionOfAFen_Throws(string yuan)
    {
        var amount = decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture);

        var ex = Assert.Throws<DomainException>(() => Money.FromYuan(amount));

        Assert.Equal("money-fraction-of-fen", ex.Code);
    }

    [Fact]
    public void FromYuan_Negative_Throws()
    {
        var ex = Assert.Throws<DomainException>(() => Money.FromYuan(-1m));

        Assert.Equal("money-negative", ex.Code);
    }

    [Fact]
    public void FromFen_Negative_Throws()
    {
        var ex = Assert.Throws<DomainException>(() => Money.FromFen(-1));

        Assert.Equal("money-negative", ex.Code);
    }

    [Fact]
    public void FromYuan_TrailingZerosBeyondTheFen_AreAccepted()
    {
        var money = Money.FromYuan(12.3400m);

        Assert.Equal(1234, money.Fen);
    }

    [Theory]
    [InlineData(123450, "¥1,234.50")]
    [InlineData(0, "¥0.00")]
    [InlineData(5, "¥0.05")]
    [InlineData(123456789012, "¥1,234,567,890.12")]
    public void ToString_FormatsYuanWithThousandsSeparatorsAndTwoDecimals(long fen, string expected)
    {
        var money = Money.FromFen(fen);

        Assert.Equal(expected, money.ToString());
    }

    [Fact]
    public void Subtraction_BelowZero_GivesNegativeAmount()
    {
        var balance = Money.FromYuan(100m) - Money.FromYuan(150.25m);

        Assert.True(balance.IsNegative);
        Assert.Equal(-5025, balance.Fen);
        Assert.Equal("-¥50.25", balance.ToString());
    }

    [Fact]
    public void Addition_AddsFen()
    {
        var total = Money.FromYuan(0.10m) + Money.FromYuan(0.20m);

        Assert.Equal(Money.FromYuan(0.30m), total);
    }

    [Fact]
    public void Multiplication_ByMonths_IsExact()
    {
        var monthly = Money.FromYuan(1_850.50m);

        var total = monthly * 12;

        Assert.Equal(Money.FromYuan(22_206m), total);
        Assert.Equal(total, 12 * monthly);
    }

    [Theory]
    [InlineData(10, 15, 2)] // 1.5 fen rounds up
    [InlineData(10, 14, 1)] // 1.4 fen rounds down
    [InlineData(50, 1, 1)] // 0.5 fen rounds away from zero, to 1
    [InlineData(150_000, 50, 75_000)]
    public void Percent_RoundsHalfAwayFromZeroToTheFen(long fen, int percent, long expectedFen)
    {
        var money = Money.FromFen(fen);

        var share = money.Percent(percent);

        Assert.Equal(expectedFen, share.Fen);
    }

    [Theory]
    [InlineData(100_005, "0.5", 50_003)] // 500.025 yuan → 500.03, not banker's rounding to 500.02
    [InlineData(100_001, "0.5", 50_001)] // 500.005 yuan → 500.01, not banker's rounding to 500.00
    [InlineData(333, "0.3333", 111)]
    public void MultiplyBy_Rate_RoundsHalfAwayFromZeroToTheFen(long fen, string rate, long expectedFen)
    {
        var money = Money.FromFen(fen);

        var result = money.MultiplyBy(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expectedFen, result.Fen);
    }

    [Fact]
    public void MultiplyBy_NegativeAmountAtHalfAFen_RoundsAwayFromZero()
    {
        var debt = Money.Zero - Money.FromFen(1);

        var half = debt.MultiplyBy(0.5m);

        Assert.Equal(-1, half.Fen);
    }

    [Fact]
    public void MultiplyBy_NegativeRate_Throws()
    {
        var money = Money.FromFen(100);

        Assert.Throws<ArgumentOutOfRangeException>(() => money.MultiplyBy(-0.1m));
    }

    [Fact]
    public void Comparison_OrdersByAmount()
    {
        var small = Money.FromYuan(1m);
        var large = Money.FromYuan(2m);

        Assert.True(small < large);
        Assert.True(large > small);
        Assert.True(small <= Money.FromFen(100));
        Assert.True(large >= small);
        Assert.Equal(-1, small.CompareTo(large));
        Assert.Equal(small, Money.Min(small, large));
        Assert.Equal(large, Money.Max(small, large));
    }

    [Fact]
    public void ToYuan_ReturnsExactDecimal()
    {
        var money = Money.FromFen(123450);

        Assert.Equal(1234.50m, money.ToYuan());
    }

    [Fact]
    public void Sum_OfAmounts_AddsThem()
    {
        var amounts = new[] { Money.FromFen(1), Money.FromFen(2), Money.FromFen(3) };

        var total = Money.Sum(amounts);

        Assert.Equal(Money.FromFen(6), total);
    }

    [Fact]
    public void Addition_BeyondLongRange_ThrowsOverflow()
    {
        var huge = Money.FromFen(long.MaxValue);

        var ex = Assert.Throws<DomainException>(() => huge + Money.FromFen(1));

        Assert.Equal("money-overflow", ex.Code);
    }

    [Theory]
    [InlineData("1234.5", 123450)]
    [InlineData("1,234.50", 123450)]
    [InlineData("¥1,234.50", 123450)]
    [InlineData("￥１２３４．５", 123450)]
    [InlineData(" 1 234.50 元", 123450)]
    [InlineData("0", 0)]
    public void Parse_CommonYuanShapes_ReturnsFen(string input, long expectedFen)
    {
        var money = Money.Parse(input);

        Assert.Equal(expectedFen, money.Fen);
    }

    [Theory]
    [InlineData("1,5", "money-format")] // a decimal comma is not read as 15
    [InlineData("12a", "money-format")]
    [InlineData("1.234", "money-fraction-of-fen")]
    [InlineData("-5", "money-negative")]
    [InlineData("", "money-empty")]
    public void Parse_Invalid_ThrowsWithCode(string input, string code)
    {
        var ex = Assert.Throws<DomainException>(() => Money.Parse(input));

        Assert.Equal(code, ex.Code);
    }

    [Theory]
    [InlineData("150.4", 150L)]
    [InlineData("150.5", 151L)]
    [InlineData("-150.5", -151L)]
    [InlineData("0", 0L)]
    public void RoundFen_RoundsOnceHalfAwayFromZero(string fen, long expected)
    {
        Assert.Equal(expected, Money.RoundFen(decimal.Parse(fen, System.Globalization.CultureInfo.InvariantCulture)).Fen);
    }

    [Fact]
    public void RoundFen_BeyondLong_IsMoneyOverflow()
    {
        var ex = Assert.Throws<DomainException>(() => Money.RoundFen((decimal)long.MaxValue + 1));

        Assert.Equal("money-overflow", ex.Code);
    }

    [Fact]
    public void FromStoredFen_KeepsANegativeStoredValue()
    {
        var stored = Money.FromStoredFen(-5);

        Assert.True(stored.IsNegative);
        Assert.Equal(-5L, stored.Fen);
        Assert.Equal(-5L, (long)stored);
    }
}
