using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Features.Circles.Referrals;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace EmploymentPortal.Web.Features.Circles;

public static class CircleFeatures
{
    /// <summary>Options and handlers of the employment circles (the assessment job is scheduled in PortalScheduler).</summary>
    public static IServiceCollection AddCircleFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CircleOptions>(configuration.GetSection(CircleOptions.Section));
        services.AddSingleton(sp =>
        {
            // The background reload runs after the scope that started it is gone: contexts bound to the root provider
            // (a context built in a scope disposed at once failed with ObjectDisposedException at the first reload).
            var contexts = new Lazy<Microsoft.EntityFrameworkCore.IDbContextFactory<Data.PortalDbContext>>(() => JobDatabase.Lasting(sp));
            return new VacancyBoardCache(
                sp.GetRequiredService<EntityChangeSignal>(),
                sp.GetRequiredService<TimeProvider>(),
                () => contexts.Value.CreateDbContext(),
                sp.GetRequiredService<ILogger<VacancyBoardCache>>());
        });
        services.AddHostedService<VacancyBoardWarmer>();
        services.AddSingleton<Geography.CityBoundaries>();
        services.AddSingleton<Jobs.JobBoardPlaces>();
        return services;
    }
}

/// <summary>
/// The monthly assessment as a scheduled job (Infrastructure/Scheduling): every community is
/// assessed for the current month with the day's figures and the thresholds in force
/// (<see cref="Standing.AssessAllAsync"/>), several times a day and once more just before the month
/// ends, so the month's last run is its final standing. Re-running replaces the month's rows (one
/// per community and month, unique in the database), so a second instance or a catch-up run at
/// start is harmless.
/// </summary>
public sealed class CircleAssessmentJob : IJob
{
    private readonly IServiceScopeFactory _scopes;
    private readonly PortalCalendar _calendar;
    private readonly ILogger<CircleAssessmentJob> _logger;

    public CircleAssessmentJob(IServiceScopeFactory scopes, PortalCalendar calendar, ILogger<CircleAssessmentJob> logger)
    {
        _scopes = scopes;
        _calendar = calendar;
        _logger = logger;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await RunAsync(cancellationToken);

    /// <summary>Assesses every community for the current month (China time); returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        await using var db = await JobDatabase.Contexts(scope.ServiceProvider).CreateDbContextAsync(cancellationToken);
        var options = scope.ServiceProvider.GetRequiredService<IOptions<CircleOptions>>().Value;
        var today = _calendar.Today;
        var count = await Standing.AssessAllAsync(db, options, today, _calendar.Now, cancellationToken);
        _logger.LogInformation("{Count} communities assessed for {Month:yyyy-MM} against the fully-employed community standard", count, today);
        return count;
    }
}
