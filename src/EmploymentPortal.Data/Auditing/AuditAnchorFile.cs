using System.Text;
using System.Text.Json;

namespace EmploymentPortal.Data.Auditing;

/// <summary>
/// The head of the audit chain at a moment: the last row's sequence and hash, the key that sealed
/// it, and when the portal saw it. Written outside the database, so that deleting the newest rows
/// or emptying the table, which leave a consistent chain behind, still shows.
/// </summary>
public sealed record AuditAnchor(long Sequence, string Hash, string KeyId, DateTimeOffset Time);

/// <summary>What <see cref="AuditAnchorFile.Read"/> found: the anchors in the order written.</summary>
public sealed record AuditAnchorLog(bool Exists, IReadOnlyList<AuditAnchor> Anchors, int UnreadableLines)
{
    /// <summary>The last anchor written, if any.</summary>
    public AuditAnchor? Latest => Anchors.Count > 0 ? Anchors[^1] : null;
}

/// <summary>Settings of the <c>Audit</c> configuration section (docs/operations.md, "Audit trail").</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";
    public const string DefaultAnchorFile = "data/audit/anchors.jsonl";

    /// <summary>The anchor file; a relative path is taken relative to the content root.</summary>
    public string? AnchorFile { get; set; }

    /// <summary>How often the chain's head is anchored (only when it moved); also at start and at shutdown.</summary>
    public TimeSpan AnchorInterval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// The append-only anchor file: one JSON object per line
/// (<c>{"sequence":…,"hash":"…","keyId":"…","time":"…"}</c>). The portal only ever appends to it
/// (<see cref="FileMode.Append"/>) and creates it owner-only (0600 in a 0700 folder); it never
/// rewrites or trims it. Keep it where the database's administrators cannot write.
/// </summary>
public sealed class AuditAnchorFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public AuditAnchorFile(string path)
    {
        Path = path;
    }

    /// <summary>The full path of the file.</summary>
    public string Path { get; }

    /// <summary>Appends one line and flushes it to disk.</summary>
    public void Append(AuditAnchor anchor)
    {
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        if (!Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(anchor with { Time = anchor.Time.ToUniversalTime() }, Json) + "\n");
        using var stream = new FileStream(Path, options);
        stream.Write(line);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Every anchor in the file; lines that do not parse (e.g. cut short by a crash) are counted, not fatal.</summary>
    public AuditAnchorLog Read()
    {
        if (!File.Exists(Path))
        {
            return new AuditAnchorLog(false, [], 0);
        }

        var anchors = new List<AuditAnchor>();
        var unreadable = 0;
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize<AuditAnchor>(line, Json) is { Hash.Length: > 0, KeyId: not null } anchor && anchor.Sequence >= 0)
                {
                    anchors.Add(anchor);
                    continue;
                }
            }
            catch (JsonException)
            {
            }

            unreadable++;
        }

        return new AuditAnchorLog(true, anchors, unreadable);
    }
}
