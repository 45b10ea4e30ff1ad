namespace EmploymentPortal.Policies;

/// <summary>
/// The stable kebab-case ids of benefit kinds, as the API and the catalogue spell them. A rule
/// with a kind not listed here is refused by the loader, so a typo cannot hide a rule.
/// </summary>
public static class BenefitKinds
{
    /// <summary>一次性吸纳就业补贴</summary>
    public const string Absorption = "absorption";
    /// <summary>公益性岗位补贴 (岗位补贴)</summary>
    public const string PublicWelfarePost = "public-welfare-post";
    /// <summary>社会保险补贴 (单位或公益性岗位)</summary>
    public const string SocialInsurance = "social-insurance";
    /// <summary>灵活就业社会保险补贴</summary>
    public const string FlexibleEmploymentSocialInsurance = "flexible-employment-social-insurance";
    /// <summary>就业见习补贴</summary>
    public const string Internship = "internship";
    /// <summary>职业培训补贴</summary>
    public const string Training = "training";
    /// <summary>培训期间生活费补贴</summary>
    public const string TrainingLivingAllowance = "training-living-allowance";
    /// <summary>以工代训补贴</summary>
    public const string TrainingByWork = "training-by-work";
    /// <summary>一次性留工培训补助</summary>
    public const string RetentionTraining = "retention-training";
    /// <summary>一次性创业补贴</summary>
    public const string Entrepreneurship = "entrepreneurship";
    /// <summary>创业场所租赁补贴 (场租补贴)</summary>
    public const string SiteRentSubsidy = "site-rent-subsidy";
    /// <summary>创业担保贷款</summary>
    public const string StartupLoan = "startup-loan";
    /// <summary>创业担保贷款展期</summary>
    public const string StartupLoanExtension = "startup-loan-extension";
    /// <summary>失业保险稳岗返还</summary>
    public const string JobRetentionRefund = "job-retention-refund";
    /// <summary>失业补助金</summary>
    public const string UnemploymentSubsidy = "unemployment-subsidy";
    /// <summary>失业保险金延长发放至法定退休年龄</summary>
    public const string UnemploymentInsuranceExtension = "unemployment-insurance-extension";
    /// <summary>临时生活补助</summary>
    public const string TemporaryLivingAllowance = "temporary-living-allowance";
    /// <summary>一次性稳定就业补贴</summary>
    public const string StableEmployment = "stable-employment";
    /// <summary>临时性专项岗位奖补</summary>
    public const string TemporaryPostAward = "temporary-post-award";
    /// <summary>临时性专项岗位工资</summary>
    public const string TemporaryPostWage = "temporary-post-wage";
    /// <summary>“三公里”充分就业社区奖补</summary>
    public const string CommunityAward = "community-award";
    /// <summary>就业创业服务补助</summary>
    public const string EmploymentServiceSubsidy = "employment-service-subsidy";
    /// <summary>一次性求职补贴</summary>
    public const string JobSeekingSubsidy = "job-seeking-subsidy";
    /// <summary>养老保险费补贴 (大龄领取失业保险金人员)</summary>
    public const string PensionInsuranceSubsidy = "pension-insurance-subsidy";
    /// <summary>国家助学金 (中等职业学校)</summary>
    public const string VocationalStudentGrant = "vocational-student-grant";

    /// <summary>失业登记条件: who may be registered as unemployed (not a benefit; no claim is made for it).</summary>
    public const string UnemploymentRegistration = "unemployment-registration";
    /// <summary>保留失业登记的条件: a registered person who no longer meets them leaves the register (注销).</summary>
    public const string UnemploymentRegistrationKept = "unemployment-registration-kept";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Absorption, PublicWelfarePost, SocialInsurance, FlexibleEmploymentSocialInsurance, Internship,
        Training, TrainingLivingAllowance, TrainingByWork, RetentionTraining, Entrepreneurship,
        SiteRentSubsidy, StartupLoan, StartupLoanExtension, JobRetentionRefund, UnemploymentSubsidy,
        UnemploymentInsuranceExtension, TemporaryLivingAllowance, StableEmployment, TemporaryPostAward,
        TemporaryPostWage, CommunityAward, EmploymentServiceSubsidy, JobSeekingSubsidy,
        PensionInsuranceSubsidy, VocationalStudentGrant,
    };

    /// <summary>
    /// The kinds of the unemployment register (失业登记): decided by the same rules service, but no
    /// benefit, so they are not in <see cref="All"/> (claims, ceilings, the sandbox and what-if list
    /// <see cref="All"/>).
    /// </summary>
    public static IReadOnlySet<string> Register { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        UnemploymentRegistration, UnemploymentRegistrationKept,
    };

    /// <summary>Every kind a catalogue rule may have: the benefits and the register's kinds.</summary>
    public static IReadOnlySet<string> Known { get; } = new HashSet<string>(All.Concat(Register), StringComparer.Ordinal);
}
