using EmploymentPortal.Domain.Geography;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Data.Configurations;

internal sealed class TrainingInstitutionConfiguration : IEntityTypeConfiguration<TrainingInstitution>
{
    public void Configure(EntityTypeBuilder<TrainingInstitution> builder)
    {
        builder.ToTable("TrainingInstitutions");
        builder.Property(i => i.CreditCode).HasMaxLength(18).IsRequired();

        // One designation per legal person.
        builder.HasIndex(i => i.CreditCode).IsUnique();
        builder.Property(i => i.Name).HasMaxLength(TrainingInstitution.MaxNameLength).IsRequired();
        builder.Property(i => i.Address).HasMaxLength(TrainingInstitution.MaxAddressLength).IsRequired();
        builder.Property(i => i.ContactName).HasMaxLength(50).IsRequired();

        // ContactPhone (a person's number) is stored encrypted: Security/PersonalDataMapping.
        builder.Ignore(i => i.Location);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasOne<Community>().WithMany().HasForeignKey(i => i.CommunityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.CommunityId);
        builder.HasMany(i => i.Scopes).WithOne().HasForeignKey(s => s.InstitutionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Scopes).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_scopes");
    }
}

internal sealed class TrainingScopeConfiguration : IEntityTypeConfiguration<TrainingScope>
{
    public void Configure(EntityTypeBuilder<TrainingScope> builder)
    {
        builder.ToTable("TrainingScopes");

        // Made by the application: a scope added to a tracked institution is an insert.
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Occupation).HasMaxLength(TrainingInstitution.MaxOccupationLength).IsRequired();
        builder.HasIndex(s => new { s.InstitutionId, s.Occupation, s.Level }).IsUnique();
    }
}

internal sealed class TrainingClassConfiguration : IEntityTypeConfiguration<TrainingClass>
{
    public void Configure(EntityTypeBuilder<TrainingClass> builder)
    {
        builder.ToTable("TrainingClasses");
        builder.Property(c => c.Name).HasMaxLength(TrainingClass.MaxNameLength).IsRequired();
        builder.Property(c => c.Occupation).HasMaxLength(TrainingInstitution.MaxOccupationLength).IsRequired();
        builder.Property(c => c.Place).HasMaxLength(TrainingClass.MaxPlaceLength).IsRequired();
        builder.Property(c => c.CreatedBy).HasMaxLength(100).IsRequired();
        builder.Property(c => c.ApprovedBy).HasMaxLength(100);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.Enrolled);
        builder.HasOne<TrainingInstitution>().WithMany().HasForeignKey(c => c.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.InstitutionId, c.StartDate });
        builder.HasIndex(c => new { c.Status, c.StartDate });
        builder.HasMany(c => c.Enrolments).WithOne().HasForeignKey(e => e.ClassId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Enrolments).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_enrolments");
    }
}

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.ToTable("TrainingEnrolments");

        // Made by the application: an enrolment added to a tracked class is an insert.
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.EnrolledBy).HasMaxLength(100).IsRequired();
        builder.Ignore(e => e.AttendedHours);
        builder.HasOne<Resident>().WithMany().HasForeignKey(e => e.ResidentId).OnDelete(DeleteBehavior.Restrict);

        // A resident is enrolled in a class once, whoever enrols them at the same moment.
        builder.HasIndex(e => new { e.ClassId, e.ResidentId }).IsUnique();
        builder.HasIndex(e => e.ResidentId);
        builder.OwnsOne(e => e.Certificate, c =>
        {
            c.Property(x => x.Kind).HasColumnName("CertificateKind");
            c.Property(x => x.Number).HasColumnName("CertificateNumber").HasMaxLength(TrainingCertificate.MaxNumberLength).IsRequired();
            c.Property(x => x.Level).HasColumnName("CertificateLevel");
            c.Property(x => x.IssuingBody).HasColumnName("CertificateIssuingBody").HasMaxLength(TrainingCertificate.MaxIssuingBodyLength).IsRequired();
            c.Property(x => x.IssuedOn).HasColumnName("CertificateIssuedOn");

            // A certificate number is recorded once in the whole portal (NULLs, no certificate,
            // are distinct on both providers).
            c.HasIndex(x => x.Number).IsUnique();
        });
        builder.HasMany(e => e.Attendance).WithOne().HasForeignKey(a => a.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Attendance).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_attendance");
    }
}

internal sealed class TrainingAttendanceConfiguration : IEntityTypeConfiguration<TrainingAttendance>
{
    public void Configure(EntityTypeBuilder<TrainingAttendance> builder)
    {
        builder.ToTable("TrainingAttendance");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Hours).HasPrecision(4, 1);
        builder.Property(a => a.RecordedBy).HasMaxLength(100).IsRequired();
        builder.HasIndex(a => new { a.EnrolmentId, a.Date }).IsUnique();
    }
}
