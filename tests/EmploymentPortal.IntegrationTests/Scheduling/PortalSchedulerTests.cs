using EmploymentPortal.Domain.Common;
using EmploymentPortal.IntegrationTests.Residents;
using EmploymentPortal.Web.Infrastructure.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace EmploymentPortal.IntegrationTests.Scheduling;

/// <summary>
/// The scheduler's configuration: both jobs with cron triggers in China time, next fire times
/// computed from the container's clock; switched off by configuration (as in every other test).
/// </summary>
public sealed class PortalSchedulerTests
{
    [Fact]
    public async Task Month_end_job_next_fires_at_five_past_midnight_china_time_and_expiry_hourly()
    {
        var clock = FollowUpTestData.FakeClock.AtChinaTime(2025, 3, 31, 23, 59);
        await using var services = Services(clock, enabled: true);

        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        try
        {
            var monthEnd = await scheduler.GetTrigger(new TriggerKey("follow-up-month-end-cron", "portal"));
            var expiry = await scheduler.GetTrigger(new TriggerKey("vacancy-expiry-cron", "portal"));

            Assert.NotNull(await scheduler.GetJobDetail(PortalScheduler.FollowUpMonthEnd));
            Assert.Equal(new DateTimeOffset(2025, 4, 1, 0, 5, 0, TimeSpan.FromHours(8)), monthEnd!.NextFireTimeUtc);
            Assert.Equal(new DateTimeOffset(2025, 4, 1, 0, 10, 0, TimeSpan.FromHours(8)), expiry!.NextFireTimeUtc);
        }
        finally
        {
            await scheduler.Shutdown(false);
        }
    }

    [Fact]
    public async Task Disabled_scheduler_registers_the_jobs_but_no_scheduler()
    {
        await using var services = Services(TimeProvider.System, enabled: false);

        Assert.Null(services.GetService<ISchedulerFactory>());
        Assert.DoesNotContain(services.GetServices<IHostedService>(), s => s.GetType().FullName!.StartsWith("Quartz", StringComparison.Ordinal));
        Assert.NotNull(services.GetService<EmploymentPortal.Web.Features.Residents.FollowUp.MonthEndFollowUpJob>());
    }

    private static ServiceProvider Services(TimeProvider clock, bool enabled)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Scheduler:Enabled"] = enabled ? "true" : "false" })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddSingleton<PortalCalendar>();
        services.AddPortalScheduler(configuration);
        return services.BuildServiceProvider();
    }
}
