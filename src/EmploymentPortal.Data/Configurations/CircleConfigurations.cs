using EmploymentPortal.Domain.Circles;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Geography;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.Vacancies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Data.Configurations;

internal sealed class JobReferralConfiguration : IEntityTypeConfiguration<JobReferral>
{
    public void Configure(EntityTypeBuilder<JobReferral> builder)
    {
        builder.ToTable("JobReferrals");
        builder.Property(r => r.Reason).HasMaxLength(200);
        builder.Property(r => r.ReferredBy).HasMaxLength(256).IsRequired();
        builder.Property(r => r.AnswerNote).HasMaxLength(500);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.IsOpen);
        builder.HasOne<Resident>().WithMany().HasForeignKey(r => r.ResidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Vacancy>().WithMany().HasForeignKey(r => r.VacancyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(r => r.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Community>().WithMany().HasForeignKey(r => r.CommunityId).OnDelete(DeleteBehavior.Restrict);

        // One referral of a resident to a vacancy: a second one is refused.
        builder.HasIndex(r => new { r.ResidentId, r.VacancyId }).IsUnique();
        builder.HasIndex(r => new { r.EnterpriseId, r.Status });
        builder.HasIndex(r => new { r.CommunityId, r.ReferredAt });
    }
}

internal sealed class CircleStandardConfiguration : IEntityTypeConfiguration<CircleStandard>
{
    public void Configure(EntityTypeBuilder<CircleStandard> builder)
    {
        builder.ToTable("CircleStandards");
        builder.Property(s => s.MaxUnemploymentRatePercent).HasPrecision(6, 2);
        builder.Property(s => s.MinFollowUpCoveragePercent).HasPrecision(6, 2);
        builder.Property(s => s.MinOpeningsPerUnemployed).HasPrecision(8, 2);
        builder.Property(s => s.SetBy).HasMaxLength(256).IsRequired();
        builder.Property(s => s.Reason).HasMaxLength(500).IsRequired();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.Thresholds);
        builder.HasIndex(s => s.EffectiveFrom);
    }
}

internal sealed class CircleTargetConfiguration : IEntityTypeConfiguration<CircleTarget>
{
    public void Configure(EntityTypeBuilder<CircleTarget> builder)
    {
        builder.ToTable("CircleTargets");
        builder.Property(t => t.SharePercent).HasPrecision(6, 2);
        builder.Property(t => t.SetBy).HasMaxLength(256).IsRequired();
        builder.Property(t => t.Reason).HasMaxLength(500).IsRequired();
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => t.Year);
    }
}

internal sealed class CommunityAssessmentConfiguration : IEntityTypeConfiguration<CommunityAssessment>
{
    public void Configure(EntityTypeBuilder<CommunityAssessment> builder)
    {
        builder.ToTable("CommunityAssessments");
        builder.Property(a => a.UnemploymentRatePercent).HasPrecision(6, 2);
        builder.Property(a => a.FollowUpCoveragePercent).HasPrecision(6, 2);
        builder.Property(a => a.OpeningsPerUnemployed).HasPrecision(10, 2);
        builder.Property(a => a.Summary).HasMaxLength(2000).IsRequired();
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<Community>().WithMany().HasForeignKey(a => a.CommunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.CommunityId, a.Month }).IsUnique();
        builder.HasIndex(a => a.Month);
    }
}
