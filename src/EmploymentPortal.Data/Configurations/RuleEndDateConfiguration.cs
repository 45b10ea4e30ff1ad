using EmploymentPortal.Domain.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Data.Configurations;

internal sealed class RuleEndDateConfiguration : IEntityTypeConfiguration<RuleEndDate>
{
    public void Configure(EntityTypeBuilder<RuleEndDate> builder)
    {
        builder.ToTable("RuleEndDates");
        builder.Property(v => v.RuleId).HasMaxLength(200).IsRequired();
        builder.HasIndex(v => new { v.RuleId, v.SetAt });
        builder.Property(v => v.BasisDocument).HasMaxLength(200).IsRequired();
        builder.Property(v => v.Section).HasMaxLength(50).IsRequired();
        builder.Property(v => v.Quote).HasMaxLength(1000).IsRequired();
        builder.Property(v => v.SetByUserId).HasMaxLength(450);
        builder.Property(v => v.SetByName).HasMaxLength(256).IsRequired();
    }
}
