using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Policies;

namespace EmploymentPortal.Web.Features.Claims;

/// <summary>Chinese labels and money formatting for claims (pages, notifications, exports).</summary>
public static class ClaimFormat
{
    /// <summary>
    /// The one way a page, message or notification shows money: <see cref="Money.ToString"/>
    /// (<c>¥1,234.50</c>), and "—" for no amount.
    /// </summary>
    public static string Yuan(Money? amount) => amount?.ToString() ?? "—";

    public static string Status(ClaimStatus status) => status switch
    {
        ClaimStatus.Draft => "草稿",
        ClaimStatus.Submitted => "已提交",
        ClaimStatus.UnderReview => "审核中",
        ClaimStatus.AwaitingSecondApproval => "待复核",
        ClaimStatus.Approved => "已批准",
        ClaimStatus.Rejected => "已驳回",
        ClaimStatus.ReturnedForCorrection => "退回补正",
        ClaimStatus.InPaymentBatch => "支付中",
        ClaimStatus.Paid => "已支付",
        ClaimStatus.Withdrawn => "已撤回",
        _ => status.ToString(),
    };

    /// <summary>
    /// A status named in a URL (<c>/claims?status=ReturnedForCorrection</c>): the enum's name in any
    /// case, never a number (which <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/> would take).
    /// </summary>
    public static bool TryParseStatus(string? text, out ClaimStatus status)
    {
        status = default;
        return !string.IsNullOrWhiteSpace(text) && text.Trim().All(char.IsAsciiLetter)
            && Enum.TryParse(text.Trim(), ignoreCase: true, out status) && Enum.IsDefined(status);
    }

    public static string Outcome(ClaimOutcome outcome) => outcome switch
    {
        ClaimOutcome.Eligible => "符合",
        ClaimOutcome.Ineligible => "不符合",
        ClaimOutcome.NeedsInformation => "缺少信息",
        _ => "需人工审核",
    };

    public static string Claimant(ClaimantKind kind) => kind switch
    {
        ClaimantKind.Enterprise => "企业申领",
        ClaimantKind.Station => "服务站代办",
        _ => "经办窗口代办",
    };

    public static string FactSource(string source) => source switch
    {
        "resident-records" => "居民登记记录",
        "recorded-hire" => "录用登记记录",
        "enterprise-stated" => "企业申报（未核验）",
        _ => source,
    };

    public static string Benefit(string benefit) => benefit switch
    {
        BenefitKinds.Absorption => "一次性吸纳就业补贴",
        BenefitKinds.PublicWelfarePost => "公益性岗位补贴",
        BenefitKinds.SocialInsurance => "社会保险补贴",
        BenefitKinds.FlexibleEmploymentSocialInsurance => "灵活就业社会保险补贴",
        BenefitKinds.Internship => "就业见习补贴",
        BenefitKinds.Training => "职业培训补贴",
        BenefitKinds.TrainingLivingAllowance => "培训期间生活费补贴",
        BenefitKinds.TrainingByWork => "以工代训补贴",
        BenefitKinds.RetentionTraining => "一次性留工培训补助",
        BenefitKinds.Entrepreneurship => "一次性创业补贴",
        BenefitKinds.SiteRentSubsidy => "创业场所租赁补贴",
        BenefitKinds.StartupLoan => "创业担保贷款",
        BenefitKinds.StartupLoanExtension => "创业担保贷款展期",
        BenefitKinds.JobRetentionRefund => "失业保险稳岗返还",
        BenefitKinds.UnemploymentSubsidy => "失业补助金",
        BenefitKinds.UnemploymentInsuranceExtension => "失业保险金延长发放",
        BenefitKinds.TemporaryLivingAllowance => "临时生活补助",
        BenefitKinds.StableEmployment => "一次性稳定就业补贴",
        BenefitKinds.TemporaryPostAward => "临时性专项岗位奖补",
        BenefitKinds.TemporaryPostWage => "临时性专项岗位工资",
        BenefitKinds.CommunityAward => "“三公里”充分就业社区奖补",
        BenefitKinds.EmploymentServiceSubsidy => "就业创业服务补助",
        BenefitKinds.JobSeekingSubsidy => "一次性求职补贴",
        BenefitKinds.PensionInsuranceSubsidy => "养老保险费补贴",
        BenefitKinds.VocationalStudentGrant => "国家助学金",
        BenefitKinds.UnemploymentRegistration => "失业登记条件",
        BenefitKinds.UnemploymentRegistrationKept => "保留失业登记的条件",
        _ => benefit,
    };

    /// <summary>张三 → 张*, 欧阳小明 → 欧***: the public notice shows only the family name's first character.</summary>
    public static string MaskName(string name) =>
        string.IsNullOrEmpty(name) ? string.Empty : name[..1] + new string('*', Math.Max(1, name.Length - 1));
}
