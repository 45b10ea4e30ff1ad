using System.Text.RegularExpressions;

namespace EmploymentPortal.Domain.Tests.Common;

/// <summary>
/// Test data is deterministic (issue 14): the integration and browser tests draw identities from
/// the one builder, tests/Shared/TestData.cs, and bulk data from generators with a fixed seed.
/// These tests read every .cs file under tests/ and fail on a generator that differs from run to
/// run: <c>Random.Shared</c>, an unseeded <c>new Random()</c>, or a seed from a GUID or the clock.
/// </summary>
public sealed partial class OneTestDataBuilderTests
{
    [Fact]
    public void No_test_draws_data_that_differs_from_run_to_run()
    {
        var root = RepositoryRoot();
        var files = Directory.EnumerateFiles(Path.Combine(root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Where(f => f != "tests/EmploymentPortal.Domain.Tests/Common/OneTestDataBuilderTests.cs")
            .ToList();

        var offences = files
            .SelectMany(f => File.ReadLines(Path.Combine(root, f)).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => !l.Text.TrimStart().StartsWith("///", StringComparison.Ordinal) && NonDeterministic().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.Contains("tests/Shared/TestData.cs", files);
        Assert.True(offences.Count == 0, "Use TestData (IdNumber, Name, Phone, CreditCode, UserName, OneOf) or new Random(seed) with a fixed seed instead of:\n" + string.Join('\n', offences));
    }

    [Theory]
    [InlineData("var n = Random.Shared.Next(100, 1000);")]
    [InlineData("var random = new Random();")]
    [InlineData("var random = new Random(Guid.NewGuid().GetHashCode());")]
    [InlineData("var random = new Random(Environment.TickCount);")]
    [InlineData("var random = new Random(DateTime.Now.Millisecond);")]
    public void The_scan_recognises_each_form(string line) => Assert.Matches(NonDeterministic(), line);

    [Theory]
    [InlineData("var random = new Random(7);")]
    [InlineData("var idNumber = TestData.IdNumber(new DateOnly(1990, 1, 1));")]
    public void A_fixed_seed_passes(string line) => Assert.DoesNotMatch(NonDeterministic(), line);

    [GeneratedRegex(@"Random\.Shared|new\s+Random\(\s*\)|new\s+Random\(\s*(?:Guid|Environment\.TickCount|DateTime|DateTimeOffset|Stopwatch)")]
    private static partial Regex NonDeterministic();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EmploymentPortal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("EmploymentPortal.sln not found above " + AppContext.BaseDirectory);
    }
}
