using EmploymentPortal.Data;
using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Security;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Claims;

/// <summary>
/// Supporting documents of a claim (docs/claims.md): the claimant uploads them while the claim is
/// a draft or returned for correction; the claimant and officers list and download them, scoped
/// exactly as the claim; every download is an audited read.
/// </summary>
public static class ClaimAttachments
{
    public const string TooManyCode = "claim-attachment-count";

    public sealed record Row(Guid Id, string FileName, string ContentType, long SizeBytes, string Sha256, string UploadedByName, DateTimeOffset UploadedAt);

    public sealed record File(string FileName, string ContentType, byte[] Content);

    /// <summary>The attachments of a claim the principal may see, oldest first; null when the claim is not visible.</summary>
    public static async Task<List<Row>?> ListAsync(PortalDbContext db, PortalPrincipal principal, Guid claimId, CancellationToken cancellationToken = default)
    {
        if (!await db.Claims.AsNoTracking().VisibleTo(principal).AnyAsync(c => c.Id == claimId, cancellationToken))
        {
            return null;
        }

        return await db.ClaimAttachments.AsNoTracking().Where(a => a.ClaimId == claimId)
            .OrderBy(a => a.UploadedAt).ThenBy(a => a.Id)
            .Select(a => new Row(a.Id, a.FileName, a.ContentType, a.SizeBytes, a.Sha256, a.UploadedByName, a.UploadedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>One attachment's file for someone who may see the claim, recorded as a read; null otherwise.</summary>
    public static async Task<File?> DownloadAsync(PortalDbContext db, PortalPrincipal principal, Guid claimId, Guid attachmentId, CancellationToken cancellationToken = default)
    {
        var file = await (
            from a in db.ClaimAttachments.AsNoTracking()
            join c in db.Claims.AsNoTracking().VisibleTo(principal) on a.ClaimId equals c.Id
            where a.Id == attachmentId && a.ClaimId == claimId
            select new File(a.FileName, a.ContentType, a.Content))
            .FirstOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return null;
        }

        db.RecordRead(nameof(ClaimAttachment), attachmentId.ToString(), $"File of claim {claimId}");
        await db.SaveChangesAsync(cancellationToken);
        return file;
    }

    /// <summary>A file for a claim: its name as uploaded and its bytes.</summary>
    public sealed record UploadCommand(Guid ClaimId, string? FileName, byte[] Content);

    /// <summary>The type, size and name are checked by <see cref="ClaimAttachment.Create"/> on the content; here that there is one.</summary>
    public sealed class UploadValidator : AbstractValidator<UploadCommand>
    {
        public UploadValidator()
        {
            RuleFor(c => c.Content).Must(c => c is { Length: > 0 }).WithMessage("请选择要上传的附件（PDF、JPG 或 PNG）。").OverridePropertyName("file");
        }
    }

    /// <summary>The claimant uploads a file to a claim it may still change.</summary>
    public sealed class Upload(OperationScope scope, TimeProvider time, ClaimOptions options) : ICommandHandler<UploadCommand>
    {
        public async Task<FeatureOutcome> HandleAsync(UploadCommand command, CancellationToken cancellationToken)
        {
            var (claimId, fileName, content) = command;
            var principal = scope.Principal;
            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();

                // The claimant only: officers review attachments, they do not add them to others' claims.
                var claim = await db.Claims.VisibleTo(principal).FirstOrDefaultAsync(c => c.Id == claimId, cancellationToken);
                if (claim is null || principal.IsBureauOfficer && claim.ClaimantKind != ClaimantKind.Bureau)
                {
                    return FeatureOutcome.Missing("补贴申请");
                }

                if (await db.ClaimAttachments.CountAsync(a => a.ClaimId == claimId, cancellationToken) >= options.AttachmentMaxCount)
                {
                    return FeatureOutcome.Refused(TooManyCode, $"每份申请最多 {options.AttachmentMaxCount} 个附件。");
                }

                var attachment = ClaimAttachment.Create(claim, fileName, content, options.AttachmentMaxBytes, ClaimCommandSupport.Actor(principal), time.GetUtcNow());

                db.ClaimAttachments.Add(attachment);
                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success($"已上传附件“{attachment.FileName}”。", attachment.Id);
            });
        }
    }
}
