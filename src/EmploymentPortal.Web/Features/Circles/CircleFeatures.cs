using EmploymentPortal.Data;
using EmploymentPortal.Web.Features.Circles.Referrals;
using EmploymentPortal.Web.Features.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EmploymentPortal.Web.Features.Circles;

public static class CircleFeatures
{
    /// <summary>Options, handlers and the assessment job of the employment circles.</summary>
    public static IServiceCollection AddCircleFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CircleOptions>(configuration.GetSection(CircleOptions.Section));
        services.AddScoped<ReferResident.Handler>();
        services.AddScoped<AnswerReferral.Handler>();
        services.AddScoped<Standing.SetStandard.Handler>();
        services.AddHostedService<CircleAssessmentService>();
        return services;
    }
}

/// <summary>
/// Assesses every community for the current month (<see cref="Standing.AssessAllAsync"/>)
/// 5 minutes after start and then every 6 hours, so the month's standing follows the day's
/// figures; the assessment of a month is final once the month is over.
/// </summary>
internal sealed class CircleAssessmentService : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly ILogger<CircleAssessmentService> _logger;

    public CircleAssessmentService(IServiceScopeFactory scopes, TimeProvider time, ILogger<CircleAssessmentService> logger)
    {
        _scopes = scopes;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(5), _time, stoppingToken);
            using var timer = new PeriodicTimer(TimeSpan.FromHours(6), _time);
            do
            {
                try
                {
                    await using var scope = _scopes.CreateAsyncScope();
                    await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(stoppingToken);
                    var options = scope.ServiceProvider.GetRequiredService<IOptions<CircleOptions>>().Value;
                    var count = await Standing.AssessAllAsync(db, options, ResidentClock.Today(_time), _time.GetUtcNow(), stoppingToken);
                    _logger.LogInformation("{Count} communities assessed against the fully-employed community standard", count);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    _logger.LogWarning(exception, "Assessing the communities failed");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
