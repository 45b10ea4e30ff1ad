using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Geography;
using EmploymentPortal.Domain.Vacancies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Data.Configurations;

internal sealed class VacancyConfiguration : IEntityTypeConfiguration<Vacancy>
{
    public void Configure(EntityTypeBuilder<Vacancy> builder)
    {
        builder.ToTable("Vacancies");
        builder.Property(v => v.Title).HasMaxLength(100).IsRequired();
        builder.Property(v => v.Occupation).HasMaxLength(100).IsRequired();
        builder.Property(v => v.Address).HasMaxLength(200).IsRequired();
        builder.Property(v => v.Requirements).HasMaxLength(2000).IsRequired();
        builder.Property(v => v.RejectionReason).HasMaxLength(500);

        builder.Ignore(v => v.Location);
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(v => v.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Community>().WithMany().HasForeignKey(v => v.CommunityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.EnterpriseId, v.Status });

        // The public board: published, unexpired.
        builder.HasIndex(v => new { v.Status, v.ValidUntil });

        // Radius search (GeoGrid, docs/circles.md): published vacancies, then one range of cells
        // per grid row of the circle.
        builder.HasIndex(v => new { v.Status, v.GeoCell });
    }
}
