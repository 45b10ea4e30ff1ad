using EmploymentPortal.Policies.Loading;

namespace EmploymentPortal.Policies.Tests;

/// <summary>The loader fails loudly: each refusal with a small inline catalogue.</summary>
public class LoaderRefusalTests
{
    /// <summary>A small valid catalogue: one document, one parameter, one rule (RuleFundTests builds on it too).</summary>
    internal const string ValidDocument = """
        document:
          id: test-doc
          issuer: 邢台市南和区人民政府
          title: 测试
          date: 2020-07-27
          dated: {section: "落款", quote: "2020年7月27日"}
          jurisdictions: ["130506"]
          sourceFile: 001_4804ea4ffb61eafb.txt
        parameters:
          - id: rate
            unit: cny
            description: rate
            values:
              - from: 2020-01-01
                value: 1000
                reference: {section: "(十)", quote: "按每人1000元标准给予一次性吸纳就业补贴"}
                inferred: the figure has no date of its own; it applies with the rule
        rules:
          - id: absorption
            title: 一次性吸纳就业补贴
            benefit: absorption
            beneficiary: enterprise
            reference: {section: "(十)", quote: "按每人1000元标准给予一次性吸纳就业补贴"}
            periods:
              - from: 2020-01-01
                until: 2020-12-31
                reference: {section: "(十)", quote: "实施期限为2020年1月1日至12月31日"}
            conditions:
              - check: isTrue
                args: {fact: hire.socialInsurancePaid}
                reference: {section: "(十)", quote: "并按规定缴纳社会保险的"}
            amount: {kind: perPerson, rate: rate}
        """;

    private static PolicyCatalogue Load(string yaml) =>
        PolicyCatalogue.Load([new CatalogueSource("inline.yaml", yaml)], CatalogueFixture.PolicyTextDirectory);

    private static PolicyCatalogueException Refuse(string yaml) =>
        Assert.Throws<PolicyCatalogueException>(() => Load(yaml));

    [Fact]
    public void ValidInlineCatalogue_Loads()
    {
        var catalogue = Load(ValidDocument);

        Assert.Equal("test-doc.absorption", Assert.Single(catalogue.Rules).Id);
    }

    [Fact]
    public void UnknownKey_IsRefused()
    {
        var yaml = ValidDocument.Replace("    benefit: absorption", "    benefit: absorption\n    amountNotStatde: true");

        var error = Refuse(yaml);

        Assert.Contains(error.Errors, e => e.Contains("amountNotStatde", StringComparison.Ordinal));
    }

    [Fact]
    public void RuleWithoutReference_IsRefused()
    {
        var yaml = ValidDocument.Replace("    reference: {section: \"(十)\", quote: \"按每人1000元标准给予一次性吸纳就业补贴\"}\n    periods:", "    periods:");

        var error = Refuse(yaml);

        Assert.Contains(error.Errors, e => e.Contains("rule 'test-doc.absorption'", StringComparison.Ordinal) && e.Contains("no reference", StringComparison.Ordinal));
    }

    [Fact]
    public void ConditionWithoutReference_IsRefused()
    {
        var yaml = ValidDocument.Replace("        reference: {section: \"(十)\", quote: \"并按规定缴纳社会保险的\"}\n", "");

        var error = Refuse(yaml);

        Assert.Contains(error.Errors, e => e.Contains("condition 'isTrue'", StringComparison.Ordinal) && e.Contains("no reference", StringComparison.Ordinal));
    }

    [Fact]
    public void OverlappingParameterValues_AreRefused()
    {
        var yaml = ValidDocument.Replace(
            "        value: 1000\n",
            "        until: 2020-12-31\n        value: 1000\n        reference: {section: \"(十)\", quote: \"按每人1000元标准给予一次性吸纳就业补贴\"}\n      - from: 2020-06-01\n        value: 1200\n");

        var error = Refuse(yaml);

        Assert.Contains(error.Errors, e => e.Contains("parameter 'rate'", StringComparison.Ordinal) && e.Contains("overlaps", StringComparison.Ordinal));
    }

    [Fact]
    public void TwoParameterValuesFromTheSameDay_AreRefused()
    {
        var yaml = ValidDocument.Replace(
            "        value: 1000\n",
            "        value: 1000\n        reference: {section: \"(十)\", quote: \"按每人1000元标准给予一次性吸纳就业补贴\"}\n      - from: 2020-01-01\n        value: 1200\n");

        var error = Refuse(yaml);

        Assert.Contains(error.Errors, e => e.Contains("overlaps", StringComparison.Ordinal));
    }

    [Fact]
    public void OverlappingRulePeriods_AreRefused()
    {
        var yaml = ValidDocument.Replace(
            "        until: 2020-12-31\n        reference: {section: \"(十)\", quote: \"实施期限为2020年1月1日至12月31日\"}\n",
            "        until: 2020-12-31\n        reference: {section: \"(十)\", quote: \"实施期限为2020年1月1日至12月31日\"}\n      - from: 2020-12-01\n        reference: {section: \"(十)\", quote: \"实施期限为2020年1月1日至12月31日\"}\n");

        var error = Refuse(yaml);

        Assert.Contains(error.Errors, e => e.Contains("periods", StringComparison.Ordinal) && e.Contains("overlaps", StringComparison.Ordinal));
    }

