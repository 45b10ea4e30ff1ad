using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Data.Configurations;

internal sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    public void Configure(EntityTypeBuilder<Enterprise> builder)
    {
        builder.ToTable("Enterprises");
        builder.Property(e => e.CreditCode).HasMaxLength(18).IsRequired();
        builder.HasIndex(e => e.CreditCode).IsUnique();
        builder.Property(e => e.Name).HasMaxLength(200).IsRequired();
        builder.Property(e => e.Address).HasMaxLength(200).IsRequired();
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne<Community>().WithMany().HasForeignKey(e => e.CommunityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.CommunityId, e.Status });
    }
}
