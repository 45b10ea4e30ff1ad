namespace EmploymentPortal.Web.Infrastructure;

/// <summary>Lists in configuration, written either way an operator finds natural.</summary>
internal static class ConfigurationLists
{
    /// <summary>
    /// The values under <paramref name="key"/>: an array (<c>Key:0</c>, <c>Key:1</c>, or
    /// <c>Key__0</c> in the environment) or one value separated by commas, semicolons or spaces.
    /// </summary>
    public static IReadOnlyList<string> Read(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? string.Empty);
        return values
            .SelectMany(v => v.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
    }
}
