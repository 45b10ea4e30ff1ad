using EmploymentPortal.Domain.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmploymentPortal.Data.Configurations;

internal sealed class ClaimAttachmentConfiguration : IEntityTypeConfiguration<ClaimAttachment>
{
    public void Configure(EntityTypeBuilder<ClaimAttachment> builder)
    {
        builder.ToTable("ClaimAttachments");
        builder.Property(a => a.FileName).HasMaxLength(ClaimAttachment.MaxFileNameLength).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(40).IsRequired();
        builder.Property(a => a.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(a => a.Content).IsRequired();
        builder.Property(a => a.UploadedById).HasMaxLength(450).IsRequired();
        builder.Property(a => a.UploadedByName).HasMaxLength(100).IsRequired();
        builder.HasIndex(a => a.ClaimId);
        builder.HasOne<Claim>().WithMany().HasForeignKey(a => a.ClaimId).OnDelete(DeleteBehavior.Restrict);
    }
}
