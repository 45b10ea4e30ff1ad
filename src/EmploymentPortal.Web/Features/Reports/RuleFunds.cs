using EmploymentPortal.Policies.Model;
using EmploymentPortal.Web.Features.Policies;

namespace EmploymentPortal.Web.Features.Reports;

/// <summary>
/// The fund each rule's money comes from, as its document names it (所需资金从…列支; the rules
/// catalogue's <c>fund</c>), for the report by fund: a claim is counted under the fund of the rule
/// it was decided by; a rule whose document names none is counted under 文件未注明.
/// </summary>
public sealed class RuleFunds
{
    private readonly Dictionary<string, FundSource> _byRule;

    public RuleFunds(PolicyCatalogueService catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        _byRule = catalogue.BaseCatalogue.Rules.ToDictionary(r => r.Id, r => r.FundSource, StringComparer.Ordinal);
    }

    /// <summary>The funds in the order the report lists them.</summary>
    public static IReadOnlyList<FundSource> All { get; } =
        [FundSource.EmploymentSubsidyFund, FundSource.UnemploymentInsuranceFund, FundSource.LocalFiscal, FundSource.NotStated];

    public FundSource Of(string ruleId) => _byRule.GetValueOrDefault(ruleId, FundSource.NotStated);

    public static string Key(FundSource fund) => fund switch
    {
        FundSource.EmploymentSubsidyFund => "employmentSubsidyFund",
        FundSource.UnemploymentInsuranceFund => "unemploymentInsuranceFund",
        FundSource.LocalFiscal => "localFiscal",
        _ => "notStated",
    };

    public static string Label(FundSource fund) => fund switch
    {
        FundSource.EmploymentSubsidyFund => "就业补助资金",
        FundSource.UnemploymentInsuranceFund => "失业保险基金",
        FundSource.LocalFiscal => "地方财政资金",
        _ => "文件未注明",
    };
}
