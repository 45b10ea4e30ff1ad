using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Residents;

namespace EmploymentPortal.Domain.Hires;

/// <summary>
/// A resident hired by an enterprise (录用/吸纳就业), recorded by the enterprise itself or by the
/// resident's service station. It is the fact base of the absorption and post subsidies: besides
/// the dates and the social insurance it keeps <see cref="Facts"/>, a snapshot of what was true
/// of the resident and the enterprise on the day the hire started, so a later change of the
/// resident's record (a new status, an edited profile) never changes what a claim relied on.
/// </summary>
public sealed class Hire : AggregateRoot
{
    private Hire()
    {
        Position = string.Empty;
        RecordedBy = string.Empty;
        Facts = null!;
    }

    private Hire(Guid enterpriseId, Guid residentId, HireTerms terms, HireRecorder recorder, HireFacts facts)
    {
        EnterpriseId = enterpriseId;
        ResidentId = residentId;
        Position = terms.Position.Trim();
        StartDate = terms.StartDate;
        ContractType = terms.ContractType;
        ContractStart = terms.ContractStart;
        ContractEnd = terms.ContractEnd;
        ContractTermMonths = TermMonths(terms);
        SetSocialInsurance(terms.SocialInsurancePaid, terms.SocialInsuranceFrom);
        RecordedByRole = recorder.Role;
        RecordedBy = recorder.UserName;
        RecordedAt = recorder.At;
        Facts = facts;
    }

    public Guid EnterpriseId { get; private set; }

    public Guid ResidentId { get; private set; }

    /// <summary>岗位 (job title).</summary>
    public string Position { get; private set; }

    /// <summary>The first working day (入职日期).</summary>
    public DateOnly StartDate { get; private set; }

    public ContractType ContractType { get; private set; }

    /// <summary>劳动合同起始日.</summary>
    public DateOnly ContractStart { get; private set; }

    /// <summary>劳动合同终止日; null for an open-ended contract or one without a fixed end.</summary>
    public DateOnly? ContractEnd { get; private set; }

    /// <summary>
    /// 合同期限 in completed months from the contract start to the day after its end (a contract
    /// of 2026-01-01 to 2026-12-31 is 12 months); null without a fixed end.
    /// </summary>
    public int? ContractTermMonths { get; private set; }

    /// <summary>Whether the enterprise pays social insurance (缴纳社会保险) for the resident.</summary>
    public bool SocialInsurancePaid { get; private set; }

    /// <summary>The first month of contributions (the first day of that month); null when not paid.</summary>
    public DateOnly? SocialInsuranceFrom { get; private set; }

    public HireRecorderRole RecordedByRole { get; private set; }

    /// <summary>The user name of who recorded the hire.</summary>
    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The facts as they were when the hire started; never changed afterwards.</summary>
    public HireFacts Facts { get; private set; }

    /// <summary>
    /// Records the hire of <paramref name="resident"/> by <paramref name="enterprise"/>: freezes the
    /// facts on the start date and moves the resident into employment (就业) from that day, which
    /// takes them out of “registered unemployed” and the monthly follow-up. A resident outside
    /// unemployment management (never registered or deregistered) keeps no status; one already
    /// employed stays employed (a change of employer).
    /// </summary>
    /// <exception cref="DomainException">
    /// The enterprise is not verified (<c>enterprise-not-verified</c>), the dates are inconsistent
    /// (<c>hire-dates</c>), or the start lies before the resident's last status change.
    /// </exception>
    public static Hire Record(Enterprise enterprise, Resident resident, HireTerms terms, HireRecorder recorder, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(enterprise);
        ArgumentNullException.ThrowIfNull(resident);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(recorder);
        if (enterprise.Status != EnterpriseStatus.Verified)
        {
            throw new DomainException("enterprise-not-verified", "企业尚未通过认证（或已被暂停），不能登记录用人员。");
        }

        CheckTerms(terms, today);
        var facts = HireFacts.Capture(enterprise, resident, terms.StartDate);
        var hire = new Hire(enterprise.Id, resident.Id, terms, recorder, facts);
        if (resident.CurrentStatus is not (null or EmploymentStatus.Deregistered or EmploymentStatus.Employed))
        {
            resident.ChangeStatus(EmploymentStatus.Employed, terms.StartDate, Note(enterprise.Name, hire.Position));
        }

        return hire;
    }

    /// <summary>The last day of work when the person left (离职); null while employed.</summary>
    public DateOnly? EndedOn { get; private set; }

    /// <summary>Why the person left, as the recorder put it.</summary>
    public string? EndReason { get; private set; }

