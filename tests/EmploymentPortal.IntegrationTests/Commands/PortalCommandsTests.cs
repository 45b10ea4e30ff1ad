using EmploymentPortal.Data;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.IntegrationTests.Commands;

/// <summary>
/// The administrative commands (<c>-- migrate</c>, <c>-- verify-audit</c>) on a host built the
/// way Program.cs builds it for a command: same configuration keys, same services, no server.
/// </summary>
public sealed class PortalCommandsTests
{
    [Theory]
    [InlineData(new[] { "migrate" }, "migrate")]
    [InlineData(new[] { "--urls", "http://+:5080", "verify-audit" }, "verify-audit")]
    [InlineData(new[] { "seed-demo", "--Demo:Password=x" }, "seed-demo")]
    [InlineData(new[] { "--migrate" }, null)]
    [InlineData(new string[0], null)]
    public void Find_picks_the_command_out_of_the_arguments(string[] args, string? expected)
    {
        var command = PortalCommands.Find(args);

        Assert.Equal(expected, command);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Migrate_applies_every_migration_to_an_empty_database(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = CommandHost.Build(database);

        var exitCode = await PortalCommands.RunAsync(app, "migrate");

        Assert.Equal(0, exitCode);
        await using var db = database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Migrate_refuses_a_database_created_by_the_migrations_from_before_the_squash(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        // The history of a database from before the squash: its first migration, not today's Initial.
        await database.ExecuteSqlAsync("DELETE FROM \"__EFMigrationsHistory\"");
        await database.ExecuteSqlAsync(
            "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('20261122060539_Initial', '10.0.0')");
        await using var app = CommandHost.Build(database);

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => PortalCommands.RunAsync(app, "migrate"));

        Assert.Contains("20261122060539_Initial", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("docs/operations.md", refusal.Message, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(["20261122060539_Initial"], await db.Database.GetAppliedMigrationsAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Verify_audit_exits_0_on_an_intact_chain_and_2_on_a_tampered_one(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.MigrateAsync();
        await using (var db = database.CreateContext())
        {
            await TestCity.AddCommunityAsync(db);
        }

        await using var app = CommandHost.Build(database);
        await app.Services.GetRequiredService<AuditAnchorService>().AnchorAsync();

        var intact = await PortalCommands.RunAsync(app, "verify-audit");
        await database.ExecuteSqlAsync("UPDATE \"AuditEntries\" SET \"EntityId\" = 'forged' WHERE \"Sequence\" = 2");
        var tampered = await PortalCommands.RunAsync(app, "verify-audit");

        Assert.Equal(0, intact);
        Assert.Equal(2, tampered);
    }

    [Fact]
    public async Task Unknown_command_exits_1()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = CommandHost.Build(database);

        var exitCode = await PortalCommands.RunAsync(app, "no-such-command");

        Assert.Equal(1, exitCode);
    }
}
