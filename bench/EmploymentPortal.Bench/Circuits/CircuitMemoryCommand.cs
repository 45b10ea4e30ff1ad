using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EmploymentPortal.Bench.Circuits;

/// <summary>
/// <c>circuits</c>: server memory per Blazor circuit and the latency of a resident list page change
/// with many idle circuits open (issue 15: ≤ 300 KB per circuit, so that 2,000 users fit one
/// node). The portal runs in this process (Kestrel on loopback, SQLite with the demo city), so the
/// managed heap is read directly after full, compacting collections; chromium opens the pages,
/// one circuit each, signed in as one user.
/// The resident list (<c>/residents</c>) is a static page without a circuit; the measured page is
/// the one a station worker opens next from it, a resident's detail (<c>--page</c>, by default the
/// first resident of the list: <c>/residents/{first}</c>).
/// Printed, each measured in this run:
/// - KB per circuit on the measured page, and on the home page as the baseline (ratio printed);
/// - KB the server holds per open resident list page (no circuit: about nothing);
/// - p50/p95 of a resident list page change (click the 下一页 link until the next page has loaded),
///   with no circuit open (the baseline) and with N idle circuits open on the measured page
///   (ratio printed).
/// </summary>
public static class CircuitMemoryCommand
{
    public const string Usage = """
        circuits [--circuits 40] [--page /residents/{first}] [--baseline-page /] [--list /residents] [--changes 40] [--user officer1] [--hold <seconds>]
        --page: {first} stands for the id of the first resident on the list.
        --hold: after the figures, keep the circuits of --page open that long (for dotnet-gcdump on the printed process id).
        """;

    private const string Password = "BenchJiangzhou2026";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var circuits = 40;
        var page = "/residents/{first}";
        var baselinePage = "/";
        var list = "/residents";
        var changes = 40;
        var user = "officer1";
        var hold = 0;
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            switch (args[i])
            {
                case "--circuits": circuits = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--page": page = args[i + 1]; break;
                case "--baseline-page": baselinePage = args[i + 1]; break;
                case "--list": list = args[i + 1]; break;
                case "--changes": changes = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--user": user = args[i + 1]; break;
                case "--hold": hold = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        var database = Path.Combine(Path.GetTempPath(), $"portal-circuits-{Environment.ProcessId}.db");
        await using var portal = new Portal(database);
        portal.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        portal.StartServer();
        var address = portal.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PORTAL_TEST_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-timer-throttling", "--disable-renderer-backgrounding"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address, ViewportSize = new() { Width = 1366, Height = 768 } });
        context.SetDefaultTimeout(60_000);
        await SignInAsync(context, user);
        page = await ResolveAsync(context, list, page);

        // Warm up the pages (JIT, caches), then measure each page's circuits from a settled heap.
        await using (var warm = await OpenAsync(context, page, 1))
        {
            await warm.DisposePagesAsync();
        }

        await using (var warm = await OpenAsync(context, list, 1, live: false))
        {
            await warm.DisposePagesAsync();
        }

        var baselineKb = await KilobytesPerPageAsync(context, baselinePage, circuits, live: true);
        var pageKb = await KilobytesPerPageAsync(context, page, circuits, live: true);
        var listKb = await KilobytesPerPageAsync(context, list, circuits, live: false);

        var alone = await PageChangesAsync(context, list, changes);
        await using var idle = await OpenAsync(context, page, circuits);
        var crowded = await PageChangesAsync(context, list, changes);
        await idle.DisposePagesAsync();

        Console.WriteLine($"circuits: {circuits} per page, user {user}, {Environment.ProcessorCount} cores");
        Console.WriteLine($"KB per circuit  {baselinePage,-12} {baselineKb,8:F1}   (baseline)");
        Console.WriteLine($"KB per circuit  {page} {pageKb,8:F1}   ratio {pageKb / baselineKb:F2}");
        Console.WriteLine($"KB per open page {list,-11} {listKb,8:F1}   (static: no circuit)");
        Console.WriteLine($"{list} page change     0 idle circuits   p50 {alone.P50,7:F1} ms   p95 {alone.P95,7:F1} ms   (baseline, {changes} changes)");
        Console.WriteLine($"{list} page change  {circuits,4} idle circuits   p50 {crowded.P50,7:F1} ms   p95 {crowded.P95,7:F1} ms   ratio p95 {crowded.P95 / alone.P95:F2}");
        if (hold > 0)
        {
            await using var held = await OpenAsync(context, page, circuits);
            SettledHeap();
            Console.WriteLine($"holding {circuits} circuits on {page} for {hold} s: process id {Environment.ProcessId}");
            await Task.Delay(TimeSpan.FromSeconds(hold));
        }

        return 0;
    }

