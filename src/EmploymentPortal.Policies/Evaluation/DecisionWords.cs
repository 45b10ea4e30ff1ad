using EmploymentPortal.Policies.Dates;
using EmploymentPortal.Policies.Model;

namespace EmploymentPortal.Policies.Evaluation;

/// <summary>
/// The one place that turns the catalogue's internal spellings into the bureau's words: fact keys
/// (<c>enterprise.size</c> → 企业规模), the values of listed facts (<c>small</c> → 小型企业),
/// threshold operators (<c>atLeast</c> → 不低于), parameter units, outcomes and condition states.
/// The trace sentences (<see cref="Wording"/>) and the decision presenter
/// (<see cref="DecisionPresenter"/>) both read it; a test walks the whole catalogue and fails when
/// a fact, value or operator it uses has no words here.
/// </summary>
public static class DecisionWords
{
    private static readonly Dictionary<string, string> FactNames = new(StringComparer.Ordinal)
    {
        [PolicyRule.EvaluationDate] = "评估日期",
        // person
        ["person.birthDate"] = "出生日期",
        ["person.group"] = "人员类别",
        ["person.registeredUnemployed"] = "登记失业人员",
        ["person.registeredUnemployedSince"] = "失业登记日期",
        ["person.hardToEmploy"] = "就业困难人员",
        ["person.hardToEmployThroughMarket"] = "通过市场渠道确实难以实现就业",
        ["person.unemployed"] = "目前处于失业状态",
        ["person.unemployedInHardship"] = "生活困难下岗失业人员",
        ["person.unemployedDueToEpidemic"] = "因疫情等原因失业",
        ["person.unemploymentInsuranceExhaustedOrIneligibleInsured"] = "失业保险金期满仍未就业或不符合领取条件的参保失业人员",
        ["person.unemploymentInsuranceEndDate"] = "失业保险金领取期满日期",
        ["person.statutoryRetirementDate"] = "法定退休日期",
        ["person.olderUnemploymentInsuranceRecipient"] = "大龄领取失业保险金人员",
        ["person.pensionContributionsPaid"] = "已先行缴纳养老保险费",
        ["person.graduate"] = "高校毕业生",
        ["person.graduationDate"] = "毕业日期",
        ["person.schoolLeavingDate"] = "离校日期",
        ["person.employedSinceLeavingSchool"] = "离校后已就业",
        ["person.flexibleEmploymentStartDate"] = "灵活就业开始日期",
        ["person.paysSocialInsuranceAsFlexibleWorker"] = "灵活就业后缴纳社会保险费",
        ["person.subsidisedMonths"] = "申领月数",
        ["person.subsidyEndDate"] = "原补贴期满日期",
        ["person.stablyEmployed"] = "已实现稳定就业",
        ["person.returningMigrantWorker"] = "返乡农民工",
        ["person.eligibleEntrepreneur"] = "符合条件的创业者",
        ["person.platformWorker"] = "依托平台就业",
        ["person.hasStartupGuaranteeLoan"] = "已获得创业担保贷款",
        ["person.covidInfected"] = "借款人感染新冠肺炎",
        ["person.relocated"] = "易地搬迁群众",
        ["person.socialAssistanceRecipient"] = "社会救助对象",
        ["person.eligibleJobSeeker"] = "符合求职补贴条件",
        ["person.ruralOrHardshipFamily"] = "农村学员或困难家庭成员",
        ["person.secondaryVocationalFullTime"] = "中等职业学校全日制正式学籍",
        ["person.schoolYear"] = "在读年级",
        ["person.agriculturalMajorOrHardship"] = "涉农专业或家庭经济困难",
        ["person.workingAgeFrom"] = "年满16周岁之日",
        ["person.ableToWork"] = "有劳动能力",
        ["person.wantsWork"] = "有就业要求",
        ["person.migrantWorker"] = "农民工",
        // registration (the 失业登记 being made or kept)
        ["registration.place"] = "登记地",
        // enterprise
        ["enterprise.size"] = "企业规模",
        ["enterprise.industry"] = "所属行业",
        ["enterprise.employees"] = "现有职工人数",
        ["enterprise.insuredEmployees"] = "参保职工人数",
        ["enterprise.unemploymentInsuredEmployees"] = "参加失业保险职工人数",
        ["enterprise.unemploymentInsured"] = "依法参加失业保险",
        ["enterprise.layoffRate"] = "裁员率",
        ["enterprise.noOrFewLayoffs"] = "不裁员或少裁员",
        ["enterprise.normalProduction"] = "保持正常生产",
        ["enterprise.temporaryDifficultyWithProspects"] = "暂时生产经营困难且恢复有望",
        ["enterprise.unemploymentInsurancePremiumsLastYearFen"] = "上年度缴纳失业保险费",
        ["enterprise.monthlySocialInsuranceContributionsFen"] = "每月应缴纳社会保险费",
        ["enterprise.refundMonths"] = "返还计算月数",
        ["enterprise.eligibleNewHiresThisYear"] = "当年新招用符合条件人员数",
        ["enterprise.countyStaticManagementDays"] = "所在县静态管理天数",
        ["enterprise.suspendedForEpidemicControl"] = "因疫情防控停产停业",
        ["enterprise.suspensionStartDate"] = "停产停业开始日期",
        ["enterprise.greenIndustry"] = "属于绿色产业",
        ["enterprise.trainingByWork"] = "开展以工代训",
        ["enterprise.trainees"] = "以工代训人数",
        ["enterprise.trainingMonths"] = "以工代训月数",
        ["enterprise.providesEmploymentServices"] = "提供就业创业服务",
        ["enterprise.organisedLabourExport"] = "组织劳务输出",
        ["enterprise.circleOperator"] = "就业服务圈运营机构",
        ["enterprise.personsServed"] = "服务人数",
        ["enterprise.personsPlaced"] = "成功就业人数",
        // hire
        ["hire.date"] = "录用日期",
        ["hire.contractMonths"] = "劳动合同期限",
        ["hire.socialInsurancePaid"] = "按规定缴纳社会保险",
        ["hire.socialInsuranceFrom"] = "参保起始日期",
        // business
        ["business.startDate"] = "创业登记日期",
        ["business.firstBusiness"] = "首次创业",
        ["business.operatingNormally"] = "正常经营",
        ["business.loanRequestedFen"] = "申请贷款金额",
        ["business.buysEssentialTools"] = "购置生产经营必需工具",
        ["business.rentsPremises"] = "租用经营场所",
        ["business.rentMonths"] = "租赁月数",
        // post
        ["post.publicWelfarePost"] = "公益性岗位",
        ["post.temporaryPublicWelfarePost"] = "临时性公益岗位",
        ["post.temporarySpecialPost"] = "临时性专项岗位",
        ["post.months"] = "岗位补贴月数",
        ["post.subsidyEndDate"] = "岗位补贴期满日期",
        ["post.placedUnemployedCount"] = "安置失业人员数",
        // internship
        ["internship.registered"] = "已备案的见习",
        ["internship.interns"] = "见习人数",
        ["internship.completedMonths"] = "已见习月数",
        ["internship.unitRetentionRate"] = "见习留用率",
        ["internship.plannedEndDate"] = "见习计划结束日期",
        ["internship.leftOn"] = "见习实际结束日期",
        ["internship.retained"] = "见习单位与见习人员签订劳动合同",
        // training
        ["training.startDate"] = "培训开始日期",
        ["training.endDate"] = "培训结束日期",
        ["training.completed"] = "完成培训",
        ["training.organisedByEnterprise"] = "企业组织的培训",
        ["training.trainees"] = "培训人数",
        ["training.entrepreneurshipTrainingCompleted"] = "完成创业培训",
        // community
        ["community.recognisedFullyEmployed"] = "认定的“三公里”充分就业社区",
        // claim and review (set by the portal)
        ["claim.periodFrom"] = "申领期间起始",
        ["claim.periodTo"] = "申领期间截止",
        ["review.acceptedIndustry"] = "经办人认定的行业",
        ["review.acceptedGroup"] = "经办人认定的人员类别",
    };

