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

        // One registration per legal person: a second sign-up with the same code is refused.
        builder.HasIndex(e => e.CreditCode).IsUnique();
        builder.Property(e => e.Name).HasMaxLength(200).IsRequired();
        builder.Property(e => e.Address).HasMaxLength(200).IsRequired();

        // The registry details are nullable: enterprises created before the registry, or by the
        // bulk data generator, do not have them (see Enterprise's remarks).
        builder.Property(e => e.LegalRepresentative).HasMaxLength(50);
        builder.Property(e => e.ContactName).HasMaxLength(50);

        // ContactPhone (a person's number) is stored encrypted: Security/PersonalDataMapping.
        builder.Property(e => e.RejectionReason).HasMaxLength(500);
        builder.Property(e => e.SuspensionReason).HasMaxLength(500);
        builder.Ignore(e => e.Location);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne<Community>().WithMany().HasForeignKey(e => e.CommunityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.CommunityId, e.Status });
        builder.HasIndex(e => e.Status);
    }
}
