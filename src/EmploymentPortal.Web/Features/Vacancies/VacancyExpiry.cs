using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Scheduling;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace EmploymentPortal.Web.Features.Vacancies;

/// <summary>
/// Marks published vacancies past their valid-until date as expired (已过期). The public board
/// already hides them by date; the status makes the enterprise's list and later statistics say
/// so too. Each change is saved through the audit interceptor (actor "system"). The scheduled job
/// sends <see cref="Command"/> through the command pipeline like any other change (ADR 007), so a
/// concurrent run's conflict is the pipeline's outcome, not a catch of its own.
/// </summary>
public static class VacancyExpiry
{
    /// <summary>Expire what is past on <paramref name="Today"/> (the China date of the run).</summary>
    public sealed record Command(DateOnly Today);

    /// <summary>Nothing to check: the job names the day.</summary>
    public sealed class Validator : AbstractValidator<Command>;

    /// <summary>Runs as the system (the audit names "system"), with a context of its own.</summary>
    public sealed class Handler(IServiceProvider services) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            await using var db = await JobDatabase.Contexts(services).CreateDbContextAsync(cancellationToken);
            var expired = await RunAsync(db, command.Today, cancellationToken);
            return FeatureOutcome.Success($"{expired} 个岗位已到期下架。");
        }
    }

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
/// matches the query or fails the concurrency check (the pipeline's 409 outcome, logged as
/// information), and the next run starts over.
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

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await RunAsync(cancellationToken);

    /// <summary>One run for the current day in China, through the command pipeline.</summary>
    public async Task<FeatureOutcome> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<CommandPipeline>().SendAsync(new VacancyExpiry.Command(_calendar.Today), cancellationToken);
        if (outcome.Kind == OutcomeKind.Conflict)
        {
            _logger.LogInformation("Another instance expired vacancies at the same time; the next run picks up the rest");
        }
        else
        {
            _logger.LogDebug("Vacancy expiry: {Message}", outcome.Result.Message);
        }

        return outcome;
    }
}
