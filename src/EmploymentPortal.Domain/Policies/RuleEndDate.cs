using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Policies;

/// <summary>
/// The end of a policy rule the bureau sets where the text does not state one (规则截止日期): a rule
/// the text limits to a period without an end (疫情防控期间, 阶段性) or a standing rule the bureau
/// closes, with its basis (e.g. the document that ended the emergency response). Records are only
/// ever added: the latest one for a rule is in force, the earlier ones stay as the rule's history,
/// so every decision made under an earlier end can still be explained.
/// </summary>
public sealed class RuleEndDate : Entity
{
    private RuleEndDate()
    {
        RuleId = string.Empty;
        BasisDocument = string.Empty;
        Section = string.Empty;
        Quote = string.Empty;
        SetByName = string.Empty;
    }

    public RuleEndDate(string ruleId, DateOnly endsOn, string basisDocument, string section, string quote, string? setByUserId, string setByName, DateTimeOffset setAt)
    {
        if (string.IsNullOrWhiteSpace(basisDocument) || string.IsNullOrWhiteSpace(quote))
        {
            throw new DomainException("rule-end-basis-required", "设定规则截止日期须注明依据的文件和原文。");
        }

        RuleId = ruleId;
        EndsOn = endsOn;
        BasisDocument = basisDocument;
        Section = section;
        Quote = quote;
        SetByUserId = setByUserId;
        SetByName = setByName;
        SetAt = setAt;
    }

    /// <summary>The catalogue's rule id, e.g. <c>nanhe-2020-1.job-retention-refund-sme</c>.</summary>
    public string RuleId { get; private set; }

    /// <summary>The rule's last day, inclusive.</summary>
    public DateOnly EndsOn { get; private set; }

    /// <summary>The document the end rests on, e.g. the notice that ended the emergency response.</summary>
    public string BasisDocument { get; private set; }

    public string Section { get; private set; }

    /// <summary>The words of that document that end the rule.</summary>
    public string Quote { get; private set; }

    public string? SetByUserId { get; private set; }

    public string SetByName { get; private set; }

    public DateTimeOffset SetAt { get; private set; }
}