    [Fact]
    public void QuoteNotInTheCitedFile_IsRefused()
    {
        var yaml = ValidDocument.Replace("按每人1000元标准给予一次性吸纳就业补贴\"}\n    periods", "按每人2000元标准给予一次性吸纳就业补贴\"}\n    periods");

        var error = Refuse(yaml);

        Assert.Contains(error.Errors, e => e.Contains("按每人2000元", StringComparison.Ordinal) && e.Contains("does not occur", StringComparison.Ordinal));
    }

    [Fact]
    public void QuoteSplitByALineBreakInTheFile_IsAccepted()
    {
        // 002 breaks "一次性留工培训补助" as "一 次性留工培训补助" across a PDF line; whitespace is normalised.
        var yaml = ValidDocument
            .Replace("sourceFile: 001_4804ea4ffb61eafb.txt", "sourceFile: 002_75d7a3de9afe1312.txt")
            .Replace("{section: \"(十)\", quote: \"按每人1000元标准给予一次性吸纳就业补贴\"}", "{section: \"三、(三)\", quote: \"按500元/人标准发放一次性留工培训补助\"}")
            .Replace("{section: \"(十)\", quote: \"实施期限为2020年1月1日至12月31日\"}", "{section: \"三、(三)\", quote: \"2022年,因疫情防控实施静态管理7日以上的县(市、区)\"}")
            .Replace("from: 2020-01-01\n        until: 2020-12-31", "from: 2022-01-01\n        until: 2022-12-31")
            .Replace("  dated: {section: \"落款\", quote: \"2020年7月27日\"}", "  dateInferred: a test document under another file")
            .Replace("{section: \"(十)\", quote: \"并按规定缴纳社会保险的\"}", "{section: \"三、(三)\", quote: \"依据参加失业保险职工人数\"}");

        var catalogue = Load(yaml);

        Assert.Single(catalogue.Rules);
    }

