using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Features.Admin;
using EmploymentPortal.Web.Features.Circles;
using EmploymentPortal.Web.Features.Monitoring;
using EmploymentPortal.Web.Features.Residents.FollowUp;
using EmploymentPortal.Web.Features.Vacancies;
using Quartz;

namespace EmploymentPortal.Web.Infrastructure.Scheduling;

/// <summary>Settings of the <c>Scheduler</c> configuration section (docs/operations.md).</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    /// <summary>False: no scheduler runs in this process (tests; a process that only serves requests).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>When the month-end follow-up job runs, a Quartz cron expression in China time: daily at 00:05.</summary>
    public string FollowUpMonthEndCron { get; set; } = "0 5 0 * * ?";

    /// <summary>When the vacancy expiry job runs, in China time: hourly at minute 10.</summary>
    public string VacancyExpiryCron { get; set; } = "0 10 * * * ?";

    /// <summary>When the community assessment runs during the month, in China time: every 6 hours at minute 15.</summary>
    public string CircleAssessmentCron { get; set; } = "0 15 0/6 * * ?";

    /// <summary>The month's final assessment, in China time: 23:50 on the last day of the month.</summary>
    public string CircleAssessmentMonthCloseCron { get; set; } = "0 50 23 L * ?";

    /// <summary>When the early-warning rules are evaluated for the month just ended, in China time: daily at 01:20.</summary>
    public string WarningEvaluationCron { get; set; } = "0 20 1 * * ?";

    /// <summary>Also run every job once when the scheduler starts (catches up after downtime).</summary>
    public bool RunAtStartup { get; set; } = true;

    /// <summary>
    /// On PostgreSQL, keep the schedule in the database (Quartz's clustered ADO store, tables
    /// <c>qrtz_*</c>) so that with several web nodes each job runs once per period, on one of them.
    /// False: every node runs its own in-memory scheduler. SQLite always uses the in-memory store.
    /// </summary>
    public bool Clustered { get; set; } = true;

    /// <summary>How often a clustered node tells the others it is alive; a node silent for three times this is taken as dead and its running jobs recovered.</summary>
    public int ClusterCheckinSeconds { get; set; } = 10;
}

/// <summary>
/// Quartz.NET. On PostgreSQL the schedule lives in the database and the nodes form a cluster
/// (each firing is taken by one node; a node that dies mid-job has its job recovered by another);
/// on SQLite, or with <see cref="SchedulerOptions.Clustered"/> off, each process keeps its own
/// in-memory schedule. The jobs are written to be safe when run twice anyway (they work in the
/// database and are idempotent).
/// </summary>
public static class PortalScheduler
{
    public static readonly JobKey FollowUpMonthEnd = new("follow-up-month-end", "portal");
    public static readonly JobKey VacancyExpiry = new("vacancy-expiry", "portal");
    public static readonly JobKey CircleAssessment = new("circle-assessment", "portal");
    public static readonly JobKey WarningEvaluation = new("warning-evaluation", "portal");

    /// <summary>The scheduler's name: the nodes of one portal share it (and so the rows of <c>qrtz_*</c>).</summary>
    public const string ClusterName = "EmploymentPortal";

    public static IServiceCollection AddPortalScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();

        // The jobs are plain services too, so that tests (and an operator's command) can run them directly.
        services.AddTransient<MonthEndFollowUpJob>();
        services.AddTransient<VacancyExpiryJob>();
        services.AddTransient<CircleAssessmentJob>();
        services.AddTransient<WarningEvaluationJob>();
        if (!options.Enabled)
        {
            return services;
        }

        var database = configuration.GetSection(Data.DatabaseOptions.SectionName).Get<Data.DatabaseOptions>() ?? new Data.DatabaseOptions();
        var clustered = options.Clustered && database.Provider == Data.DatabaseProvider.Postgres;
        services.AddQuartz(q =>
        {
            if (clustered)
            {
                // One scheduler name for every node; each node an id of its own.
                q.ConfigureScheduler(o =>
                {
                    o.InstanceName = ClusterName;
                    o.GenerateInstanceId = true;
                });
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(configuration.GetConnectionString("Portal") ?? throw new InvalidOperationException("ConnectionStrings:Portal is not set."));
                    store.UseSystemTextJsonSerializer(_ => { });
                    store.UseClustering(c =>
                    {
                        c.Enabled = true;
                        c.CheckinInterval = TimeSpan.FromSeconds(options.ClusterCheckinSeconds);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(options.ClusterCheckinSeconds * 3);
                    });

                    // Quartz's own tables (qrtz_*), created on the first start when missing.
                    store.ProvisionSchema();
                });
            }
            else
            {
                q.UseInMemoryStore();
            }

            q.UseDefaultThreadPool(2);
            q.AddJob<MonthEndFollowUpJob>(j => j.WithIdentity(FollowUpMonthEnd).DisallowConcurrentExecution(true).WithDescription("月末跟踪服务结转"));
            q.AddTrigger(t => t.ForJob(FollowUpMonthEnd).WithIdentity("follow-up-month-end-cron", "portal")
                .WithCronSchedule(options.FollowUpMonthEndCron, c => c.InTimeZone(PortalCalendar.ChinaTime)));
            q.AddJob<VacancyExpiryJob>(j => j.WithIdentity(VacancyExpiry).DisallowConcurrentExecution(true).WithDescription("岗位到期下架"));
            q.AddTrigger(t => t.ForJob(VacancyExpiry).WithIdentity("vacancy-expiry-cron", "portal")
                .WithCronSchedule(options.VacancyExpiryCron, c => c.InTimeZone(PortalCalendar.ChinaTime)));
            q.AddJob<CircleAssessmentJob>(j => j.WithIdentity(CircleAssessment).DisallowConcurrentExecution(true).WithDescription("三公里充分就业社区评估"));
            q.AddTrigger(t => t.ForJob(CircleAssessment).WithIdentity("circle-assessment-cron", "portal")
                .WithCronSchedule(options.CircleAssessmentCron, c => c.InTimeZone(PortalCalendar.ChinaTime)));
            q.AddTrigger(t => t.ForJob(CircleAssessment).WithIdentity("circle-assessment-month-close", "portal")
                .WithCronSchedule(options.CircleAssessmentMonthCloseCron, c => c.InTimeZone(PortalCalendar.ChinaTime)));
            q.AddJob<WarningEvaluationJob>(j => j.WithIdentity(WarningEvaluation).DisallowConcurrentExecution(true).WithDescription("规模性失业风险预警"));
            q.AddTrigger(t => t.ForJob(WarningEvaluation).WithIdentity("warning-evaluation-cron", "portal")
                .WithCronSchedule(options.WarningEvaluationCron, c => c.InTimeZone(PortalCalendar.ChinaTime)));
            if (options.RunAtStartup)
            {
                q.RunAtStartup(FollowUpMonthEnd);
                q.RunAtStartup(VacancyExpiry);
                q.RunAtStartup(CircleAssessment);
                q.RunAtStartup(WarningEvaluation);
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
