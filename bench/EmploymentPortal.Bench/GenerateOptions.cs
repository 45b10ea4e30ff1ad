using System.Globalization;
using EmploymentPortal.Data;

namespace EmploymentPortal.Bench;

/// <summary>The arguments of the <c>generate</c> command.</summary>
public sealed record GenerateOptions(
    DatabaseProvider Provider,
    string ConnectionString,
    int Residents,
    int Enterprises,
    int Communities,
    int Seed,
    int? Vacancies)
{
    public const string Usage = """
        generate --provider postgres|sqlite --connection "<connection string>"
                 [--residents 1000000] [--enterprises 50000] [--communities 2000] [--seed 1]
                 [--vacancies N]   (PostgreSQL: published vacancies of verified scale enterprises, binary COPY)
        """;

    /// <summary>Parses <c>--name value</c> pairs; throws <see cref="ArgumentException"/> with the reason.</summary>
    public static GenerateOptions Parse(IReadOnlyList<string> args)
    {
        DatabaseProvider? provider = null;
        string? connection = null;
        var residents = 1_000_000;
        var enterprises = 50_000;
        var communities = 2_000;
        var seed = 1;
        int? vacancies = null;

        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value.");
            }

            var value = args[++i];
            switch (name)
            {
                case "--provider":
                    provider = value.ToLowerInvariant() switch
                    {
                        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
                        "sqlite" => DatabaseProvider.Sqlite,
                        _ => throw new ArgumentException($"Unknown provider '{value}': use postgres or sqlite."),
                    };
                    break;
                case "--connection":
                    connection = value;
                    break;
                case "--residents":
                    residents = Count(name, value, 0);
                    break;
                case "--enterprises":
                    enterprises = Count(name, value, 0);
                    break;
                case "--communities":
                    communities = Count(name, value, 1);
                    break;
                case "--seed":
                    seed = int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);
                    break;
                case "--vacancies":
                    vacancies = Count(name, value, 0);
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{name}'.");
            }
        }

        if (provider is null)
        {
            throw new ArgumentException("--provider is required.");
        }

        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new ArgumentException("--connection is required.");
        }

        return new GenerateOptions(provider.Value, connection, residents, enterprises, communities, seed, vacancies);
    }

    // Accepts 1000000, 1,000,000 and 1_000_000.
    private static int Count(string name, string value, int minimum)
    {
        var digits = value.Replace("_", string.Empty, StringComparison.Ordinal);
        if (!int.TryParse(digits, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var count) || count < minimum)
        {
            throw new ArgumentException($"{name} must be a whole number ≥ {minimum}, not '{value}'.");
        }

        return count;
    }
}
