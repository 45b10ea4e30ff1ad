using EmploymentPortal.Data;
using EmploymentPortal.Domain.JobFairs;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Infrastructure.Security;
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

    /// <summary>
    /// A resident's intention at a fair; <paramref name="HiredOn"/> is the start of the first hire by
    /// the same enterprise on or after the fair (the intention that led to a job), if any.
    /// </summary>
    public sealed record IntentionRow(Guid Id, string Fair, DateOnly FairDate, string EnterpriseName, string Post, string RecordedBy, DateOnly? HiredOn);

    /// <summary>A fair an intention may be recorded for, with its enterprises.</summary>
    public sealed record FairChoice(Guid Id, string Name, DateOnly Date, IReadOnlyList<EnterpriseChoice> Enterprises);

    public sealed record EnterpriseChoice(Guid Id, string Name);

    /// <summary>How far back the fairs offered for a new intention go.</summary>
    public const int ChoiceDays = 92;

    /// <summary>The intentions of a resident the viewer may see; null when the resident is not visible to them.</summary>
    public static async Task<IReadOnlyList<IntentionRow>?> IntentionsOfAsync(PortalDbContext db, PortalPrincipal principal, Guid residentId, CancellationToken cancellationToken = default)
    {
        if (!await db.Residents.VisibleTo(principal).AnyAsync(r => r.Id == residentId, cancellationToken))
        {
            return null;
        }

        var rows = await (
            from i in db.JobFairIntentions.AsNoTracking()
            join f in db.JobFairs on i.JobFairId equals f.Id
            join e in db.Enterprises on i.EnterpriseId equals e.Id
            where i.ResidentId == residentId
            select new
            {
                i.Id,
                Fair = f.Name,
                f.Date,
                EnterpriseName = e.Name,
                i.Post,
                i.RecordedBy,
                HiredOn = db.Hires.Where(h => h.ResidentId == residentId && h.EnterpriseId == i.EnterpriseId && h.StartDate >= f.Date)
                    .OrderBy(h => h.StartDate).Select(h => (DateOnly?)h.StartDate).FirstOrDefault(),
            }).ToListAsync(cancellationToken);
        return rows
            .OrderByDescending(r => r.Date).ThenBy(r => r.EnterpriseName, StringComparer.Ordinal).ThenBy(r => r.Post, StringComparer.Ordinal)
            .Select(r => new IntentionRow(r.Id, r.Fair, r.Date, r.EnterpriseName, r.Post, r.RecordedBy, r.HiredOn))
            .ToList();
    }

    /// <summary>The fairs held in the last <see cref="ChoiceDays"/> days up to <paramref name="today"/>, newest first, with their enterprises.</summary>
    public static async Task<IReadOnlyList<FairChoice>> RecentFairsAsync(PortalDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        var from = today.AddDays(-ChoiceDays);
        var fairs = await db.JobFairs.AsNoTracking()
            .Where(f => f.Date >= from && f.Date <= today)
            .OrderByDescending(f => f.Date)
            .ThenBy(f => f.Name)
            .ThenBy(f => f.Id)
            .Select(f => new { f.Id, f.Name, f.Date })
            .Take(50)
            .ToListAsync(cancellationToken);
        var ids = fairs.Select(f => f.Id).ToList();
        var participants = await (
            from p in db.Set<JobFairParticipant>().AsNoTracking()
            join e in db.Enterprises on p.EnterpriseId equals e.Id
            where ids.Contains(p.JobFairId)
            select new { p.JobFairId, e.Id, e.Name }).ToListAsync(cancellationToken);
        return fairs.Select(f => new FairChoice(
                f.Id,
                f.Name,
                f.Date,
                participants.Where(p => p.JobFairId == f.Id).OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new EnterpriseChoice(p.Id, p.Name)).ToList()))
            .ToList();
    }
}
