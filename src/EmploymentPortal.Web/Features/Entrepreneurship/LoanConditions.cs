using System.Text.Json.Nodes;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Entrepreneurship;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Policies;
using EmploymentPortal.Policies.Evaluation;
using EmploymentPortal.Policies.Model;
using EmploymentPortal.Web.Features.Policies;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Entrepreneurship;

/// <summary>
/// The documents' conditions of a guaranteed loan, decided by the rules service (no rule logic
/// here): the individual maximum of 邢南政发〔2020〕1号 (十一) (rule <see cref="IndividualRule"/>),
/// the small firms' share of newly hired qualifying people, 20 % and 10 % above 100 employees, of
/// (十) (rule <see cref="SmallEnterpriseRule"/>), and the interest-subsidy share, a local parameter
/// (<see cref="InterestShareParameter"/>) the bureau sets on the policies page.
/// </summary>
public static class LoanConditions
{
    public const string IndividualRule = "nanhe-2020-1.startup-loan-individual";
    public const string SmallEnterpriseRule = "nanhe-2020-1.startup-loan-small-enterprise";
    public const string InterestShareParameter = "nanhe-2020-1.startupLoan.interestSubsidyShare";
    public const string ExtensionRule = "nanhe-2020-1.startup-loan-extension-covid";
    public const string ExtensionMonthsParameter = "nanhe-2020-1.startupLoan.extensionMonths";

    /// <summary>The decision for a business start's loan of <paramref name="amount"/>: the eligibility, or a Chinese refusal.</summary>
    public static (LoanEligibility? Eligibility, string? Refusal) ForBusinessStart(PolicyCatalogueService policies, Money amount, DateOnly today)
    {
        var facts = new JsonObject
        {
            // A resident with a registered business start is an entrepreneur (创业者); whether they
            // meet the lender's other conditions is the guarantee institution's decision, recorded next.
            ["person"] = new JsonObject { ["eligibleEntrepreneur"] = true },
            ["business"] = new JsonObject { ["loanRequestedFen"] = amount.Fen },
        };
        var decision = Evaluate(policies, IndividualRule, facts, today);
        if (decision is null || decision.Outcome != Outcome.Eligible)
        {
            return (null, Reasons(decision, "个人创业担保贷款的条件不满足"));
        }

        var note = Describe(policies, IndividualRule, "个人创业担保贷款", decision.Amount is { } capped && capped < amount ? capped : null);
        var maximum = MaximumOf(policies, "nanhe-2020-1.startupLoan.individualMaximum", today);
        return maximum is { } max && amount > max
            ? (null, $"贷款金额超过个人创业担保贷款最高额度 {max}（{note}）。")
            : (new LoanEligibility(IndividualRule, $"{note}；最高额度 {maximum?.ToString() ?? "未设定"}", maximum), null);
    }

    /// <summary>
    /// The decision for a small firm's loan: its size, employees (the registry's head count) and
    /// the qualifying people it newly hired this calendar year, from its hire records (a hire whose
    /// frozen facts show a key group or registered unemployment).
    /// </summary>
    public static async Task<(LoanEligibility? Eligibility, string? Refusal)> ForSmallEnterpriseAsync(PortalDbContext db, PolicyCatalogueService policies, Enterprise enterprise, Money amount, DateOnly today, CancellationToken cancellationToken)
    {
        var yearStart = new DateOnly(today.Year, 1, 1);
        var hires = await db.Hires.AsNoTracking().Where(h => h.EnterpriseId == enterprise.Id && h.StartDate >= yearStart && h.StartDate <= today)
            .Select(h => new { h.Facts.KeyGroups, h.Facts.StatusBeforeHire }).ToListAsync(cancellationToken);
        var qualifying = hires.Count(h => h.KeyGroups.Count > 0 || h.StatusBeforeHire == EmploymentStatus.RegisteredUnemployed);
        var enterpriseFacts = new JsonObject { ["eligibleNewHiresThisYear"] = qualifying };
        if (enterprise.Size is { } size)
        {
            enterpriseFacts["size"] = size.ToString().ToLowerInvariant();
        }

        if (enterprise.TotalEmployees is { } employees)
        {
            enterpriseFacts["employees"] = employees;
        }

        var decision = Evaluate(policies, SmallEnterpriseRule, new JsonObject { ["enterprise"] = enterpriseFacts }, today);
        if (decision is null || decision.Outcome != Outcome.Eligible)
        {
            var missing = decision?.Outcome == Outcome.NeedsInformation ? "企业登记信息缺少企业规模或职工人数，请企业先补充登记信息。" : null;
            return (null, missing ?? Reasons(decision, "小微企业创业担保贷款的条件不满足"));
        }

        var note = $"{Describe(policies, SmallEnterpriseRule, "小微企业创业担保贷款", null)}；今年新招用符合条件人员 {qualifying} 人，现有职工 {enterprise.TotalEmployees} 人";
        var maximum = decision.Amount;
        return maximum is { } max && amount > max
            ? (null, $"贷款金额超过小微企业创业担保贷款最高额度 {max}。")
            : (new LoanEligibility(SmallEnterpriseRule, $"{note}；最高额度 {maximum?.ToString() ?? "未设定（本地参数）"}", maximum), null);
    }

