using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.ValueObjects;

/// <summary>
/// An amount of renminbi held as a whole number of fen (分, 0.01 yuan), so that sums of subsidies
/// are exact and the database stores an integer. Amounts are created non-negative; a negative
/// amount only arises as the result of a subtraction (e.g. a balance after a recovery) and is
/// reported by <see cref="IsNegative"/>.
/// </summary>
/// <remarks>
/// Rounding: <see cref="Percent"/> and <see cref="MultiplyBy"/> compute the exact product in
/// <see cref="decimal"/> and round once to the fen, half away from zero
/// (<see cref="MidpointRounding.AwayFromZero"/>, the 四舍五入 of Chinese financial practice):
/// 0.5 fen becomes 1 fen, −0.5 fen becomes −1 fen. Arithmetic that overflows
/// <see cref="long"/> throws <see cref="DomainException"/> with code <c>money-overflow</c>.
/// </remarks>
public readonly record struct Money : IComparable<Money>, IParsable<Money>
{
    private Money(long fen)
    {
        Fen = fen;
    }

    /// <summary>Zero yuan.</summary>
    public static Money Zero => default;

    /// <summary>The amount in fen (分).</summary>
    public long Fen { get; }

    /// <summary>True when a subtraction made the amount negative.</summary>
    public bool IsNegative => Fen < 0;

    /// <summary>True when the amount is zero.</summary>
    public bool IsZero => Fen == 0;

    /// <summary>An amount of <paramref name="fen"/> fen.</summary>
    /// <exception cref="DomainException"><paramref name="fen"/> is negative (<c>money-negative</c>).</exception>
    public static Money FromFen(long fen) =>
        fen < 0 ? throw new DomainException("money-negative", "金额不能为负数。") : new Money(fen);

    /// <summary>
    /// An amount exactly as a database column holds it, a negative one included: a value written
    /// past the domain must still be read back so that it can be reported as corrupt (see
    /// <c>Claim.IsAmountSound</c>) rather than break the page that lists it. Only the persistence
    /// converter uses this; code that makes an amount uses <see cref="FromFen"/> or
    /// <see cref="FromYuan"/>.
    /// </summary>
    public static Money FromStoredFen(long fen) => new(fen);

    /// <summary>An amount in yuan with at most two decimal places (whole fen).</summary>
    /// <exception cref="DomainException">
    /// The amount is negative (<c>money-negative</c>), has a fraction of a fen
    /// (<c>money-fraction-of-fen</c>) or is too large (<c>money-overflow</c>).
    /// </exception>
    public static Money FromYuan(decimal yuan) =>
        TryConvertYuan(yuan, out var money, out var error) ? money : throw error.ToException();

    /// <summary>
    /// Parses an amount in yuan such as <c>1234.5</c>, <c>1,234.50</c>, <c>¥1,234.50</c> or
    /// <c>￥１２３４．５</c> (full-width characters are converted). Negative amounts are refused.
    /// </summary>
    /// <exception cref="DomainException">
    /// Codes: <c>money-empty</c>, <c>money-format</c>, <c>money-negative</c>,
    /// <c>money-fraction-of-fen</c>, <c>money-overflow</c>.
    /// </exception>
    public static Money Parse(string? input) =>
        TryCreate(input, out var value, out var error) ? value : throw error.ToException();

    /// <summary>Parses an amount in yuan; see <see cref="Parse(string?)"/>.</summary>
    public static bool TryParse(string? input, out Money value, [NotNullWhen(false)] out string? error)
    {
        var ok = TryCreate(input, out value, out var parseError);
        error = ok ? null : parseError.Message;
        return ok;
    }

    /// <summary>An amount in yuan as <see cref="FromYuan"/>, with the Chinese message instead of an exception.</summary>
    public static bool TryFromYuan(decimal yuan, out Money value, [NotNullWhen(false)] out string? error)
    {
        var ok = TryConvertYuan(yuan, out value, out var conversionError);
        error = ok ? null : conversionError.Message;
        return ok;
    }

    /// <summary>The amount in yuan, exact (two decimal places).</summary>
    public decimal ToYuan() => Fen / 100m;

    /// <summary>
    /// <paramref name="percent"/> per cent of the amount, rounded to the fen half away from zero:
    /// 15 % of ¥0.10 is ¥0.02 (1.5 fen rounds up).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is negative.</exception>
    public Money Percent(int percent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percent);

        return MultiplyBy(percent / 100m);
    }

    /// <summary>
    /// The amount multiplied by <paramref name="rate"/>, rounded to the fen half away from zero:
    /// ¥1,000.05 × 0.5 = ¥500.03 (500.025 yuan rounds up).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is negative.</exception>
    public Money MultiplyBy(decimal rate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rate);

        try
        {
            return new Money(decimal.ToInt64(decimal.Round(Fen * rate, 0, MidpointRounding.AwayFromZero)));
        }
        catch (OverflowException)
        {
            throw Overflow();
        }
    }

    /// <summary>
    /// An amount computed in fractions of a fen (rate × persons × months in <see cref="decimal"/>),
    /// rounded once to the fen half away from zero as <see cref="MultiplyBy"/>; negative when the
    /// computation is (see <see cref="IsNegative"/>).
    /// </summary>
    /// <exception cref="DomainException">The amount is too large (<c>money-overflow</c>).</exception>
    public static Money RoundFen(decimal fen)
    {
        try
        {
            return new Money(decimal.ToInt64(decimal.Round(fen, 0, MidpointRounding.AwayFromZero)));
        }
        catch (OverflowException)
        {
            throw Overflow();
        }
    }

    /// <summary>The larger of two amounts.</summary>
    public static Money Max(Money a, Money b) => a.Fen >= b.Fen ? a : b;

    /// <summary>The smaller of two amounts (e.g. a subsidy capped at a maximum).</summary>
    public static Money Min(Money a, Money b) => a.Fen <= b.Fen ? a : b;

    /// <summary>The sum of the amounts; zero for none.</summary>
    public static Money Sum(IEnumerable<Money> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);

        var total = Zero;
        foreach (var amount in amounts)
        {
            total += amount;
        }

        return total;
    }

    /// <inheritdoc/>
    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    /// <summary>
    /// The amount as <c>¥1,234.50</c> (invariant culture: comma thousands separator, point, two
    /// decimals); a negative amount as <c>-¥1,234.50</c>.
    /// </summary>
    public override string ToString()
    {
        var yuan = Math.Abs(ToYuan()).ToString("#,##0.00", CultureInfo.InvariantCulture);
        return IsNegative ? $"-¥{yuan}" : $"¥{yuan}";
    }

    /// <summary>Adds two amounts.</summary>
    public static Money operator +(Money left, Money right)
    {
        try
        {
            return new Money(checked(left.Fen + right.Fen));
        }
        catch (OverflowException)
        {
            throw Overflow();
        }
    }

    /// <summary>Subtracts; the result may be negative (see <see cref="IsNegative"/>).</summary>
    public static Money operator -(Money left, Money right)
    {
        try
        {
            return new Money(checked(left.Fen - right.Fen));
        }
        catch (OverflowException)
        {
            throw Overflow();
        }
    }

    /// <summary>Multiplies by a whole non-negative factor (e.g. months × monthly amount).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factor"/> is negative.</exception>
    public static Money operator *(Money money, int factor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(factor);

        try
        {
            return new Money(checked(money.Fen * factor));
        }
        catch (OverflowException)
        {
            throw Overflow();
        }
    }

    /// <inheritdoc cref="op_Multiply(Money, int)"/>
    public static Money operator *(int factor, Money money) => money * factor;

    /// <summary>
    /// The amount in fen, as the database stores it. Exists for database queries only: EF Core
    /// translates <c>(long)claim.Amount</c> to the integer column, so a query can sum or compare
    /// money in SQL (<c>Sum(c => (long?)c.Amount)</c>). In code, use <see cref="Fen"/> and
    /// Money's checked arithmetic.
    /// </summary>
    public static explicit operator long(Money money) => money.Fen;

    public static bool operator <(Money left, Money right) => left.Fen < right.Fen;

    public static bool operator >(Money left, Money right) => left.Fen > right.Fen;

    public static bool operator <=(Money left, Money right) => left.Fen <= right.Fen;

    public static bool operator >=(Money left, Money right) => left.Fen >= right.Fen;

    static Money IParsable<Money>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<Money>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Money result) =>
        TryCreate(s, out result, out _);

    private static DomainException Overflow() => new("money-overflow", "金额超出可表示的范围。");

    private static bool TryConvertYuan(decimal yuan, out Money money, out ParseError error)
    {
        money = default;

        if (yuan < 0)
        {
            error = new("money-negative", "金额不能为负数。");
            return false;
        }

        var fen = yuan * 100m;
        if (fen != decimal.Truncate(fen))
        {
            error = new("money-fraction-of-fen", $"金额{yuan.ToString(CultureInfo.InvariantCulture)}元不能精确到分，最多两位小数。");
            return false;
        }

        if (fen > long.MaxValue)
        {
            error = new("money-overflow", "金额超出可表示的范围。");
            return false;
        }

        money = new Money((long)fen);
        error = default;
        return true;
    }

    private static bool TryCreate(string? input, out Money value, out ParseError error)
    {
        value = default;
        var text = InputNormalizer.Normalize(input);
        if (text.Length > 0 && text[0] is '¥' or '\uFFE5')
        {
            text = text[1..];
        }

        if (text.EndsWith('元'))
        {
            text = text[..^1];
        }

        if (text.Length == 0)
        {
            error = new("money-empty", "请输入金额。");
            return false;
        }

        // A comma is only a thousands separator in groups of three: "1,5" is refused rather than
        // read as 15 (it may be meant as the European 1.5).
        if (!IsWellFormedAmount(text) || !decimal.TryParse(
                text,
                NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands | NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture,
                out var yuan))
        {
            error = new("money-format", $"“{input?.Trim()}”不是有效的金额，例如 1234.50。");
            return false;
        }

        return TryConvertYuan(yuan, out value, out error);
    }

    private static bool IsWellFormedAmount(string text)
    {
        var body = text.StartsWith('-') || text.StartsWith('+') ? text[1..] : text;
        var point = body.IndexOf('.', StringComparison.Ordinal);
        var integerPart = point < 0 ? body : body[..point];
        if (!integerPart.Contains(',', StringComparison.Ordinal))
        {
            return true;
        }

        var groups = integerPart.Split(',');
        if (groups[0].Length is < 1 or > 3)
        {
            return false;
        }

        for (var i = 1; i < groups.Length; i++)
        {
            if (groups[i].Length != 3)
            {
                return false;
            }
        }

        return true;
    }
}
