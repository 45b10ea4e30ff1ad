using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Web.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace EmploymentPortal.Web.Features.Residents.FollowUp;

/// <summary>
/// Closes a month of follow-up (每月跟踪调查至少1次): for every community without a record of
/// that month, the residents registered unemployed on its last day (from the status history)
/// and, of those, the ones without a contact dated in the month are written as a
/// <see cref="FollowUpMonth"/> with its <see cref="OverdueFollowUp"/> rows. One community per
/// transaction; a community already closed is skipped, and the unique index on (community,
/// month) makes a concurrent second writer fail instead of duplicating the month.
/// </summary>
public static class FollowUpMonthEnd
{
    public sealed record Result(int Closed, int AlreadyClosed, int Overdue);

    /// <summary>Closes <paramref name="month"/> (any day of it) for every community not yet closed.</summary>
    public static async Task<Result> CloseMonthAsync(IDbContextFactory<PortalDbContext> contexts, DateOnly month, DateTimeOffset closedAt, CancellationToken cancellationToken = default)
    {
        var start = FollowUpMonth.StartOf(month);
        var end = FollowUpMonth.EndOf(month);
        List<Guid> open;
        int alreadyClosed;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            open = await db.Communities.AsNoTracking()
                .Where(c => !db.FollowUpMonths.Any(m => m.CommunityId == c.Id && m.Month == start))
                .OrderBy(c => c.Code).Select(c => c.Id).ToListAsync(cancellationToken);
            alreadyClosed = await db.FollowUpMonths.CountAsync(m => m.Month == start, cancellationToken);
        }

        int closed = 0, overdue = 0;
        foreach (var communityId in open)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var residents = await RegisteredUnemployedAtEnd(db, communityId, end)
                .Select(r => new { r.Id, Contacted = db.ResidentContacts.Any(c => c.ResidentId == r.Id && c.ContactedOn >= start && c.ContactedOn <= end) })
                .ToListAsync(cancellationToken);
            var missed = residents.Where(r => !r.Contacted).Select(r => r.Id).ToList();
            db.FollowUpMonths.Add(new FollowUpMonth(communityId, start, residents.Count, missed, closedAt));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                closed++;
                overdue += missed.Count;
            }
            catch (DbUpdateException)
            {
                // Another instance closed it first: the month is written once, by whoever won.
                if (!await IsClosedAsync(contexts, communityId, start, cancellationToken))
                {
                    throw;
                }

                alreadyClosed++;
            }
        }

        return new Result(closed, alreadyClosed, overdue);
    }

    /// <summary>
    /// Residents of a community whose status on <paramref name="day"/> was 登记失业: the latest
    /// status change on or before that day (ties broken by the time-ordered id).
    /// </summary>
    public static IQueryable<Resident> RegisteredUnemployedAtEnd(PortalDbContext db, Guid communityId, DateOnly day) =>
        db.Residents.AsNoTracking()
            .Where(r => r.CommunityId == communityId)
            .Where(r => db.EmploymentStatusChanges
                .Where(c => c.ResidentId == r.Id && c.EffectiveFrom <= day)
                .OrderByDescending(c => c.EffectiveFrom).ThenByDescending(c => c.Id)
                .Select(c => (EmploymentStatus?)c.Status)
                .FirstOrDefault() == EmploymentStatus.RegisteredUnemployed);

    private static async Task<bool> IsClosedAsync(IDbContextFactory<PortalDbContext> contexts, Guid communityId, DateOnly month, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.FollowUpMonths.AnyAsync(m => m.CommunityId == communityId && m.Month == month, cancellationToken);
    }
}

/// <summary>
/// The Quartz job: runs daily shortly after midnight China time (and at start) and closes the
/// previous month where it is not closed yet, so a portal that was down on the 1st catches up.
/// </summary>
[DisallowConcurrentExecution]
public sealed class MonthEndFollowUpJob : IJob
{
    private readonly IServiceScopeFactory _scopes;
    private readonly PortalCalendar _calendar;
    private readonly ILogger<MonthEndFollowUpJob> _logger;

    public MonthEndFollowUpJob(IServiceScopeFactory scopes, PortalCalendar calendar, ILogger<MonthEndFollowUpJob> logger)
    {
        _scopes = scopes;
        _calendar = calendar;
        _logger = logger;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await RunAsync(cancellationToken);

    /// <summary>Closes the month before the current one (China time).</summary>
    public async Task<FollowUpMonthEnd.Result> RunAsync(CancellationToken cancellationToken = default)
    {
        var month = _calendar.CurrentMonth.AddMonths(-1);
        await using var scope = _scopes.CreateAsyncScope();
        var contexts = JobDatabase.Contexts(scope.ServiceProvider);
        var result = await FollowUpMonthEnd.CloseMonthAsync(contexts, month, _calendar.Now, cancellationToken);
        if (result.Closed > 0)
        {
            _logger.LogInformation("Follow-up month {Month:yyyy-MM} closed for {Communities} communities, {Overdue} residents overdue", month, result.Closed, result.Overdue);
        }

        return result;
    }
}
