using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace EmploymentPortal.Bench.Api;

/// <summary>
/// Issue 3's list benchmarks (docs/benchmarks.md): <c>prepare-followups</c> gives the generated
/// scale residents registered unemployment, status history, contacts and key-group flags in SQL;
/// <c>api-latency</c> signs in to a running portal and times one API request many times, one
/// after the other, printing p50/p95/p99.
/// </summary>
public static class FollowUpBenchCommands
{
    public const string Usage = """
        prepare-followups --connection "<npgsql cs>"
            30 % of the scale residents (ID numbers 3698...) become registered unemployed with a status history;
            two thirds of those get a contact this month (China time) and 80 % one last month; 5 % of all get the veteran flag.
        api-latency --url http://127.0.0.1:5090 --user officer1 --password <pw> --path "/api/v1/residents/?community={community}&status=RegisteredUnemployed"
            [--connection "<npgsql cs>" (resolves {community} to the largest scale community)] [--requests 400] [--warmup 40]
        """;

    public static async Task<int> PrepareAsync(IReadOnlyList<string> args)
    {
        var options = Options(args);
        var connectionString = options.GetValueOrDefault("connection") ?? throw new ArgumentException("--connection is required");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var previousStart = monthStart.AddMonths(-1);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var steps = new (string Name, string Sql)[]
        {
            ("registered unemployed", """
                UPDATE "Residents" SET "CurrentStatus" = 'RegisteredUnemployed',
                    "UnemployedSince" = DATE '2025-06-01' + (abs(hashtext("Id"::text)) % 500)
                WHERE "CommunityId" IN (SELECT "Id" FROM "Communities" WHERE "Code" LIKE '3698%') AND "CurrentStatus" IS NULL AND abs(hashtext("Id"::text)) % 10 < 3
                """),
            ("veteran flags", """
                UPDATE "Residents" SET "StableKeyGroups" = "StableKeyGroups" | 2
                WHERE "CommunityId" IN (SELECT "Id" FROM "Communities" WHERE "Code" LIKE '3698%') AND abs(hashtext("Id"::text || 'v')) % 20 = 0 AND ("StableKeyGroups" & 2) = 0
                """),
            ("status history", """
                INSERT INTO "EmploymentStatusChanges" ("Id", "ResidentId", "Status", "EffectiveFrom", "Note", "RegistrationNumber")
                SELECT gen_random_uuid(), r."Id", 'RegisteredUnemployed', r."UnemployedSince", NULL, 'SYB' || replace(r."Id"::text, '-', '')
                FROM "Residents" r
                WHERE r."CommunityId" IN (SELECT "Id" FROM "Communities" WHERE "Code" LIKE '3698%') AND r."CurrentStatus" = 'RegisteredUnemployed'
                  AND NOT EXISTS (SELECT 1 FROM "EmploymentStatusChanges" c WHERE c."ResidentId" = r."Id")
                """),
            ("contacts this month", $"""
                INSERT INTO "ResidentContacts" ("Id", "ResidentId", "ContactedOn", "Channel", "Outcome", "Services", "RecordedBy")
                SELECT gen_random_uuid(), r."Id", DATE '{monthStart:yyyy-MM-dd}' + (abs(hashtext(r."Id"::text || 'c')) % {today.DayNumber - monthStart.DayNumber + 1}),
                       'Phone', '电话联系，了解求职意向。', 1, 'bench'
                FROM "Residents" r
                WHERE r."CommunityId" IN (SELECT "Id" FROM "Communities" WHERE "Code" LIKE '3698%') AND r."CurrentStatus" = 'RegisteredUnemployed' AND abs(hashtext(r."Id"::text || 'm')) % 3 < 2
                  AND NOT EXISTS (SELECT 1 FROM "ResidentContacts" c WHERE c."ResidentId" = r."Id" AND c."ContactedOn" >= DATE '{monthStart:yyyy-MM-dd}')
                """),
            ("contacts last month", $"""
                INSERT INTO "ResidentContacts" ("Id", "ResidentId", "ContactedOn", "Channel", "Outcome", "Services", "RecordedBy")
                SELECT gen_random_uuid(), r."Id", DATE '{previousStart:yyyy-MM-dd}' + (abs(hashtext(r."Id"::text || 'p')) % 28),
                       'HomeVisit', '上门走访。', 3, 'bench'
                FROM "Residents" r
                WHERE r."CommunityId" IN (SELECT "Id" FROM "Communities" WHERE "Code" LIKE '3698%') AND r."CurrentStatus" = 'RegisteredUnemployed' AND abs(hashtext(r."Id"::text || 'q')) % 5 < 4
                  AND NOT EXISTS (SELECT 1 FROM "ResidentContacts" c WHERE c."ResidentId" = r."Id" AND c."ContactedOn" >= DATE '{previousStart:yyyy-MM-dd}' AND c."ContactedOn" < DATE '{monthStart:yyyy-MM-dd}')
                """),
            ("analyze", """ANALYZE "Residents"; ANALYZE "EmploymentStatusChanges"; ANALYZE "ResidentContacts";"""),
        };
        foreach (var (name, sql) in steps)
        {
            var watch = Stopwatch.StartNew();
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            var rows = await command.ExecuteNonQueryAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-22} {Math.Max(rows, 0),10:N0} rows {watch.Elapsed.TotalSeconds,8:F1} s"));
        }