    /// <summary>
    /// Records that the person left (离职登记) on <paramref name="lastDay"/>. The resident's status
    /// is left to the station (a new unemployment registration, another job): leaving is not
    /// registering as unemployed.
    /// </summary>
    /// <exception cref="DomainException"><c>hire-ended</c> once ended; <c>hire-dates</c> for a day before the start or after today.</exception>
    public void End(DateOnly lastDay, string reason, DateOnly today)
    {
        if (EndedOn is not null)
        {
            throw new DomainException("hire-ended", $"该录用记录已于 {EndedOn:yyyy-MM-dd} 登记离职。");
        }

        if (lastDay < StartDate || lastDay > today)
        {
            throw new DomainException("hire-dates", $"离职日期应在入职日期 {StartDate:yyyy-MM-dd} 与今天之间。");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("hire-end-reason", "请填写离职原因。");
        }

        EndedOn = lastDay;
        EndReason = reason.Trim();
    }

    /// <summary>Completed months of employment up to the last day (or <paramref name="today"/> while employed).</summary>
    public int MonthsEmployed(DateOnly today) => DatePeriods.CompletedMonthsBetween(StartDate, EndedOn ?? today);

    /// <summary>The enterprise starts (or stops) paying social insurance: the only later change of a hire.</summary>
    /// <exception cref="DomainException">Contributions would start before the hire (<c>hire-dates</c>).</exception>
    public void UpdateSocialInsurance(bool paid, DateOnly? from)
    {
        if (paid && from is { } month && FirstOfMonth(month) < FirstOfMonth(StartDate))
        {
            throw new DomainException("hire-dates", "参保起始月份不能早于入职月份。");
        }

        SetSocialInsurance(paid, from);
    }

    private void SetSocialInsurance(bool paid, DateOnly? from)
    {
        if (paid && from is null)
        {
            throw new DomainException("hire-dates", "缴纳社会保险时请填写参保起始月份。");
        }

        SocialInsurancePaid = paid;
        SocialInsuranceFrom = paid ? FirstOfMonth(from!.Value) : null;
    }

    private static void CheckTerms(HireTerms terms, DateOnly today)
    {
        if (terms.StartDate > today)
        {
            throw new DomainException("hire-dates", "入职日期不能晚于今天：请在入职后登记。");
        }

        if (terms.ContractEnd is { } end && end <= terms.ContractStart)
        {
            throw new DomainException("hire-dates", "合同终止日期应晚于合同起始日期。");
        }

        if (terms.ContractType == ContractType.FixedTerm && terms.ContractEnd is null)
        {
            throw new DomainException("hire-dates", "固定期限劳动合同请填写合同终止日期。");
        }

        if (terms.ContractEnd is { } last && terms.StartDate > last)
        {
            throw new DomainException("hire-dates", "入职日期不能晚于合同终止日期。");
        }

        if (terms.SocialInsurancePaid && terms.SocialInsuranceFrom is { } month && FirstOfMonth(month) < FirstOfMonth(terms.StartDate))
        {
            throw new DomainException("hire-dates", "参保起始月份不能早于入职月份。");
        }
    }

    private static int? TermMonths(HireTerms terms) =>
        terms.ContractEnd is { } end ? DatePeriods.CompletedMonthsBetween(terms.ContractStart, end.AddDays(1)) : null;

    private static DateOnly FirstOfMonth(DateOnly date) => new(date.Year, date.Month, 1);

    private static string Note(string enterpriseName, string position)
    {
        var note = $"{enterpriseName}录用（{position}）";
        return note.Length <= 200 ? note : note[..200];
    }
}

/// <summary>What the enterprise agreed with the resident; shape validated before.</summary>
public sealed record HireTerms(
    string Position,
    DateOnly StartDate,
    ContractType ContractType,
    DateOnly ContractStart,
    DateOnly? ContractEnd,
    bool SocialInsurancePaid,
    DateOnly? SocialInsuranceFrom);

/// <summary>Who recorded a hire, and when.</summary>
public sealed record HireRecorder(HireRecorderRole Role, string UserName, DateTimeOffset At);

public enum HireRecorderRole
{
    /// <summary>企业用户 of the hiring enterprise.</summary>
    Enterprise,

    /// <summary>社区服务站 of the resident's community.</summary>
    Station,
}

/// <summary>劳动合同期限类型.</summary>
public enum ContractType
{
    /// <summary>固定期限</summary>
    FixedTerm,

    /// <summary>无固定期限</summary>
    OpenEnded,

    /// <summary>以完成一定工作任务为期限</summary>
    TaskBased,
}
