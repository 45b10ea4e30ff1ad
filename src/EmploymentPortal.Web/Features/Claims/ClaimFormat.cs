using System.Globalization;
using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Policies;

namespace EmploymentPortal.Web.Features.Claims;

/// <summary>Chinese labels and money formatting for claims (pages, notifications, exports).</summary>
public static class ClaimFormat
{
    public static string Yuan(long? fen) =>
        fen is { } f ? string.Create(CultureInfo.InvariantCulture, $"{f / 100m:#,##0.00} 元") : "—";

    public static decimal ToYuan(long fen) => fen / 100m;

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
        BenefitKinds.SocialInsurance => "社会保险补贴",
        BenefitKinds.FlexibleEmploymentSocialInsurance => "灵活就业社会保险补贴",
        BenefitKinds.Training => "职业培训补贴",
        BenefitKinds.Entrepreneurship => "一次性创业补贴",
        BenefitKinds.UnemploymentSubsidy => "失业补助金",
        _ => benefit,
    };

    /// <summary>张三 → 张*, 欧阳小明 → 欧***: the public notice shows only the family name's first character.</summary>
    public static string MaskName(string name) =>
        string.IsNullOrEmpty(name) ? string.Empty : name[..1] + new string('*', Math.Max(1, name.Length - 1));
}
