using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Data.Configurations;

internal sealed class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> builder)
    {
        builder.ToTable("Claims");
        builder.Property(c => c.Number).HasMaxLength(40).IsRequired();
        builder.Property(c => c.Benefit).HasMaxLength(60).IsRequired();
        builder.Property(c => c.RuleId).HasMaxLength(120).IsRequired();
        builder.Property(c => c.RuleTitle).HasMaxLength(200).IsRequired();
        builder.Property(c => c.DocumentNumber).HasMaxLength(100);
        builder.Property(c => c.PersonName).HasMaxLength(50).IsRequired();
        builder.Property(c => c.FactSource).HasMaxLength(40).IsRequired();
        builder.Property(c => c.StatedFactsJson).IsRequired();
        builder.Property(c => c.FactsJson).IsRequired();
        builder.Property(c => c.DecisionJson).IsRequired();
        builder.Property(c => c.CatalogueVersion).HasMaxLength(120).IsRequired();
        builder.Property(c => c.MissingFacts).HasMaxLength(1000).IsRequired();
        builder.Property(c => c.OnceOnlyKey).HasMaxLength(200);
        builder.Property(c => c.PayeeName).HasMaxLength(100).IsRequired();
        builder.Property(c => c.PayeeAccount).HasMaxLength(40).IsRequired();
        builder.Property(c => c.PayeeBank).HasMaxLength(100);
        builder.Property(c => c.PreparedById).HasMaxLength(450).IsRequired();
        builder.Property(c => c.PreparedByName).HasMaxLength(100).IsRequired();
        builder.Property(c => c.SubmittedById).HasMaxLength(450);
        builder.Property(c => c.SubmittedByName).HasMaxLength(100);
        builder.Property(c => c.ReviewerId).HasMaxLength(450);
        builder.Property(c => c.ReviewerName).HasMaxLength(100);
        builder.Property(c => c.FirstApproverId).HasMaxLength(450);
        builder.Property(c => c.FirstApproverName).HasMaxLength(100);
        builder.Property(c => c.SecondApproverId).HasMaxLength(450);
        builder.Property(c => c.SecondApproverName).HasMaxLength(100);
        builder.Property(c => c.OverrideReason).HasMaxLength(1000);
        builder.Property(c => c.ReviewNote).HasMaxLength(1000);
        builder.Property(c => c.PaymentFailure).HasMaxLength(500);
        builder.Property(c => c.SupervisionNote).HasMaxLength(500);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.NotifiedUserId);
        builder.Ignore(c => c.IsLive);

        builder.HasOne<Resident>().WithMany().HasForeignKey(c => c.ResidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EmploymentPortal.Domain.Posts.PostPlacement>().WithMany().HasForeignKey(c => c.PlacementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(c => c.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EmploymentPortal.Domain.Hires.Hire>().WithMany().HasForeignKey(c => c.HireId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PaymentBatch>().WithMany().HasForeignKey(c => c.PaymentBatchId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(c => c.Number).IsUnique();

        // Money safety: one live claim per once-only scope. Rejected and withdrawn claims set the
        // key to null; both providers let a unique index hold any number of nulls, so no filter is
        // needed and the constraint is the same on SQLite and PostgreSQL.
        builder.HasIndex(c => c.OnceOnlyKey).IsUnique();

        // The review queue (status, oldest submission first) and the claimant's lists.
        builder.HasIndex(c => new { c.Status, c.SubmittedAt });

        // The officers' review queue (three statuses, oldest submission first): a partial index in
        // queue order, so the first page is an ordered index scan that stops after one page instead
        // of sorting every waiting claim (docs/benchmarks.md: 2 M claims). Same SQL on both providers.
        builder.HasIndex(c => new { c.SubmittedAt, c.Id })
            .HasDatabaseName("IX_Claims_ReviewQueue")
            .HasFilter("\"Status\" IN ('Submitted', 'UnderReview', 'AwaitingSecondApproval')");
        builder.HasIndex(c => new { c.EnterpriseId, c.Status });
        builder.HasIndex(c => new { c.CommunityId, c.Status });
        builder.HasIndex(c => new { c.ResidentId, c.Benefit });
        builder.HasIndex(c => c.ApprovedAt);

        builder.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.CoveredMonths).WithOne().HasForeignKey(m => m.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.CoveredMonths).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ClaimCoveredMonthConfiguration : IEntityTypeConfiguration<ClaimCoveredMonth>
{
    public void Configure(EntityTypeBuilder<ClaimCoveredMonth> builder)
    {
        builder.ToTable("ClaimCoveredMonths");
        builder.Property(m => m.Key).HasMaxLength(200).IsRequired();

        // A month of a benefit is paid to a person once: a second live claim covering it fails here
        // even when two are filed at the same moment (rejected and withdrawn claims release theirs).
        builder.HasIndex(m => new { m.Key, m.Month }).IsUnique();
        builder.HasIndex(m => m.ClaimId);
    }
}

internal sealed class ClaimEventConfiguration : IEntityTypeConfiguration<ClaimEvent>
{
    public void Configure(EntityTypeBuilder<ClaimEvent> builder)
    {
        builder.ToTable("ClaimEvents");

        // Events are added through the claim's collection with their id already set: never
        // generated, so EF inserts them instead of updating a row that does not exist.
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.ActorId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.ActorName).HasMaxLength(100).IsRequired();
        builder.Property(e => e.Note).HasMaxLength(1000);
        builder.HasIndex(e => new { e.ClaimId, e.At });
    }
}

internal sealed class PaymentBatchConfiguration : IEntityTypeConfiguration<PaymentBatch>
{
    public void Configure(EntityTypeBuilder<PaymentBatch> builder)
    {
        builder.ToTable("PaymentBatches");
        builder.Property(b => b.Number).HasMaxLength(40).IsRequired();
        builder.Property(b => b.CreatedById).HasMaxLength(450).IsRequired();
        builder.Property(b => b.CreatedByName).HasMaxLength(100).IsRequired();
        builder.Property(b => b.SettledByName).HasMaxLength(100);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasIndex(b => b.Number).IsUnique();
        builder.HasIndex(b => b.CreatedAt);
    }
}

internal sealed class BenefitCeilingConfiguration : IEntityTypeConfiguration<BenefitCeiling>
{
    public void Configure(EntityTypeBuilder<BenefitCeiling> builder)
    {
        builder.ToTable("BenefitCeilings");
        builder.Property(c => c.Benefit).HasMaxLength(60).IsRequired();
        builder.Property(c => c.Basis).HasMaxLength(BenefitCeiling.MaxBasisLength).IsRequired();
        builder.Property(c => c.SetById).HasMaxLength(450).IsRequired();
        builder.Property(c => c.SetByName).HasMaxLength(100).IsRequired();
        builder.Property(c => c.Version).IsConcurrencyToken();

        // The latest version of a benefit is the one in force.
        builder.HasIndex(c => new { c.Benefit, c.SetAt });
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.Property(n => n.UserId).HasMaxLength(450).IsRequired();
        builder.Property(n => n.Title).HasMaxLength(200).IsRequired();
        builder.Property(n => n.Message).HasMaxLength(1000).IsRequired();
        builder.Property(n => n.Link).HasMaxLength(200);
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
    }
}
