using EmploymentPortal.Domain.Geography;
using EmploymentPortal.Domain.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Data.Configurations;

internal sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> builder)
    {
        builder.ToTable("Residents");
        builder.Property(r => r.Name).HasMaxLength(50).IsRequired();
        builder.Property(r => r.IdNumber).HasMaxLength(18).IsRequired();

        // One record per person in the whole city (issue: a second registration is refused).
        builder.HasIndex(r => r.IdNumber).IsUnique();
        builder.Property(r => r.Phone).HasMaxLength(20).IsRequired();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<Community>().WithMany().HasForeignKey(r => r.CommunityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.CommunityId, r.Id });
    }
}
