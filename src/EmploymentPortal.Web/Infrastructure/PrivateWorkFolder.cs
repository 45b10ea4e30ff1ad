namespace EmploymentPortal.Web.Infrastructure;

/// <summary>
/// The folder where uploaded ledgers, error reports and generated workbooks live while they are
/// processed (docs/security.md, section 7): owner-only (0700), its files owner-only (0600), never
/// the world-readable system temp folder. <c>Uploads:WorkDirectory</c>, default
/// <c>data/work</c> under the content root. At start everything left in it by a process that
/// crashed is removed (<see cref="Prepare"/>), and ASP.NET Core's own buffering of large form
/// uploads (<c>ASPNETCORE_TEMP</c>) is pointed here too.
/// </summary>
public sealed class PrivateWorkFolder
{
    public const string ConfigurationKey = "Uploads:WorkDirectory";
    public const string DefaultPath = "data/work";

    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public PrivateWorkFolder(string path)
    {
        FullPath = System.IO.Path.GetFullPath(path);
    }

    /// <summary>The folder's absolute path.</summary>
    public string FullPath { get; }

    /// <summary>The folder configured for a host.</summary>
    public static PrivateWorkFolder From(IConfiguration configuration, string contentRootPath) =>
        new(System.IO.Path.Combine(contentRootPath, configuration[ConfigurationKey] is { Length: > 0 } configured ? configured : DefaultPath));

    /// <summary>
    /// Creates the folder owner-only (or makes an existing one owner-only) and deletes what a
    /// previous process left in it. Returns how many leftovers were removed.
    /// </summary>
    public int Prepare()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(FullPath);
        }
        else
        {
            Directory.CreateDirectory(FullPath, FolderMode);
            File.SetUnixFileMode(FullPath, FolderMode);
        }

        var removed = 0;
        foreach (var entry in new DirectoryInfo(FullPath).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo directory)
            {
                directory.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }

            removed++;
        }

        return removed;
    }

    /// <summary>A new, unique path in the folder (the file is not created).</summary>
    public string NewPath(string prefix, string extension = ".xlsx") =>
        System.IO.Path.Combine(FullPath, $"{prefix}-{Guid.NewGuid():N}{extension}");

    /// <summary>Creates a new owner-only file (0600); <paramref name="options"/> e.g. <see cref="FileOptions.DeleteOnClose"/>.</summary>
    public static FileStream CreateFile(string path, FileOptions options = FileOptions.None)
    {
        var stream = new FileStreamOptions
        {
            Mode = System.IO.FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            BufferSize = 1 << 16,
            Options = options,
        };
        if (!OperatingSystem.IsWindows())
        {
            stream.UnixCreateMode = FileMode;
        }

        return new FileStream(path, stream);
    }

    /// <summary>Deletes a file of the folder if it is still there.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
