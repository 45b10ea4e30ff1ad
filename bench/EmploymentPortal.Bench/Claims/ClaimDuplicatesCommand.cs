using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmploymentPortal.Domain.ValueObjects;
using Npgsql;

namespace EmploymentPortal.Bench.Claims;

/// <summary>
/// <c>claims-duplicates</c> (issue 6): N concurrent submissions of the <b>same</b> once-only claim
/// through the running portal's API. Signs in as a station user, registers a new returning-migrant
/// resident in one of its communities (<c>POST /api/v1/residents/</c>), then sends N identical
/// <c>POST /api/v1/claims</c> (Nanhe's one-time entrepreneurship subsidy for returning migrant
/// workers, submitted at once) released together behind one gate, each on its own connection.
/// Prints how many were created (must be 1), refused as duplicates (409 <c>claim-duplicate</c>)
/// or failed otherwise, the wall time from the gate to the last answer, the throughput and the
/// latency percentiles; with <c>--connection</c> it also counts the resident's claims in the
/// database. Exit code 1 unless exactly one claim exists (and every other answer is 409).
/// </summary>
public static class ClaimDuplicatesCommand
{
    public const string Usage = """
        claims-duplicates --url <portal> [--user station1] [--password <pw>] [--requests 1000] [--rounds 3] [--warmup 50] [--connection "<npgsql cs>"]
        """;

