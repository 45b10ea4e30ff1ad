using EmploymentPortal.Domain.Geography;
using EmploymentPortal.Domain.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Data.Configurations;

internal sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> builder)
    {
        builder.ToTable("Residents");
        builder.Property(r => r.Name).HasMaxLength(50).IsRequired();

        // IdNumber and Phone are stored encrypted, with keyed hashes for lookups and the unique
        // ID number: Security/PersonalDataMapping.
        builder.Property(r => r.IdNumber).IsRequired();
        builder.Property(r => r.Phone).IsRequired();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<Community>().WithMany().HasForeignKey(r => r.CommunityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.CommunityId, r.Id });

        // The registry's facts are optional or have database defaults, so rows written without
        // them (the bench generator's COPY, older rows) stay valid.
        builder.Property(r => r.HukouPlace).HasMaxLength(200);
        builder.Property(r => r.Address).HasMaxLength(200);
        builder.Property(r => r.GraduateSchool).HasMaxLength(100);
        builder.Property(r => r.GraduateMajor).HasMaxLength(100);
        builder.Property(r => r.DisabilityCertificateNumber).HasMaxLength(30);
        builder.Property(r => r.IsVeteran).HasDefaultValue(false);
        builder.Property(r => r.IsRelocatedResident).HasDefaultValue(false);
        builder.Property(r => r.IsPovertyMonitoredHousehold).HasDefaultValue(false);
        builder.Property(r => r.MigrantWorker).HasDefaultValue(MigrantWorkerStatus.None);
        builder.Property(r => r.UnemploymentRegistrationNumber).HasMaxLength(40);
        builder.Ignore(r => r.IsDisabled);
        builder.Ignore(r => r.Home);

        // Nearby candidates for a vacancy (GeoGrid): ranges of cells of the residents' homes.
        builder.HasIndex(r => r.HomeGeoCell);

        // The overdue follow-up list and the status filter start from the current status; the
        // list pages by keyset (sort key, Id), so every index of a list order ends with Id.
        builder.HasIndex(r => new { r.CommunityId, r.CurrentStatus, r.Id });
        builder.HasIndex(r => new { r.CurrentStatus, r.Id });
        builder.HasIndex(r => new { r.CommunityId, r.BirthDate, r.Id });
        builder.HasIndex(r => new { r.CommunityId, r.Name, r.Id });
        builder.HasIndex(r => new { r.CommunityId, r.LeftSchoolOn });

        // Key groups the facts decide are a bitmask (flags as their number); one partial index
        // per group serves “this community's residents of the group, newest first”.
        builder.Property(r => r.StableKeyGroups).HasConversion<int>().HasDefaultValue(StableKeyGroups.None);
        foreach (var flag in Enum.GetValues<StableKeyGroups>().Where(f => f != StableKeyGroups.None))
        {
            builder.HasIndex([nameof(Resident.CommunityId), nameof(Resident.Id)], $"IX_Residents_KeyGroup_{flag}")
                .HasFilter($"(\"StableKeyGroups\" & {(int)flag}) <> 0");
        }

        builder.HasMany(r => r.StatusHistory).WithOne().HasForeignKey(c => c.ResidentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.StatusHistory).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class EmploymentStatusChangeConfiguration : IEntityTypeConfiguration<EmploymentStatusChange>
{
    public void Configure(EntityTypeBuilder<EmploymentStatusChange> builder)
    {
        builder.ToTable("EmploymentStatusChanges");

        // The id is made by the application; without this EF Core would take a change appended to
        // a tracked resident for an existing row and update instead of insert.
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Note).HasMaxLength(200);
        builder.Property(c => c.RegistrationNumber).HasMaxLength(40);
        builder.HasIndex(c => new { c.ResidentId, c.EffectiveFrom });
        builder.HasIndex(c => c.RegistrationNumber).IsUnique();
    }
}

internal sealed class ResidentContactConfiguration : IEntityTypeConfiguration<ResidentContact>
{
    public void Configure(EntityTypeBuilder<ResidentContact> builder)
    {
        builder.ToTable("ResidentContacts");
        builder.Property(c => c.Outcome).HasMaxLength(500).IsRequired();
        builder.Property(c => c.RecordedBy).HasMaxLength(256).IsRequired();

        // Flags are stored as their number: the string convention would write "JobReferral, PolicyExplained".
        builder.Property(c => c.Services).HasConversion<int>();
        builder.HasOne<Resident>().WithMany().HasForeignKey(c => c.ResidentId).OnDelete(DeleteBehavior.Cascade);

        // “Contacted this month?” is a range seek per resident.
        builder.HasIndex(c => new { c.ResidentId, c.ContactedOn });
    }
}
