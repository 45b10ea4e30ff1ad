using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Web.Features.Claims;
using EmploymentPortal.Web.Infrastructure.Commands;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.IntegrationTests.Commands;

/// <summary>
/// The one command pipeline (docs/decisions/007-command-pipeline.md, issue 14): domain refusals
/// and concurrency conflicts are caught in <see cref="CommandPipeline"/> only, every command it
/// runs has a validator, and the features moved onto it send every command through it.
/// </summary>
public sealed partial class CommandPipelineSourceTests
{
    /// <summary>The one place that catches them.</summary>
    private const string Pipeline = "src/EmploymentPortal.Web/Infrastructure/Commands/CommandPipeline.cs";

    /// <summary>Every feature is on the pipeline (issue 14): commands are found in all namespaces under this one.</summary>
    private const string Features = "EmploymentPortal.Web.Features";

    [Fact]
    public void Only_the_pipeline_catches_domain_or_concurrency_exceptions()
    {
        var root = RepositoryRoot();
        var catching = SourceFiles(root)
            .Where(f => CatchOfPipelineException().IsMatch(File.ReadAllText(Path.Combine(root, f))))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains(Pipeline, catching);
        var unexpected = catching.Where(f => f != Pipeline).Order(StringComparer.Ordinal).ToList();
        Assert.True(unexpected.Count == 0, "Catch DomainException / DbUpdateConcurrencyException only in CommandPipeline (ADR 007); send the command through it instead:" + Environment.NewLine + string.Join(Environment.NewLine, unexpected));
    }

    [Fact]
    public void Every_command_of_every_feature_has_a_handler_on_the_pipeline()
    {
        var handled = CommandPipeline.Handlers().Select(h => h.Command).ToHashSet();
        var commands = typeof(CommandPipeline).Assembly.GetTypes()
            .Where(t => t.Namespace is { } ns && (ns == Features || ns.StartsWith(Features + ".", StringComparison.Ordinal)) && t.IsPublic is false && t.IsNestedPublic && t.Name.EndsWith("Command", StringComparison.Ordinal))
            .ToList();

        Assert.True(commands.Count >= 40, $"Found only {commands.Count} commands in the features: the scan is broken.");
        var outside = commands.Where(c => !handled.Contains(c)).Select(c => c.FullName).ToList();
        Assert.True(outside.Count == 0, "Commands without an ICommandHandler (send them through CommandPipeline):" + Environment.NewLine + string.Join(Environment.NewLine, outside));
    }

    private static IEnumerable<string> SourceFiles(string root) =>
        Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'));

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EmploymentPortal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("EmploymentPortal.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary><c>catch (DomainException</c>, <c>catch (Domain.Common.DomainException e)</c>, <c>catch(DbUpdateConcurrencyException)</c>.</summary>
    [GeneratedRegex(@"catch\s*\(\s*(?:[\w.]+\.)?(?:DomainException|DbUpdateConcurrencyException)\b")]
    private static partial Regex CatchOfPipelineException();
}

/// <summary>The pipeline in the running portal, on both providers.</summary>
public abstract class CommandPipelineTests
{
    private readonly PortalApp _app;

    protected CommandPipelineTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task Every_command_with_a_handler_has_a_validator_registered()
    {
        await using var scope = _app.Factory.Services.CreateAsyncScope();
        var handlers = CommandPipeline.Handlers().ToList();

        Assert.Contains(handlers, h => h.Command == typeof(CreateClaim.Command));
        Assert.Contains(handlers, h => h.Command == typeof(EmploymentPortal.Web.Features.Hires.EndHire.Command));
        var without = handlers
            .Where(h => scope.ServiceProvider.GetService(typeof(IValidator<>).MakeGenericType(h.Command)) is null)
            .Select(h => h.Command.FullName)
            .ToList();
        Assert.True(without.Count == 0, "Commands without a validator (add an AbstractValidator, ADR 007):" + Environment.NewLine + string.Join(Environment.NewLine, without));
        Assert.All(handlers, h => Assert.NotNull(scope.ServiceProvider.GetService(typeof(ICommandHandler<>).MakeGenericType(h.Command))));
    }

    [Fact]
    public async Task A_command_with_several_bad_fields_is_one_400_naming_each_field_in_camel_case()
    {
        var officer = await _app.SignedInClientAsync("officer1");

        var response = await officer.PostAsJsonAsync("/api/v1/benefit-ceilings", new { benefit = "no-such-benefit", amount = "0.00", basis = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("validation-failed", problem.RootElement.GetProperty("code").GetString());
        var errors = problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["amount", "basis", "benefit"], errors);
        Assert.Equal("单笔上限必须大于 0。", problem.RootElement.GetProperty("errors").GetProperty("amount")[0].GetString());
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteCommandPipelineTests : CommandPipelineTests
{
    public SqliteCommandPipelineTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresCommandPipelineTests : CommandPipelineTests
{
    public PostgresCommandPipelineTests(PostgresPortalApp app)
        : base(app)
    {
    }
}
