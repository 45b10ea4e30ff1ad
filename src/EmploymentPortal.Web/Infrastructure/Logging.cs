using System.Diagnostics;
using System.Security.Claims;
using Serilog;

namespace EmploymentPortal.Web.Infrastructure;

internal static class Logging
{
    /// <summary>
    /// Serilog, configured from the <c>Serilog</c> section (console and a daily rolling file by
    /// default, see appsettings.json). Serilog.AspNetCore does not restore from the package mirror,
    /// so Serilog is plugged into Microsoft.Extensions.Logging directly and request logging is the
    /// small middleware below.
    /// </summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        return builder;
    }

    /// <summary>
    /// One line per request: method, path, status, elapsed milliseconds and user id. The query
    /// string is never logged, since it may carry personal data (ID numbers, phones) in searches.
    /// </summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("EmploymentPortal.Requests");
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next();
            }
            finally
            {
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "-";
                var level = context.Response.StatusCode >= 500 ? LogLevel.Error : LogLevel.Information;
                logger.Log(level, "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:0.0} ms (user {UserId})", context.Request.Method, context.Request.Path.Value, context.Response.StatusCode, elapsed, userId);
            }
        });
    }
}
