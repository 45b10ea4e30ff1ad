using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Entrepreneurship;
using EmploymentPortal.Domain.ValueObjects;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Data.Seeding;

/// <summary>
/// Demo business starts and guaranteed loans (issue 16): three residents of station1's
/// communities started businesses; one loan was disbursed 14 months ago and repaid on time over
/// 12 months, one disbursed 7 months ago stopped after four installments and is overdue, and one
/// application awaits the guarantee institution. The interest-subsidy share is a local parameter
/// the demo leaves unset (the bureau sets it on the policies page).
/// </summary>
public static class DemoStartups
{
    private const string Guarantor = "江州市融资担保有限公司";
    private const string Bank = "江州农村商业银行";

    public static async Task<int> SeedAsync(IDbContextFactory<PortalDbContext> factory, PortalCalendar calendar, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = calendar.Now;
        var today = PortalCalendar.DateOf(now);
        var residents = await db.Residents
            .Where(r => db.Communities.Any(c => c.Id == r.CommunityId && (c.Name == "东湖社区" || c.Name == "滨江社区")))
            .Where(r => r.BirthDate < today.AddYears(-25))
            .OrderByDescending(r => r.Id)
            .Take(3)
            .ToListAsync(cancellationToken);
        if (residents.Count < 3)
        {
            return 0;
        }

        string[] names = ["江州味道早餐店", "东湖电商服务部", "滨江果蔬种植专业合作社"];
        BusinessType[] types = [BusinessType.IndividualBusiness, BusinessType.IndividualBusiness, BusinessType.FarmersCooperative];
        int[] monthsAgo = [20, 14, 8];
        var random = new Random(20261207);
        var starts = new List<BusinessStart>();
        for (var i = 0; i < 3; i++)
        {
            var number = types[i] == BusinessType.IndividualBusiness ? IndividualNumber(random) : CooperativeCode(random);
            var details = new BusinessStartDetails(names[i], number, types[i], today.AddMonths(-monthsAgo[i]), $"江州市东湖区民主路 {10 + i} 号", residents[i].CommunityId);
            starts.Add(BusinessStart.Record(residents[i], details, null, "station1", now, today));
        }

        db.BusinessStarts.AddRange(starts);
        var loans = new List<GuaranteedLoan>
        {
            Loan(starts[0], Money.FromYuan(100_000m), 12, today.AddMonths(-14), repaidInstallments: 12),
            Loan(starts[1], Money.FromYuan(50_000m), 24, today.AddMonths(-7).AddDays(-20), repaidInstallments: 4),
        };
        var overdue = loans[1];
        overdue.MarkOverdue(today);
        loans.Add(GuaranteedLoan.Apply(Applicant(starts[2]), Money.FromYuan(80_000m), 24, Eligibility(), today.AddDays(-3), "officer1", now));
        db.GuaranteedLoans.AddRange(loans);
        await db.SaveChangesAsync(cancellationToken);
        return loans.Count;

        GuaranteedLoan Loan(BusinessStart start, Money amount, int months, DateOnly applied, int repaidInstallments)
        {
            var loan = GuaranteedLoan.Apply(Applicant(start), amount, months, Eligibility(), applied, "officer1", now);
            loan.RecordGuaranteeDecision(Guarantor, true, applied.AddDays(5), null, "officer1", today);
            loan.RecordBankDecision(Bank, true, amount, 3.45m, applied.AddDays(10), null, "officer1", today);
            loan.Disburse(applied.AddDays(15), today);
            foreach (var installment in loan.Schedule.Take(repaidInstallments))
            {
                loan.RecordRepayment(installment.Due, installment.DueDate, "officer1", now, today);
            }

            return loan;
        }
    }

    private static LoanApplicant Applicant(BusinessStart start) => new(LoanApplicantKind.BusinessStart, start.Id, null, start.ResidentId, start.Name);

    private static LoanEligibility Eligibility() =>
        new("nanhe-2020-1.startup-loan-individual", "个人创业担保贷款：邢南政发〔2020〕1号 (十一)；最高额度 ¥150,000.00", Money.FromYuan(150_000m));

    /// <summary>A credit code of a farmers' cooperative (93: market regulation, 农民专业合作社).</summary>
    private static string CooperativeCode(Random random)
    {
        var body = "93369902" + string.Concat(Enumerable.Range(0, 9).Select(_ => UnifiedSocialCreditCode.Alphabet[random.Next(UnifiedSocialCreditCode.Alphabet.Length)]));
        return body + UnifiedSocialCreditCode.ComputeCheckCharacter(body);
    }

    private static string IndividualNumber(Random random)
    {
        var first14 = $"3699026{random.Next(0, 10_000_000):0000000}";
        return first14 + BusinessRegistrationNumber.LegacyCheckDigit(first14).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
