using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace EmploymentPortal.Web.Features.Residents;

/// <summary>
/// The staff list's position beyond its numbered pages, as it travels in the page's URL
/// (<c>/residents?cursor=…</c>). <see cref="ResidentListQueries.SeekAsync"/>'s keyset cursor holds
/// the sort key of the last row shown, which is a resident's name under the name order: in a URL it
/// would sit in the browser history, proxy logs and the Referer header. So the page sends it
/// encrypted and signed with ASP.NET Core Data Protection, valid for <see cref="Lifetime"/>, together
/// with the number of the page it opens (第 n 页). A token that was changed, has expired or comes
/// from another key ring is refused (<see cref="TryRead"/>), and the page starts again at page 1.
/// </summary>
public static class ResidentListCursor
{
    /// <summary>The Data Protection purpose: tokens of other features never open here.</summary>
    public const string Purpose = "EmploymentPortal.ResidentList.Cursor";

    /// <summary>How long a next-page link keeps working: a working day of paging.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    /// <summary>The longest token read; anything longer is refused unread.</summary>
    private const int MaxTokenLength = 2_000;

    /// <summary>A position: the keyset cursor and the number of the page it opens.</summary>
    public sealed record Position(string Cursor, int Page);

    /// <summary>The URL value for <paramref name="position"/>.</summary>
    public static string Protect(IDataProtectionProvider provider, Position position) =>
        Protector(provider).Protect(JsonSerializer.Serialize(position), Lifetime);

    /// <summary>The position in <paramref name="token"/>, or false when it was changed, expired or is not one of ours.</summary>
    public static bool TryRead(IDataProtectionProvider provider, string token, out Position position)
    {
        position = new(string.Empty, 0);
        if (token.Length > MaxTokenLength)
        {
            return false;
        }

        try
        {
            var read = JsonSerializer.Deserialize<Position>(Protector(provider).Unprotect(token, out _));
            if (read is null || string.IsNullOrEmpty(read.Cursor) || read.Page <= ResidentListQueries.MaxNumberedPages)
            {
                return false;
            }

            position = read;
            return true;
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException or JsonException)
        {
            return false;
        }
    }

    private static ITimeLimitedDataProtector Protector(IDataProtectionProvider provider) =>
        provider.CreateProtector(Purpose).ToTimeLimitedDataProtector();
}
