using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Hires;
using EmploymentPortal.Domain.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Data.Configurations;

internal sealed class HireConfiguration : IEntityTypeConfiguration<Hire>
{
    public void Configure(EntityTypeBuilder<Hire> builder)
    {
        builder.ToTable("Hires");
        builder.Property(h => h.Position).HasMaxLength(100).IsRequired();
        builder.Property(h => h.RecordedBy).HasMaxLength(256).IsRequired();
        builder.Property(h => h.EndReason).HasMaxLength(200);
        builder.Property(h => h.Version).IsConcurrencyToken();
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(h => h.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Resident>().WithMany().HasForeignKey(h => h.ResidentId).OnDelete(DeleteBehavior.Restrict);

        // The same hire recorded twice (by the enterprise and by the station) is refused.
        builder.HasIndex(h => new { h.EnterpriseId, h.ResidentId, h.StartDate }).IsUnique();
        builder.HasIndex(h => h.ResidentId);

        // The frozen facts live in the hire's row (columns Facts_*), so they load with it.
        builder.OwnsOne(h => h.Facts, facts =>
        {
            facts.Property(f => f.KeyGroups)
                .HasConversion(
                    groups => string.Join(',', groups),
                    text => text.Length == 0 ? new List<KeyGroup>() : text.Split(',', StringSplitOptions.None).Select(Enum.Parse<KeyGroup>).ToList(),
                    new ValueComparer<IReadOnlyList<KeyGroup>>(
                        (a, b) => a!.SequenceEqual(b!),
                        groups => groups.Aggregate(0, (hash, g) => HashCode.Combine(hash, g)),
                        groups => groups.ToList()))
                .HasMaxLength(400)
                .IsRequired();
            facts.Property(f => f.UnemploymentRegistrationNumber).HasMaxLength(40);
        });
        builder.Navigation(h => h.Facts).IsRequired();
    }
}
