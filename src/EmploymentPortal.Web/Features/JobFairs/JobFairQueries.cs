using EmploymentPortal.Data;
using EmploymentPortal.Domain.JobFairs;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.JobFairs;

/// <summary>A year's job fairs against the configured targets.</summary>
public static class JobFairQueries
{
    public sealed record FairRow(Guid Id, string Name, DateOnly Date, string Place, int Enterprises, int PostsOffered, int Intentions);

    public sealed record YearView(JobFairYear Summary, IReadOnlyList<FairRow> Fairs);

    /// <summary>Targets from configuration (<c>JobFairs:Targets:FairsPerYear</c>, <c>:IntentionsPerYear</c>); Jieshou's by default.</summary>
    public static JobFairTargets Targets(IConfiguration configuration)
    {
        var defaults = new JobFairTargets();
        return new JobFairTargets(
            configuration.GetValue("JobFairs:Targets:FairsPerYear", defaults.FairsPerYear),
            configuration.GetValue("JobFairs:Targets:IntentionsPerYear", defaults.IntentionsPerYear));
    }

    public static async Task<YearView> YearAsync(PortalDbContext db, int year, JobFairTargets targets, CancellationToken cancellationToken = default)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var fairs = await db.JobFairs.AsNoTracking().Include(f => f.Participants)
            .Where(f => f.Date >= first && f.Date <= last)
            .OrderByDescending(f => f.Date)
            .ToListAsync(cancellationToken);
        var rows = fairs.Select(f => new FairRow(f.Id, f.Name, f.Date, f.Place, f.Participants.Count, f.PostsOffered, f.Intentions)).ToList();
        return new YearView(new JobFairYear(year, rows.Count, rows.Sum(r => r.PostsOffered), rows.Sum(r => r.Intentions), targets), rows);
    }
}
