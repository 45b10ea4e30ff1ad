using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Scheduling;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Quartz;

namespace EmploymentPortal.Web.Features.Monitoring;

/// <summary>
/// Evaluates every warning rule for one month (<see cref="WarningEvaluator.MonthAsync"/>): the
/// scheduled job sends it for the month just ended, which is the only run of the district rule
/// (registered unemployment is read at the month's end), and catches any enterprise or sector
/// warning a report missed (a threshold set after the report). Runs as the system.
/// </summary>
public static class EvaluateWarnings
{
    public sealed record Command(DateOnly Month);

    /// <summary>Nothing to check: the job names the month.</summary>
    public sealed class Validator : AbstractValidator<Command>;

    public sealed class Handler(IServiceProvider services, PortalCalendar calendar) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            await using var db = await JobDatabase.Contexts(services).CreateDbContextAsync(cancellationToken);
            var raised = await WarningEvaluator.MonthAsync(db, command.Month, calendar.Now, cancellationToken);
            return FeatureOutcome.Success($"{command.Month:yyyy年M月}：新发出 {raised} 条预警。");
        }
    }
}

/// <summary>
/// The Quartz job around <see cref="EvaluateWarnings"/>: daily by default (docs/operations.md),
/// for the month before the current China month. Idempotent (one warning per rule, subject and
/// month), so several instances or a rerun raise nothing twice.
/// </summary>
[DisallowConcurrentExecution]
public sealed class WarningEvaluationJob(IServiceScopeFactory scopes, PortalCalendar calendar, ILogger<WarningEvaluationJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await RunAsync(cancellationToken);

    public async Task<FeatureOutcome> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var month = calendar.CurrentMonth.AddMonths(-1);
        var outcome = await scope.ServiceProvider.GetRequiredService<CommandPipeline>().SendAsync(new EvaluateWarnings.Command(month), cancellationToken);
        logger.LogInformation("Warning evaluation: {Message}", outcome.Result.Message);
        return outcome;
    }
}