    private static readonly Dictionary<string, Dictionary<string, string>> ValueNames = new(StringComparer.Ordinal)
    {
        ["enterprise.size"] = new(StringComparer.Ordinal)
        {
            ["large"] = "大型企业",
            ["medium"] = "中型企业",
            ["small"] = "小型企业",
            ["micro"] = "微型企业",
        },
        ["enterprise.industry"] = new(StringComparer.Ordinal)
        {
            ["catering"] = "餐饮业",
            ["retail"] = "零售业",
            ["tourism"] = "旅游业",
            ["civilAviation"] = "民航业",
            ["roadTransport"] = "公路运输业",
            ["waterTransport"] = "水路运输业",
            ["railTransport"] = "铁路运输业",
            ["manufacturing"] = "制造业",
        },
        ["person.group"] = new(StringComparer.Ordinal)
        {
            ["unemployed"] = "失业人员",
            ["hardToEmploy"] = "就业困难人员",
            ["graduate"] = "高校毕业生",
            ["ruralMigrant"] = "农村转移劳动力",
            ["migrantWorker"] = "农民工",
            ["youngSchoolLeaver"] = "城乡未继续升学的应届初高中毕业生",
            ["veteran"] = "退役军人",
            ["registeredPoor"] = "建档立卡贫困劳动力",
            ["povertyAlleviated"] = "脱贫人口",
            ["other"] = "其他人员",
        },
        ["registration.place"] = new(StringComparer.Ordinal)
        {
            ["residence"] = "常住地",
            ["hukou"] = "户籍地",
            ["employment"] = "就业地",
            ["insured"] = "参保地",
            ["other"] = "其他地方",
        },
        ["person.schoolYear"] = new(StringComparer.Ordinal)
        {
            ["1"] = "一年级",
            ["2"] = "二年级",
            ["3"] = "三年级",
        },
    };

