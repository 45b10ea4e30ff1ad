using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Policies;

/// <summary>
/// A figure the bureau sets for a policy parameter that the document leaves open (e.g. "按规定给予"
/// with no amount), in force from a date, with the bureau's own reference. Values are only ever
/// added: a new figure starts on a later date, so every decision made under an older one can still
/// be explained. 本地政策参数取值.
/// </summary>
public sealed class LocalParameterValue : Entity
{
    private LocalParameterValue()
    {
        ParameterId = string.Empty;
        ReferenceDocument = string.Empty;
        Section = string.Empty;
        Quote = string.Empty;
        SetByName = string.Empty;
    }

    public LocalParameterValue(string parameterId, DateOnly effectiveFrom, DateOnly? effectiveUntil, decimal value, string referenceDocument, string section, string quote, string? setByUserId, string setByName, DateTimeOffset setAt)
    {
        if (effectiveUntil is { } until && until < effectiveFrom)
        {
            throw new DomainException("local-parameter-period", $"截止日期 {until:yyyy-MM-dd} 早于生效日期 {effectiveFrom:yyyy-MM-dd}。");
        }

        if (value < 0)
        {
            throw new DomainException("local-parameter-negative", "参数取值不能为负数。");
        }

        ParameterId = parameterId;
        EffectiveFrom = effectiveFrom;
        EffectiveUntil = effectiveUntil;
        Value = value;
        ReferenceDocument = referenceDocument;
        Section = section;
        Quote = quote;
        SetByUserId = setByUserId;
        SetByName = setByName;
        SetAt = setAt;
    }

    /// <summary>The catalogue's parameter id, e.g. <c>nanhe-2020-1.publicWelfarePost.monthlySubsidy</c>.</summary>
    public string ParameterId { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    /// <summary>Last day in force, inclusive; null while open (a later value then takes over).</summary>
    public DateOnly? EffectiveUntil { get; private set; }

    /// <summary>In the parameter's unit (yuan, a ratio, months ...), as the catalogue defines it.</summary>
    public decimal Value { get; private set; }

    /// <summary>The bureau's document that sets the figure, e.g. 江人社〔2026〕12号.</summary>
    public string ReferenceDocument { get; private set; }

    public string Section { get; private set; }

    /// <summary>The sentence of that document that states the figure.</summary>
    public string Quote { get; private set; }

    public string? SetByUserId { get; private set; }

    public string SetByName { get; private set; }

    public DateTimeOffset SetAt { get; private set; }
}
