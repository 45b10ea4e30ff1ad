using EmploymentPortal.Data;
using EmploymentPortal.Web.Infrastructure.Scheduling;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.IntegrationTests.Infrastructure;

/// <summary>
/// A host built the way Program.cs builds it for an administrative command (same configuration
/// keys, the database services, the test keys, the database's anchor file), never started: for
/// <c>PortalCommands.RunAsync</c> and for the services a command uses.
/// </summary>
public static class CommandHost
{
    /// <param name="database">The database, and its anchor file.</param>
    /// <param name="configure">Replaces services after the portal's registrations (a clock, a logger).</param>
    /// <param name="settings">Further configuration keys.</param>
    public static WebApplication Build(TestDatabase database, Action<WebApplicationBuilder>? configure = null, params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration["Database:Provider"] = database.Provider.ToString();
        builder.Configuration["ConnectionStrings:Portal"] = database.ConnectionString;
        builder.Configuration["Audit:AnchorFile"] = database.AnchorFile;
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        TestKeys.Apply(builder.WebHost);
        builder.Services.AddPortalDatabase(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddScoped<DatabaseMigrator>();
        builder.Services.AddAuditAnchoring();
        configure?.Invoke(builder);
        return builder.Build();
    }
}
