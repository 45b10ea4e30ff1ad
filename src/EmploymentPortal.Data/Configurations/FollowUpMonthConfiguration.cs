using EmploymentPortal.Domain.Geography;
using EmploymentPortal.Domain.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Data.Configurations;

internal sealed class FollowUpMonthConfiguration : IEntityTypeConfiguration<FollowUpMonth>
{
    public void Configure(EntityTypeBuilder<FollowUpMonth> builder)
    {
        builder.ToTable("FollowUpMonths");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasOne<Community>().WithMany().HasForeignKey(m => m.CommunityId).OnDelete(DeleteBehavior.Restrict);

        // One closed record per community and month: a second run (or a second instance) of the
        // month-end job fails on this index instead of writing the month twice.
        builder.HasIndex(m => new { m.CommunityId, m.Month }).IsUnique();
        builder.HasIndex(m => m.Month);
        builder.Ignore(m => m.Contacted);
        builder.HasMany(m => m.Overdue).WithOne().HasForeignKey(o => o.FollowUpMonthId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Overdue).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class OverdueFollowUpConfiguration : IEntityTypeConfiguration<OverdueFollowUp>
{
    public void Configure(EntityTypeBuilder<OverdueFollowUp> builder)
    {
        builder.ToTable("OverdueFollowUps");
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.HasOne<Resident>().WithMany().HasForeignKey(o => o.ResidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => new { o.FollowUpMonthId, o.ResidentId }).IsUnique();

        // The station's home page: a community's overdue residents of a month.
        builder.HasIndex(o => new { o.CommunityId, o.Month, o.ResidentId });
        builder.HasIndex(o => o.ResidentId);
    }
}
