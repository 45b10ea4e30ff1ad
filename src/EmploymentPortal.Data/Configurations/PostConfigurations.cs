using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Posts;
using EmploymentPortal.Domain.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Data.Configurations;

internal sealed class PostProgrammeConfiguration : IEntityTypeConfiguration<PostProgramme>
{
    public void Configure(EntityTypeBuilder<PostProgramme> builder)
    {
        builder.ToTable("PostProgrammes");
        builder.Property(p => p.Name).HasMaxLength(100).IsRequired();
        builder.Property(p => p.Owner).HasMaxLength(200).IsRequired();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.Year, p.Kind });
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(p => p.HostEnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.HostEnterpriseId);
    }
}

internal sealed class PostPlacementConfiguration : IEntityTypeConfiguration<PostPlacement>
{
    public void Configure(EntityTypeBuilder<PostPlacement> builder)
    {
        builder.ToTable("PostPlacements");
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.Completed);
        builder.HasOne<PostProgramme>().WithMany().HasForeignKey(p => p.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Resident>().WithMany().HasForeignKey(p => p.ResidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.ProgrammeId, p.EndedOn });
        builder.HasIndex(p => p.ResidentId);
    }
}
