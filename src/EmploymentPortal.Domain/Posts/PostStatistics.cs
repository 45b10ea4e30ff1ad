namespace EmploymentPortal.Domain.Posts;

/// <summary>
/// The two figures the bureau watches on subsidised posts, each with its threshold in whole
/// percent and integer arithmetic, so the boundary (exactly 20 %, exactly 50 %) is never lost to
/// rounding.
/// </summary>
public static class PostStatistics
{
    /// <summary>
    /// Tongren: 每年安排不低于20%的公益性岗位用于解决搬迁群众就业问题
    /// (004 铜仁市“十四五”促进城乡就业创业规划, 第四章 三、3 完善易地搬迁就业创业服务体系).
    /// </summary>
    public const int RelocatedShareTargetPercent = 20;

    /// <summary>Nanhe: 对见习后留用率50%以上的见习单位，补贴标准提高10% (001 邢南政发〔2020〕1号 (十四)).</summary>
    public const int RetentionBonusThresholdPercent = 50;

    /// <summary>
    /// Public-welfare posts held in <paramref name="year"/> (placements running on some day of it)
    /// and how many of them by residents who were relocated when placed.
    /// </summary>
    public static RelocatedShare RelocatedShareIn(IEnumerable<PostPlacement> placements, int year)
    {
        var held = placements.Where(p => p.Kind == PostKind.PublicWelfare && p.HeldIn(year)).ToList();
        return new RelocatedShare(year, held.Count, held.Count(p => p.WasRelocatedResident));
    }

    /// <summary>Completion and retention of an internship cohort, over the interns who have left.</summary>
    public static InternshipOutcome InternshipOutcomeOf(IEnumerable<PostPlacement> cohort)
    {
        var interns = cohort.Where(p => p.Kind == PostKind.Internship).ToList();
        var ended = interns.Where(p => p.EndedOn is not null).ToList();
        return new InternshipOutcome(interns.Count, ended.Count, ended.Count(p => p.Completed), ended.Count(p => p.Retained));
    }
}

/// <summary>The share of a year's public-welfare posts held by relocated residents.</summary>
public sealed record RelocatedShare(int Year, int PostsHeld, int HeldByRelocated)
{
    /// <summary>Percent, rounded down to one decimal for display; null without posts.</summary>
    public decimal? Percent => PostsHeld == 0 ? null : Math.Floor(HeldByRelocated * 1000m / PostsHeld) / 10m;

    /// <summary>At least 20 % (a year without posts has nothing to meet).</summary>
    public bool MeetsTarget => PostsHeld > 0 && HeldByRelocated * 100 >= PostStatistics.RelocatedShareTargetPercent * PostsHeld;
}

/// <summary>
/// An internship cohort: interns placed, interns who left, of them those who completed the
/// internship and those the host retained (留用, before or at the end).
/// </summary>
public sealed record InternshipOutcome(int Interns, int Ended, int Completed, int Retained)
{
    /// <summary>Completed ÷ ended, percent rounded down to one decimal; null before anyone left.</summary>
    public decimal? CompletionPercent => Ended == 0 ? null : Math.Floor(Completed * 1000m / Ended) / 10m;

    /// <summary>留用率: retained ÷ ended, percent rounded down to one decimal; null before anyone left.</summary>
    public decimal? RetentionPercent => Ended == 0 ? null : Math.Floor(Retained * 1000m / Ended) / 10m;

    /// <summary>留用率50%以上: the internship subsidy of the host rises by 10 % (001 (十四)).</summary>
    public bool QualifiesForRetentionBonus => Ended > 0 && Retained * 100 >= PostStatistics.RetentionBonusThresholdPercent * Ended;
}

/// <summary>
/// The yearly development quotas of subsidised posts (Jieshou 2022, 002 二(一)3 每年开发公益性岗位390个
/// 以上; 二(二)1 每年募集青年就业见习岗位638个左右); configurable per jurisdiction.
/// </summary>
public sealed record PostQuotas(int PublicWelfarePerYear = 390, int InternshipPerYear = 638);

/// <summary>The posts a year's programmes develop, by kind, against the quotas.</summary>
public sealed record PostDevelopment(int Year, int PublicWelfarePosts, int InternshipPosts, PostQuotas Quotas)
{
    public bool PublicWelfareMet => PublicWelfarePosts >= Quotas.PublicWelfarePerYear;

    public bool InternshipMet => InternshipPosts >= Quotas.InternshipPerYear;

    /// <summary>The posts of the programmes of <paramref name="year"/>, by kind.</summary>
    public static PostDevelopment Of(int year, IEnumerable<PostProgramme> programmes, PostQuotas quotas)
    {
        var ofYear = programmes.Where(p => p.Year == year).ToList();
        return new PostDevelopment(
            year,
            ofYear.Where(p => p.Kind == PostKind.PublicWelfare).Sum(p => p.Posts),
            ofYear.Where(p => p.Kind == PostKind.Internship).Sum(p => p.Posts),
            quotas);
    }
}
