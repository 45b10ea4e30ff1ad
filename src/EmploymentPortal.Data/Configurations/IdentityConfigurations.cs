using EmploymentPortal.Data.Identity;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Geography;
using EmploymentPortal.Domain.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Data.Configurations;

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(100).IsRequired();
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(u => u.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TrainingInstitution>().WithMany().HasForeignKey(u => u.TrainingInstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(u => u.CommunityScopes).WithOne().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserCommunityScopeConfiguration : IEntityTypeConfiguration<UserCommunityScope>
{
    public void Configure(EntityTypeBuilder<UserCommunityScope> builder)
    {
        builder.ToTable("UserCommunityScopes");
        builder.HasKey(s => new { s.UserId, s.CommunityId });
        builder.HasOne<Community>().WithMany().HasForeignKey(s => s.CommunityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("UserSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.UserId).HasMaxLength(450).IsRequired();
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);

        // The session check reads a user's open sessions.
        builder.HasIndex(s => new { s.UserId, s.EndedAt });
    }
}
