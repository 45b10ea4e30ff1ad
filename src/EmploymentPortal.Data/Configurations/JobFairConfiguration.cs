using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.JobFairs;
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
