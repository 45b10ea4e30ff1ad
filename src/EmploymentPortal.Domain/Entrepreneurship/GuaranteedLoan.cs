using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Entrepreneurship;

/// <summary>
/// A guaranteed business loan (创业担保贷款): applied for by a resident's business start or by a
/// small firm (an enterprise of the portal), decided by the guarantee institution (担保机构) and
/// then the lending bank (经办银行), disbursed, repaid by a schedule of monthly installments
/// (<see cref="LoanSchedule"/>), and followed into overdue (逾期) and default (代偿/违约). The
/// conditions of the documents (maximum amounts, the small firms' share of new hires) are decided
/// by the rules service before the application reaches the domain; the loan keeps what was decided
/// (<see cref="EligibilityRuleId"/>, <see cref="EligibilityNote"/>).
/// </summary>
public sealed class GuaranteedLoan : AggregateRoot
{
    public const int MaxTermMonths = 60;
    public const int MaxNoteLength = 500;

    private readonly List<LoanInstallment> _installments = [];
    private readonly List<LoanRepayment> _repayments = [];

    private GuaranteedLoan()
    {
        Number = string.Empty;
        ApplicantName = string.Empty;
        EligibilityRuleId = string.Empty;
        EligibilityNote = string.Empty;
        AppliedBy = string.Empty;
    }

    /// <summary>贷款编号, e.g. CD20261207-1A2B3C4D.</summary>
    public string Number { get; private set; }

    public LoanApplicantKind ApplicantKind { get; private set; }

    /// <summary>The business start that borrows (个人创业担保贷款).</summary>
    public Guid? BusinessStartId { get; private set; }

    /// <summary>The small firm that borrows (小微企业创业担保贷款).</summary>
    public Guid? EnterpriseId { get; private set; }

    /// <summary>The borrowing person (the business start's resident); null for a small firm.</summary>
    public Guid? ResidentId { get; private set; }

    /// <summary>The business's or the person's name, for lists.</summary>
    public string ApplicantName { get; private set; }

    /// <summary>The amount applied for; after the bank's decision, the amount it lends.</summary>
    public Money Amount { get; private set; }

    public int TermMonths { get; private set; }

    public DateOnly AppliedOn { get; private set; }

    public string AppliedBy { get; private set; }

    /// <summary>The catalogue rule that decided the application's conditions, e.g. <c>nanhe-2020-1.startup-loan-individual</c>.</summary>
    public string EligibilityRuleId { get; private set; }

    /// <summary>The rules service's decision in words (maximum, share of new hires) as it was when applied.</summary>
    public string EligibilityNote { get; private set; }

    /// <summary>The maximum the documents allowed when applied for; null when the bureau had not set it.</summary>
    public Money? MaximumAmount { get; private set; }

    public LoanStatus Status { get; private set; }

    public string? GuaranteeInstitution { get; private set; }

    public bool? GuaranteeApproved { get; private set; }

    public DateOnly? GuaranteeDecidedOn { get; private set; }

    public string? GuaranteeNote { get; private set; }

    public string? GuaranteeRecordedBy { get; private set; }

    public string? Bank { get; private set; }

    public bool? BankApproved { get; private set; }

    public DateOnly? BankDecidedOn { get; private set; }

    /// <summary>The annual interest rate the bank set, in per cent (3.85 is 3.85 %).</summary>
    public decimal? AnnualRatePercent { get; private set; }

    public string? BankNote { get; private set; }

    public string? BankRecordedBy { get; private set; }

    public DateOnly? DisbursedOn { get; private set; }

    public DateOnly? OverdueSince { get; private set; }

    public DateOnly? DefaultedOn { get; private set; }

    public string? DefaultNote { get; private set; }

    public DateOnly? RepaidOn { get; private set; }

    /// <summary>展期: the day the bank granted the extension of repayment; null without one.</summary>
    public DateOnly? ExtendedOn { get; private set; }

    public int? ExtensionMonths { get; private set; }

    /// <summary>Whether the interest subsidy continues on the extension's interest (the rules service's decision when granted).</summary>
    public bool? ExtensionSubsidised { get; private set; }

    /// <summary>Why, in the rules service's words (the rule, or why it did not apply).</summary>
    public string? ExtensionNote { get; private set; }

    /// <summary>The repayment schedule, made at disbursement (in the order loaded: see <see cref="Schedule"/>).</summary>
    public IReadOnlyList<LoanInstallment> Installments => _installments;

