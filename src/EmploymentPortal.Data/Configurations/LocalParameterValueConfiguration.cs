using EmploymentPortal.Domain.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Data.Configurations;

internal sealed class LocalParameterValueConfiguration : IEntityTypeConfiguration<LocalParameterValue>
{
    public void Configure(EntityTypeBuilder<LocalParameterValue> builder)
    {
        builder.ToTable("LocalParameterValues");
        builder.Property(v => v.ParameterId).HasMaxLength(200).IsRequired();

        // One value per parameter and start date: a second value for the same day would make the
        // history ambiguous.
        builder.HasIndex(v => new { v.ParameterId, v.EffectiveFrom }).IsUnique();
        builder.Property(v => v.Value).HasPrecision(18, 4);
        builder.Property(v => v.ReferenceDocument).HasMaxLength(200).IsRequired();
        builder.Property(v => v.Section).HasMaxLength(50).IsRequired();
        builder.Property(v => v.Quote).HasMaxLength(1000).IsRequired();
        builder.Property(v => v.SetByUserId).HasMaxLength(450);
        builder.Property(v => v.SetByName).HasMaxLength(256).IsRequired();
    }
}
