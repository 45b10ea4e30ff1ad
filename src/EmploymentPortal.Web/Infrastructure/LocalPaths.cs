namespace EmploymentPortal.Web.Infrastructure;

/// <summary>Where the portal may redirect a user after sign-in or a language switch.</summary>
internal static class LocalPaths
{
    /// <summary>
    /// True for a path on this site ("/residents"); false for anything a browser could take to
    /// another site ("//evil.example", "/\evil.example", "https://..."). An open redirect would let
    /// a phishing link borrow the portal's name.
    /// </summary>
    public static bool IsLocal(string? path) =>
        path is { Length: > 0 }
        && path.StartsWith('/')
        && !path.StartsWith("//", StringComparison.Ordinal)
        && !path.StartsWith("/\\", StringComparison.Ordinal);
}
