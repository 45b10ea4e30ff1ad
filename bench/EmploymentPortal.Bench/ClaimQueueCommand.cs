using System.Diagnostics;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Claims;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace EmploymentPortal.Bench;

/// <summary>
/// <c>claims-queue</c>: loads synthetic claims (binary COPY, PostgreSQL) for the residents already
/// in the database (run <c>generate</c> first) up to <c>--claims</c>, then times the officers'
/// review queue first page — the same query as <c>ClaimQueries.ListAsync(reviewQueue: true)</c>
/// (count + 20 rows, oldest submission first, enterprise name) — and prints p50/p95/max.
/// </summary>
internal static class ClaimQueueCommand
{
    public const string Usage = "claims-queue --connection \"<npgsql cs>\" [--claims 2000000] [--review-share 0.05] [--runs 200]";

    private static readonly ClaimStatus[] ReviewStatuses = [ClaimStatus.Submitted, ClaimStatus.UnderReview, ClaimStatus.AwaitingSecondApproval];
    private static readonly ClaimStatus[] DoneStatuses = [ClaimStatus.Paid, ClaimStatus.Paid, ClaimStatus.Paid, ClaimStatus.Approved, ClaimStatus.Rejected, ClaimStatus.Withdrawn, ClaimStatus.Draft, ClaimStatus.InPaymentBatch];

