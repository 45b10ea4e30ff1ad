using EmploymentPortal.Domain.Entrepreneurship;
using Microsoft.Extensions.Localization;

namespace EmploymentPortal.Web.Features.Entrepreneurship;

/// <summary>The words the pages use for the entrepreneurship enums (Chinese keys, translated by the resources).</summary>
public static class LoanWords
{
    public static string Status(IStringLocalizer l, LoanStatus status) => status switch
    {
        LoanStatus.Applied => l["已申请"],
        LoanStatus.GuaranteeApproved => l["担保机构同意担保"],
        LoanStatus.GuaranteeRefused => l["担保机构不同意"],
        LoanStatus.BankApproved => l["银行审批同意"],
        LoanStatus.BankRefused => l["银行不同意"],
        LoanStatus.Repaying => l["还款中"],
        LoanStatus.Overdue => l["逾期"],
        LoanStatus.Defaulted => l["违约代偿"],
        _ => l["已结清"],
    };

    public static string BusinessType(IStringLocalizer l, BusinessType type) => type switch
    {
        Domain.Entrepreneurship.BusinessType.IndividualBusiness => l["个体工商户"],
        Domain.Entrepreneurship.BusinessType.Company => l["企业（公司）"],
        Domain.Entrepreneurship.BusinessType.FarmersCooperative => l["农民专业合作社"],
        _ => l["其他"],
    };

    public static string Applicant(IStringLocalizer l, LoanApplicantKind kind) => kind == LoanApplicantKind.BusinessStart ? l["个人（创业实体）"] : l["小微企业"];

    public static string Subsidy(IStringLocalizer l, SubsidyState state) => state switch
    {
        SubsidyState.ShareNotSet => l["贴息比例未设定"],
        SubsidyState.NotYetDue => l["未到期"],
        SubsidyState.AwaitingRepayment => l["已到期、待还款"],
        SubsidyState.Payable => l["已还款、可贴息"],
        _ => l["违约代偿，不贴息"],
    };
}
