using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Entrepreneurship;
using EmploymentPortal.Domain.Geography;
using EmploymentPortal.Domain.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Data.Configurations;

internal sealed class BusinessStartConfiguration : IEntityTypeConfiguration<BusinessStart>
{
    public void Configure(EntityTypeBuilder<BusinessStart> builder)
    {
        builder.ToTable("BusinessStarts");
        builder.Property(b => b.Name).HasMaxLength(BusinessStart.MaxNameLength).IsRequired();
        builder.Property(b => b.RegistrationNumber).HasMaxLength(18).IsRequired();
        builder.Property(b => b.Address).HasMaxLength(BusinessStart.MaxAddressLength).IsRequired();
        builder.Property(b => b.RecordedBy).HasMaxLength(256).IsRequired();
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasOne<Resident>().WithMany().HasForeignKey(b => b.ResidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Community>().WithMany().HasForeignKey(b => b.CommunityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(b => b.EnterpriseId).OnDelete(DeleteBehavior.Restrict);

        // One record per registered business.
        builder.HasIndex(b => b.RegistrationNumber).IsUnique();
        builder.HasIndex(b => b.ResidentId);

        // 一次性创业补贴 once only: a claim holds at most one business start, and a business start
        // holds at most one claim (one column, guarded by the row's version). Unique indexes hold
        // any number of nulls on both providers.
        builder.HasIndex(b => b.OneTimeSubsidyClaimId).IsUnique();
    }
}

internal sealed class GuaranteedLoanConfiguration : IEntityTypeConfiguration<GuaranteedLoan>
{
    public void Configure(EntityTypeBuilder<GuaranteedLoan> builder)
    {
        builder.ToTable("GuaranteedLoans");
        builder.Property(l => l.Number).HasMaxLength(40).IsRequired();
        builder.Property(l => l.ApplicantName).HasMaxLength(100).IsRequired();
        builder.Property(l => l.AppliedBy).HasMaxLength(256).IsRequired();
        builder.Property(l => l.EligibilityRuleId).HasMaxLength(200).IsRequired();
        builder.Property(l => l.EligibilityNote).HasMaxLength(GuaranteedLoan.MaxNoteLength).IsRequired();
        builder.Property(l => l.GuaranteeInstitution).HasMaxLength(100);
        builder.Property(l => l.GuaranteeNote).HasMaxLength(GuaranteedLoan.MaxNoteLength);
        builder.Property(l => l.GuaranteeRecordedBy).HasMaxLength(256);
        builder.Property(l => l.Bank).HasMaxLength(100);
        builder.Property(l => l.BankNote).HasMaxLength(GuaranteedLoan.MaxNoteLength);
        builder.Property(l => l.BankRecordedBy).HasMaxLength(256);
        builder.Property(l => l.DefaultNote).HasMaxLength(GuaranteedLoan.MaxNoteLength);
        builder.Property(l => l.ExtensionNote).HasMaxLength(GuaranteedLoan.MaxNoteLength);
        builder.Property(l => l.AnnualRatePercent).HasPrecision(9, 4);
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.Ignore(l => l.Outstanding);
        builder.Ignore(l => l.Schedule);
        builder.HasOne<BusinessStart>().WithMany().HasForeignKey(l => l.BusinessStartId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(l => l.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Resident>().WithMany().HasForeignKey(l => l.ResidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => l.Number).IsUnique();
        builder.HasIndex(l => new { l.Status, l.AppliedOn });
        builder.HasIndex(l => l.DisbursedOn);
        builder.HasIndex(l => l.BusinessStartId);
        builder.HasIndex(l => l.EnterpriseId);
        builder.HasMany(l => l.Installments).WithOne().HasForeignKey(i => i.LoanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.Installments).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_installments");
        builder.HasMany(l => l.Repayments).WithOne().HasForeignKey(r => r.LoanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.Repayments).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_repayments");
    }
}

internal sealed class LoanInstallmentConfiguration : IEntityTypeConfiguration<LoanInstallment>
{
    public void Configure(EntityTypeBuilder<LoanInstallment> builder)
    {
        builder.ToTable("LoanInstallments");

        // Made by the application: an installment added to a tracked loan is an insert.
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Ignore(i => i.Due);
        builder.Ignore(i => i.Remaining);
        builder.HasIndex(i => new { i.LoanId, i.Period }).IsUnique();
    }
}

internal sealed class LoanRepaymentConfiguration : IEntityTypeConfiguration<LoanRepayment>
{
    public void Configure(EntityTypeBuilder<LoanRepayment> builder)
    {
        builder.ToTable("LoanRepayments");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.RecordedBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(r => new { r.LoanId, r.PaidOn });
    }
}