    /// <summary>The repayment schedule by period: a database returns the installments in no particular order.</summary>
    public IReadOnlyList<LoanInstallment> Schedule => _installments.OrderBy(i => i.Period).ToList();

    public IReadOnlyList<LoanRepayment> Repayments => _repayments;

    /// <summary>What is still owed (principal and interest of the schedule not yet repaid).</summary>
    public Money Outstanding => Money.Sum(_installments.Select(i => i.Remaining));

    /// <summary>An application; the caller has checked the documents' conditions through the rules service.</summary>
    /// <exception cref="DomainException"><c>loan-applicant</c>, <c>loan-amount</c>, <c>loan-term</c>.</exception>
    public static GuaranteedLoan Apply(LoanApplicant applicant, Money amount, int termMonths, LoanEligibility eligibility, DateOnly today, string appliedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        ArgumentNullException.ThrowIfNull(eligibility);
        if ((applicant.Kind == LoanApplicantKind.BusinessStart) != (applicant.BusinessStartId is not null) ||
            (applicant.Kind == LoanApplicantKind.SmallEnterprise) != (applicant.EnterpriseId is not null))
        {
            throw new DomainException("loan-applicant", "贷款申请人应为创业实体或小微企业之一。");
        }

        if (amount.IsZero || amount.IsNegative)
        {
            throw new DomainException("loan-amount", "贷款金额应大于零。");
        }

        if (eligibility.Maximum is { } maximum && amount > maximum)
        {
            throw new DomainException("loan-amount", $"贷款金额超过最高额度 {maximum}（{eligibility.Note}）。");
        }

        if (termMonths is < 1 or > MaxTermMonths)
        {
            throw new DomainException("loan-term", $"贷款期限应为 1 至 {MaxTermMonths} 个月。");
        }

        var loan = new GuaranteedLoan
        {
            ApplicantKind = applicant.Kind,
            BusinessStartId = applicant.BusinessStartId,
            EnterpriseId = applicant.EnterpriseId,
            ResidentId = applicant.ResidentId,
            ApplicantName = applicant.Name,
            Amount = amount,
            TermMonths = termMonths,
            AppliedOn = today,
            AppliedBy = appliedBy,
            EligibilityRuleId = eligibility.RuleId,
            EligibilityNote = eligibility.Note.Length <= MaxNoteLength ? eligibility.Note : eligibility.Note[..MaxNoteLength],
            MaximumAmount = eligibility.Maximum,
            Status = LoanStatus.Applied,
        };
        loan.Number = $"CD{now.UtcDateTime:yyyyMMdd}-{loan.Id.ToString("N")[^8..].ToUpperInvariant()}";
        return loan;
    }

    /// <summary>The guarantee institution's decision (担保机构审核).</summary>
    /// <exception cref="DomainException"><c>loan-state</c> unless applied; <c>loan-decision-date</c>.</exception>
    public void RecordGuaranteeDecision(string institution, bool approved, DateOnly decidedOn, string? note, string recordedBy, DateOnly today)
    {
        Require(LoanStatus.Applied, "只有已申请、尚未担保审核的贷款可以登记担保机构意见。");
        CheckDecisionDate(decidedOn, AppliedOn, "申请日期", today);
        RequireNoteWhenRefused(approved, note);
        GuaranteeInstitution = institution.Trim();
        GuaranteeApproved = approved;
        GuaranteeDecidedOn = decidedOn;
        GuaranteeNote = Trimmed(note);
        GuaranteeRecordedBy = recordedBy;
        Status = approved ? LoanStatus.GuaranteeApproved : LoanStatus.GuaranteeRefused;
    }

    /// <summary>
    /// The lending bank's decision (经办银行审批): the amount it lends (at most the amount applied
    /// for) and the annual rate in per cent.
    /// </summary>
    /// <exception cref="DomainException"><c>loan-state</c> unless the guarantee was approved; <c>loan-amount</c>; <c>loan-rate</c>.</exception>
    public void RecordBankDecision(string bank, bool approved, Money? lentAmount, decimal? annualRatePercent, DateOnly decidedOn, string? note, string recordedBy, DateOnly today)
    {
        Require(LoanStatus.GuaranteeApproved, "只有担保机构已同意担保的贷款可以登记银行审批意见。");
        CheckDecisionDate(decidedOn, GuaranteeDecidedOn!.Value, "担保审核日期", today);
        RequireNoteWhenRefused(approved, note);
        if (approved)
        {
            if (lentAmount is not { } lent || lent.IsZero || lent > Amount)
            {
                throw new DomainException("loan-amount", $"银行放贷金额应大于零且不超过申请金额 {Amount}。");
            }

            if (annualRatePercent is not { } rate || rate <= 0 || rate >= 100)
            {
                throw new DomainException("loan-rate", "请填写银行核定的年利率（大于 0、小于 100%）。");
            }

            Amount = lent;
            AnnualRatePercent = rate;
        }

        Bank = bank.Trim();
        BankApproved = approved;
        BankDecidedOn = decidedOn;
        BankNote = Trimmed(note);
        BankRecordedBy = recordedBy;
        Status = approved ? LoanStatus.BankApproved : LoanStatus.BankRefused;
    }

