using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace EmploymentPortal.Data.Security;

/// <summary>What a key is used for. A key serves exactly one purpose.</summary>
public enum KeyPurpose
{
    /// <summary>HMAC-SHA256 of the audit chain (each row names the key id it was sealed with).</summary>
    AuditChain,

    /// <summary>AES-256-GCM encryption of personal data at rest (ID-card numbers, phone numbers).</summary>
    PersonalDataEncryption,

    /// <summary>HMAC-SHA256 for the keyed hash columns that look up personal data without decrypting it.</summary>
    PersonalDataIndex,
}

/// <summary>One secret key: its id (stored beside what it sealed or encrypted) and 32 bytes.</summary>
public sealed class PortalKey
{
    public PortalKey(string id, byte[] material)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (material.Length != PortalKeyRing.KeyBytes)
        {
            throw new ArgumentException($"A portal key is {PortalKeyRing.KeyBytes} bytes; key '{id}' has {material.Length}.", nameof(material));
        }

        Id = id;
        Material = material;
    }

    public string Id { get; }

    /// <summary>The key bytes. Never logged, never written to the database.</summary>
    public byte[] Material { get; }

    public override string ToString() => $"key {Id}";
}

/// <summary>
/// The portal's secret keys, held outside the database: read from configuration (the section
/// <c>Keys</c>, so appsettings, environment variables such as
/// <c>Keys__AuditChain__Items__a2=&lt;base64&gt;</c> or a secrets store) and from a key file
/// (<c>Keys:File</c>, JSON of the same shape). Per purpose there may be several keys, each with an
/// id, so keys can rotate: <c>Current</c> names the key new data is sealed or encrypted with, the
/// others stay to read what they sealed (docs/operations.md, "Keys").
/// <code>
/// "Keys": {
///   "File": "data/keys/portal-keys.json",
///   "AuditChain": { "Current": "a1", "Items": { "a1": "&lt;32 bytes, base64&gt;" } },
///   "PersonalDataEncryption": { ... }, "PersonalDataIndex": { ... }
/// }
/// </code>
/// When a purpose has no key at all and generation is allowed (every environment but Production,
/// unless <c>Keys:GenerateIfMissing</c> says otherwise), a random key is generated and appended to
/// the key file, created owner-only (0600 in a 0700 folder), so a first start needs no setup.
/// </summary>
public sealed class PortalKeyRing
{
    public const int KeyBytes = 32;
    public const string SectionName = "Keys";
    public const string DefaultFile = "data/keys/portal-keys.json";

    private readonly Dictionary<KeyPurpose, Entry> _entries;

    private PortalKeyRing(Dictionary<KeyPurpose, Entry> entries)
    {
        _entries = entries;
    }

    /// <summary>The key new data of <paramref name="purpose"/> is sealed or encrypted with.</summary>
    public PortalKey Current(KeyPurpose purpose) => _entries[purpose].Keys[_entries[purpose].CurrentId];

    /// <summary>The key of <paramref name="purpose"/> with the given id, if the ring holds it.</summary>
    public bool TryGet(KeyPurpose purpose, string id, out PortalKey key)
    {
        if (_entries[purpose].Keys.TryGetValue(id, out var found))
        {
            key = found;
            return true;
        }

        key = null!;
        return false;
    }

    /// <summary>Every key of <paramref name="purpose"/>, the current one first.</summary>
    public IReadOnlyList<PortalKey> All(KeyPurpose purpose)
    {
        var entry = _entries[purpose];
        return [entry.Keys[entry.CurrentId], .. entry.Keys.Values.Where(k => k.Id != entry.CurrentId).OrderBy(k => k.Id, StringComparer.Ordinal)];
    }

    /// <summary>A ring of the given keys (tests and tools); the first key of each purpose is current.</summary>
    public static PortalKeyRing Of(IReadOnlyDictionary<KeyPurpose, PortalKey[]> keys)
    {
        var entries = new Dictionary<KeyPurpose, Entry>();
        foreach (var purpose in Enum.GetValues<KeyPurpose>())
        {
            if (!keys.TryGetValue(purpose, out var list) || list.Length == 0)
            {
                throw new ArgumentException($"No key for {purpose}.", nameof(keys));
            }

            entries[purpose] = new Entry(list[0].Id, list.ToDictionary(k => k.Id, StringComparer.Ordinal));
        }

        return new PortalKeyRing(entries);
    }

