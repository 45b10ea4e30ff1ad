using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Entrepreneurship;

/// <summary>
/// The repayment schedule of a guaranteed loan and the interest subsidy computed from it: one
/// definition of each, pure.
/// </summary>
/// <remarks>
/// <para><b>Schedule</b> (等额本金，按月还款): <c>n</c> monthly installments. Installment <c>k</c> falls
/// due <c>k</c> months after the disbursement date (<see cref="DatePeriods.AddMonthsClamped"/>: a
/// loan paid out on 31 January falls due on 28/29 February, 31 March, 30 April …). The principal
/// of each installment is the amount divided by <c>n</c> rounded down to the fen; the last one
/// takes the remainder, so the principals add up to the amount exactly. The interest of an
/// installment is the principal outstanding before it × annual rate (per cent) ÷ 1200.</para>
/// <para><b>Rounding</b>: every interest amount and every subsidy amount is rounded once, to the fen,
/// half away from zero (<see cref="Money.MultiplyBy"/>, 四舍五入), per installment; totals are the
/// sums of the rounded installments (what the borrower pays and the finance bureau pays out), never
/// rounded again.</para>
/// <para><b>Interest subsidy</b> (贴息): the share of an installment's interest that the rules
/// service gives for the installment's due date (the local parameter
/// <c>nanhe-2020-1.startupLoan.interestSubsidyShare</c>: 邢南政发〔2020〕1号 (十)/(十二) grant 贴息 and
/// state no share). The subsidy of an installment is payable once its interest is paid; an
/// installment not paid when the loan defaulted (代偿) has none. The interest of an extension (展期)
/// is subsidised only when the rules service decided, on the day it was granted, that the subsidy
/// continues (邢南政发〔2020〕1号 (十), rule <c>startup-loan-extension-covid</c>, in force until the end
/// the bureau sets for the epidemic period).</para>
/// </remarks>
public static class LoanSchedule
{
    /// <summary>The schedule of a loan of <paramref name="amount"/> over <paramref name="termMonths"/> months.</summary>
    public static IReadOnlyList<ScheduleLine> Make(Money amount, int termMonths, decimal annualRatePercent, DateOnly disbursedOn)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(termMonths, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(annualRatePercent);

        var basePrincipal = Money.FromFen(amount.Fen / termMonths);
        // Per cent a year to a share a month: 3.6 % a year is 0.003 a month.
        var monthlyRate = annualRatePercent / 1200m;
        var balance = amount;
        var lines = new List<ScheduleLine>(termMonths);
        for (var period = 1; period <= termMonths; period++)
        {
            var principal = period == termMonths ? balance : basePrincipal;
            var interest = balance.MultiplyBy(monthlyRate);
            lines.Add(new ScheduleLine(period, DatePeriods.AddMonthsClamped(disbursedOn, period), balance, principal, interest));
            balance -= principal;
        }

        return lines;
    }

    /// <summary>
    /// The interest subsidy of each installment; <paramref name="shareOn"/> gives the share in
    /// force on a due date (null: not set by the bureau, so not computed).
    /// </summary>
    public static IReadOnlyList<InterestSubsidyLine> InterestSubsidy(IEnumerable<LoanInstallment> installments, Func<DateOnly, decimal?> shareOn, DateOnly? defaultedOn, bool extensionSubsidised, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(installments);
        ArgumentNullException.ThrowIfNull(shareOn);

        var lines = new List<InterestSubsidyLine>();
        foreach (var installment in installments.OrderBy(i => i.Period))
        {
            var share = shareOn(installment.DueDate);
            var interest = extensionSubsidised ? installment.Interest + installment.ExtensionInterest : installment.Interest;
            Money? subsidy = share is { } s ? interest.MultiplyBy(s) : null;
            var state = share is null ? SubsidyState.ShareNotSet
                : installment.PaidOn is not null ? SubsidyState.Payable
                : defaultedOn is not null ? SubsidyState.Forfeited
                : installment.DueDate < today ? SubsidyState.AwaitingRepayment
                : SubsidyState.NotYetDue;
            lines.Add(new InterestSubsidyLine(installment.Period, installment.DueDate, interest, share, state == SubsidyState.Forfeited ? Money.Zero : subsidy, state));
        }

        return lines;
    }
}

/// <summary>One line of a schedule as made.</summary>
public sealed record ScheduleLine(int Period, DateOnly DueDate, Money OpeningBalance, Money Principal, Money Interest);

/// <summary>The interest subsidy of one installment.</summary>
public sealed record InterestSubsidyLine(int Period, DateOnly DueDate, Money Interest, decimal? Share, Money? Subsidy, SubsidyState State);

public enum SubsidyState
{
    /// <summary>贴息比例未设定</summary>
    ShareNotSet,

    /// <summary>未到期</summary>
    NotYetDue,

    /// <summary>已到期、待还款</summary>
    AwaitingRepayment,

    /// <summary>已还款、可贴息</summary>
    Payable,

    /// <summary>违约代偿，不贴息</summary>
    Forfeited,
}
