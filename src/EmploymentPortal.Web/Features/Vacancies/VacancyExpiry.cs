using EmploymentPortal.Data;
using EmploymentPortal.Domain.Vacancies;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Vacancies;

/// <summary>
/// The scheduled job that marks published vacancies past their valid-until date as expired
/// (已过期). The public board already hides them by date; the status makes the enterprise's list
/// and later statistics say so too.
/// </summary>
public static class VacancyExpiry
{
    /// <summary>Expires every published vacancy whose last valid day is before <paramref name="today"/>.</summary>
    /// <returns>How many expired.</returns>
    public static async Task<int> RunAsync(PortalDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        var due = await db.Vacancies.Where(v => v.Status == VacancyStatus.Published && v.ValidUntil < today).ToListAsync(cancellationToken);
        var expired = due.Count(v => v.ExpireIfPast(today));
        if (expired > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return expired;
    }
}

/// <summary>Runs <see cref="VacancyExpiry"/> an hour after start and then every hour.</summary>
internal sealed class VacancyExpiryService : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly ILogger<VacancyExpiryService> _logger;

    public VacancyExpiryService(IServiceScopeFactory scopes, TimeProvider time, ILogger<VacancyExpiryService> logger)
    {
        _scopes = scopes;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, _time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                // The context factory is scoped (its audit actor is), so each run has a scope.
                await using var scope = _scopes.CreateAsyncScope();
                await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(stoppingToken);
                var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
                var expired = await VacancyExpiry.RunAsync(db, today, stoppingToken);
                if (expired > 0)
                {
                    _logger.LogInformation("{Count} vacancies expired", expired);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A failed run must not stop the portal; the next run retries.
                _logger.LogWarning(exception, "Expiring vacancies failed");
            }
        }
    }
}
