using EmploymentPortal.Domain.Indicators;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Data.Configurations;

internal sealed class IndicatorFigureConfiguration : IEntityTypeConfiguration<IndicatorFigure>
{
    public void Configure(EntityTypeBuilder<IndicatorFigure> builder)
    {
        builder.ToTable("IndicatorFigures");
        builder.Property(f => f.TargetId).HasMaxLength(200).IsRequired();
        builder.Property(f => f.Scope).HasMaxLength(60).IsRequired();
        builder.Property(f => f.Value).HasPrecision(18, 4);
        builder.Property(f => f.Source).HasMaxLength(200).IsRequired();
        builder.Property(f => f.EnteredByUserId).HasMaxLength(450);
        builder.Property(f => f.EnteredByName).HasMaxLength(256).IsRequired();
        builder.HasIndex(f => new { f.TargetId, f.Scope, f.Year, f.EnteredAt });
    }
}