    [Fact]
    public void QuoteWithDifferentPunctuation_IsRefused()
    {
        // Only whitespace is normalised: a full-width parenthesis is not the ASCII one in the file.
        var yaml = ValidDocument.Replace("quote: \"并按规定缴纳社会保险的\"", "quote: \"（十）对企业吸纳\"");

        var error = Refuse(yaml);

        Assert.Contains(error.Errors, e => e.Contains("（十）", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownConditionCheck_IsRefused()
    {
        var yaml = ValidDocument.Replace("check: isTrue", "check: isTruthy");

        var error = Refuse(yaml);

        Assert.Contains(error.Errors, e => e.Contains("isTruthy", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownBenefitKind_IsRefused()
    {
        var yaml = ValidDocument.Replace("benefit: absorption", "benefit: absorbtion");

        var error = Refuse(yaml);

        Assert.Contains(error.Errors, e => e.Contains("absorbtion", StringComparison.Ordinal));
    }

    [Fact]
    public void PeriodStartNotInTheWordsItCites_IsRefused()
    {
        var yaml = ValidDocument.Replace("quote: \"实施期限为2020年1月1日至12月31日\"", "quote: \"按每人1000元标准给予一次性吸纳就业补贴,实施期限为2020年1月1日至12月31日\"")
            .Replace("from: 2020-01-01\n        until: 2020-12-31", "from: 2020-07-27\n        until: 2020-12-31");

        var error = Refuse(yaml);

        Assert.Contains(error.Errors, e => e.Contains("period from 2020-07-27", StringComparison.Ordinal) && e.Contains("2020-07-27 is not in the words it cites", StringComparison.Ordinal));
    }

    [Fact]
    public void PeriodCitingTheSigningLine_IsRefused_TheWordsThatSetItAreQuoted()
    {
        var yaml = ValidDocument.Replace("quote: \"实施期限为2020年1月1日至12月31日\"", "quote: \"2020年7月27日\"")
            .Replace("from: 2020-01-01\n        until: 2020-12-31", "from: 2020-07-27\n        end: standing");

        var error = Refuse(yaml);

        Assert.Contains(error.Errors, e => e.Contains("signing line", StringComparison.Ordinal));
    }

    [Fact]
    public void PeriodEndNotInTheWordsItCites_IsRefused()
    {
        var yaml = ValidDocument.Replace("until: 2020-12-31", "until: 2021-04-30");

        var error = Refuse(yaml);

        Assert.Contains(error.Errors, e => e.Contains("2021-04-30 is not in the words it cites", StringComparison.Ordinal));
    }

    [Fact]
    public void InferredPeriodStart_WithItsReasoning_Loads()
    {
        var yaml = ValidDocument.Replace("quote: \"实施期限为2020年1月1日至12月31日\"", "quote: \"现予以印发,请认真贯彻执行\"")
            .Replace("from: 2020-01-01\n        until: 2020-12-31", "from: 2020-07-27\n        fromInferred: in force on issue, dated 2020年7月27日\n        end: standing");

        var period = Assert.Single(Assert.Single(Load(yaml).Rules).Periods);

        Assert.Equal("in force on issue, dated 2020年7月27日", period.FromInferred);
        Assert.Equal(Model.PeriodEnd.Standing, period.End);
    }

    [Fact]
    public void OpenPeriodThatDoesNotSayWhyItHasNoEnd_IsRefused()
    {
        var yaml = ValidDocument.Replace("\n        until: 2020-12-31", "");

        var error = Refuse(yaml);

        Assert.Contains(error.Errors, e => e.Contains("has no end", StringComparison.Ordinal) && e.Contains("end: notStated", StringComparison.Ordinal));
    }

    [Fact]
    public void PeriodWhoseEndIsNotStated_NeedsTheWordsThatLimitIt()
    {
        var yaml = ValidDocument.Replace("quote: \"实施期限为2020年1月1日至12月31日\"", "quote: \"现予以印发,请认真贯彻执行\"")
            .Replace("from: 2020-01-01\n        until: 2020-12-31", "from: 2020-07-27\n        fromInferred: in force on issue\n        end: notStated");

        var error = Refuse(yaml);

        Assert.Contains(error.Errors, e => e.Contains("limitedBy", StringComparison.Ordinal));
    }

    [Fact]
    public void DocumentDateNotQuotedNorInferred_IsRefused()
    {
        var yaml = ValidDocument.Replace("  dated: {section: \"落款\", quote: \"2020年7月27日\"}\n", "");

        var error = Refuse(yaml);

        Assert.Contains(error.Errors, e => e.Contains("document.date", StringComparison.Ordinal) && e.Contains("dateInferred", StringComparison.Ordinal));
    }

    [Fact]
    public void ParameterValueDateNotQuotedNorInferred_IsRefused()
    {
        var yaml = ValidDocument.Replace("        inferred: the figure has no date of its own; it applies with the rule\n", "");

        var error = Refuse(yaml);

        Assert.Contains(error.Errors, e => e.Contains("parameter 'rate'", StringComparison.Ordinal) && e.Contains("2020-01-01 is not in the words it cites", StringComparison.Ordinal));
    }

    [Fact]
    public void RuleWhoseWordsSayKe_MustBeDiscretionary()
    {
        var yaml = ValidDocument.Replace("quote: \"并按规定缴纳社会保险的\"", "quote: \"可给予每人5000元一次性创业补贴\"");

        var error = Refuse(yaml);

        Assert.Contains(error.Errors, e => e.Contains("可给予", StringComparison.Ordinal) && e.Contains("discretionary", StringComparison.Ordinal));
    }

    [Fact]
    public void ClosedListCheckOnWordsEndingInDeng_IsRefused()
    {
        var yaml = ValidDocument.Replace(
            "      - check: isTrue\n        args: {fact: hire.socialInsurancePaid}\n        reference: {section: \"(十)\", quote: \"并按规定缴纳社会保险的\"}",
            "      - check: oneOf\n        args: {fact: enterprise.industry, values: \"manufacturing,logistics\"}\n        reference: {section: \"(一)\", quote: \"以制造业、建筑业、物流业、公共服务业和农业生产等为突破口\"}");

        var error = Refuse(yaml);

        Assert.Contains(error.Errors, e => e.Contains("等", StringComparison.Ordinal) && e.Contains("oneOfOpen", StringComparison.Ordinal));
    }

    [Fact]
    public void LocalValueOnTheSameDayAsAnExistingOne_IsRefused_HistoryIsNeverOverwritten()
    {
        var catalogue = CatalogueFixture.WithLocalParameters;
        var overlay = LocalParameterOverlay.FromYaml("""
            - parameter: nanhe-2020-1.graduateAbsorption.ratePerPerson
              from: 2020-01-01
              value: 1500
              reference: {document: "测试", quote: "改为1500元", setBy: "test"}
            """);

        Assert.Throws<PolicyCatalogueException>(() => catalogue.WithLocalParameters(overlay));
    }

    [Fact]
    public void LocalValueForAParameterTheDocumentStates_IsRefused()
    {
        var overlay = LocalParameterOverlay.FromYaml("""
            - parameter: nanhe-2020-1.absorption.ratePerPerson
              from: 2021-01-01
              value: 1500
              reference: {document: "测试", quote: "改为1500元", setBy: "test"}
            """);

        var error = Assert.Throws<PolicyCatalogueException>(() => CatalogueFixture.Embedded.WithLocalParameters(overlay));

        Assert.Contains(error.Errors, e => e.Contains("takes no local values", StringComparison.Ordinal));
    }

    [Fact]
    public void LocalValueWithoutReference_IsRefused()
    {
        Assert.Throws<PolicyCatalogueException>(() => LocalParameterOverlay.FromYaml("""
            - parameter: nanhe-2020-1.graduateAbsorption.ratePerPerson
              from: 2021-01-01
              value: 1500
            """));
    }
}
