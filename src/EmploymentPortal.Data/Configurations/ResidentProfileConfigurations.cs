using EmploymentPortal.Domain.Geography;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Data.Configurations;

/// <summary>
/// The job-search wishes and the 就业困难人员 certification on the resident row. Every new column
/// is nullable or has a database default, so the bench generator's COPY keeps working.
/// </summary>
internal sealed class ResidentJobSearchConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> builder)
    {
        builder.Property(r => r.WantedOccupation).HasMaxLength(50);
        builder.Property(r => r.PreferredWorkTypes).HasDefaultValue(0);
        builder.Ignore(r => r.JobPreferences);
        builder.Property(r => r.DifficultyCertifiedBy).HasMaxLength(256);
        builder.Property(r => r.DifficultyRevocationReason).HasMaxLength(200);
    }
}

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> builder)
    {
        builder.ToTable("Households");
        builder.Property(h => h.Address).HasMaxLength(200);
        builder.Property(h => h.ClearedByMember).HasMaxLength(50);
        builder.Property(h => h.Version).IsConcurrencyToken();
        builder.HasOne<Community>().WithMany().HasForeignKey(h => h.CommunityId).OnDelete(DeleteBehavior.Restrict);

        // The station's zero-employment list: flagged households of a community.
        builder.HasIndex(h => new { h.CommunityId, h.IsZeroEmployment });
        builder.HasMany(h => h.Members).WithOne().HasForeignKey(m => m.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(h => h.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class HouseholdMemberConfiguration : IEntityTypeConfiguration<HouseholdMember>
{
    public void Configure(EntityTypeBuilder<HouseholdMember> builder)
    {
        builder.ToTable("HouseholdMembers");

        // Members are made by the application with their ids (see EmploymentStatusChange).
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Name).HasMaxLength(50).IsRequired();

        // IdNumber is stored encrypted with a keyed hash that links the member to a resident
        // (Security/PersonalDataMapping).
        builder.HasOne<Resident>().WithMany().HasForeignKey(m => m.ResidentId).OnDelete(DeleteBehavior.SetNull);

        // “Which household is this resident in?” for the key group and for reassessment.
        builder.HasIndex(m => m.ResidentId);
    }
}

internal sealed class ResidentTransferRequestConfiguration : IEntityTypeConfiguration<ResidentTransferRequest>
{
    public void Configure(EntityTypeBuilder<ResidentTransferRequest> builder)
    {
        builder.ToTable("ResidentTransferRequests");
        builder.Property(t => t.Reason).HasMaxLength(200);
        builder.Property(t => t.RequestedBy).HasMaxLength(256).IsRequired();
        builder.Property(t => t.DecidedBy).HasMaxLength(256);
        builder.Property(t => t.DeclineReason).HasMaxLength(200);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne<Resident>().WithMany().HasForeignKey(t => t.ResidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Community>().WithMany().HasForeignKey(t => t.FromCommunityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Community>().WithMany().HasForeignKey(t => t.ToCommunityId).OnDelete(DeleteBehavior.Restrict);

        // Each station's inbox (pending requests to decide) and outbox.
        builder.HasIndex(t => new { t.FromCommunityId, t.Status });
        builder.HasIndex(t => new { t.ToCommunityId, t.Status });
        builder.HasIndex(t => new { t.ResidentId, t.Status });
    }
}
