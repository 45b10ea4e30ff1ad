using System.Text;

namespace EmploymentPortal.Policies.Loading;

/// <summary>
/// The policy texts in <c>shared/policies</c>, kept with all whitespace removed so that a quote
/// can be checked regardless of line breaks and the stray spaces PDF extraction left inside
/// Chinese words. Whitespace is the only thing normalised: punctuation, digits and full-width
/// forms must match the file exactly.
/// </summary>
public sealed class PolicyTextIndex
{
    private readonly Dictionary<string, string> _normalisedTexts;

    private PolicyTextIndex(string directory, Dictionary<string, string> normalisedTexts)
    {
        Directory = directory;
        _normalisedTexts = normalisedTexts;
    }

    public string Directory { get; }

    public IReadOnlyCollection<string> Files => _normalisedTexts.Keys;

    public static PolicyTextIndex Load(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            throw new PolicyCatalogueException([$"The policy text directory '{directory}' does not exist."]);
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in System.IO.Directory.EnumerateFiles(directory, "*.txt"))
        {
            texts[Path.GetFileName(path)] = Normalise(File.ReadAllText(path, Encoding.UTF8));
        }

        return new PolicyTextIndex(directory, texts);
    }

    public bool HasFile(string file) => _normalisedTexts.ContainsKey(file);

    /// <summary>True when <paramref name="quote"/> occurs in <paramref name="file"/>, whitespace ignored.</summary>
    public bool Contains(string file, string quote) =>
        _normalisedTexts.TryGetValue(file, out var text) && text.Contains(Normalise(quote), StringComparison.Ordinal);

    /// <summary>Removes every whitespace character (spaces, ideographic spaces, line breaks).</summary>
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c != '\uFEFF')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