    /// <summary>True when the fact has words (the catalogue test asks).</summary>
    public static bool HasFactName(string fact) => FactNames.ContainsKey(fact);

    /// <summary>True when a value of a listed fact has words.</summary>
    public static bool HasValueName(string fact, string value) =>
        ValueNames.TryGetValue(fact, out var values) && values.ContainsKey(value);

    /// <summary>The Chinese name of a fact; an unknown fact is called 其他信息 (never its key).</summary>
    public static string Fact(string fact) => FactNames.GetValueOrDefault(fact, "其他信息");

    /// <summary>A held value of a listed fact in words; an unknown value is shown as held (the claimant's own words).</summary>
    public static string Value(string fact, string value) =>
        ValueNames.TryGetValue(fact, out var values) && values.TryGetValue(value, out var words) ? words : value;

    /// <summary>The values of a list, in words, joined with 或.</summary>
    public static string Values(string fact, IEnumerable<string> values) => string.Join("或", values.Select(v => Value(fact, v)));

    /// <summary>True for the catalogue's operator spellings.</summary>
    public static bool HasOperator(string op) => op is "atLeast" or "atMost" or "moreThan" or "lessThan";

    /// <summary>How a number must stand to its limit: 不低于, 不超过, 超过, 低于.</summary>
    public static string Operator(ThresholdKind kind) => kind switch
    {
        ThresholdKind.AtLeast => "不低于",
        ThresholdKind.AtMost => "不超过",
        ThresholdKind.MoreThan => "超过",
        _ => "低于",
    };

    /// <summary>How a date must stand to another: 不早于, 不晚于, 晚于, 早于.</summary>
    public static string DateOperator(ThresholdKind kind) => kind switch
    {
        ThresholdKind.AtLeast => "不早于",
        ThresholdKind.AtMost => "不晚于",
        ThresholdKind.MoreThan => "晚于",
        _ => "早于",
    };

    /// <summary>How a span must stand to the policy's span: 满 6 个月以上, 2 年以内, 超过 1 年, 不足 1 年.</summary>
    public static string SpanOperator(ThresholdKind kind, string span) => kind switch
    {
        ThresholdKind.AtLeast => $"满 {span}以上",
        ThresholdKind.AtMost => $"{span}以内",
        ThresholdKind.MoreThan => $"超过 {span}",
        _ => $"不足 {span}",
    };

    /// <summary>A number in the unit of the parameter it is compared with: 12 个月, 20%, 30 人, 1,000.00 元.</summary>
    public static string Quantity(decimal value, ParameterUnit unit) => unit switch
    {
        ParameterUnit.Ratio => Wording.Num(value * 100) + "%",
        ParameterUnit.Months => Wording.Num(value) + " 个月",
        ParameterUnit.Years => Wording.Num(value) + " 年",
        ParameterUnit.Days => Wording.Num(value) + " 天",
        ParameterUnit.Count => Wording.Num(value) + " 人",
        _ => Domain.ValueObjects.Money.RoundFen(value * 100).ToString(),
    };

    public static string Outcome(Outcome outcome) => outcome switch
    {
        Evaluation.Outcome.Eligible => "符合条件",
        Evaluation.Outcome.Ineligible => "不符合条件",
        Evaluation.Outcome.NeedsInformation => "需补充信息",
        _ => "需经办人审核",
    };

    public static string Status(ConditionStatus status) => Wording.Status(status);

    public static string YesNo(bool value) => value ? "是" : "否";

    /// <summary>The words of a decision flag (<see cref="DecisionFlags.Describe"/>); an unknown flag reads 其他提示.</summary>
    public static string Flag(string flag)
    {
        var words = DecisionFlags.Describe(flag);
        return ReferenceEquals(words, flag) || words == flag ? "其他提示" : words;
    }

    /// <summary>
    /// The facts of a facts object that have words, each as its name and its value in words
    /// (是/否, listed values by name, fen as money); facts without words (ids, history) are left out.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> FactsInWords(System.Text.Json.Nodes.JsonObject? facts)
    {
        var words = new List<KeyValuePair<string, string>>();
        void Walk(System.Text.Json.Nodes.JsonObject node, string prefix)
        {
            foreach (var (key, value) in node)
            {
                var path = prefix.Length == 0 ? key : prefix + "." + key;
                if (value is System.Text.Json.Nodes.JsonObject child)
                {
                    Walk(child, path);
                }
                else if (value is System.Text.Json.Nodes.JsonValue leaf && HasFactName(path))
                {
                    words.Add(new(Fact(path), leaf.TryGetValue<bool>(out var b) ? YesNo(b)
                        : path.EndsWith("Fen", StringComparison.Ordinal) && leaf.TryGetValue<decimal>(out var fen) ? Domain.ValueObjects.Money.RoundFen(fen).ToString()
                        : Value(path, leaf.ToString())));
                }
            }
        }

        if (facts is not null)
        {
            Walk(facts, string.Empty);
        }

        return words;
    }

    /// <summary>True when the flag has words.</summary>
    public static bool HasFlag(string flag) => DecisionFlags.Describe(flag) != flag;
}