    public static async Task<int> RunAsync(string[] args)
    {
        string? connection = null;
        long target = 2_000_000;
        double reviewShare = 0.05;
        int runs = 200;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--connection": connection = args[i + 1]; break;
                case "--claims": target = long.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--review-share": reviewShare = double.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine(Usage); return 2;
            }
        }

        if (connection is null)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        BenchKeys.Configure(builder, DatabaseProvider.Postgres, connection);
        await using var db = new PortalDbContext(builder.Options);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await db.Database.MigrateAsync();

        var existing = await db.Claims.LongCountAsync();
        if (existing < target)
        {
            var residents = await db.Residents.AsNoTracking().OrderBy(r => r.Id).Take(100_000)
                .Join(db.Communities, r => r.CommunityId, c => c.Id, (r, c) => new { r.Id, r.Name, r.CommunityId, c.StreetId })
                .Join(db.Streets, x => x.StreetId, s => s.Id, (x, s) => new { x.Id, x.Name, x.CommunityId, s.DistrictId })
                .ToListAsync();
            if (residents.Count == 0)
            {
                Console.Error.WriteLine("No residents: run `generate` first.");
                return 2;
            }

            var clock = Stopwatch.StartNew();
            var conn = (NpgsqlConnection)db.Database.GetDbConnection();
            await conn.OpenAsync();
            var random = new Random(6);
            var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
            await using (var writer = await conn.BeginBinaryImportAsync(
                """COPY "Claims" ("Id", "Number", "Benefit", "RuleId", "RuleTitle", "ClaimantKind", "ResidentId", "CommunityId", "DistrictId", "PersonName", "FactSource", "StatedFactsJson", "FactsJson", "DecisionJson", "CatalogueVersion", "DecidedOn", "Outcome", "MissingFacts", "Status", "PayeeName", "PayeeAccount", "PreparedById", "PreparedByName", "PreparedAt", "SubmittedAt", "AmountFen", "SupervisionFlag", "Version") FROM STDIN (FORMAT BINARY)"""))
            {
                writer.Timeout = TimeSpan.FromMinutes(30);
                for (var n = existing; n < target; n++)
                {
                    var r = residents[random.Next(residents.Count)];
                    var prepared = start.AddSeconds(random.Next(0, 60 * 60 * 24 * 600));
                    var status = random.NextDouble() < reviewShare ? ReviewStatuses[random.Next(ReviewStatuses.Length)] : DoneStatuses[random.Next(DoneStatuses.Length)];
                    var id = Guid.CreateVersion7(prepared);
                    await writer.StartRowAsync();
                    await writer.WriteAsync(id, NpgsqlDbType.Uuid);
                    await writer.WriteAsync($"BT{prepared:yyyyMMdd}-{n:X10}", NpgsqlDbType.Varchar);
                    await writer.WriteAsync("entrepreneurship", NpgsqlDbType.Varchar);
                    await writer.WriteAsync("nanhe-2020-1.entrepreneurship-returning-migrant", NpgsqlDbType.Varchar);
                    await writer.WriteAsync("返乡农民工一次性创业补贴", NpgsqlDbType.Varchar);
                    await writer.WriteAsync(nameof(ClaimantKind.Station), NpgsqlDbType.Varchar);
                    await writer.WriteAsync(r.Id, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(r.CommunityId, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(r.DistrictId, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(r.Name, NpgsqlDbType.Varchar);
                    await writer.WriteAsync("resident-records", NpgsqlDbType.Varchar);
                    await writer.WriteAsync("{}", NpgsqlDbType.Text);
                    await writer.WriteAsync("{}", NpgsqlDbType.Text);
                    await writer.WriteAsync("{}", NpgsqlDbType.Text);
                    await writer.WriteAsync("bench", NpgsqlDbType.Varchar);
                    await writer.WriteAsync(DateOnly.FromDateTime(prepared.UtcDateTime), NpgsqlDbType.Date);
                    await writer.WriteAsync(nameof(ClaimOutcome.Eligible), NpgsqlDbType.Varchar);
                    await writer.WriteAsync(string.Empty, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(status.ToString(), NpgsqlDbType.Varchar);
                    await writer.WriteAsync(r.Name, NpgsqlDbType.Varchar);
                    await writer.WriteAsync("6222020200112233", NpgsqlDbType.Varchar);
                    await writer.WriteAsync("bench", NpgsqlDbType.Varchar);
                    await writer.WriteAsync("bench", NpgsqlDbType.Varchar);
                    await writer.WriteAsync(prepared, NpgsqlDbType.TimestampTz);
                    if (status == ClaimStatus.Draft)
                    {
                        await writer.WriteNullAsync();
                    }
                    else
                    {
                        await writer.WriteAsync(prepared.AddHours(1), NpgsqlDbType.TimestampTz);
                    }

                    await writer.WriteAsync(500_000L, NpgsqlDbType.Bigint);
                    await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                    await writer.WriteAsync(0L, NpgsqlDbType.Bigint);
                }

                await writer.CompleteAsync();
            }

            Console.WriteLine($"Loaded {target - existing:N0} claims in {clock.Elapsed.TotalSeconds:F1} s.");
            await db.Database.ExecuteSqlRawAsync("ANALYZE \"Claims\"");
        }

        var inReview = await db.Claims.LongCountAsync(c => c.Status == ClaimStatus.Submitted || c.Status == ClaimStatus.UnderReview || c.Status == ClaimStatus.AwaitingSecondApproval);
        Console.WriteLine($"{await db.Claims.LongCountAsync():N0} claims, {inReview:N0} waiting for review.");

        foreach (var (name, withCount) in new[] { ("first page with total", true), ("first page only", false) })
        {
            var times = new List<double>(runs);
            for (var i = 0; i < runs + 10; i++)
            {
                var clock = Stopwatch.StartNew();
                await FirstPageAsync(db, withCount);
                if (i >= 10)
                {
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }
            }

            times.Sort();
            Console.WriteLine($"review queue, {name}: p50 {times[times.Count / 2]:F1} ms, p95 {times[(int)(times.Count * 0.95)]:F1} ms, max {times[^1]:F1} ms ({runs} runs)");
        }

        return 0;
    }

    /// <summary>The query of <c>ClaimQueries.ListAsync</c> for an officer's review queue, page 1 of 20.</summary>
    private static async Task FirstPageAsync(PortalDbContext db, bool withCount)
    {
        var query = db.Claims.AsNoTracking()
            .Where(c => c.Status == ClaimStatus.Submitted || c.Status == ClaimStatus.UnderReview || c.Status == ClaimStatus.AwaitingSecondApproval);
        if (withCount)
        {
            _ = await query.CountAsync();
        }

        _ = await query.OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id).Take(20)
            .Select(c => new { c.Id, c.Number, c.Benefit, c.RuleTitle, c.PersonName, Enterprise = db.Enterprises.Where(e => e.Id == c.EnterpriseId).Select(e => e.Name).FirstOrDefault(), c.Status, c.Amount, c.SubmittedAt })
            .ToListAsync();
    }
}