        return 0;
    }

    public static async Task<int> LatencyAsync(IReadOnlyList<string> args)
    {
        var options = Options(args);
        var url = new Uri(options.GetValueOrDefault("url") ?? "http://127.0.0.1:5090");
        var path = options.GetValueOrDefault("path") ?? throw new ArgumentException("--path is required");
        var requests = int.Parse(options.GetValueOrDefault("requests") ?? "400", CultureInfo.InvariantCulture);
        var warmup = int.Parse(options.GetValueOrDefault("warmup") ?? "40", CultureInfo.InvariantCulture);
        if (path.Contains("{community}", StringComparison.Ordinal))
        {
            var connectionString = options.GetValueOrDefault("connection") ?? throw new ArgumentException("--connection is required to resolve {community}");
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""
                SELECT "CommunityId" FROM "Residents" WHERE "CommunityId" IN (SELECT "Id" FROM "Communities" WHERE "Code" LIKE '3698%') GROUP BY "CommunityId" ORDER BY count(*) DESC LIMIT 1
                """, connection) { CommandTimeout = 0 };
            var community = (Guid)(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException("No scale residents: run generate first."));
            path = path.Replace("{community}", community.ToString(), StringComparison.Ordinal);
        }

        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler) { BaseAddress = url };
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = options.GetValueOrDefault("user") ?? "officer1", password = options.GetValueOrDefault("password") ?? "Portal2026demo" });
        if (login.StatusCode != HttpStatusCode.OK)
        {
            Console.Error.WriteLine($"Sign-in failed: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
            return 1;
        }

        int items = 0;
        for (var i = 0; i < warmup; i++)
        {
            items = await GetAsync(client, path);
        }

        var timings = new double[requests];
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await GetAsync(client, path);
            timings[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(timings);
        Console.WriteLine($"GET {path}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"items on the page: {items}; {requests} requests after {warmup} warm-up, one at a time"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"p50 {Percentile(timings, 0.50):F2} ms  p95 {Percentile(timings, 0.95):F2} ms  p99 {Percentile(timings, 0.99):F2} ms  mean {timings.Average():F2} ms  max {timings[^1]:F2} ms"));
        return 0;
    }

    private static async Task<int> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        return json.RootElement.TryGetProperty("items", out var list) ? list.GetArrayLength() : 0;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static Dictionary<string, string> Options(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Unexpected argument {args[i]}");
            }

            options[args[i][2..]] = args[++i];
        }

        return options;
    }
}
