using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Entrepreneurship;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Tests.Entrepreneurship;

public class GuaranteedLoanTests
{
    private static readonly DateOnly Applied = new(2026, 1, 5);
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 2, 0, 0, TimeSpan.Zero);
    private static readonly Money Maximum = Money.FromYuan(150_000m);

    [Fact]
    public void Schedule_EqualPrincipal_InterestOnTheOpeningBalance()
    {
        var lines = LoanSchedule.Make(Money.FromYuan(150_000m), 3, 3.6m, new DateOnly(2026, 3, 10));

        Assert.Equal([Money.FromYuan(50_000m), Money.FromYuan(50_000m), Money.FromYuan(50_000m)], lines.Select(l => l.Principal));
        Assert.Equal([Money.FromYuan(450m), Money.FromYuan(300m), Money.FromYuan(150m)], lines.Select(l => l.Interest));
        Assert.Equal([new DateOnly(2026, 4, 10), new DateOnly(2026, 5, 10), new DateOnly(2026, 6, 10)], lines.Select(l => l.DueDate));
    }

    [Fact]
    public void Schedule_AmountNotDivisible_LastInstallmentTakesTheRemainder()
    {
        var lines = LoanSchedule.Make(Money.FromYuan(100_000m), 3, 3.85m, new DateOnly(2026, 3, 10));

        Assert.Equal([3_333_333L, 3_333_333L, 3_333_334L], lines.Select(l => l.Principal.Fen));
        Assert.Equal(Money.FromYuan(100_000m), Money.Sum(lines.Select(l => l.Principal)));
    }

    [Fact]
    public void Schedule_HalfAFenOfInterest_RoundsAwayFromZero()
    {
        var line = Assert.Single(LoanSchedule.Make(Money.FromYuan(1_001m), 1, 6m, new DateOnly(2026, 3, 10)));

        Assert.Equal(Money.FromFen(501), line.Interest);
    }

    [Fact]
    public void Schedule_DisbursedOnTheLastDayOfJanuary_FallsDueOnEachMonthsLastDay()
    {
        var lines = LoanSchedule.Make(Money.FromYuan(3_000m), 3, 4m, new DateOnly(2026, 1, 31));

        Assert.Equal([new DateOnly(2026, 2, 28), new DateOnly(2026, 3, 31), new DateOnly(2026, 4, 30)], lines.Select(l => l.DueDate));
    }

    [Fact]
    public void Apply_AtTheMaximum_IsAccepted_AndOneFenAboveIsRefused()
    {
        var accepted = Apply(Maximum);
        var error = Assert.Throws<DomainException>(() => Apply(Maximum + Money.FromFen(1)));

        Assert.Equal(LoanStatus.Applied, accepted.Status);
        Assert.Equal("loan-amount", error.Code);
        Assert.StartsWith("CD20260105-", accepted.Number, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(GuaranteedLoan.MaxTermMonths + 1)]
    public void Apply_TermOutOfRange_IsRefused(int months)
    {
        var error = Assert.Throws<DomainException>(() => GuaranteedLoan.Apply(Applicant(), Money.FromYuan(1000m), months, Eligibility(), Applied, "officer1", Now));

        Assert.Equal("loan-term", error.Code);
    }

    [Fact]
    public void BankDecision_BeforeTheGuarantee_IsRefused()
    {
        var loan = Apply(Money.FromYuan(30_000m));

        var error = Assert.Throws<DomainException>(() => loan.RecordBankDecision("江州农商银行", true, Money.FromYuan(30_000m), 3.85m, Applied, null, "officer1", Applied));

        Assert.Equal("loan-state", error.Code);
    }

    [Fact]
    public void GuaranteeRefused_WithoutAReason_IsRefused()
    {
        var loan = Apply(Money.FromYuan(30_000m));

        var error = Assert.Throws<DomainException>(() => loan.RecordGuaranteeDecision("江州融资担保公司", false, Applied, " ", "officer1", Applied));

        Assert.Equal("loan-note", error.Code);
    }

    [Fact]
    public void BankLendsMoreThanApplied_IsRefused()
    {
        var loan = Apply(Money.FromYuan(30_000m));
        loan.RecordGuaranteeDecision("江州融资担保公司", true, Applied, null, "officer1", Applied);

        var error = Assert.Throws<DomainException>(() => loan.RecordBankDecision("江州农商银行", true, Money.FromYuan(30_000.01m), 3.85m, Applied, null, "officer1", Applied));

        Assert.Equal("loan-amount", error.Code);
    }

    [Fact]
    public void Disburse_MakesTheScheduleFromTheBanksAmountAndRate()
    {
        var loan = Disbursed(Money.FromYuan(30_000m), lent: Money.FromYuan(24_000m), months: 12, rate: 3.6m);

        Assert.Equal(LoanStatus.Repaying, loan.Status);
        Assert.Equal(12, loan.Installments.Count);
        Assert.Equal(Money.FromYuan(2_000m), loan.Installments[0].Principal);
        Assert.Equal(Money.FromYuan(72m), loan.Installments[0].Interest);
        Assert.Equal(Money.FromYuan(24_000m), Money.Sum(loan.Installments.Select(i => i.Principal)));
    }

    [Fact]
    public void Repayment_PaysTheOldestInstallmentsFirst()
    {
        var loan = Disbursed(Money.FromYuan(3_000m), months: 3, rate: 3.6m);
        var first = loan.Installments[0];

        loan.RecordRepayment(first.Due + Money.FromYuan(100m), first.DueDate, "officer1", Now, first.DueDate);

        Assert.Equal(first.DueDate, loan.Installments[0].PaidOn);
        Assert.Equal(Money.FromYuan(100m), loan.Installments[1].Paid);
        Assert.Null(loan.Installments[1].PaidOn);
    }

    [Fact]
    public void Repayment_MoreThanOutstanding_IsRefused()
    {
        var loan = Disbursed(Money.FromYuan(3_000m), months: 3, rate: 3.6m);
        var today = loan.Installments[^1].DueDate;

        var error = Assert.Throws<DomainException>(() => loan.RecordRepayment(loan.Outstanding + Money.FromFen(1), today, "officer1", Now, today));

        Assert.Equal("loan-repayment-amount", error.Code);
    }

    [Fact]
    public void Repayment_OfEverything_RepaysTheLoan()
    {
        var loan = Disbursed(Money.FromYuan(3_000m), months: 3, rate: 3.6m);
        var today = loan.Installments[^1].DueDate;

        loan.RecordRepayment(loan.Outstanding, today, "officer1", Now, today);

        Assert.Equal(LoanStatus.Repaid, loan.Status);
        Assert.Equal(today, loan.RepaidOn);
        Assert.True(loan.Outstanding.IsZero);
    }

    [Fact]
    public void MarkOverdue_OnTheDueDate_IsRefused_AndTheDayAfterIsAccepted()
    {
        var loan = Disbursed(Money.FromYuan(3_000m), months: 3, rate: 3.6m);
        var due = loan.Installments[0].DueDate;

        var error = Assert.Throws<DomainException>(() => loan.MarkOverdue(due));
        loan.MarkOverdue(due.AddDays(1));

        Assert.Equal("loan-not-overdue", error.Code);
        Assert.Equal(LoanStatus.Overdue, loan.Status);
        Assert.Equal(due.AddDays(1), loan.OverdueSince);
    }

    [Fact]
    public void Overdue_CaughtUp_IsRepayingAgain()
    {
        var loan = Disbursed(Money.FromYuan(3_000m), months: 3, rate: 3.6m);
        var today = loan.Installments[0].DueDate.AddDays(5);
        loan.MarkOverdue(today);

        loan.RecordRepayment(loan.Installments[0].Due, today, "officer1", Now, today);

        Assert.Equal(LoanStatus.Repaying, loan.Status);
        Assert.Null(loan.OverdueSince);
    }

    [Fact]
    public void Default_OnlyFromOverdue_AndThenNoRepayment()
    {
        var loan = Disbursed(Money.FromYuan(3_000m), months: 3, rate: 3.6m);
        var today = loan.Installments[0].DueDate.AddDays(40);

        var early = Assert.Throws<DomainException>(() => loan.MarkDefault(today, "担保机构代偿", today));
        loan.MarkOverdue(today);
        loan.MarkDefault(today, "担保机构代偿", today);
        var after = Assert.Throws<DomainException>(() => loan.RecordRepayment(Money.FromYuan(1m), today, "officer1", Now, today));

        Assert.Equal("loan-state", early.Code);
        Assert.Equal(LoanStatus.Defaulted, loan.Status);
        Assert.Equal("loan-state", after.Code);
    }

    [Fact]
    public void InterestSubsidy_HalfAFen_RoundsAwayFromZero_PerInstallment()
    {
        var loan = Disbursed(Money.FromYuan(1_001m), months: 1, rate: 6m);
        var due = loan.Installments[0].DueDate;
        loan.RecordRepayment(loan.Outstanding, due, "officer1", Now, due);

        var line = Assert.Single(loan.InterestSubsidy(_ => 0.5m, due));

        Assert.Equal(Money.FromFen(501), line.Interest);
        Assert.Equal(Money.FromFen(251), line.Subsidy);
        Assert.Equal(SubsidyState.Payable, line.State);
    }

    [Fact]
    public void InterestSubsidy_ShareNotSet_IsNotComputed()
    {
        var loan = Disbursed(Money.FromYuan(3_000m), months: 3, rate: 3.6m);

        var lines = loan.InterestSubsidy(_ => null, Applied);

        Assert.All(lines, l => Assert.Equal(SubsidyState.ShareNotSet, l.State));
        Assert.All(lines, l => Assert.Null(l.Subsidy));
    }

    [Fact]
    public void InterestSubsidy_ShareChangesOnADate_EachInstallmentTakesTheShareOfItsDueDate()
    {
        var loan = Disbursed(Money.FromYuan(3_000m), months: 3, rate: 3.6m);
        var change = loan.Installments[1].DueDate;

        var lines = loan.InterestSubsidy(d => d < change ? 1m : 0.5m, Applied);

        Assert.Equal(loan.Installments[0].Interest, lines[0].Subsidy);
        Assert.Equal(loan.Installments[1].Interest.MultiplyBy(0.5m), lines[1].Subsidy);
        Assert.Equal(SubsidyState.NotYetDue, lines[0].State);
    }

    [Fact]
    public void InterestSubsidy_AfterDefault_UnpaidInstallmentsHaveNone()
    {
        var loan = Disbursed(Money.FromYuan(3_000m), months: 3, rate: 3.6m);
        var first = loan.Installments[0];
        loan.RecordRepayment(first.Due, first.DueDate, "officer1", Now, first.DueDate);
        var today = loan.Installments[1].DueDate.AddDays(40);
        loan.MarkOverdue(today);
        loan.MarkDefault(today, "担保机构代偿", today);

        var lines = loan.InterestSubsidy(_ => 1m, today);

        Assert.Equal(SubsidyState.Payable, lines[0].State);
        Assert.Equal(first.Interest, lines[0].Subsidy);
        Assert.Equal(SubsidyState.Forfeited, lines[1].State);
        Assert.Equal(Money.Zero, lines[1].Subsidy);
    }

    [Fact]
    public void Extend_PostponesTheUnpaidInstallments_AndTheFirstCarriesTheExtensionsInterest()
    {
        var loan = Disbursed(Money.FromYuan(3_000m), months: 3, rate: 3.6m);
        var first = loan.Installments[0];
        loan.RecordRepayment(first.Due, first.DueDate, "officer1", Now, first.DueDate);
        var second = loan.Installments[1].DueDate;

        loan.Extend(2, 12, first.DueDate, subsidised: true, "借款人患新冠肺炎", first.DueDate);

        Assert.Equal(first.DueDate, loan.Installments[0].DueDate);
        Assert.Equal(second.AddMonths(2), loan.Installments[1].DueDate);
        Assert.Equal(Money.FromYuan(12m), loan.Installments[1].ExtensionInterest);
        Assert.Equal(Money.Zero, loan.Installments[2].ExtensionInterest);
    }

    [Theory]
    [InlineData(true, 9)]
    [InlineData(false, 3)]
    public void Extend_TheExtensionsInterestIsSubsidisedOnlyWhenTheRuleSaysSo(bool subsidised, int expectedYuan)
    {
        var loan = Disbursed(Money.FromYuan(3_000m), months: 3, rate: 3.6m);
        var first = loan.Installments[0];
        loan.RecordRepayment(first.Due, first.DueDate, "officer1", Now, first.DueDate);

        loan.Extend(2, 12, first.DueDate, subsidised, "展期", first.DueDate);

        Assert.Equal(Money.FromYuan(expectedYuan), loan.InterestSubsidy(_ => 0.5m, first.DueDate)[1].Subsidy);
    }

    [Fact]
    public void Extend_BeyondTheMaximum_OrTwice_IsRefused()
    {
        var loan = Disbursed(Money.FromYuan(3_000m), months: 3, rate: 3.6m);
        var day = loan.DisbursedOn!.Value;

        var tooLong = Assert.Throws<DomainException>(() => loan.Extend(13, 12, day, true, "展期", day));
        loan.Extend(12, 12, day, true, "展期", day);
        var twice = Assert.Throws<DomainException>(() => loan.Extend(1, 12, day, true, "展期", day));

        Assert.Equal("loan-extension", tooLong.Code);
        Assert.Equal("loan-extension", twice.Code);
    }

    private static LoanApplicant Applicant() => new(LoanApplicantKind.BusinessStart, Guid.CreateVersion7(), null, Guid.CreateVersion7(), "江州小李早餐店");

    private static LoanEligibility Eligibility() => new("nanhe-2020-1.startup-loan-individual", "个人创业担保贷款最高 15 万元（邢南政发〔2020〕1号 (十一)）", Maximum);

    private static GuaranteedLoan Apply(Money amount) => GuaranteedLoan.Apply(Applicant(), amount, 24, Eligibility(), Applied, "officer1", Now);

    private static GuaranteedLoan Disbursed(Money amount, Money? lent = null, int months = 12, decimal rate = 3.85m)
    {
        var loan = GuaranteedLoan.Apply(Applicant(), amount, months, Eligibility(), Applied, "officer1", Now);
        var day = Applied.AddDays(10);
        loan.RecordGuaranteeDecision("江州融资担保公司", true, Applied.AddDays(3), null, "officer1", day);
        loan.RecordBankDecision("江州农商银行", true, lent ?? amount, rate, Applied.AddDays(6), null, "officer1", day);
        loan.Disburse(Applied.AddDays(10), day);
        return loan;
    }
}
