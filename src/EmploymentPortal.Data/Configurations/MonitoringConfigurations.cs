using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Data.Configurations;

internal sealed class MonitoredEnterpriseConfiguration : IEntityTypeConfiguration<MonitoredEnterprise>
{
    public void Configure(EntityTypeBuilder<MonitoredEnterprise> builder)
    {
        builder.ToTable("MonitoredEnterprises");
        builder.Property(m => m.Reason).HasMaxLength(MonitoredEnterprise.MaxReasonLength).IsRequired();
        builder.Property(m => m.EndReason).HasMaxLength(MonitoredEnterprise.MaxReasonLength);
        builder.Property(m => m.DesignatedBy).HasMaxLength(256).IsRequired();
        builder.Property(m => m.EndedBy).HasMaxLength(256);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(m => m.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.EnterpriseId, m.Since });
    }
}

internal sealed class MonthlyEmploymentReportConfiguration : IEntityTypeConfiguration<MonthlyEmploymentReport>
{
    public void Configure(EntityTypeBuilder<MonthlyEmploymentReport> builder)
    {
        builder.ToTable("MonthlyEmploymentReports", t =>
        {
            // The figures' own checks, in the database too: a row written around the domain cannot break them.
            t.HasCheckConstraint("CK_MonthlyEmploymentReports_Figures", "\"Headcount\" >= 0 AND \"Hires\" >= 0 AND \"Separations\" >= 0 AND \"EconomicLayoffs\" >= 0 AND \"EconomicLayoffs\" <= \"Separations\"");
        });
        builder.Ignore(r => r.Figures);
        builder.Property(r => r.SubmittedBy).HasMaxLength(256).IsRequired();
        builder.Property(r => r.CorrectedBy).HasMaxLength(256);
        builder.Property(r => r.CorrectionNote).HasMaxLength(MonthlyEmploymentReport.MaxNoteLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(r => r.EnterpriseId).OnDelete(DeleteBehavior.Restrict);

        // One report per enterprise and month: a second submission is a correction.
        builder.HasIndex(r => new { r.EnterpriseId, r.Month }).IsUnique();
        builder.HasIndex(r => r.Month);
    }
}

internal sealed class WarningThresholdConfiguration : IEntityTypeConfiguration<WarningThreshold>
{
    public void Configure(EntityTypeBuilder<WarningThreshold> builder)
    {
        builder.ToTable("WarningThresholds");
        builder.Property(t => t.SharePercent).HasPrecision(9, 2);
        builder.Property(t => t.Basis).HasMaxLength(WarningThreshold.MaxBasisLength).IsRequired();
        builder.Property(t => t.ConfiguredBy).HasMaxLength(256).IsRequired();
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => t.Kind).IsUnique();
    }
}

internal sealed class EmploymentWarningConfiguration : IEntityTypeConfiguration<EmploymentWarning>
{
    public void Configure(EntityTypeBuilder<EmploymentWarning> builder)
    {
        builder.ToTable("EmploymentWarnings");
        builder.Ignore(w => w.IsOpen);
        builder.Property(w => w.SubjectKey).HasMaxLength(80).IsRequired();
        builder.Property(w => w.SubjectName).HasMaxLength(200).IsRequired();
        builder.Property(w => w.Before).HasPrecision(18, 2);
        builder.Property(w => w.After).HasPrecision(18, 2);
        builder.Property(w => w.Change).HasPrecision(18, 2);
        builder.Property(w => w.ChangePercent).HasPrecision(9, 1);
        builder.Property(w => w.Figures).HasMaxLength(1000).IsRequired();
        builder.Property(w => w.Threshold).HasMaxLength(200).IsRequired();
        builder.Property(w => w.Basis).HasMaxLength(WarningThreshold.MaxBasisLength).IsRequired();
        builder.Property(w => w.AcknowledgedBy).HasMaxLength(256);
        builder.Property(w => w.AcknowledgementNote).HasMaxLength(EmploymentWarning.MaxNoteLength);
        builder.Property(w => w.Version).IsConcurrencyToken();

        // Raised once per rule, subject and month, however often or wherever the evaluation runs.
        builder.HasIndex(w => new { w.Kind, w.SubjectKey, w.Month }).IsUnique();
        builder.HasIndex(w => w.AcknowledgedAt);
    }
}

internal sealed class LayoffPlanConfiguration : IEntityTypeConfiguration<LayoffPlan>
{
    public void Configure(EntityTypeBuilder<LayoffPlan> builder)
    {
        builder.ToTable("LayoffPlans");
        builder.Property(p => p.Reasons).HasMaxLength(LayoffPlan.MaxReasonsLength).IsRequired();
        builder.Property(p => p.PlacementScheme).HasMaxLength(LayoffPlan.MaxSchemeLength).IsRequired();
        builder.Property(p => p.RecordedBy).HasMaxLength(256).IsRequired();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(p => p.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.EnterpriseId, p.PlannedDate });
    }
}
