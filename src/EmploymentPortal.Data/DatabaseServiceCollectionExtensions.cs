using EmploymentPortal.Data.Auditing;
using EmploymentPortal.Data.Security;
using EmploymentPortal.Domain.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace EmploymentPortal.Data;

public static class DatabaseServiceCollectionExtensions
{
    public const string SqliteMigrationsAssembly = "EmploymentPortal.Data.Sqlite";
    public const string PostgresMigrationsAssembly = "EmploymentPortal.Data.Postgres";

    /// <summary>
    /// Registers <see cref="PortalDbContext"/> on the configured provider: a scoped context (for
    /// Identity and API endpoints, one per request) and a scoped <see cref="IDbContextFactory{T}"/>
    /// for Blazor components, which create one short-lived context per operation because a
    /// circuit lives far longer than a unit of work.
    /// </summary>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        var connectionString = ResolveConnectionString(options.Provider, configuration.GetConnectionString("Portal"), contentRootPath);
        services.AddSingleton(new PortalConnection(options.Provider, connectionString));

        // The secret keys live outside the database (configuration, environment, key file).
        services.TryAddSingleton(sp => PortalKeyRing.Load(configuration, contentRootPath, sp.GetService<IHostEnvironment>()?.IsProduction() ?? true));

        // The audit chain's anchors live outside the database too (docs/operations.md, "Audit trail").
        var audit = configuration.GetSection(AuditOptions.SectionName).Get<AuditOptions>() ?? new AuditOptions();
        services.AddSingleton(audit);
        services.AddSingleton(new AuditAnchorFile(Path.GetFullPath(Path.Combine(
            contentRootPath, string.IsNullOrWhiteSpace(audit.AnchorFile) ? AuditOptions.DefaultAnchorFile : audit.AnchorFile))));
        services.AddSingleton<AuditVerifier>();

        services.AddSingleton<ConcurrencyVersionInterceptor>();
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<EntityChangeSignal>();
        services.AddSingleton<EntityChangeFeed>();
        services.AddSingleton(sp => new EntityChangeInterceptor(sp.GetRequiredService<EntityChangeSignal>(), sp.GetRequiredService<EntityChangeFeed>()));
        if (options.Provider == DatabaseProvider.Postgres)
        {
            // The other web nodes' saves reach this node's read models (docs/operations.md, "Several web nodes").
            services.AddSingleton<EntityChangeListener>();
            services.AddHostedService(sp => sp.GetRequiredService<EntityChangeListener>());
        }
        services.AddSingleton<Identity.UserSessionSignal>();
        services.AddSingleton<Identity.UserSessionInterceptor>();
        services.TryAddSingletonTimeProvider();
        services.AddSingleton<PortalCalendar>();

        services.AddDbContextFactory<PortalDbContext>(
            (sp, builder) => Configure(builder, options.Provider, connectionString)
                .UsePersonalDataKeys(sp.GetRequiredService<PortalKeyRing>())
                .AddInterceptors(sp.GetRequiredService<Identity.UserSessionInterceptor>(), sp.GetRequiredService<ConcurrencyVersionInterceptor>(), sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<EntityChangeInterceptor>()),
            ServiceLifetime.Scoped);
        return services;
    }

    /// <summary>Configures a context builder for a provider: used by the host, tests and tools.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        return provider switch
        {
            DatabaseProvider.Postgres => builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly)),
        };
    }

    /// <summary>
    /// The SQLite default lives in <c>data/portal.db</c> under the content root; a relative
    /// <c>Data Source</c> is taken relative to the content root too, and its folder is created.
    /// </summary>
    public static string ResolveConnectionString(DatabaseProvider provider, string? configured, string contentRootPath)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            return string.IsNullOrWhiteSpace(configured)
                ? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Portal is not set.")
                : configured;
        }

        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DatabaseOptions.DefaultSqliteConnectionString : configured);
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRootPath, builder.DataSource));
        }

        if (builder.Mode != SqliteOpenMode.Memory && Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        builder.Pooling = true;
        builder.DefaultTimeout = 30;
        return builder.ToString();
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}

/// <summary>The resolved provider and connection string.</summary>
public sealed record PortalConnection(DatabaseProvider Provider, string ConnectionString);
