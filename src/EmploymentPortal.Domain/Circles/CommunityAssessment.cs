using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Circles;

/// <summary>
/// The monthly assessment of one community against the standard in force (月度评估). Recomputing
/// a month replaces its figures (<see cref="Update"/>); a community whose latest assessment meets
/// the standard is a recognised “三公里”充分就业社区 (the ≥ 6000 CNY/year award of 002 三(一) is
/// claimed through the claims workflow, not here).
/// </summary>
public sealed class CommunityAssessment : AggregateRoot
{
    private CommunityAssessment()
    {
        Summary = string.Empty;
    }

    public CommunityAssessment(Guid communityId, DateOnly month, CircleAssessment assessment, double radiusKm, DateTimeOffset assessedAt)
    {
        CommunityId = communityId;
        Month = new DateOnly(month.Year, month.Month, 1);
        Summary = string.Empty;
        Update(assessment, radiusKm, assessedAt);
    }

    public Guid CommunityId { get; private set; }

    /// <summary>The first day of the assessed month.</summary>
    public DateOnly Month { get; private set; }

    public int WorkingAgeResidents { get; private set; }

    public int RegisteredUnemployed { get; private set; }

    public int FollowedUp { get; private set; }

    public int? ZeroEmploymentFamilies { get; private set; }

    public int OpeningsWithinRadius { get; private set; }

    public double RadiusKm { get; private set; }

    public decimal UnemploymentRatePercent { get; private set; }

    public decimal FollowUpCoveragePercent { get; private set; }

    public decimal OpeningsPerUnemployed { get; private set; }

    public bool MeetsStandard { get; private set; }

    /// <summary>The checks in words, one line each (what the dashboard shows).</summary>
    public string Summary { get; private set; }

    public DateTimeOffset AssessedAt { get; private set; }

    public void Update(CircleAssessment assessment, double radiusKm, DateTimeOffset assessedAt)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var i = assessment.Indicators;
        WorkingAgeResidents = i.WorkingAgeResidents;
        RegisteredUnemployed = i.RegisteredUnemployed;
        FollowedUp = i.FollowedUpThisMonth;
        ZeroEmploymentFamilies = i.ZeroEmploymentFamilies;
        OpeningsWithinRadius = i.OpeningsWithinRadius;
        RadiusKm = radiusKm;
        UnemploymentRatePercent = i.UnemploymentRatePercent;
        FollowUpCoveragePercent = i.FollowUpCoveragePercent;
        OpeningsPerUnemployed = i.OpeningsPerUnemployed;
        MeetsStandard = assessment.MeetsStandard;
        Summary = string.Join("\n", assessment.Checks.Select(c => $"{(c.Result switch { CheckResult.Met => "✓", CheckResult.NotMet => "✗", _ => "–" })} {c.Name}：{c.Explanation}"));
        AssessedAt = assessedAt;
    }
}
