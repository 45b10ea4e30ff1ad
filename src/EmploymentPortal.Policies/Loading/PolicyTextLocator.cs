namespace EmploymentPortal.Policies.Loading;

/// <summary>
/// Finds the directory of policy texts when the host has not configured one: walks up from the
/// given directories looking for <c>shared/policies</c> (the repository is cloned with
/// <c>shared/</c> beside it), then falls back to the <c>policies</c> folder the build copies
/// beside the assembly.
/// </summary>
public static class PolicyTextLocator
{
    public static string Locate(params string[] startDirectories)
    {
        var starts = startDirectories.Length > 0
            ? startDirectories
            : [Directory.GetCurrentDirectory(), AppContext.BaseDirectory];
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "policies");
                if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*.txt").Any())
                {
                    return candidate;
                }
            }
        }

        var copied = Path.Combine(AppContext.BaseDirectory, "policies");
        if (Directory.Exists(copied) && Directory.EnumerateFiles(copied, "*.txt").Any())
        {
            return copied;
        }

        throw new DirectoryNotFoundException(
            "No policy texts found: looked for shared/policies above " + string.Join(", ", starts) +
            " and for a policies folder beside the assembly. Configure the directory explicitly.");
    }
}