    private const string Rule = "nanhe-2020-1.entrepreneurship-returning-migrant";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                Console.Error.WriteLine(Usage);
                return 2;
            }

            options[args[i][2..]] = args[i + 1];
        }

        if (!options.TryGetValue("url", out var url))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var requests = int.Parse(options.GetValueOrDefault("requests") ?? "1000", CultureInfo.InvariantCulture);
        var rounds = int.Parse(options.GetValueOrDefault("rounds") ?? "3", CultureInfo.InvariantCulture);
        var warmup = int.Parse(options.GetValueOrDefault("warmup") ?? "50", CultureInfo.InvariantCulture);
        var connection = options.GetValueOrDefault("connection");

        // One handler, no cap on connections: every request of a round gets its own connection,
        // so the portal sees N requests at once (Kestrel and the Npgsql pool queue them).
        using var handler = new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(),
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = options.GetValueOrDefault("user") ?? "station1", password = options.GetValueOrDefault("password") ?? "Portal2026demo" });
        if (login.StatusCode != HttpStatusCode.OK)
        {
            Console.Error.WriteLine($"Sign-in failed: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
            return 1;
        }

        using (var me = JsonDocument.Parse(await login.Content.ReadAsStringAsync()))
        {
            var communities = me.RootElement.GetProperty("communityIds").EnumerateArray().Select(c => c.GetGuid()).ToList();
            if (communities.Count == 0)
            {
                Console.Error.WriteLine("The user serves no community: sign in as station staff.");
                return 2;
            }

            options["community"] = communities[0].ToString();
        }

        var community = Guid.Parse(options["community"]);
        Console.WriteLine($"claims-duplicates: {requests:N0} concurrent identical submissions a round, {rounds} round(s), rule {Rule}, portal {url}");
        if (warmup > 0)
        {
            var warm = await RoundAsync(client, await NewResidentAsync(client, community), warmup);
            Console.WriteLine($"warm-up ({warmup} requests): created {warm.Created}, duplicates {warm.Duplicates}, other {warm.Other.Count}");
        }

        var failed = false;
        for (var round = 1; round <= rounds; round++)
        {
            var load = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Trim() : "n/a";
            var resident = await NewResidentAsync(client, community);
            var result = await RoundAsync(client, resident, requests);
            var inDatabase = connection is null ? (long?)null : await ClaimsOfAsync(connection, resident);
            var latencies = result.Latencies.Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: created {result.Created}, duplicates (409) {result.Duplicates} ({result.CaughtByIndex} by the unique index), other {result.Other.Count}; " +
                $"claims of the resident in the database: {(inDatabase is { } n ? n.ToString(CultureInfo.InvariantCulture) : "not checked")}; " +
                $"wall {result.Wall.TotalSeconds:F2} s, {requests / result.Wall.TotalSeconds:F0} requests/s; " +
                $"latency p50 {Percentile(latencies, 0.50):F0} ms, p95 {Percentile(latencies, 0.95):F0} ms, max {latencies[^1]:F0} ms; load before: {load}"));
            foreach (var (status, body) in result.Other.Take(3))
            {
                Console.WriteLine($"  e.g. {status}: {body}");
            }

            failed |= result.Created != 1 || result.Other.Count > 0 || inDatabase is not (null or 1);
        }

        Console.WriteLine(failed ? "FAILED: not exactly one claim (or answers other than 201/409)." : "OK: exactly one claim a round, every other submission refused as a duplicate.");
        return failed ? 1 : 0;
    }

    private sealed record Round(int Created, int Duplicates, int CaughtByIndex, List<(int Status, string Body)> Other, double[] Latencies, TimeSpan Wall);

    private static async Task<Round> RoundAsync(HttpClient client, Guid resident, int requests)
    {
        var body = JsonContent.Create(new
        {
            benefit = "entrepreneurship",
            ruleId = Rule,
            residentId = resident,
            facts = new { business = new { startDate = "2024-01-10", firstBusiness = true, operatingNormally = true } },
            payeeAccount = "6222020200112233",
            submit = true,
        });
        var payload = await body.ReadAsByteArrayAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var latencies = new double[requests];
        var tasks = Enumerable.Range(0, requests).Select(async i =>
        {
            await gate.Task;
            var started = Stopwatch.GetTimestamp();
            using var content = new ByteArrayContent(payload);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync("/api/v1/claims", content);
            var text = await response.Content.ReadAsStringAsync();
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return ((int)response.StatusCode, text);
        }).ToList();

        var wall = Stopwatch.StartNew();
        gate.SetResult();
        var answers = await Task.WhenAll(tasks);
        wall.Stop();
        var created = answers.Count(a => a.Item1 == (int)HttpStatusCode.Created);
        var duplicates = answers.Count(a => a.Item1 == (int)HttpStatusCode.Conflict && a.Item2.Contains("\"code\":\"claim-duplicate\"", StringComparison.Ordinal));
        var other = answers.Where(a => a.Item1 != (int)HttpStatusCode.Created && !(a.Item1 == (int)HttpStatusCode.Conflict && a.Item2.Contains("\"code\":\"claim-duplicate\"", StringComparison.Ordinal)))
            .Select(a => (a.Item1, a.Item2.Length > 300 ? a.Item2[..300] : a.Item2)).ToList();
        // CreateClaim answers a duplicate found by its read before the insert with the existing
        // claim's number; one that passed the read and failed on the unique index without it.
        var caughtByIndex = answers.Count(a => a.Item1 == (int)HttpStatusCode.Conflict && Strings(a.Item2).Any(t => t.Contains("同时提交的重复申请只保留一份", StringComparison.Ordinal)));
        return new Round(created, duplicates, caughtByIndex, other, latencies, wall.Elapsed);
    }

    /// <summary>A new returning-migrant resident of the community, registered through the API (a fresh once-only scope).</summary>
    private static async Task<Guid> NewResidentAsync(HttpClient client, Guid community)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var birth = new DateOnly(1975, 1, 1).AddDays(Random.Shared.Next(0, 9000));
            var first17 = string.Create(CultureInfo.InvariantCulture, $"110101{birth:yyyyMMdd}{Random.Shared.Next(0, 1000):D3}");
            var idNumber = first17 + IdCardNumber.ComputeCheckCharacter(first17);
            var response = await client.PostAsJsonAsync("/api/v1/residents/", new
            {
                name = "压测" + Random.Shared.Next(1000, 10000).ToString(CultureInfo.InvariantCulture),
                idNumber,
                phone = "13912345678",
                communityId = community,
                hukouType = "LocalUrban",
                education = "SeniorSecondary",
                migrantWorker = "ReturningMigrantWorker",
            });
            if (response.StatusCode == HttpStatusCode.Created)
            {
                return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            }

            if (attempt == 19)
            {
                throw new InvalidOperationException($"Registering a resident failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    private static async Task<long> ClaimsOfAsync(string connectionString, Guid resident)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT count(*) FROM "Claims" WHERE "ResidentId" = @r""", connection);
        command.Parameters.AddWithValue("r", resident);
        return (long)(await command.ExecuteScalarAsync() ?? 0L);
    }

    /// <summary>Every string value of a JSON answer (the problem details may escape Chinese text).</summary>
    private static List<string> Strings(string json)
    {
        var found = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(json);
            Collect(document.RootElement, found);
        }
        catch (JsonException)
        {
            found.Add(json);
        }

        return found;

        static void Collect(JsonElement element, List<string> found)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String: found.Add(element.GetString()!); break;
                case JsonValueKind.Object: foreach (var p in element.EnumerateObject()) { Collect(p.Value, found); } break;
                case JsonValueKind.Array: foreach (var e in element.EnumerateArray()) { Collect(e, found); } break;
                default: break;
            }
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