    /// <summary>The bank pays out the loan (放款): the repayment schedule is made from amount, term and rate.</summary>
    /// <exception cref="DomainException"><c>loan-state</c> unless the bank approved; <c>loan-decision-date</c>.</exception>
    public void Disburse(DateOnly disbursedOn, DateOnly today)
    {
        Require(LoanStatus.BankApproved, "只有银行已审批同意的贷款可以登记放款。");
        CheckDecisionDate(disbursedOn, BankDecidedOn!.Value, "银行审批日期", today);
        DisbursedOn = disbursedOn;
        foreach (var line in LoanSchedule.Make(Amount, TermMonths, AnnualRatePercent!.Value, disbursedOn))
        {
            _installments.Add(new LoanInstallment(Id, line));
        }

        Status = LoanStatus.Repaying;
    }

    /// <summary>
    /// A repayment (还款) on <paramref name="paidOn"/>: it pays the oldest installments first,
    /// each in full (interest and principal) before the next. An overdue loan whose past-due
    /// installments are all paid is repaying again; a loan with nothing left is repaid (结清).
    /// </summary>
    /// <exception cref="DomainException"><c>loan-state</c>, <c>loan-repayment-amount</c>, <c>loan-repayment-date</c>.</exception>
    public LoanRepayment RecordRepayment(Money amount, DateOnly paidOn, string recordedBy, DateTimeOffset now, DateOnly today)
    {
        if (Status is not (LoanStatus.Repaying or LoanStatus.Overdue))
        {
            throw new DomainException("loan-state", "只有还款中或逾期的贷款可以登记还款。");
        }

        if (paidOn < DisbursedOn!.Value || paidOn > today)
        {
            throw new DomainException("loan-repayment-date", $"还款日期应在放款日期 {DisbursedOn:yyyy-MM-dd} 与今天之间。");
        }

        if (_repayments.Count > 0 && paidOn < _repayments.Max(r => r.PaidOn))
        {
            throw new DomainException("loan-repayment-date", "还款日期不能早于已登记的最近一次还款。");
        }

        var outstanding = Outstanding;
        if (amount.IsZero || amount > outstanding)
        {
            throw new DomainException("loan-repayment-amount", $"还款金额应大于零且不超过未还金额 {outstanding}。");
        }

        var left = amount;
        foreach (var installment in Schedule)
        {
            if (left.IsZero)
            {
                break;
            }

            left -= installment.Pay(left, paidOn);
        }

        var repayment = new LoanRepayment(Id, amount, paidOn, recordedBy, now);
        _repayments.Add(repayment);
        if (Outstanding.IsZero)
        {
            Status = LoanStatus.Repaid;
            RepaidOn = paidOn;
            OverdueSince = null;
        }
        else if (Status == LoanStatus.Overdue && FirstPastDue(today) is null)
        {
            Status = LoanStatus.Repaying;
            OverdueSince = null;
        }

        return repayment;
    }

