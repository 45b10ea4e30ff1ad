using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace EmploymentPortal.Web.Features.Vacancies;

/// <summary>
/// Marks published vacancies past their valid-until date as expired (已过期). The public board
/// already hides them by date; the status makes the enterprise's list and later statistics say
/// so too. Each change is saved through the audit interceptor (actor "system").
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

/// <summary>
/// The Quartz job around <see cref="VacancyExpiry"/> (hourly by default, docs/operations.md).
/// Safe on several instances: a vacancy another instance expired first either no longer
/// matches the query or fails the concurrency check, and the next run starts over.
/// </summary>
[DisallowConcurrentExecution]
public sealed class VacancyExpiryJob : IJob
{
    private readonly IServiceScopeFactory _scopes;
    private readonly PortalCalendar _calendar;
    private readonly ILogger<VacancyExpiryJob> _logger;

    public VacancyExpiryJob(IServiceScopeFactory scopes, PortalCalendar calendar, ILogger<VacancyExpiryJob> logger)
    {
        _scopes = scopes;
        _calendar = calendar;
        _logger = logger;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await RunAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            _logger.LogInformation("Another instance expired vacancies at the same time; the next run picks up the rest");
        }
    }

    /// <summary>One run for the current day in China; returns how many vacancies expired.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        // The context options are scoped, so each run has a scope; the audit names "system".
        await using var scope = _scopes.CreateAsyncScope();
        await using var db = await JobDatabase.Contexts(scope.ServiceProvider).CreateDbContextAsync(cancellationToken);
        var expired = await VacancyExpiry.RunAsync(db, _calendar.Today, cancellationToken);
        if (expired > 0)
        {
            _logger.LogInformation("{Count} vacancies expired", expired);
        }

        return expired;
    }
}
