using System.Data.Common;
using EmploymentPortal.Data;
using EmploymentPortal.Data.Security;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.IntegrationTests.Residents;
using EmploymentPortal.Web.Features.Policies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.IntegrationTests.Policies;

/// <summary>
/// Issue 18: an evaluation does not count the bureau's local values in the database on every
/// call. The catalogue in force is trusted until this instance saves a value or an end, or for
/// <see cref="PolicyCatalogueService.OtherInstancesMaxAge"/> (what another instance saved).
/// </summary>
public abstract class CatalogueRefreshTests
{
    private readonly PortalApp _app;

    protected CatalogueRefreshTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task The_database_is_asked_again_only_after_a_save_here_or_once_the_age_has_passed()
    {
        var clock = new FollowUpTestData.FakeClock(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));
        var signal = new EntityChangeSignal();
        var services = _app.Factory.Services;
        var service = new PolicyCatalogueService(services.GetRequiredService<PolicyOptions>(), services.GetRequiredService<IWebHostEnvironment>(), signal, clock);
        var commands = new CommandCounter();
        await using var db = Context(commands);

        await service.EnsureCurrentAsync(db);
        Assert.True(commands.Count >= 2, "the first call counts the values and the ends");

        commands.Count = 0;
        await service.EnsureCurrentAsync(db);
        clock.Now += PolicyCatalogueService.OtherInstancesMaxAge - TimeSpan.FromSeconds(1);
        await service.EnsureCurrentAsync(db);
        Assert.Equal(0, commands.Count);

        clock.Now += TimeSpan.FromSeconds(1);
        await service.EnsureCurrentAsync(db);
        Assert.Equal(2, commands.Count);

        commands.Count = 0;
        await service.EnsureCurrentAsync(db);
        Assert.Equal(0, commands.Count);

        // A value saved in this instance (here in a transaction rolled back, so the shared database
        // keeps none): the next call asks the database at once, within the age.
        await using (var saving = Context(new CommandCounter(), new EntityChangeInterceptor(signal)))
        {
            await using var transaction = await saving.Database.BeginTransactionAsync();
            saving.LocalParameterValues.Add(new Domain.Policies.LocalParameterValue(
                "nanhe-2020-1.internship.monthlySubsidy", new DateOnly(2199, 1, 1), null, 1888m, "江人社〔2199〕1号", "第一条", "见习补贴标准。", null, "测试", clock.Now));
            await saving.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        commands.Count = 0;
        await service.EnsureCurrentAsync(db);
        Assert.Equal(2, commands.Count);
        commands.Count = 0;
        await service.EnsureCurrentAsync(db);
        Assert.Equal(0, commands.Count);
    }

    private PortalDbContext Context(params IInterceptor[] interceptors)
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseServiceCollectionExtensions.Configure(builder, _app.Database.Provider, _app.Database.ConnectionString).UsePersonalDataKeys(TestKeys.Ring).AddInterceptors(interceptors);
        return new PortalDbContext(builder.Options, null);
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Count { get; set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteCatalogueRefreshTests(SqlitePortalApp app) : CatalogueRefreshTests(app);

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresCatalogueRefreshTests(PostgresPortalApp app) : CatalogueRefreshTests(app);
