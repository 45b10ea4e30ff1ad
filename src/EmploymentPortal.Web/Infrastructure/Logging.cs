using System.Security.Claims;
using Serilog;
using Serilog.Events;

namespace EmploymentPortal.Web.Infrastructure;

internal static class Logging
{
    /// <summary>
    /// Serilog (Serilog.AspNetCore), configured from the <c>Serilog</c> section: console and a
    /// daily rolling file by default (appsettings.json).
    /// </summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());
        return builder;
    }

    /// <summary>
    /// One event per request (Serilog's request logging): method, path, status, elapsed time, and
    /// the user's id and roles. The query string is never logged (Serilog leaves it out of
    /// <c>RequestPath</c> by default), since searches carry ID numbers and phones; nor is anything
    /// else that names a person.
    /// </summary>
    public static IApplicationBuilder UsePortalRequestLogging(this IApplicationBuilder app)
    {
        return app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms (user {UserId}, {UserRoles})";
            // This host's logger, not the static Log.Logger that the last host built in the
            // process replaced (test hosts with their own clock or settings run side by side).
            options.Logger = app.ApplicationServices.GetService<Serilog.ILogger>();
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error : LogEventLevel.Information;
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set("UserId", context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "-");
                diagnostics.Set("UserRoles", string.Join(',', context.User.FindAll(ClaimTypes.Role).Select(c => c.Value)) is { Length: > 0 } roles ? roles : "anonymous");
            };
        });
    }
}