    /// <summary>A fresh random key (for the key file and for rotation).</summary>
    public static string NewKeyBase64() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(KeyBytes));

    /// <summary>
    /// Loads the ring from configuration and the key file. Keys in configuration win over keys of
    /// the same id in the file.
    /// </summary>
    /// <param name="configuration">The application configuration (its <c>Keys</c> section).</param>
    /// <param name="contentRootPath">A relative <c>Keys:File</c> is taken relative to this.</param>
    /// <param name="isProduction">In Production a missing key stops the start unless <c>Keys:GenerateIfMissing=true</c>.</param>
    /// <exception cref="InvalidOperationException">A key is malformed, a current key is missing, or a key is missing where it may not be generated.</exception>
    public static PortalKeyRing Load(IConfiguration configuration, string contentRootPath, bool isProduction)
    {
        var section = configuration.GetSection(SectionName);
        var file = section["File"];
        var path = Path.GetFullPath(Path.Combine(contentRootPath, string.IsNullOrWhiteSpace(file) ? DefaultFile : file));
        var generate = section.GetValue<bool?>("GenerateIfMissing") ?? !isProduction;

        var fromFile = File.Exists(path) ? ReadFile(path) : [];
        var entries = new Dictionary<KeyPurpose, Entry>();
        var generated = new List<KeyPurpose>();
        foreach (var purpose in Enum.GetValues<KeyPurpose>())
        {
            var keys = new Dictionary<string, PortalKey>(StringComparer.Ordinal);
            string? currentId = null;
            if (fromFile.TryGetValue(purpose.ToString(), out var filePart))
            {
                currentId = filePart.Current;
                foreach (var (id, value) in filePart.Items)
                {
                    keys[id] = Parse(purpose, id, value, path);
                }
            }

            var configured = section.GetSection(purpose.ToString());
            foreach (var item in configured.GetSection("Items").GetChildren())
            {
                keys[item.Key] = Parse(purpose, item.Key, item.Value, "configuration");
            }

            currentId = configured["Current"] is { Length: > 0 } c ? c : currentId;
            if (keys.Count == 0)
            {
                if (!generate)
                {
                    throw new InvalidOperationException(
                        $"No {purpose} key is configured. Set Keys:{purpose}:Current and Keys:{purpose}:Items:<id> (32 bytes, base64), or a key file in Keys:File; see docs/operations.md, \"Keys\".");
                }

                var id = purpose switch
                {
                    KeyPurpose.AuditChain => "a1",
                    KeyPurpose.PersonalDataEncryption => "e1",
                    _ => "i1",
                };
                keys[id] = new PortalKey(id, Convert.FromBase64String(NewKeyBase64()));
                currentId = id;
                generated.Add(purpose);
            }

            currentId ??= keys.Count == 1 ? keys.Keys.Single() : null;
            if (currentId is null || !keys.ContainsKey(currentId))
            {
                throw new InvalidOperationException($"Keys:{purpose}:Current names '{currentId}', which is not among the {purpose} keys.");
            }

            entries[purpose] = new Entry(currentId, keys);
        }

        if (generated.Count > 0)
        {
            AppendToFile(path, generated, entries);
        }

        return new PortalKeyRing(entries);
    }

    private static PortalKey Parse(KeyPurpose purpose, string id, string? base64, string source)
    {
        try
        {
            return new PortalKey(id, Convert.FromBase64String(base64 ?? string.Empty));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new InvalidOperationException($"The {purpose} key '{id}' in {source} is not {KeyBytes} bytes of base64.", e);
        }
    }

    private static Dictionary<string, FilePart> ReadFile(string path)
    {
        try
        {
            var parts = JsonSerializer.Deserialize<Dictionary<string, FilePart>>(File.ReadAllText(path));
            return parts ?? [];
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"The key file {path} is not valid JSON.", e);
        }
    }

    private static void AppendToFile(string path, List<KeyPurpose> generated, Dictionary<KeyPurpose, Entry> entries)
    {
        var directory = Path.GetDirectoryName(path)!;
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

        var root = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))!.AsObject() : [];
        foreach (var purpose in generated)
        {
            var entry = entries[purpose];
            var key = entry.Keys[entry.CurrentId];
            root[purpose.ToString()] = new JsonObject
            {
                ["Current"] = key.Id,
                ["Items"] = new JsonObject { [key.Id] = Convert.ToBase64String(key.Material) },
            };
        }

        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, root, new JsonSerializerOptions { WriteIndented = true });
        }

        File.Move(temporary, path, overwrite: true);
    }

    private sealed record Entry(string CurrentId, Dictionary<string, PortalKey> Keys);

    private sealed class FilePart
    {
        public string? Current { get; set; }

        public Dictionary<string, string> Items { get; set; } = [];
    }
}