    /// <summary>
    /// An extension of repayment (展期) the bank granted on <paramref name="grantedOn"/>: every
    /// installment not yet paid in full falls due <paramref name="months"/> months later, and the
    /// first of them carries the interest of the extension (the principal outstanding × rate ÷ 12
    /// × months, rounded once to the fen). <paramref name="subsidised"/> is the rules service's
    /// decision whether the interest subsidy continues on it (邢南政发〔2020〕1号 (十): during the
    /// epidemic, for a borrower with COVID-19, “财政部门继续给予贴息支持”). One extension per loan.
    /// </summary>
    /// <exception cref="DomainException"><c>loan-state</c>, <c>loan-extension</c>, <c>loan-decision-date</c>.</exception>
    public void Extend(int months, int maximumMonths, DateOnly grantedOn, bool subsidised, string note, DateOnly today)
    {
        if (Status is not (LoanStatus.Repaying or LoanStatus.Overdue))
        {
            throw new DomainException("loan-state", "只有还款中或逾期的贷款可以登记展期。");
        }

        if (ExtendedOn is not null)
        {
            throw new DomainException("loan-extension", $"该贷款已于 {ExtendedOn:yyyy-MM-dd} 展期，不能再次展期。");
        }

        if (months < 1 || months > maximumMonths)
        {
            throw new DomainException("loan-extension", $"展期期限应为 1 至 {maximumMonths} 个月（展期期限原则上不超过1年）。");
        }

        CheckDecisionDate(grantedOn, DisbursedOn!.Value, "放款日期", today);
        var unpaid = Schedule.Where(i => !i.Remaining.IsZero).ToList();
        var principal = Money.Sum(unpaid.Select(i => i.Principal)) - Money.Sum(unpaid.Select(i => Money.Max(Money.Zero, i.Paid - i.Interest)));
        var extensionInterest = principal.MultiplyBy(AnnualRatePercent!.Value * months / 1200m);
        for (var k = 0; k < unpaid.Count; k++)
        {
            unpaid[k].Postpone(months, k == 0 ? extensionInterest : Money.Zero);
        }

        ExtendedOn = grantedOn;
        ExtensionMonths = months;
        ExtensionSubsidised = subsidised;
        ExtensionNote = note.Length <= MaxNoteLength ? note : note[..MaxNoteLength];
        if (Status == LoanStatus.Overdue && FirstPastDue(today) is null)
        {
            Status = LoanStatus.Repaying;
            OverdueSince = null;
        }
    }

    /// <summary>The first installment due before <paramref name="today"/> and not fully paid, or null.</summary>
    public LoanInstallment? FirstPastDue(DateOnly today) =>
        Schedule.FirstOrDefault(i => i.DueDate < today && !i.Remaining.IsZero);

    /// <summary>Marks the loan overdue (逾期) from the day after the first unpaid past-due installment.</summary>
    /// <exception cref="DomainException"><c>loan-state</c> unless repaying; <c>loan-not-overdue</c> when nothing is past due.</exception>
    public void MarkOverdue(DateOnly today)
    {
        Require(LoanStatus.Repaying, "只有还款中的贷款可以标记逾期。");
        var pastDue = FirstPastDue(today) ?? throw new DomainException("loan-not-overdue", "没有已到期未还清的还款期，不能标记逾期。");
        OverdueSince = pastDue.DueDate.AddDays(1);
        Status = LoanStatus.Overdue;
    }

    /// <summary>Marks an overdue loan defaulted (违约，由担保机构代偿); no further repayment is recorded on it.</summary>
    /// <exception cref="DomainException"><c>loan-state</c> unless overdue; <c>loan-note</c> without a reason.</exception>
    public void MarkDefault(DateOnly on, string note, DateOnly today)
    {
        Require(LoanStatus.Overdue, "只有已逾期的贷款可以标记违约代偿。");
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException("loan-note", "标记违约须写明情况（如担保机构代偿）。");
        }

        if (on < OverdueSince!.Value || on > today)
        {
            throw new DomainException("loan-decision-date", $"违约日期应在逾期日期 {OverdueSince:yyyy-MM-dd} 与今天之间。");
        }

        DefaultedOn = on;
        DefaultNote = Trimmed(note);
        Status = LoanStatus.Defaulted;
    }

    /// <summary>
    /// The interest subsidy (贴息) of each installment, from the schedule: see
    /// <see cref="LoanSchedule.InterestSubsidy"/>. <paramref name="shareOn"/> is the rules
    /// service's share of interest in force on a day, null where none is set.
    /// </summary>
    public IReadOnlyList<InterestSubsidyLine> InterestSubsidy(Func<DateOnly, decimal?> shareOn, DateOnly today) =>
        LoanSchedule.InterestSubsidy(_installments, shareOn, DefaultedOn, ExtensionSubsidised == true, today);

    private void Require(LoanStatus status, string message)
    {
        if (Status != status)
        {
            throw new DomainException("loan-state", message);
        }
    }

    private static void CheckDecisionDate(DateOnly date, DateOnly notBefore, string what, DateOnly today)
    {
        if (date < notBefore || date > today)
        {
            throw new DomainException("loan-decision-date", $"日期应在{what} {notBefore:yyyy-MM-dd} 与今天之间。");
        }
    }

    private static void RequireNoteWhenRefused(bool approved, string? note)
    {
        if (!approved && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException("loan-note", "不同意时须写明原因。");
        }
    }

    private static string? Trimmed(string? note) =>
        string.IsNullOrWhiteSpace(note) ? null : note.Trim() is var t && t.Length > MaxNoteLength ? t[..MaxNoteLength] : note.Trim();
}

