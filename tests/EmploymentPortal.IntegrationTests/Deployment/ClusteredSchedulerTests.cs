using System.Collections.Concurrent;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace EmploymentPortal.IntegrationTests.Deployment;

/// <summary>
/// Issue 18, a second web node: on PostgreSQL the nodes' schedulers form one Quartz cluster over
/// the database, so each firing of a job's schedule is run by one of the nodes, once (with an
/// in-memory scheduler per node, every node ran every firing).
/// </summary>
[Collection(PostgresAppCollection.Name)]
public sealed class ClusteredSchedulerTests(PostgresPortalApp app)
{
    private static readonly (string, string)[] Scheduled =
    [
        ("Scheduler:Enabled", "true"),
        ("Scheduler:RunAtStartup", "false"),
        ("Scheduler:ClusterCheckinSeconds", "2"),

        // The vacancy expiry every two seconds, so that the test sees several firings.
        ("Scheduler:VacancyExpiryCron", "0/2 * * * * ?"),
    ];

    [Fact]
    public async Task Each_firing_of_a_schedule_is_run_once_by_one_of_two_nodes()
    {
        await using var nodeA = app.Factory.With(null, null, Scheduled);
        var schedulerA = await nodeA.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await using var nodeB = app.Factory.With(null, null, Scheduled);
        var schedulerB = await nodeB.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.Equal(PortalScheduler.ClusterName, schedulerA.SchedulerName);
        Assert.Equal(schedulerA.SchedulerName, schedulerB.SchedulerName);
        Assert.NotEqual(await schedulerA.GetSchedulerInstanceId(default), await schedulerB.GetSchedulerInstanceId(default));

        var runs = new ConcurrentQueue<(string Node, DateTimeOffset? Firing)>();
        schedulerA.ListenerManager.AddJobListener(new RunCounter("A", runs), []);
        schedulerB.ListenerManager.AddJobListener(new RunCounter("B", runs), []);

        await Task.Delay(TimeSpan.FromSeconds(9));

        var firings = runs.ToList();
        Assert.True(firings.Count >= 2, $"only {firings.Count} runs in 9 s");
        var twice = firings.GroupBy(r => r.Firing).Where(g => g.Count() > 1).Select(g => $"{g.Key:HH:mm:ss} by {string.Join(", ", g.Select(r => r.Node))}").ToList();
        Assert.True(twice.Count == 0, "run more than once: " + string.Join("; ", twice));
    }

    private sealed class RunCounter(string node, ConcurrentQueue<(string Node, DateTimeOffset? Firing)> runs) : IJobListener
    {
        public string Name => "itest-run-counter-" + node;

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken)
        {
            if (context.JobDetail.Key.Equals(PortalScheduler.VacancyExpiry))
            {
                runs.Enqueue((node, context.ScheduledFireTimeUtc));
            }

            return ValueTask.CompletedTask;
        }
    }
}
