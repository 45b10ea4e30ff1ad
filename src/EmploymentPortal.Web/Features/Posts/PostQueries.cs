using EmploymentPortal.Data;
using EmploymentPortal.Domain.Posts;
using EmploymentPortal.Domain.ValueObjects;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Posts;

/// <summary>A year of post programmes: each programme with its placements, the relocated share, internship outcomes.</summary>
public static class PostQueries
{
    public sealed record ProgrammeRow(
        Guid Id,
        string Name,
        PostKind Kind,
        string Owner,
        int Year,
        int Posts,
        Money MonthlySubsidy,
        int MaxDurationMonths,
        int Placed,
        int Active,
        InternshipOutcome? Internship);

    public sealed record PlacementRow(
        Guid Id,
        Guid ProgrammeId,
        string ProgrammeName,
        PostKind Kind,
        string ResidentName,
        string MaskedIdNumber,
        DateOnly StartDate,
        DateOnly PlannedEnd,
        int ExtendedMonths,
        DateOnly? EndedOn,
        PlacementExitReason? ExitReason,
        bool Retained,
        bool WasRelocatedResident);

    public sealed record YearSummary(int Year, RelocatedShare RelocatedShare, IReadOnlyList<ProgrammeRow> Programmes, IReadOnlyList<PlacementRow> Placements, PostDevelopment Development);

    /// <summary>Quotas from configuration (<c>Posts:Quotas:PublicWelfarePerYear</c>, <c>:InternshipPerYear</c>); Jieshou's by default.</summary>
    public static PostQuotas Quotas(IConfiguration configuration)
    {
        var defaults = new PostQuotas();
        return new PostQuotas(
            configuration.GetValue("Posts:Quotas:PublicWelfarePerYear", defaults.PublicWelfarePerYear),
            configuration.GetValue("Posts:Quotas:InternshipPerYear", defaults.InternshipPerYear));
    }

    public static async Task<YearSummary> YearAsync(PortalDbContext db, int year, DateOnly today, PostQuotas quotas, CancellationToken cancellationToken = default)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var programmes = await db.PostProgrammes.AsNoTracking().Where(p => p.Year == year).OrderBy(p => p.Kind).ThenBy(p => p.Name).ToListAsync(cancellationToken);
        var ids = programmes.Select(p => p.Id).ToList();

        // Placements of this year's programmes, and public-welfare placements of other years' programmes still held this year.
        var placements = await db.PostPlacements.AsNoTracking()
            .Where(p => ids.Contains(p.ProgrammeId) || (p.Kind == PostKind.PublicWelfare && p.StartDate <= last && (p.EndedOn ?? p.PlannedEnd) >= first))
            .ToListAsync(cancellationToken);
        var names = await db.PostProgrammes.AsNoTracking().Where(p => placements.Select(x => x.ProgrammeId).Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var residentIds = placements.Select(p => p.ResidentId).Distinct().ToList();
        var residents = await db.Residents.AsNoTracking().Where(r => residentIds.Contains(r.Id)).Select(r => new { r.Id, r.Name, r.IdNumber }).ToDictionaryAsync(r => r.Id, cancellationToken);

        var rows = programmes.Select(p =>
        {
            var own = placements.Where(x => x.ProgrammeId == p.Id).ToList();
            return new ProgrammeRow(
                p.Id, p.Name, p.Kind, p.Owner, p.Year, p.Posts, p.MonthlySubsidy, p.MaxDurationMonths, own.Count,
                own.Count(x => x.StartDate <= today && (x.EndedOn ?? x.PlannedEnd) >= today),
                p.Kind == PostKind.Internship ? PostStatistics.InternshipOutcomeOf(own) : null);
        }).ToList();
        var placementRows = placements
            .OrderBy(p => p.EndedOn is not null).ThenBy(p => p.StartDate)
            .Select(p => new PlacementRow(
                p.Id, p.ProgrammeId, names.GetValueOrDefault(p.ProgrammeId, string.Empty), p.Kind, residents[p.ResidentId].Name, Mask(residents[p.ResidentId].IdNumber),
                p.StartDate, p.PlannedEnd, p.ExtendedMonths, p.EndedOn, p.ExitReason, p.Retained, p.WasRelocatedResident))
            .ToList();
        return new YearSummary(year, PostStatistics.RelocatedShareIn(placements, year), rows, placementRows, PostDevelopment.Of(year, programmes, quotas));
    }

    /// <summary>A programme a resident can be placed in: this year's or later, with its free posts today.</summary>
    public sealed record OpenProgramme(Guid Id, string Name, PostKind Kind, string Owner, int Year, int Posts, int Occupied, int MaxDurationMonths)
    {
        public int Free => Math.Max(0, Posts - Occupied);
    }

    /// <summary>The programmes of <paramref name="today"/>'s year and later that still have a free post, by year and name.</summary>
    public static async Task<List<OpenProgramme>> OpenAsync(PortalDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        var rows = await db.PostProgrammes.AsNoTracking().Where(p => p.Year >= today.Year)
            .Select(p => new
            {
                p.Id, p.Name, p.Kind, p.Owner, p.Year, p.Posts, p.MaxDurationMonths,
                Occupied = db.PostPlacements.Count(x => x.ProgrammeId == p.Id && x.StartDate <= today && (x.EndedOn ?? x.PlannedEnd) >= today),
            })
            .ToListAsync(cancellationToken);
        return rows.Where(r => r.Occupied < r.Posts)
            .OrderBy(r => r.Year).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new OpenProgramme(r.Id, r.Name, r.Kind, r.Owner, r.Year, r.Posts, r.Occupied, r.MaxDurationMonths))
            .ToList();
    }

    /// <summary>A resident's placements, newest first (the resident page).</summary>
    public sealed record ResidentPlacement(Guid Id, string Programme, PostKind Kind, string Owner, DateOnly StartDate, DateOnly PlannedEnd, DateOnly? EndedOn, int ExtendedMonths);

    public static Task<List<ResidentPlacement>> ForResidentAsync(PortalDbContext db, Guid residentId, CancellationToken cancellationToken = default) =>
        (from x in db.PostPlacements.AsNoTracking()
         join p in db.PostProgrammes on x.ProgrammeId equals p.Id
         where x.ResidentId == residentId
         orderby x.StartDate descending
         select new ResidentPlacement(x.Id, p.Name, x.Kind, p.Owner, x.StartDate, x.PlannedEnd, x.EndedOn, x.ExtendedMonths))
        .ToListAsync(cancellationToken);

    public static string KindText(PostKind kind) => kind == PostKind.PublicWelfare ? "公益性岗位" : "就业见习岗位";

    public static string ExitReasonText(PlacementExitReason reason) => reason switch
    {
        PlacementExitReason.TermEnded => "期满",
        PlacementExitReason.FoundStableJob => "实现稳定就业",
        PlacementExitReason.Resigned => "本人辞职",
        PlacementExitReason.Dismissed => "考核不合格解除",
        _ => "其他",
    };

    private static string Mask(string idNumber) =>
        IdCardNumber.TryParse(idNumber, out var parsed, out _) ? parsed.Masked : new string('*', idNumber.Length);
}
