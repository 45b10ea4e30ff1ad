using System.Globalization;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Circles;

/// <summary>
/// What the scorer knows of a jobseeker. Every field is optional: the lead fills the occupation,
/// wage and work types from the resident's job-seeking profile when it exists; until then they
/// are null and simply do not count.
/// </summary>
public sealed record JobseekerProfile(
    GeoPoint? Home,
    OccupationGroup? OccupationGroup = null,
    string? Occupation = null,
    Money? DesiredMonthlyWage = null,
    IReadOnlySet<WorkType>? WorkTypes = null,
    bool IsDisabled = false,
    bool IsOlderWorker = false,
    bool IsRecentGraduate = false);

/// <summary>What the scorer needs of a vacancy.</summary>
public sealed record VacancyFacts(
    Guid Id,
    GeoPoint Location,
    OccupationGroup OccupationGroup,
    string Occupation,
    Money WageMin,
    Money WageMax,
    WorkType WorkType,
    bool AcceptsDisabled,
    bool AcceptsOlderWorkers,
    bool NoExperienceRequired);

/// <summary>A scored match: 0..100 points and the reason in Chinese, parts joined by “ · ”.</summary>
public sealed record JobMatch(Guid VacancyId, double DistanceKm, int Score, string Reason, IReadOnlyList<string> Parts);

/// <summary>
/// Ranks jobs for a jobseeker (and jobseekers for a job) inside the circle. Points:
/// distance up to 40 (linear, 40 at the door, 0 at the radius), occupation 25 (same occupation)
/// or 15 (same occupation group), wage 15 (the vacancy's maximum reaches the desired wage) or 5
/// (its minimum within 20 % below), work type 10, key-group friendliness 10 (accepts disabled
/// people or older workers, or needs no experience for a recent graduate). Unknown preferences
/// score nothing and say nothing: a profile with only a home ranks by distance.
/// </summary>
public static class JobMatching
{
    public const int DistancePoints = 40;
    public const int SameOccupationPoints = 25;
    public const int SameGroupPoints = 15;
    public const int WagePoints = 15;
    public const int WageNearPoints = 5;
    public const int WorkTypePoints = 10;
    public const int FriendlyPoints = 10;

    /// <summary>Scores one vacancy; null when the jobseeker has no home or the job is beyond the radius.</summary>
    public static JobMatch? Score(JobseekerProfile seeker, VacancyFacts job, double radiusKm)
    {
        var parts = new List<string>(6);
        return Points(seeker, job, radiusKm, parts) is { } p
            ? new JobMatch(job.Id, p.DistanceKm, p.Score, string.Join(" · ", parts), parts)
            : null;
    }

    /// <summary>
    /// The <paramref name="count"/> best of <paramref name="jobs"/>, in <see cref="Rank"/>'s order:
    /// every job is scored without building its reason, and only the ones returned get theirs.
    /// </summary>
    public static IReadOnlyList<JobMatch> Top(JobseekerProfile seeker, IReadOnlyList<VacancyFacts> jobs, double radiusKm, int count)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var scored = new List<(int Score, double DistanceKm, Guid Id, int Index)>(jobs.Count);
        for (var i = 0; i < jobs.Count; i++)
        {
            if (Points(seeker, jobs[i], radiusKm, null) is { } p)
            {
                scored.Add((p.Score, p.DistanceKm, jobs[i].Id, i));
            }
        }

        var best = Selection.Smallest(scored, Math.Max(0, count), BestFirst);
        return best.ConvertAll(s => Score(seeker, jobs[s.Index], radiusKm)!);
    }

    private static readonly Comparer<(int Score, double DistanceKm, Guid Id, int Index)> BestFirst = Comparer<(int Score, double DistanceKm, Guid Id, int Index)>.Create(
        static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.DistanceKm != b.DistanceKm ? a.DistanceKm.CompareTo(b.DistanceKm) : a.Id.CompareTo(b.Id));

    /// <summary>The points and distance of a job, and the reason's parts when <paramref name="parts"/> is given.</summary>
    private static (int Score, double DistanceKm)? Points(JobseekerProfile seeker, VacancyFacts job, double radiusKm, List<string>? parts)
    {
        ArgumentNullException.ThrowIfNull(seeker);
        ArgumentNullException.ThrowIfNull(job);
        if (seeker.Home is not { } home)
        {
            return null;
        }

        var distance = home.DistanceKmTo(job.Location);
        if (distance > radiusKm)
        {
            return null;
        }

        parts?.Add(string.Create(CultureInfo.InvariantCulture, $"{distance:0.0} km"));
        var score = radiusKm <= 0 ? DistancePoints : DistancePoints * (1 - (distance / radiusKm));

        if (!string.IsNullOrWhiteSpace(seeker.Occupation) && string.Equals(seeker.Occupation.Trim(), job.Occupation.Trim(), StringComparison.Ordinal))
        {
            score += SameOccupationPoints;
            parts?.Add("同职业");
        }
        else if (seeker.OccupationGroup is { } group && group == job.OccupationGroup)
        {
            score += SameGroupPoints;
            parts?.Add("同职业大类");
        }

        if (seeker.DesiredMonthlyWage is { } wage)
        {
            if (job.WageMax >= wage)
            {
                score += WagePoints;
                parts?.Add("薪资符合");
            }
            else if (job.WageMax * 10 >= wage * 8)
            {
                score += WageNearPoints;
                parts?.Add("薪资接近");
            }
        }

        if (seeker.WorkTypes is { Count: > 0 } types && types.Contains(job.WorkType))
        {
            score += WorkTypePoints;
            parts?.Add("用工形式符合");
        }

        if (seeker.IsDisabled && job.AcceptsDisabled)
        {
            score += FriendlyPoints;
            parts?.Add("接受残疾人");
        }
        else if (seeker.IsOlderWorker && job.AcceptsOlderWorkers)
        {
            score += FriendlyPoints;
            parts?.Add("接受大龄");
        }
        else if (seeker.IsRecentGraduate && job.NoExperienceRequired)
        {
            score += FriendlyPoints;
            parts?.Add("无经验可");
        }

        return ((int)Math.Round(score, MidpointRounding.AwayFromZero), distance);
    }

    /// <summary>Scores and ranks: highest score first, then nearest, then by id for a stable order.</summary>
    public static IReadOnlyList<JobMatch> Rank(JobseekerProfile seeker, IEnumerable<VacancyFacts> jobs, double radiusKm) =>
        jobs.Select(j => Score(seeker, j, radiusKm))
            .OfType<JobMatch>()
            .OrderByDescending(m => m.Score)
            .ThenBy(m => m.DistanceKm)
            .ThenBy(m => m.VacancyId)
            .ToList();
}
