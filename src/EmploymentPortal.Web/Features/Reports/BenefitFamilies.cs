using EmploymentPortal.Policies;

namespace EmploymentPortal.Web.Features.Reports;

/// <summary>
/// The families the bureau's report groups subsidies in (补贴类别). The grouping is the portal's,
/// for reading a report; each benefit is in one family, and a benefit the list does not know is
/// reported under 其他 rather than dropped.
/// </summary>
public static class BenefitFamilies
{
    public sealed record Family(string Key, string Label, IReadOnlyList<string> Benefits);

    public const string OtherKey = "other";

    public static IReadOnlyList<Family> All { get; } =
    [
        new("absorption", "吸纳就业与社保类", [BenefitKinds.Absorption, BenefitKinds.StableEmployment, BenefitKinds.SocialInsurance, BenefitKinds.FlexibleEmploymentSocialInsurance, BenefitKinds.PensionInsuranceSubsidy, BenefitKinds.JobSeekingSubsidy]),
        new("post", "岗位类（公益性岗位、见习、临时性岗位）", [BenefitKinds.PublicWelfarePost, BenefitKinds.Internship, BenefitKinds.TemporaryPostAward, BenefitKinds.TemporaryPostWage]),
        new("training", "培训类", [BenefitKinds.Training, BenefitKinds.TrainingLivingAllowance, BenefitKinds.TrainingByWork, BenefitKinds.RetentionTraining, BenefitKinds.VocationalStudentGrant]),
        new("entrepreneurship", "创业类", [BenefitKinds.Entrepreneurship, BenefitKinds.SiteRentSubsidy, BenefitKinds.StartupLoan, BenefitKinds.StartupLoanExtension]),
        new("unemployment", "失业保险与生活保障类", [BenefitKinds.JobRetentionRefund, BenefitKinds.UnemploymentSubsidy, BenefitKinds.UnemploymentInsuranceExtension, BenefitKinds.TemporaryLivingAllowance]),
        new("service", "就业服务与社区奖补类", [BenefitKinds.CommunityAward, BenefitKinds.EmploymentServiceSubsidy]),
        new(OtherKey, "其他", []),
    ];

    private static readonly Dictionary<string, string> FamilyOfBenefit =
        All.SelectMany(f => f.Benefits.Select(b => (Benefit: b, f.Key))).ToDictionary(p => p.Benefit, p => p.Key, StringComparer.Ordinal);

    /// <summary>The family key of a claim's benefit; <see cref="OtherKey"/> for one not listed.</summary>
    public static string Of(string benefit) => FamilyOfBenefit.GetValueOrDefault(benefit, OtherKey);
}
