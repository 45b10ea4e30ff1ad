using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using EmploymentPortal.Data;
using EmploymentPortal.Web.Features.Circles;
using EmploymentPortal.Web.Features.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.Bench.Board;

/// <summary>
/// <c>board-load</c> (issue 18): the public job board under load. Starts the portal in this
/// process (Kestrel on loopback) on a PostgreSQL database: first to migrate it and seed the demo
/// city and accounts, then, after <c>generate</c> has added the scale city (when asked), again,
/// so its vacancy board is loaded with everything at start. Then, for each endpoint, C concurrent
/// clients send requests back to back for D seconds after a warm-up:
/// <c>GET /api/v1/auth/me</c> signed in (the baseline), <c>GET /api/v1/vacancies?near=…&amp;radiusKm=3</c>
/// and <c>GET /jobs?community=…&amp;radiusKm=3</c> (the public page's first render) around random
/// communities. Prints requests, req/s, p50/p95/p99, errors and timeouts, and each rate's ratio to
/// the baseline. The portal's per-address rate limits are set high for the run (every client is
/// 127.0.0.1), not weakened in the portal's defaults.
/// </summary>
public static class BoardLoadCommand
{
    public const string Usage = """
        board-load --connection "<npgsql cs>" [--clients 200] [--seconds 20] [--warmup 5]
                   [--residents N --enterprises N --vacancies N --communities 2000 --seed 1]   (runs generate first when given)
                   [--user officer1]
        """;

    private const string Password = "BenchJiangzhou2026";

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        if (!options.TryGetValue("connection", out var connection))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        int Int(string name, int fallback) => options.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        var clients = Int("clients", 200);
        var seconds = Int("seconds", 20);
        var warmup = Int("warmup", 5);
        var user = options.GetValueOrDefault("user") ?? "officer1";

        // The generator and the portal must use the same personal-data keys (docs/benchmarks.md).
        if (Environment.GetEnvironmentVariable("Keys__File") is null)
        {
            Environment.SetEnvironmentVariable("Keys__File", Path.Combine(Path.GetTempPath(), "portal-board-load-keys.json"));
        }

        // First start: migrations, demo city and accounts (the demo seeder does nothing once a district exists: before generate).
        await using (var first = new Portal(connection))
        {
            first.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            first.StartServer();
        }

        if (options.ContainsKey("vacancies") || options.ContainsKey("residents"))
        {
            var generate = new List<string> { "--provider", "postgres", "--connection", connection };
            foreach (var name in new[] { "residents", "enterprises", "vacancies", "communities", "seed" })
            {
                if (options.TryGetValue(name, out var value))
                {
                    generate.AddRange([$"--{name}", value]);
                }
            }

            var code = await GenerateCommand.RunAsync(GenerateOptions.Parse(generate.ToArray()));
            if (code != 0)
            {
                return code;
            }
        }

        await using var portal = new Portal(connection);
        portal.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        portal.StartServer();
        var address = new Uri(portal.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());

