using System.Security.Cryptography;
using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Claims;

/// <summary>
/// A supporting document stored with a claim (issue 6): a PDF, JPEG or PNG file whose type is
/// read from its first bytes, never from its name or the browser's content type, kept in the
/// database with its SHA-256 so the file an officer reviewed can be proven years later.
/// Attachments are added while the claimant may still change the claim (draft, returned for
/// correction) and are never altered afterwards.
/// </summary>
public sealed class ClaimAttachment
{
    public const int MaxFileNameLength = 200;

    private static readonly (string ContentType, string Extension, byte[] Magic)[] Signatures =
    [
        ("application/pdf", ".pdf", "%PDF-"u8.ToArray()),
        ("image/jpeg", ".jpg", [0xFF, 0xD8, 0xFF]),
        ("image/png", ".png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
    ];

    private ClaimAttachment()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        Sha256 = string.Empty;
        Content = [];
        UploadedById = string.Empty;
        UploadedByName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ClaimId { get; private set; }

    /// <summary>The name the uploader gave, without any path.</summary>
    public string FileName { get; private set; }

    /// <summary>From the content: application/pdf, image/jpeg or image/png.</summary>
    public string ContentType { get; private set; }

    public long SizeBytes { get; private set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/>.</summary>
    public string Sha256 { get; private set; }

    public byte[] Content { get; private set; }

    public string UploadedById { get; private set; }

    public string UploadedByName { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>
    /// Checks the file (not empty, at most <paramref name="maxBytes"/>, a PDF, JPEG or PNG by its
    /// content) and attaches it to <paramref name="claim"/> if the claim may still be changed.
    /// </summary>
    public static ClaimAttachment Create(Claim claim, string? fileName, byte[] content, long maxBytes, ClaimActor uploadedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(content);
        if (claim.Status is not (ClaimStatus.Draft or ClaimStatus.ReturnedForCorrection))
        {
            throw new DomainException("claim-attachment-closed", "只有草稿或退回补正的申请可以上传附件。");
        }

        if (content.Length == 0)
        {
            throw new DomainException("claim-attachment-empty", "文件是空的，请重新选择。");
        }

        if (content.Length > maxBytes)
        {
            throw new DomainException("claim-attachment-too-large", $"文件超过 {maxBytes / 1024 / 1024.0:0.#} MB 的上限，请压缩或拆分后上传。");
        }

        var type = TypeOf(content)
            ?? throw new DomainException("claim-attachment-type", "只能上传 PDF、JPG 或 PNG 文件（按文件内容判断，改扩展名无效）。");
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/')).Trim();
        if (name.Length == 0)
        {
            name = "附件" + type.Extension;
        }

        if (name.Length > MaxFileNameLength)
        {
            name = name[..(MaxFileNameLength - type.Extension.Length)] + type.Extension;
        }

        return new ClaimAttachment
        {
            Id = Guid.NewGuid(),
            ClaimId = claim.Id,
            FileName = name,
            ContentType = type.ContentType,
            SizeBytes = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = content,
            UploadedById = uploadedBy.UserId,
            UploadedByName = uploadedBy.Name,
            UploadedAt = now,
        };
    }

    /// <summary>The type of a file by its first bytes, or null when it is none of the accepted ones.</summary>
    public static (string ContentType, string Extension)? TypeOf(ReadOnlySpan<byte> content)
    {
        foreach (var (contentType, extension, magic) in Signatures)
        {
            if (content.StartsWith(magic))
            {
                return (contentType, extension);
            }
        }

        return null;
    }
}