    /// <summary>
    /// Whether the interest subsidy continues on an extension granted on <paramref name="grantedOn"/>
    /// (rule <see cref="ExtensionRule"/>, 邢南政发〔2020〕1号 (十)): eligible only for a person's loan
    /// whose borrower was infected, while the rule is in force (its end is the bureau's rule end;
    /// past the catalogue's horizon without one it is a manual review, so not granted here).
    /// </summary>
    public static (bool Subsidised, string Note) ExtensionSubsidy(PolicyCatalogueService policies, bool personalLoan, bool borrowerInfected, DateOnly grantedOn)
    {
        var facts = new JsonObject
        {
            ["person"] = new JsonObject { ["hasStartupGuaranteeLoan"] = personalLoan, ["covidInfected"] = borrowerInfected },
        };
        var decision = Evaluate(policies, ExtensionRule, facts, grantedOn);
        var cited = Describe(policies, ExtensionRule, "创业担保贷款展期", null);
        return decision?.Outcome == Outcome.Eligible
            ? (true, $"{cited}：财政部门继续给予贴息支持")
            : (false, Reasons(decision, $"{cited}的条件不满足或规则已截止"));
    }

    /// <summary>The longest extension (startupLoan.extensionMonths, 展期期限原则上不超过1年) on a day; 12 when not found.</summary>
    public static int ExtensionMaximumMonths(PolicyCatalogueService policies, DateOnly date) =>
        policies.Catalogue.Parameters.TryGetValue(ExtensionMonthsParameter, out var parameter) && parameter.ValueAt(date) is { } value ? (int)value.Value : 12;

    /// <summary>The interest-subsidy share in force on <paramref name="date"/> (a ratio), or null while the bureau has set none.</summary>
    public static decimal? InterestShareOn(PolicyCatalogue catalogue, DateOnly date) =>
        catalogue.Parameters.TryGetValue(InterestShareParameter, out var parameter) ? parameter.ValueAt(date)?.Value : null;

    private static RuleDecision? Evaluate(PolicyCatalogueService policies, string ruleId, JsonObject facts, DateOnly today)
    {
        var rule = policies.Catalogue.FindRule(ruleId);
        if (rule is null)
        {
            return null;
        }

        var jurisdiction = policies.Catalogue.DocumentOf(rule).Jurisdictions[0];
        var result = policies.Evaluator.Evaluate(new EvaluationRequest(rule.Benefit, jurisdiction, today, facts, RuleId: ruleId));
        return result.Decisions.FirstOrDefault();
    }

    private static Money? MaximumOf(PolicyCatalogueService policies, string parameterId, DateOnly today) =>
        policies.Catalogue.Parameters.TryGetValue(parameterId, out var parameter) && parameter.ValueAt(today) is { } value
            ? Money.FromYuan(value.Value)
            : null;

    private static string Describe(PolicyCatalogueService policies, string ruleId, string what, Money? cappedAt)
    {
        var rule = policies.Catalogue.FindRule(ruleId)!;
        var document = policies.Catalogue.DocumentOf(rule);
        var cited = $"{what}：{document.DocumentNumber ?? document.Title} {rule.Reference.Section}";
        return cappedAt is { } c ? $"{cited}，以 {c} 为限" : cited;
    }

    private static string Reasons(RuleDecision? decision, string fallback) =>
        decision is { Reasons.Count: > 0 } ? $"{fallback}：{string.Join("；", decision.Reasons)}。" : $"{fallback}。";
}
