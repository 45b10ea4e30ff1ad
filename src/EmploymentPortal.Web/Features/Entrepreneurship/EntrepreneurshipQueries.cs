using EmploymentPortal.Data;
using EmploymentPortal.Domain.Entrepreneurship;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Policies;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Entrepreneurship;

/// <summary>Reads of business starts and loans, scoped as the records they hang on.</summary>
public static class EntrepreneurshipQueries
{
    public sealed record BusinessStartRow(
        Guid Id,
        Guid ResidentId,
        string Name,
        string RegistrationNumber,
        BusinessType Type,
        DateOnly StartDate,
        string Address,
        string CommunityName,
        bool IsPortalEnterprise,
        int Employees,
        string RecordedBy,
        IReadOnlyList<LoanBrief> Loans);

    public sealed record LoanBrief(Guid Id, string Number, Money Amount, LoanStatus Status);

    public sealed record LoanRow(
        Guid Id,
        string Number,
        LoanApplicantKind ApplicantKind,
        string ApplicantName,
        Money Amount,
        int TermMonths,
        DateOnly AppliedOn,
        DateOnly? DisbursedOn,
        LoanStatus Status);

    public sealed record LoanDetail(
        GuaranteedLoan Loan,
        string? ResidentName,
        Guid? ResidentId,
        IReadOnlyList<InterestSubsidyLine> Subsidy,
        Money SubsidyTotal,
        Money SubsidyPayable,
        decimal? CurrentShare);

    public sealed record BusinessStartChoice(Guid Id, string Name, string ResidentName);

    /// <summary>The business starts of a resident the caller may see (null when the resident is out of scope).</summary>
    public static async Task<IReadOnlyList<BusinessStartRow>?> BusinessStartsOfAsync(PortalDbContext db, PortalPrincipal principal, Guid residentId, DateOnly today, CancellationToken cancellationToken = default)
    {
        if (!await db.Residents.VisibleTo(principal).AnyAsync(r => r.Id == residentId, cancellationToken))
        {
            return null;
        }

        var starts = await db.BusinessStarts.AsNoTracking().Where(b => b.ResidentId == residentId).OrderBy(b => b.StartDate).ToListAsync(cancellationToken);
        var enterpriseIds = starts.Where(s => s.EnterpriseId is not null).Select(s => s.EnterpriseId!.Value).ToList();
        var hires = await db.Hires.AsNoTracking().Where(h => enterpriseIds.Contains(h.EnterpriseId)).ToListAsync(cancellationToken);
        var startIds = starts.Select(s => s.Id).ToList();
        var loans = await db.GuaranteedLoans.AsNoTracking().Where(l => l.BusinessStartId != null && startIds.Contains(l.BusinessStartId.Value))
            .Select(l => new { l.BusinessStartId, Brief = new LoanBrief(l.Id, l.Number, l.Amount, l.Status) }).ToListAsync(cancellationToken);
        var communityIds = starts.Select(s => s.CommunityId).Distinct().ToList();
        var communities = await db.Communities.AsNoTracking().Where(c => communityIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return starts.Select(s => new BusinessStartRow(
            s.Id, s.ResidentId, s.Name, s.RegistrationNumber, s.Type, s.StartDate, s.Address, communities.GetValueOrDefault(s.CommunityId, string.Empty),
            s.EnterpriseId is not null, s.EmployeesOn(hires, today), s.RecordedBy,
            loans.Where(l => l.BusinessStartId == s.Id).Select(l => l.Brief).ToList())).ToList();
    }

    /// <summary>Loans for the bureau's list, newest application first, optionally of one status.</summary>
    public static async Task<ResidentQueries.Page<LoanRow>> LoansAsync(PortalDbContext db, LoanStatus? status, int skip, int take, CancellationToken cancellationToken = default)
    {
        var query = db.GuaranteedLoans.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(l => l.Status == s);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(l => l.AppliedOn).ThenByDescending(l => l.Id).Skip(skip).Take(take)
            .Select(l => new LoanRow(l.Id, l.Number, l.ApplicantKind, l.ApplicantName, l.Amount, l.TermMonths, l.AppliedOn, l.DisbursedOn, l.Status))
            .ToListAsync(cancellationToken);
        return new ResidentQueries.Page<LoanRow>(items, total);
    }

    /// <summary>A loan with its schedule, repayments and the interest subsidy of each installment.</summary>
    public static async Task<LoanDetail?> LoanAsync(PortalDbContext db, PolicyCatalogue catalogue, Guid id, DateOnly today, CancellationToken cancellationToken = default)
    {
        var loan = await db.GuaranteedLoans.AsNoTracking().Include(l => l.Installments).Include(l => l.Repayments).AsSplitQuery()
            .FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (loan is null)
        {
            return null;
        }

        var residentName = loan.ResidentId is { } residentId
            ? await db.Residents.AsNoTracking().Where(r => r.Id == residentId).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        var subsidy = loan.InterestSubsidy(date => LoanConditions.InterestShareOn(catalogue, date), today);
        return new LoanDetail(
            loan,
            residentName,
            loan.ResidentId,
            subsidy,
            Money.Sum(subsidy.Select(l => l.Subsidy ?? Money.Zero)),
            Money.Sum(subsidy.Where(l => l.State == SubsidyState.Payable).Select(l => l.Subsidy ?? Money.Zero)),
            LoanConditions.InterestShareOn(catalogue, today));
    }

    /// <summary>Business starts an officer can name in a loan application (newest first).</summary>
    public static async Task<IReadOnlyList<BusinessStartChoice>> BusinessStartChoicesAsync(PortalDbContext db, CancellationToken cancellationToken = default) =>
        await db.BusinessStarts.AsNoTracking().OrderByDescending(b => b.RecordedAt).Take(200)
            .Join(db.Residents, b => b.ResidentId, r => r.Id, (b, r) => new BusinessStartChoice(b.Id, b.Name, r.Name))
            .ToListAsync(cancellationToken);
}
