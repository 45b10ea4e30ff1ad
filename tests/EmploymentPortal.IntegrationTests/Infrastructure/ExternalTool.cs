using System.Diagnostics;

namespace EmploymentPortal.IntegrationTests.Infrastructure;

/// <summary>
/// Runs a tool of the test setup (Redocly CLI, Kiota, <c>dotnet build</c>) as a process with a
/// time limit and hands back what it printed; finds the repository and the tools eng/test.sh
/// installs.
/// </summary>
public static class ExternalTool
{
    public sealed record Result(int ExitCode, string Output, string Error, TimeSpan Took)
    {
        public override string ToString() => $"exit {ExitCode} after {Took.TotalSeconds:0.0} s\n{Output}\n{Error}";
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EmploymentPortal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("EmploymentPortal.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// A command of the npm packages the test project declares (its package.json), installed by
    /// eng/test.sh into <c>artifacts/npm/&lt;project&gt;</c> (<c>PORTAL_TEST_NPM_BIN</c> names the folder).
    /// </summary>
    public static string NpmCommand(string name)
    {
        var bin = Environment.GetEnvironmentVariable("PORTAL_TEST_NPM_BIN") is { Length: > 0 } set
            ? set
            : Path.Combine(RepositoryRoot(), "artifacts", "npm", "EmploymentPortal.IntegrationTests", "node_modules", ".bin");
        var path = Path.Combine(bin, name);
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{name} is not installed at {path}: run the tests with eng/test.sh, which installs tests/EmploymentPortal.IntegrationTests/package.json there (npm ci).");
    }

    public static async Task<Result> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan limit, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} ran longer than {limit}:\n{await output}\n{await error}");
        }

        return new Result(process.ExitCode, await output, await error, clock.Elapsed);
    }
}
