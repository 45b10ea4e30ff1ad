namespace EmploymentPortal.Domain.Tests.Common;

/// <summary>The repository's source files, for the architecture tests that read them.</summary>
internal static class SourceTree
{
    /// <summary>The folder holding EmploymentPortal.sln, found above the test's output folder.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EmploymentPortal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EmploymentPortal.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Every .cs and .razor file under src/ (build output left out), relative to the root with '/'.</summary>
    public static List<string> SourceFiles(string root) =>
        Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .ToList();
}