        List<CircleQueries.CommunityPoint> communities;
        int board;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            communities = await CircleQueries.CommunitiesAsync(db);
            var started = Stopwatch.GetTimestamp();
            var today = scope.ServiceProvider.GetRequiredService<Domain.Common.PortalCalendar>().Today;
            var served = await scope.ServiceProvider.GetRequiredService<VacancyBoardCache>().GetAsync(db, today);
            board = served.Count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"vacancy board: {board:N0} vacancies (ready after {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s more); {communities.Count:N0} communities"));

            // What one more board costs the heap (a second copy, loaded and kept while measured), per vacancy.
            var before = SettledHeap();
            var copy = await CityCircles.Board.LoadAsync(db, today);
            _ = copy.NewestFirst;
            var after = SettledHeap();
            GC.KeepAlive(copy);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"board memory: {(after - before) / (1024.0 * 1024):F1} MB for {copy.Count:N0} vacancies, {(after - before) / (double)Math.Max(1, copy.Count):F0} bytes per vacancy (index by cell and the newest-first array)"));

            // The search alone, one thread, no HTTP: what a request costs at least.
            var random = new Random(1);
            for (var pass = 0; pass < 2; pass++)
            {
                var clock = Stopwatch.StartNew();
                var rows = 0L;
                for (var i = 0; i < 2000; i++)
                {
                    var c = communities[random.Next(communities.Count)];
                    rows += JobBoardQueries.Search(served, new JobBoardQueries.Filter { Near = Domain.ValueObjects.GeoPoint.Create(c.Latitude, c.Longitude), RadiusKm = 3 }, 1, 20).Total;
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"in-memory search, 3 km, first page of 20, one thread (pass {pass + 1}): {clock.Elapsed.TotalMilliseconds * 1000 / 2000:F0} µs per search, {rows / 2000.0:F0} vacancies per circle on average"));
            }
        }

        using var signedIn = Client(address, cookies: new CookieContainer(), clients);
        var login = await signedIn.PostAsJsonAsync("/api/v1/auth/login", new { userName = user, password = Password });
        if (login.StatusCode != HttpStatusCode.OK)
        {
            Console.Error.WriteLine($"Sign-in failed: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
            return 1;
        }

        using var anonymous = Client(address, cookies: null, clients);
        string Near(Random random)
        {
            var c = communities[random.Next(communities.Count)];
            return string.Create(CultureInfo.InvariantCulture, $"/api/v1/vacancies?near={c.Latitude:R},{c.Longitude:R}&radiusKm=3");
        }

        string Page(Random random) =>
            $"/jobs?community={Uri.EscapeDataString(JobSearchUrl.Label(communities[random.Next(communities.Count)]))}&radiusKm=3";

        var endpoints = new (string Name, HttpClient Client, Func<Random, string> Path)[]
        {
            ("GET /api/v1/auth/me (baseline)", signedIn, _ => "/api/v1/auth/me"),
            ("GET /api/v1/vacancies?near=…&radiusKm=3", anonymous, Near),
            ("GET /jobs?community=…&radiusKm=3", anonymous, Page),
        };

        Console.WriteLine($"portal {address}, {clients} clients, {seconds} s per endpoint after {warmup} s warm-up, {Environment.ProcessorCount} cores (the portal, PostgreSQL and the clients on the same machine), load average {LoadAverage()}");
        var results = new List<(string Name, Result Result)>();
        foreach (var (name, client, path) in endpoints)
        {
            await LoadAsync(client, path, clients, TimeSpan.FromSeconds(warmup));
            results.Add((name, await LoadAsync(client, path, clients, TimeSpan.FromSeconds(seconds))));
        }

        var baseline = results[0].Result.PerSecond;
        Console.WriteLine($"{"endpoint",-42} {"requests",9} {"req/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"errors",7} {"timeouts",8} {"ratio",6} {"KB/resp",8}");
        foreach (var (name, r) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-42} {r.Requests,9} {r.PerSecond,8:F0} {r.P50,8:F1} {r.P95,8:F1} {r.P99,8:F1} {r.Errors,7} {r.Timeouts,8} {r.PerSecond / baseline,6:F2} {r.BytesPerResponse / 1024.0,8:F1}"));
        }

        Console.WriteLine($"load average after: {LoadAverage()}");
        return 0;
    }

    private static HttpClient Client(Uri address, CookieContainer? cookies, int clients) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = clients + 10,
            UseCookies = cookies is not null,
            CookieContainer = cookies ?? new CookieContainer(),
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        {
            BaseAddress = address,
            Timeout = RequestTimeout,
        };

    private sealed record Result(int Requests, double PerSecond, double P50, double P95, double P99, int Errors, int Timeouts, double BytesPerResponse);

    private static async Task<Result> LoadAsync(HttpClient client, Func<Random, string> path, int clients, TimeSpan duration)
    {
        var stop = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, clients).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            var latencies = new List<double>(4096);
            int errors = 0, timeouts = 0;
            long bytes = 0;
            while (Stopwatch.GetTimestamp() < stop)
            {
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(path(random), HttpCompletionOption.ResponseContentRead);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    bytes += body.Length;
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        errors++;
                    }
                }
                catch (TaskCanceledException)
                {
                    timeouts++;
                }
                catch (HttpRequestException)
                {
                    errors++;
                }

                latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }

            return (latencies, errors, timeouts, bytes);
        })).ToList();
        var done = await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = done.SelectMany(d => d.latencies).ToList();
        all.Sort();
        double Percentile(double p) => all.Count == 0 ? double.NaN : all[Math.Min(all.Count - 1, (int)Math.Ceiling(p * all.Count) - 1)];
        var errors = done.Sum(d => d.errors);
        var timeouts = done.Sum(d => d.timeouts);
        var ok = all.Count - errors - timeouts;
        return new Result(all.Count, ok / elapsed, Percentile(0.50), Percentile(0.95), Percentile(0.99), errors, timeouts, done.Sum(d => d.bytes) / (double)Math.Max(1, all.Count));
    }

    private static long SettledHeap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private sealed class Portal(string connection) : WebApplicationFactory<EmploymentPortal.Web.SharedResource>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseContentRoot(WebProjectDirectory());
            builder.UseStaticWebAssets();
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Portal", connection);
            builder.UseSetting("Database:MigrateOnStartup", "true");
            builder.UseSetting("Demo:Password", Password);
            builder.UseSetting("Demo:SeedOnStartup", "true");
            builder.UseSetting("Scheduler:Enabled", "false");
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            builder.UseSetting("Audit:AnchorFile", Path.Combine(Path.GetTempPath(), "portal-board-load.anchors.jsonl"));

            // Every client of the benchmark is 127.0.0.1: the per-address limits are the benchmark's own, high.
            builder.UseSetting("RateLimiting:EnterpriseSignUp:PermitLimit", "1000000");
            builder.UseSetting("RateLimiting:PublicMap:PermitLimit", "1000000");
        }

        private static string WebProjectDirectory()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EmploymentPortal.sln")))
            {
                directory = directory.Parent;
            }

            return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Run the bench from the repository."), "src", "EmploymentPortal.Web");
        }
    }
}