    /// <summary>
    /// <paramref name="page"/> with <c>{first}</c> replaced by the id of the first resident on the
    /// list, the row a station worker opens; fails when the list has a circuit after all.
    /// </summary>
    private static async Task<string> ResolveAsync(IBrowserContext context, string list, string page)
    {
        var tab = await context.NewPageAsync();
        await tab.GotoAsync(list);
        var href = await tab.GetByTestId("resident-link").First.GetAttributeAsync("href")
            ?? throw new InvalidOperationException($"No resident on {list}.");
        if (await tab.Locator("[data-interactive]").CountAsync() > 0)
        {
            throw new InvalidOperationException($"{list} is expected to be static (no circuit).");
        }

        await tab.CloseAsync();
        return page.Replace("{first}", href[(href.LastIndexOf('/') + 1)..], StringComparison.Ordinal);
    }

    private static async Task SignInAsync(IBrowserContext context, string user)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#userName").FillAsync(user);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await page.CloseAsync();
    }

    private static async Task<double> KilobytesPerPageAsync(IBrowserContext context, string path, int count, bool live)
    {
        var before = SettledHeap();
        await using var pages = await OpenAsync(context, path, count, live);
        var after = SettledHeap();
        await pages.DisposePagesAsync();
        return (after - before) / 1024.0 / count;
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

    /// <summary>Opens <paramref name="count"/> tabs on <paramref name="path"/>; <paramref name="live"/>: each waits for its circuit.</summary>
    private static async Task<OpenPages> OpenAsync(IBrowserContext context, string path, int count, bool live = true)
    {
        var pages = new OpenPages();
        for (var i = 0; i < count; i++)
        {
            var page = await context.NewPageAsync();
            pages.Add(page);
            await page.GotoAsync(path);
            await page.Locator(live ? "[data-interactive=true]" : "h1").First.WaitForAsync();
        }

        // Let the last renders and JS interop calls of every circuit finish.
        await Task.Delay(TimeSpan.FromSeconds(2));
        return pages;
    }

    /// <summary>
    /// Times the static list's 下一页 link: from the click until the next page has loaded and its
    /// first row differs (a whole page load: the list has no circuit).
    /// </summary>
    private static async Task<(double P50, double P95)> PageChangesAsync(IBrowserContext context, string path, int changes)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        var firstRow = page.Locator("table tbody tr").First;
        var next = page.GetByTestId("next-page");
        var timings = new List<double>(changes);
        for (var i = 0; i < changes; i++)
        {
            var before = await firstRow.InnerTextAsync();
            var url = page.Url;
            var watch = Stopwatch.StartNew();
            await next.ClickAsync();
            await page.WaitForURLAsync(u => u != url, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Load });
            var after = await firstRow.InnerTextAsync();
            timings.Add(watch.Elapsed.TotalMilliseconds);
            if (after == before)
            {
                throw new InvalidOperationException($"{page.Url}: the first row did not change.");
            }

            if ((i + 1) % 5 == 0)
            {
                // Back to the first page now and then, so the walk stays within the demo data.
                await page.GotoAsync(path);
            }
        }

        await page.CloseAsync();
        timings.Sort();
        return (Percentile(timings, 0.50), Percentile(timings, 0.95));
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private sealed class OpenPages : List<IPage>, IAsyncDisposable
    {
        public async Task DisposePagesAsync()
        {
            foreach (var page in this)
            {
                await page.CloseAsync();
            }

            Clear();
            // Closed pages end their circuits when the socket closes; give the server a moment.
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        public async ValueTask DisposeAsync() => await DisposePagesAsync();
    }

    private sealed class Portal(string database) : WebApplicationFactory<EmploymentPortal.Web.SharedResource>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseContentRoot(WebProjectDirectory());
            builder.UseStaticWebAssets();
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Portal", $"Data Source={database}");
            builder.UseSetting("Demo:Password", Password);
            builder.UseSetting("Demo:SeedOnStartup", "true");
            builder.UseSetting("Keys:File", database + ".keys.json");
            builder.UseSetting("Audit:AnchorFile", database + ".anchors.jsonl");
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
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

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm", ".keys.json", ".anchors.jsonl" })
            {
                File.Delete(database + suffix);
            }
        }
    }
}
