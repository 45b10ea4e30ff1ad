using EmploymentPortal.Web.Infrastructure.Xlsx;
using System.IO.Compression;
using System.Net.Http.Headers;
using EmploymentPortal.IntegrationTests.Residents;
using EmploymentPortal.Web.Features.Residents.Ledger;

namespace EmploymentPortal.IntegrationTests.Errors;

/// <summary>Valid-looking ledger workbooks that would expand far beyond their size.</summary>
internal static class ZipBombs
{
    /// <summary>A ledger whose first sheet is <paramref name="expandedBytes"/> of blanks, a few megabytes compressed.</summary>
    public static MemoryStream LedgerWithHugeSheet(long expandedBytes)
    {
        var file = Ledger();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Update, leaveOpen: true))
        {
            var sheet = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
            var name = sheet.FullName;
            sheet.Delete();
            using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
            var blanks = new byte[1024 * 1024];
            Array.Fill(blanks, (byte)' ');
            for (long written = 0; written < expandedBytes; written += blanks.Length)
            {
                stream.Write(blanks);
            }
        }

        file.Position = 0;
        return file;
    }

    /// <summary>A ledger with <paramref name="parts"/> extra empty parts.</summary>
    public static MemoryStream LedgerWithManyParts(int parts)
    {
        var file = Ledger();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Update, leaveOpen: true))
        {
            for (var i = 0; i < parts; i++)
            {
                zip.CreateEntry($"customXml/item{i}.xml", CompressionLevel.Fastest);
            }
        }

        file.Position = 0;
        return file;
    }

    public static MultipartFormDataContent Form(Stream file)
    {
        var part = new StreamContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(XlsxExport.ContentType);
        return new MultipartFormDataContent { { part, "file", "台账.xlsx" } };
    }

    private static MemoryStream Ledger() => LedgerTestFiles.Write([LedgerTestFiles.GoodRow(new Random(7), [], "360102001001")]);
}
