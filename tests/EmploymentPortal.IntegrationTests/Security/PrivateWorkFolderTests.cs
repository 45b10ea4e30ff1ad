using EmploymentPortal.Web.Infrastructure.Xlsx;
using EmploymentPortal.Testing;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.IntegrationTests.Residents;
using EmploymentPortal.Web.Features.Residents.Ledger;
using EmploymentPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.IntegrationTests.Security;

/// <summary>
/// Uploaded ledgers and generated workbooks never sit in a world-readable folder: the portal's
/// work folder is owner-only (0700), its files 0600, an upload is deleted once processed (after
/// success and after failure), and what a crashed process left is removed at start.
/// </summary>
[Collection(SqliteAppCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PrivateWorkFolderTests : IDisposable
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly SqlitePortalApp _app;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "portal-itests", $"folder-{Guid.NewGuid():N}");

    public PrivateWorkFolderTests(SqlitePortalApp app)
    {
        _app = app;
    }

    [Fact]
    public void Prepare_creates_an_owner_only_folder_and_tightens_an_existing_one()
    {
        var loose = Path.Combine(_root, "existing");
        Directory.CreateDirectory(loose);
        File.SetUnixFileMode(loose, OwnerOnlyFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var fresh = new PrivateWorkFolder(Path.Combine(_root, "fresh"));
        var existing = new PrivateWorkFolder(loose);

        fresh.Prepare();
        existing.Prepare();

        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(fresh.FullPath));
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(existing.FullPath));
    }

    [Fact]
    public void Prepare_removes_the_files_and_folders_a_crashed_process_left()
    {
        var folder = new PrivateWorkFolder(_root);
        folder.Prepare();
        File.WriteAllText(folder.NewPath("upload"), "居民台账");
        Directory.CreateDirectory(Path.Combine(folder.FullPath, "partial"));
        File.WriteAllText(Path.Combine(folder.FullPath, "partial", "x.tmp"), "x");

        var removed = folder.Prepare();

        Assert.Equal(2, removed);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.FullPath));
    }

    [Fact]
    public void Files_of_the_folder_are_owner_only()
    {
        var folder = new PrivateWorkFolder(_root);
        folder.Prepare();
        var path = folder.NewPath("upload");

        using (var stream = PrivateWorkFolder.CreateFile(path))
        {
            stream.Write(Encoding.UTF8.GetBytes("居民台账"));
        }

        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(path));
    }

    [Fact]
    public void The_portal_works_in_its_owner_only_folder_and_aspnetcore_buffers_uploads_there_too()
    {
        _ = _app.Factory.Server;

        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(_app.Factory.WorkDirectory));
        var buffers = Environment.GetEnvironmentVariable("ASPNETCORE_TEMP");
        Assert.NotNull(buffers);
        Assert.NotEqual(Path.GetFullPath(Path.GetTempPath()).TrimEnd('/'), Path.GetFullPath(buffers).TrimEnd('/'));
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(buffers));
    }

    [Fact]
    public async Task An_imported_ledger_is_deleted_after_a_successful_import()
    {
        var client = await _app.SignedInClientAsync("station1");
        var row = LedgerTestFiles.GoodRow(new Random(94), [], await CommunityCodeAsync("东湖社区"));

        // The tests' region, which the demo-data tests leave out of the demo city's residents.
        row[1] = TestData.IdNumber(new DateOnly(1988, 3, 3), EmploymentPortal.Domain.ValueObjects.Sex.Female);

        var response = await UploadAsync(client, LedgerTestFiles.Write([row]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"imported\":1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(_app.Factory.WorkDirectory, "upload-*"));
    }

    [Fact]
    public async Task A_rejected_ledger_is_deleted_after_the_failed_import()
    {
        var client = await _app.SignedInClientAsync("station1");

        var response = await UploadAsync(client, new MemoryStream(Encoding.UTF8.GetBytes("这不是一个xlsx文件")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Directory.EnumerateFiles(_app.Factory.WorkDirectory, "upload-*"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Stream file)
    {
        using var content = new MultipartFormDataContent();
        var part = new StreamContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(XlsxExport.ContentType);
        content.Add(part, "file", "台账.xlsx");
        return await client.PostWithAntiforgeryAsync("/api/v1/residents/import", content);
    }

    private async Task<string> CommunityCodeAsync(string name)
    {
        await using var db = _app.Database.CreateContext();
        return await db.Communities.Where(c => c.Name == name).Select(c => c.Code).SingleAsync();
    }
}
