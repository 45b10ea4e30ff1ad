using EmploymentPortal.Domain.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Data.Configurations;

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> builder)
    {
        builder.ToTable("Districts");
        builder.Property(d => d.Code).HasMaxLength(6).IsRequired();
        builder.HasIndex(d => d.Code).IsUnique();
        builder.Property(d => d.Name).HasMaxLength(50).IsRequired();
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasMany(d => d.Streets).WithOne().HasForeignKey(s => s.DistrictId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(d => d.Streets).HasField("_streets");
    }
}

internal sealed class StreetConfiguration : IEntityTypeConfiguration<Street>
{
    public void Configure(EntityTypeBuilder<Street> builder)
    {
        builder.ToTable("Streets");
        builder.Property(s => s.Code).HasMaxLength(9).IsRequired();
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(50).IsRequired();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasMany(s => s.Communities).WithOne().HasForeignKey(c => c.StreetId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(s => s.Communities).HasField("_communities");
    }
}

internal sealed class CommunityConfiguration : IEntityTypeConfiguration<Community>
{
    public void Configure(EntityTypeBuilder<Community> builder)
    {
        builder.ToTable("Communities");
        builder.Property(c => c.Code).HasMaxLength(12).IsRequired();
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(50).IsRequired();
        builder.Property(c => c.StationAddress).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}