/// <summary>Who borrows: a business start (with its resident) or a small firm.</summary>
public sealed record LoanApplicant(LoanApplicantKind Kind, Guid? BusinessStartId, Guid? EnterpriseId, Guid? ResidentId, string Name);

/// <summary>What the rules service decided of an application: the rule, its words and the maximum (null when not set).</summary>
public sealed record LoanEligibility(string RuleId, string Note, Money? Maximum);

public enum LoanApplicantKind
{
    /// <summary>个人（创业实体）</summary>
    BusinessStart,

    /// <summary>小微企业</summary>
    SmallEnterprise,
}

public enum LoanStatus
{
    /// <summary>已申请</summary>
    Applied,

    /// <summary>担保机构同意担保</summary>
    GuaranteeApproved,

    /// <summary>担保机构不同意</summary>
    GuaranteeRefused,

    /// <summary>银行审批同意</summary>
    BankApproved,

    /// <summary>银行不同意</summary>
    BankRefused,

    /// <summary>已放款、还款中</summary>
    Repaying,

    /// <summary>逾期</summary>
    Overdue,

    /// <summary>违约（代偿）</summary>
    Defaulted,

    /// <summary>已结清</summary>
    Repaid,
}

/// <summary>One installment of the repayment schedule (还款计划), with what was repaid of it.</summary>
public sealed class LoanInstallment
{
    private LoanInstallment()
    {
    }

    internal LoanInstallment(Guid loanId, ScheduleLine line)
    {
        Id = Guid.CreateVersion7();
        LoanId = loanId;
        Period = line.Period;
        DueDate = line.DueDate;
        OriginalDueDate = line.DueDate;
        Principal = line.Principal;
        Interest = line.Interest;
        OpeningBalance = line.OpeningBalance;
    }

    public Guid Id { get; private set; }

    public Guid LoanId { get; private set; }

    /// <summary>1 for the first month.</summary>
    public int Period { get; private set; }

    public DateOnly DueDate { get; private set; }

    /// <summary>The principal outstanding before this installment (the interest is charged on it).</summary>
    public Money OpeningBalance { get; private set; }

    public Money Principal { get; private set; }

    public Money Interest { get; private set; }

    /// <summary>The interest of an extension (展期) this installment carries; zero without one.</summary>
    public Money ExtensionInterest { get; private set; }

    /// <summary>The due date of the schedule as made, before an extension moved it.</summary>
    public DateOnly OriginalDueDate { get; private set; }

    public Money Paid { get; private set; }

    /// <summary>The day the installment was paid in full; null while not.</summary>
    public DateOnly? PaidOn { get; private set; }

    public Money Due => Principal + Interest + ExtensionInterest;

    public Money Remaining => Due - Paid;

    /// <summary>Moves the installment <paramref name="months"/> months later (展期), adding the extension's interest it carries.</summary>
    internal void Postpone(int months, Money extensionInterest)
    {
        DueDate = DatePeriods.AddMonthsClamped(OriginalDueDate, months);
        ExtensionInterest += extensionInterest;
    }

    /// <summary>Pays up to what remains of this installment; returns what it took.</summary>
    internal Money Pay(Money available, DateOnly paidOn)
    {
        var taken = Money.Min(available, Remaining);
        Paid += taken;
        if (Remaining.IsZero && PaidOn is null)
        {
            PaidOn = paidOn;
        }

        return taken;
    }
}

/// <summary>A repayment as recorded (还款登记).</summary>
public sealed class LoanRepayment
{
    private LoanRepayment()
    {
        RecordedBy = string.Empty;
    }

    internal LoanRepayment(Guid loanId, Money amount, DateOnly paidOn, string recordedBy, DateTimeOffset recordedAt)
    {
        Id = Guid.CreateVersion7();
        LoanId = loanId;
        Amount = amount;
        PaidOn = paidOn;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    public Guid LoanId { get; private set; }

    public Money Amount { get; private set; }

    public DateOnly PaidOn { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}
