using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.JobFairs;
using EmploymentPortal.Domain.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Data.Configurations;

internal sealed class JobFairConfiguration : IEntityTypeConfiguration<JobFair>
{
    public void Configure(EntityTypeBuilder<JobFair> builder)
    {
        builder.ToTable("JobFairs");
        builder.Property(f => f.Name).HasMaxLength(100).IsRequired();
        builder.Property(f => f.Place).HasMaxLength(200).IsRequired();
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.Ignore(f => f.PostsOffered);
        builder.Ignore(f => f.Intentions);
        builder.HasIndex(f => f.Date);
        builder.HasMany(f => f.Participants).WithOne().HasForeignKey(p => p.JobFairId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(f => f.Participants).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(f => f.NamedIntentions).WithOne().HasForeignKey(i => i.JobFairId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(f => f.NamedIntentions).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_namedIntentions");
    }
}

internal sealed class JobFairIntentionConfiguration : IEntityTypeConfiguration<JobFairIntention>
{
    public void Configure(EntityTypeBuilder<JobFairIntention> builder)
    {
        builder.ToTable("JobFairIntentions");

        // Made by the application: an intention added to a tracked fair is an insert.
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Post).HasMaxLength(JobFairIntention.MaxPostLength).IsRequired();
        builder.Property(i => i.RecordedBy).HasMaxLength(100).IsRequired();
        builder.HasOne<Resident>().WithMany().HasForeignKey(i => i.ResidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(i => i.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.JobFairId, i.ResidentId, i.EnterpriseId, i.Post }).IsUnique();
        builder.HasIndex(i => i.ResidentId);
    }
}

internal sealed class JobFairParticipantConfiguration : IEntityTypeConfiguration<JobFairParticipant>
{
    public void Configure(EntityTypeBuilder<JobFairParticipant> builder)
    {
        builder.ToTable("JobFairParticipants");

        // Made by the application: a participant added to a tracked fair is an insert.
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(p => p.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.JobFairId, p.EnterpriseId }).IsUnique();
    }
}
