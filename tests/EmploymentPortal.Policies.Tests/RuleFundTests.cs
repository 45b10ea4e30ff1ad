using EmploymentPortal.Policies.Loading;
using EmploymentPortal.Policies.Model;

namespace EmploymentPortal.Policies.Tests;

/// <summary>
/// The fund a rule's money comes from (所需资金从…列支), kept only where a document names it, with
/// the words checked like every reference (issue 17's report by fund).
/// </summary>
public class RuleFundTests
{
    /// <summary>The loader refusal tests' valid catalogue with <paramref name="fund"/> on its rule.</summary>
    private static PolicyCatalogue Load(string fund)
    {
        const string RulePeriods = "    periods:\n      - from: 2020-01-01\n        until: 2020-12-31";
        Assert.Contains(RulePeriods, LoaderRefusalTests.ValidDocument, StringComparison.Ordinal);
        var yaml = LoaderRefusalTests.ValidDocument.Replace(RulePeriods, "    " + fund + "\n" + RulePeriods, StringComparison.Ordinal);
        return PolicyCatalogue.Load([new CatalogueSource("inline.yaml", yaml)], CatalogueFixture.PolicyTextDirectory);
    }

    [Theory]
    [InlineData("jieshou-2022.retention-training", FundSource.UnemploymentInsuranceFund, "所需资金由失业保险基金承当")]
    [InlineData("jieshou-2022.community-award", FundSource.LocalFiscal, "所需资金从地方财政资金列支")]
    [InlineData("jieshou-2022.stable-employment", FundSource.EmploymentSubsidyFund, "所需资金由就业补助资金列支")]
    [InlineData("nanhe-2020-1.temporary-post-subsidy", FundSource.EmploymentSubsidyFund, "所需资金可从就业补助资金中列支")]
    public void A_rule_whose_document_names_its_fund_carries_it_with_the_words(string ruleId, FundSource source, string quote)
    {
        var rule = Assert.Single(CatalogueFixture.Embedded.Rules, r => r.Id == ruleId);

        Assert.Equal(source, rule.FundSource);
        Assert.Equal(quote, rule.Fund!.Reference.Quote);
    }

    [Fact]
    public void A_rule_whose_document_names_no_fund_says_so()
    {
        var rule = Assert.Single(CatalogueFixture.Embedded.Rules, r => r.Id == "nanhe-2020-1.absorption-long-term-unemployed");

        Assert.Null(rule.Fund);
        Assert.Equal(FundSource.NotStated, rule.FundSource);
    }

    [Fact]
    public void A_fund_in_the_words_of_the_document_loads()
    {
        var rule = Assert.Single(Load("fund: {source: employmentSubsidyFund, reference: {section: \"(二十四)\", quote: \"所需资金可从就业补助资金中列支\"}}").Rules);

        Assert.Equal(FundSource.EmploymentSubsidyFund, rule.FundSource);
    }

    [Fact]
    public void An_unknown_fund_source_is_refused()
    {
        var error = Assert.Throws<PolicyCatalogueException>(() => Load("fund: {source: centralBudget, reference: {section: \"(二十四)\", quote: \"所需资金可从就业补助资金中列支\"}}"));

        Assert.Contains(error.Errors, e => e.Contains("fund source 'centralBudget'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_fund_whose_words_are_not_in_the_document_is_refused()
    {
        var error = Assert.Throws<PolicyCatalogueException>(() => Load("fund: {source: localFiscal, reference: {section: \"(二十四)\", quote: \"所需资金从中央财政资金列支\"}}"));

        Assert.Contains(error.Errors, e => e.Contains("fund", StringComparison.Ordinal) && e.Contains("中央财政", StringComparison.Ordinal));
    }
}
