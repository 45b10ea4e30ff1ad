using System.Diagnostics.CodeAnalysis;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Web.Infrastructure.Validation;

/// <summary>
/// A money field typed on a page (yuan, e.g. <c>1234.50</c>, <c>1,234.50</c> or <c>¥1,234.50</c>),
/// read through <see cref="Money.TryParse"/>, the one parser, so that every page gives the same
/// Chinese message for a bad amount.
/// </summary>
public static class MoneyField
{
    /// <summary>
    /// True with the amount, or with null when nothing was typed (an optional field); false with
    /// the Chinese message of <see cref="Money.TryParse"/> otherwise.
    /// </summary>
    public static bool TryRead(string? text, out Money? amount, [NotNullWhen(false)] out string? error)
    {
        amount = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!Money.TryParse(text, out var parsed, out error))
        {
            return false;
        }

        amount = parsed;
        return true;
    }
}
